"""Promise 5e: webhook secrets are shown once (create, rotate) and never again: not in any
later answer, not in what is sent to the receiver, not in any log line of the API,
worker or scheduler (run at DEBUG)."""

from __future__ import annotations

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from eventwire.processes import worker_command
from storage.migrate import upgrade
from tests.conftest import settings_env, start_api, start_beat, wait_articles
from tests.delivery.conftest import Receiver, delivery_settings

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]


@pytest.fixture
def receiver():  # type: ignore[no-untyped-def]
    r = Receiver()
    yield r
    r.stop()


def _secret_forms(secret: str) -> list[str]:
    return [secret, secret.removeprefix("whsec_")]


def test_webhook_secrets_never_leak(tmp_path, pg_url, redis_url, processes, receiver):
    settings = delivery_settings(
        {"EVENTWIRE_DATA_DIR": str(tmp_path), "EVENTWIRE_DATABASE_URL": pg_url,
         "EVENTWIRE_BROKER_URL": redis_url, "EVENTWIRE_LOG_LEVEL": "DEBUG"}
    )  # fmt: skip
    upgrade(pg_url)
    worker = processes("worker", worker_command(1, "DEBUG"), settings_env(settings))
    worker.wait_for_log("ready.", timeout=90)
    beat = start_beat(processes, settings)
    api, base = start_api(processes, settings)

    with httpx.Client(base_url=base, timeout=30) as c:
        created = c.post("/v1/webhooks", json={"url": receiver.url(), "description": "faults"})
        assert created.status_code == 201, created.text
        webhook_id, first = created.json()["id"], created.json()["secret"]
        rotated = c.post(f"/v1/webhooks/{webhook_id}/rotate-secret")
        assert rotated.status_code == 200, rotated.text
        second = rotated.json()["secret"]
        assert first != second and second.startswith("whsec_")
        secrets = _secret_forms(first) + _secret_forms(second)

        article = c.post(
            "/v1/articles", json={"text": "France accused Russia of attacking a ship on Monday."}
        )
        assert article.status_code == 202, article.text
        wait_articles(base, [article.json()["id"]], timeout=180)
        (delivery,) = receiver.wait_for(1, timeout=120)
        # Signed with the secret, which itself never travels.
        Webhook(second).verify(delivery.body, delivery.headers)
        sent = delivery.body.decode() + repr(delivery.headers)

        later = [
            c.get(f"/v1/webhooks/{webhook_id}"),
            c.get("/v1/webhooks"),
            c.patch(f"/v1/webhooks/{webhook_id}", json={"description": "still faults"}),
            c.get(f"/v1/webhooks/{webhook_id}/deliveries"),
            c.get("/openapi.json"),
            c.get("/metrics"),
        ]
        for resp in later:
            assert resp.status_code == 200, (resp.request.url, resp.text[:300])
        answers = "\n".join(r.text for r in later)
        assert '"secret"' not in "\n".join(r.text for r in later[:4])

    logs = {"api": api.log(), "worker": worker.log(), "beat": beat.log()}
    assert '"level": "debug"' in logs["worker"] or "DEBUG" in logs["worker"], "logged at DEBUG"
    for secret in secrets:
        assert secret not in answers
        assert secret not in sent
        for name, text in logs.items():
            assert secret not in text, f"a webhook secret appears in the {name} log"
