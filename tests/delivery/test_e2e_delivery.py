"""Delivery end to end: PostgreSQL, Redis broker, a real worker, beat and API process, and
a real HTTP receiver on loopback. The retry schedule is compressed to "0,1,1,1" seconds."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, datetime, timedelta

import httpx
import jsonschema
import pytest
import redis
from standardwebhooks.webhooks import Webhook

from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker, wait_articles
from tests.delivery.conftest import Reply, delivery_settings
from workers.stream_sink import STREAM_KEY

pytestmark = pytest.mark.slow

TEXT = (
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday. "
    "The two leaders agreed to increase military aid to Ukraine."
)


def _article(tag: str) -> dict[str, str]:
    return {"text": TEXT + f" Reference {tag}.", "published_at": "2025-02-27", "external_id": tag}


def _register(base: str, url: str, **extra: object) -> dict:
    resp = httpx.post(f"{base}/v1/webhooks", json={"url": url, **extra}, timeout=30)
    assert resp.status_code == 201, resp.text
    assert resp.json()["secret"].startswith("whsec_")
    return resp.json()


def _submit(base: str, tag: str) -> str:
    resp = httpx.post(f"{base}/v1/articles", json=_article(tag), timeout=30)
    assert resp.status_code == 202, resp.text
    return resp.json()["id"]


def _deliveries(base: str, webhook_id: str) -> list[dict]:
    resp = httpx.get(f"{base}/v1/webhooks/{webhook_id}/deliveries", timeout=30)
    assert resp.status_code == 200, resp.text
    return resp.json()["items"]


def _wait_delivery(base: str, webhook_id: str, status: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    items: list[dict] = []
    while time.monotonic() < deadline:
        items = _deliveries(base, webhook_id)
        if items and items[0]["status"] == status:
            return items[0]
        time.sleep(0.3)
    raise AssertionError(f"no {status} delivery in {timeout}s: {items}")


def _stack(settings, processes):  # type: ignore[no-untyped-def]
    upgrade(settings.database_url)
    worker = start_worker(processes, settings)
    beat = start_beat(processes, settings)
    _, base = start_api(processes, settings)
    return worker, beat, base


def _schema(name: str) -> dict:
    from schemas.export import OUT_DIR

    return json.loads((OUT_DIR / f"{name}.schema.json").read_text())


@pytest.mark.redis
@pytest.mark.postgres
def test_submitted_article_arrives_signed_and_in_the_stream(
    pg_delivery_settings, processes, receiver
):
    worker, _, base = _stack(pg_delivery_settings, processes)
    hook = _register(base, receiver.url())
    article_id = _submit(base, "signed-1")
    (got,) = receiver.wait_for(1)
    payload = Webhook(hook["secret"]).verify(got.body, got.headers)
    assert payload["type"] == "article.processed"
    assert payload["data"]["article"]["id"] == article_id
    assert payload["data"]["schema_version"] == "1.0"
    jsonschema.validate(payload, _schema("webhook_message"))
    jsonschema.validate(payload["data"], _schema("article_result"))
    assert got.headers["webhook-id"].startswith("msg_")
    final = wait_articles(base, [article_id])[article_id]
    assert payload["data"] == final["result"]
    delivery = _wait_delivery(base, hook["id"], "succeeded")
    assert delivery["message_id"] == got.headers["webhook-id"]
    assert [a["status_code"] for a in delivery["attempts"]] == [200]
    # The Redis Stream carries the same body; a consumer group reads and acknowledges it.
    r = redis.Redis.from_url(pg_delivery_settings.stream_redis_url, decode_responses=True)
    r.xgroup_create(STREAM_KEY, "consumers", id="0", mkstream=True)
    deadline = time.monotonic() + 60
    entries: list = []
    while time.monotonic() < deadline and not entries:
        batch = r.xreadgroup("consumers", "c1", {STREAM_KEY: ">"}, count=100, block=500)
        # Filter by id: concurrent test sessions on this machine may share the db number.
        entries = [
            e
            for e in (batch[0][1] if batch else [])
            if e[1]["webhook_id"] == got.headers["webhook-id"]
        ]
    assert len(entries) == 1, entries
    entry_id, fields = entries[0]
    assert json.loads(fields["payload"]) == payload
    assert fields["webhook_id"] == got.headers["webhook-id"]
    assert r.xack(STREAM_KEY, "consumers", entry_id) == 1
    pending = r.xpending_range(STREAM_KEY, "consumers", min="-", max="+", count=100)
    assert entry_id not in [p["message_id"] for p in pending]
    time.sleep(1.5)  # a few dispatcher runs later: still exactly one POST
    assert len(receiver.requests) == 1
    assert "whsec_" not in worker.log()


@pytest.mark.redis
@pytest.mark.postgres
def test_500_then_429_retry_after_then_200(pg_delivery_settings, processes, receiver):
    receiver.script = [
        Reply(500, body=b"boom"),
        Reply(429, {"Retry-After": "1"}, b"slow down"),
        Reply(200),
    ]
    _, _, base = _stack(pg_delivery_settings, processes)
    hook = _register(base, receiver.url())
    _submit(base, "retry-1")
    got = receiver.wait_for(3)
    assert len({g.headers["webhook-id"] for g in got}) == 1
    secret = Webhook(hook["secret"])
    for g in got:
        secret.verify(g.body, g.headers)  # each attempt is signed afresh, and verifies
    assert got[2].at - got[1].at >= 1.0, "Retry-After: 1 was honoured"
    delivery = _wait_delivery(base, hook["id"], "succeeded")
    attempts = delivery["attempts"]
    assert [a["status_code"] for a in attempts] == [500, 429, 200]
    assert attempts[0]["response_body"] == "boom" and attempts[0]["error"] == "HTTP 500"
    assert attempts[1]["response_body"] == "slow down"
    assert all(a["duration_ms"] >= 0 and a["attempted_at"] for a in attempts)
    assert delivery["message_id"] == got[0].headers["webhook-id"]
    time.sleep(1.5)
    assert len(receiver.requests) == 3


@pytest.mark.redis
@pytest.mark.postgres
def test_receiver_down_goes_dead_then_replay_delivers(
    pg_delivery_settings, processes, make_receiver
):
    from tests.conftest import free_port

    port = free_port()  # nothing listens here until the replay
    _, _, base = _stack(pg_delivery_settings, processes)
    hook = _register(base, f"http://127.0.0.1:{port}/hook")
    _submit(base, "dead-1")
    dead = _wait_delivery(base, hook["id"], "dead")
    assert len(dead["attempts"]) == 4  # the whole compressed schedule "0,1,1,1"
    assert all(a["status_code"] is None and a["error"] for a in dead["attempts"])
    receiver = make_receiver(port)
    # Bulk replay of dead deliveries in a time range (only dead ones by default).
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    resp = httpx.post(
        f"{base}/v1/webhooks/{hook['id']}/deliveries/replay", json={"since": since}, timeout=30
    )
    assert resp.status_code == 202, resp.text
    assert resp.json()["delivery_ids"] == [dead["id"]]
    (got,) = receiver.wait_for(1)
    assert got.headers["webhook-id"] == dead["message_id"]
    Webhook(hook["secret"]).verify(got.body, got.headers)
    done = _wait_delivery(base, hook["id"], "succeeded")
    assert len(done["attempts"]) == 5
    # Replaying one delivery sends the same message again, with the same webhook-id.
    resp = httpx.post(f"{base}/v1/webhooks/{hook['id']}/deliveries/{dead['id']}/retry", timeout=30)
    assert resp.status_code == 202, resp.text
    again = receiver.wait_for(2)
    assert again[1].headers["webhook-id"] == dead["message_id"]


@pytest.mark.redis
@pytest.mark.postgres
def test_worker_killed_before_delivery_delivers_after_restart(
    tmp_path, pg_url, redis_url, processes, receiver
):
    crash_file = tmp_path / "crash-before-send"
    crash_file.touch()
    settings = delivery_settings(
        {
            "EVENTWIRE_DATA_DIR": str(tmp_path),
            "EVENTWIRE_DATABASE_URL": pg_url,
            "EVENTWIRE_BROKER_URL": redis_url,
            "EVENTWIRE_TASK_LEASE_SECONDS": "10",
            "EVENTWIRE_SWEEP_INTERVAL": "2",
        },
        EVENTWIRE_TEST_DELIVERY_CRASH_FILE=str(crash_file),
    )
    worker, _, base = _stack(settings, processes)
    hook = _register(base, receiver.url())
    article_id = _submit(base, "kill-1")
    # The deliver task leased the delivery, then SIGKILLed its worker before sending.
    worker.popen.wait(timeout=120)
    assert worker.popen.returncode == -signal.SIGKILL, worker.log()[-2000:]
    assert not crash_file.exists()
    body = httpx.get(f"{base}/v1/articles/{article_id}", timeout=30).json()
    assert body["status"] == "done", "the result was stored before the kill"
    pending = _deliveries(base, hook["id"])
    assert len(pending) == 1 and pending[0]["status"] == "pending" and pending[0]["attempts"] == []
    assert receiver.requests == []
    start_worker(processes, settings)
    (got,) = receiver.wait_for(1)
    Webhook(hook["secret"]).verify(got.body, got.headers)
    assert got.headers["webhook-id"] == pending[0]["message_id"]
    done = _wait_delivery(base, hook["id"], "succeeded")
    assert [a["status_code"] for a in done["attempts"]] == [200]
    time.sleep(3)  # a few dispatcher runs later
    assert len(receiver.requests) == 1, "exactly one message"


def test_embedded_sqlite_stack_delivers_too(sqlite_delivery_settings, processes, receiver):
    """The `eventwire up` stack (SQLite store and broker, no Redis): webhooks still flow."""
    _, _, base = _stack(sqlite_delivery_settings, processes)
    hook = _register(base, receiver.url())
    article_id = _submit(base, "sqlite-1")
    (got,) = receiver.wait_for(1)
    payload = Webhook(hook["secret"]).verify(got.body, got.headers)
    assert payload["data"]["article"]["id"] == article_id
    assert _wait_delivery(base, hook["id"], "succeeded")["message_id"] == got.headers["webhook-id"]
