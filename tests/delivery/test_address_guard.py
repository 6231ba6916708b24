"""The address guard refuses internal addresses at registration and again at send time,
before any connection is made."""

from __future__ import annotations

import httpx
import pytest

from storage.articles import ArticleRepository, NewArticle
from storage.db import Database
from storage.migrate import upgrade
from storage.webhooks import WebhookRepository
from tests.delivery.conftest import delivery_settings
from workers.address_guard import AddressRefused, check_url, refusal, resolve_for_send
from workers.delivery import Outbox, dispatch
from workers.webhook_sender import new_secret, send_webhook

REFUSED_URLS = [
    "http://169.254.169.254/latest/meta-data/",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.1/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://127.0.0.1/hook",
    "https://[::1]/hook",
    "https://0.0.0.0/hook",
    "https://192.168.1.10/hook",
    "https://172.16.0.1/hook",
    "https://100.64.0.1/hook",
    "https://224.0.0.1/hook",
    "https://240.0.0.1/hook",
    "https://[fe80::1]/hook",
    "https://[fc00::1]/hook",
    "https://[2002:7f00:1::]/hook",  # 6to4 wrapping 127.0.0.1
    "https://2130706433/hook",  # 127.0.0.1 written as one number
]


def no_traffic() -> httpx.Client:
    """A client whose transport fails the test if the sender ever tries to connect."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"a request was sent to {request.url}")

    return httpx.Client(transport=httpx.MockTransport(handler))


def resolver_to(*ips: str):  # type: ignore[no-untyped-def]
    return lambda host, port: list(ips)


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_internal_addresses_are_refused_at_registration(url: str) -> None:
    with pytest.raises(AddressRefused):
        check_url(url, allow_hosts=())


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_internal_addresses_are_refused_at_send_time_without_traffic(url: str) -> None:
    with no_traffic() as client:
        outcome = send_webhook(client, url, "msg_1", "{}", [new_secret()], allow_hosts=())
    assert not outcome.ok and outcome.status_code is None
    assert outcome.error and outcome.error.startswith("address refused:")


def test_a_name_resolving_to_loopback_is_refused_at_registration_and_send() -> None:
    # "localhost" really resolves to 127.0.0.1 here: no fake resolver.
    with pytest.raises(AddressRefused, match="resolves to 127.0.0.1 is a loopback"):
        check_url("https://localhost/hook", allow_hosts=("127.0.0.1",))
    with no_traffic() as client:
        outcome = send_webhook(client, "https://localhost/hook", "msg_1", "{}", [new_secret()],
                               allow_hosts=("127.0.0.1",))  # fmt: skip
    assert outcome.error and "loopback" in outcome.error


def test_dns_rebinding_is_caught_at_send_time() -> None:
    # At registration the name resolved to a public address; at send time to loopback.
    check_url("https://hooks.example/hook", (), resolver=resolver_to("93.184.216.34"))
    with pytest.raises(AddressRefused, match="loopback"):
        resolve_for_send("https://hooks.example/hook", (), resolver=resolver_to("127.0.0.1"))
    # One bad address among good ones refuses the name.
    with pytest.raises(AddressRefused, match="private"):
        resolve_for_send(
            "https://hooks.example/hook", (), resolver=resolver_to("93.184.216.34", "10.0.0.1")
        )


def test_the_sender_connects_to_the_checked_ip_with_the_original_host() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        outcome = send_webhook(client, "https://hooks.example:8443/in?x=1", "msg_1", "{}", [new_secret()],
                               allow_hosts=(), resolver=resolver_to("93.184.216.34"))  # fmt: skip
    assert outcome.ok
    (request,) = seen
    assert request.url.host == "93.184.216.34" and request.url.port == 8443
    assert request.url.raw_path == b"/in?x=1"
    assert request.headers["host"] == "hooks.example:8443"
    assert request.extensions["sni_hostname"] == "hooks.example"


def test_public_https_and_allowed_hosts_pass() -> None:
    check_url("https://93.184.216.34/hook", ())
    check_url("https://[2606:2800:220:1:248:1893:25c8:1946]/hook", ())
    check_url(
        "https://unresolvable.invalid/hook", (), resolver=resolver_to()
    )  # checked again at send
    check_url("http://127.0.0.1:9/hook", ("127.0.0.1",))
    check_url("http://localhost:9/hook", ("localhost",))
    with pytest.raises(AddressRefused, match="https"):
        check_url("http://93.184.216.34/hook", ())
    assert refusal(__import__("ipaddress").ip_address("8.8.8.8")) is None


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest", "https://10.0.0.1/x",
                                 "https://[::ffff:127.0.0.1]/x", "http://localhost:8080/x",
                                 "http://example.com/x", "ftp://example.com/x", "not a url"])  # fmt: skip
def test_registration_refusal_is_422_naming_url(tmp_path, url) -> None:  # type: ignore[no-untyped-def]
    from service.app import create_app

    settings = delivery_settings(
        {"EVENTWIRE_DATA_DIR": str(tmp_path), "EVENTWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
         "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"},
        EVENTWIRE_WEBHOOK_ALLOW_HOSTS="127.0.0.1",
    )  # fmt: skip
    upgrade(settings.database_url)
    app = create_app(settings)
    resp = app.test_client().post("/v1/webhooks", json={"url": url})
    assert resp.status_code == 422
    assert resp.mimetype == "application/problem+json"
    assert list(resp.json["errors"]) == ["url"]
    app.extensions["eventwire.db"].dispose()


@pytest.mark.postgres
def test_send_time_refusal_is_logged_and_nothing_is_sent(pg_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Endpoints that got past registration (e.g. an allow list changed since) are refused
    at send time: the attempt log says why and no connection is made."""
    settings = delivery_settings(
        {"EVENTWIRE_DATA_DIR": str(tmp_path), "EVENTWIRE_DATABASE_URL": pg_url,
         "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"},
        EVENTWIRE_WEBHOOK_ALLOW_HOSTS="",
    )  # fmt: skip
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    urls = ["http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://localhost/hook"]  # fmt: skip
    with db.session() as s:
        ids = [WebhookRepository(s).create_endpoint(url=u, event_types=["article.processed"], description=None,
                                                    enabled=True, secret=new_secret()).id for u in urls]  # fmt: skip
        article = ArticleRepository(s).submit(NewArticle(text="guard")).article
        ArticleRepository(s).claim(article.id, 60)
        ArticleRepository(s).save_result(article.id, {"article": {"id": article.id}},
                                         on_saved=Outbox.for_settings(settings).on_saved)  # fmt: skip
    with no_traffic() as client:
        report = dispatch(db, settings, client=client)
    assert report.claimed == 4 and report.succeeded == 0
    with db.session() as s:
        repo = WebhookRepository(s)
        for endpoint_id, url in zip(ids, urls, strict=True):
            (view,) = repo.list_deliveries(endpoint_id).items
            (attempt,) = view.attempts
            assert attempt.status_code is None
            assert attempt.error and attempt.error.startswith("address refused"), (
                url,
                attempt.error,
            )
    db.dispose()
