"""``/v1/webhooks`` through the Flask app on SQLite: CRUD, secrets shown once, rotation,
the delivery log, replay, problem+json answers, the OpenAPI document."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta

import pytest
from standardwebhooks.webhooks import Webhook

from storage.articles import ArticleRepository, NewArticle
from storage.migrate import upgrade
from workers.delivery import Outbox, dispatch
from workers.webhook_sender import make_client


@pytest.fixture
def api(sqlite_delivery_settings):  # type: ignore[no-untyped-def]
    from service.app import create_app

    upgrade(sqlite_delivery_settings.database_url)
    app = create_app(sqlite_delivery_settings)
    yield app
    app.extensions["eventwire.db"].dispose()


@pytest.fixture
def client(api):  # type: ignore[no-untyped-def]
    return api.test_client()


def finish(api, text="text") -> str:  # type: ignore[no-untyped-def]
    db = api.extensions["eventwire.db"]
    with db.session() as s:
        article_id = ArticleRepository(s).submit(NewArticle(text=text)).article.id
        ArticleRepository(s).claim(article_id, 60)
    with db.session() as s:
        ArticleRepository(s).save_result(article_id, {"article": {"id": article_id}},
                                         on_saved=Outbox(stream=False).on_saved)  # fmt: skip
    return article_id


def run_dispatch(api) -> None:  # type: ignore[no-untyped-def]
    with make_client(5) as c:
        dispatch(api.extensions["eventwire.db"], api.extensions["eventwire.settings"], client=c)


def test_crud_and_the_secret_is_shown_only_once(client, receiver, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    created = client.post("/v1/webhooks", json={"url": receiver.url(), "description": "ops"})
    assert created.status_code == 201
    body = created.json
    assert body["secret"].startswith("whsec_") and body["event_types"] == [
        "article.processed",
        "article.failed",
    ]
    assert created.headers["Location"] == f"/v1/webhooks/{body['id']}"
    one = client.get(f"/v1/webhooks/{body['id']}").json
    assert "secret" not in one and one["description"] == "ops" and one["enabled"] is True
    listed = client.get("/v1/webhooks").json
    assert [w["id"] for w in listed["items"]] == [body["id"]] and listed["next_cursor"] is None
    assert all("secret" not in json.dumps(w) for w in listed["items"])
    patched = client.patch(
        f"/v1/webhooks/{body['id']}", json={"event_types": ["article.failed"], "enabled": False}
    )
    assert patched.status_code == 200
    assert patched.json["event_types"] == ["article.failed"] and patched.json["enabled"] is False
    assert patched.json["disabled_reason"] == "disabled through the API"
    enabled = client.patch(f"/v1/webhooks/{body['id']}", json={"enabled": True}).json
    assert enabled["enabled"] and enabled["disabled_reason"] is None
    assert client.delete(f"/v1/webhooks/{body['id']}").status_code == 204
    gone = client.get(f"/v1/webhooks/{body['id']}")
    assert gone.status_code == 404 and gone.mimetype == "application/problem+json"
    assert body["secret"] not in caplog.text


def test_list_pagination(client, receiver) -> None:  # type: ignore[no-untyped-def]
    ids = [
        client.post("/v1/webhooks", json={"url": receiver.url(f"/{i}")}).json["id"]
        for i in range(3)
    ]
    first = client.get("/v1/webhooks?limit=2").json
    second = client.get(f"/v1/webhooks?limit=2&cursor={first['next_cursor']}").json
    assert [w["id"] for w in first["items"] + second["items"]] == ids[::-1]
    assert second["next_cursor"] is None


@pytest.mark.parametrize(
    ("method", "path", "payload", "status", "field"),
    [
        ("post", "/v1/webhooks", {}, 422, "url"),
        (
            "post",
            "/v1/webhooks",
            {"url": "http://127.0.0.1:9/x", "event_types": ["article.done"]},
            422,
            "event_types",
        ),
        (
            "post",
            "/v1/webhooks",
            {"url": "http://127.0.0.1:9/x", "event_types": []},
            422,
            "event_types",
        ),
        (
            "post",
            "/v1/webhooks",
            {"url": "http://127.0.0.1:9/x", "enabled": "maybe"},
            422,
            "enabled",
        ),
        ("patch", "/v1/webhooks/{id}", {}, 422, "_schema"),
        ("patch", "/v1/webhooks/{id}", {"url": "https://10.0.0.1/x"}, 422, "url"),
        ("post", "/v1/webhooks/{id}/deliveries/replay", {}, 422, "since"),
        (
            "post",
            "/v1/webhooks/{id}/deliveries/replay",
            {"since": "2025-01-02T00:00:00Z", "until": "2025-01-01T00:00:00Z"},
            422,
            "until",
        ),
        ("post", "/v1/webhooks/{id}/deliveries/replay", {"since": "2025-01-02"}, 422, "since"),
        ("get", "/v1/webhooks/{id}/deliveries?status=lost", None, 422, "status"),
        ("get", "/v1/webhooks/nope", None, 404, None),
        ("get", "/v1/webhooks/nope/deliveries", None, 404, None),
        ("post", "/v1/webhooks/nope/rotate-secret", None, 404, None),
        ("post", "/v1/webhooks/{id}/deliveries/nope/retry", None, 404, None),
    ],
)
def test_problem_answers(client, receiver, method, path, payload, status, field) -> None:  # type: ignore[no-untyped-def]
    hook_id = client.post("/v1/webhooks", json={"url": receiver.url()}).json["id"]
    kwargs = {"json": payload} if payload is not None else {}
    resp = getattr(client, method)(path.format(id=hook_id), **kwargs)
    assert resp.status_code == status, resp.json
    assert resp.mimetype == "application/problem+json"
    if field:
        assert field in resp.json["errors"]


def test_rotation_signs_with_both_secrets_during_the_overlap(api, client, receiver) -> None:  # type: ignore[no-untyped-def]
    hook = client.post("/v1/webhooks", json={"url": receiver.url()}).json
    rotated = client.post(f"/v1/webhooks/{hook['id']}/rotate-secret")
    assert rotated.status_code == 200
    new = rotated.json["secret"]
    assert new.startswith("whsec_") and new != hook["secret"]
    expires = datetime.fromisoformat(rotated.json["previous_secret_expires_at"])
    assert timedelta(hours=23) < expires - datetime.now(UTC) <= timedelta(hours=24)
    finish(api)
    run_dispatch(api)
    (got,) = receiver.requests
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    Webhook(new).verify(got.body, got.headers)
    Webhook(hook["secret"]).verify(got.body, got.headers)


def test_after_the_overlap_only_the_new_secret_signs(tmp_path, receiver) -> None:  # type: ignore[no-untyped-def]
    from service.app import create_app
    from tests.delivery.conftest import delivery_settings

    settings = delivery_settings(
        {"EVENTWIRE_DATA_DIR": str(tmp_path), "EVENTWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
         "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"},
        EVENTWIRE_WEBHOOK_ROTATION_OVERLAP="0.001",
    )  # fmt: skip
    upgrade(settings.database_url)
    app = create_app(settings)
    c = app.test_client()
    hook = c.post("/v1/webhooks", json={"url": receiver.url()}).json
    new = c.post(f"/v1/webhooks/{hook['id']}/rotate-secret").json["secret"]
    finish(app)
    run_dispatch(app)
    (got,) = receiver.requests
    assert len(got.headers["webhook-signature"].split(" ")) == 1
    Webhook(new).verify(got.body, got.headers)
    app.extensions["eventwire.db"].dispose()


def test_delivery_log_retry_and_replay(api, client, receiver) -> None:  # type: ignore[no-untyped-def]
    from tests.delivery.conftest import Reply

    hook = client.post("/v1/webhooks", json={"url": receiver.url()}).json
    receiver.script = [Reply(500, body=b"nope")]
    article_id = finish(api)
    run_dispatch(api)
    page = client.get(f"/v1/webhooks/{hook['id']}/deliveries").json
    (item,) = page["items"]
    assert item["article_id"] == article_id and item["event_type"] == "article.processed"
    assert (
        item["status"] == "pending"
        and item["attempts_count"] == 1
        and item["last_status_code"] == 500
    )
    assert item["attempts"][0]["response_body"] == "nope"
    retried = client.post(f"/v1/webhooks/{hook['id']}/deliveries/{item['id']}/retry")
    assert retried.status_code == 202 and retried.json["status"] == "pending"
    run_dispatch(api)  # the retry is due now, not after the schedule's delay
    done = client.get(f"/v1/webhooks/{hook['id']}/deliveries?status=succeeded").json["items"]
    assert [a["status_code"] for a in done[0]["attempts"]] == [500, 200]
    # Bulk replay touches dead deliveries only, unless asked.
    since = (datetime.now(UTC) - timedelta(minutes=5)).isoformat()
    resp = client.post(f"/v1/webhooks/{hook['id']}/deliveries/replay", json={"since": since})
    assert resp.status_code == 202 and resp.json == {"replayed": 0, "delivery_ids": []}
    resp = client.post(f"/v1/webhooks/{hook['id']}/deliveries/replay",
                       json={"since": since, "statuses": ["dead", "succeeded"]})  # fmt: skip
    assert resp.json["delivery_ids"] == [item["id"]]
    # A disabled endpoint refuses replays until enabled again.
    client.patch(f"/v1/webhooks/{hook['id']}", json={"enabled": False})
    refused = client.post(f"/v1/webhooks/{hook['id']}/deliveries/{item['id']}/retry")
    assert refused.status_code == 409 and refused.mimetype == "application/problem+json"


def test_openapi_documents_the_webhook_paths(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json
    for path in ("/v1/webhooks", "/v1/webhooks/{webhook_id}", "/v1/webhooks/{webhook_id}/rotate-secret",
                 "/v1/webhooks/{webhook_id}/deliveries", "/v1/webhooks/{webhook_id}/deliveries/replay",
                 "/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry"):  # fmt: skip
        assert path in spec["paths"], path
    assert "201" in spec["paths"]["/v1/webhooks"]["post"]["responses"]


def test_metrics_show_deliveries(api, client, receiver) -> None:  # type: ignore[no-untyped-def]
    client.post("/v1/webhooks", json={"url": receiver.url()})
    finish(api)
    text = client.get("/metrics").get_data(as_text=True)
    assert 'eventwire_deliveries{status="pending",target="webhook"} 1.0' in text
    run_dispatch(api)
    text = client.get("/metrics").get_data(as_text=True)
    assert 'eventwire_deliveries{status="succeeded",target="webhook"} 1.0' in text
    assert "eventwire_webhook_endpoints_disabled 0.0" in text
    assert "eventwire_delivery_oldest_due_age_seconds 0.0" in text


def test_unknown_query_parameters_are_422(client, receiver) -> None:  # type: ignore[no-untyped-def]
    hook_id = client.post("/v1/webhooks", json={"url": receiver.url()}).json["id"]
    for path in ("/v1/webhooks?then=null", f"/v1/webhooks/{hook_id}/deliveries?then=null"):
        resp = client.get(path)
        assert resp.status_code == 422 and "then" in resp.json["errors"], resp.json
