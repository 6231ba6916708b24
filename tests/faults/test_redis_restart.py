"""Promise 2b: Redis restarted while a backlog is queued. Redis keeps nothing on disk here,
so the restart drops every queued message; the sweeper re-sends what stays queued, and
the backlog drains fully, each article processed and stored once."""

from __future__ import annotations

import time

import httpx
import pytest
import redis

from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker, wait_articles
from tests.faults.conftest import assert_stored_once, fault_settings, redis_outage, store_counts

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

N = 40
PLACES = ["Paris", "Cairo", "Lima", "Oslo", "Delhi", "Tokyo", "Nairobi", "Quito"]


def _texts() -> list[str]:
    return [
        f"The president of Peru met the prime minister of Japan in {PLACES[i % len(PLACES)]} "
        f"on Monday to discuss trade. France accused Russia of attacking ship number {i}."
        for i in range(N)
    ]


def test_redis_restart_with_backlog_drains_fully(tmp_path, pg_url, redis_url, processes):
    # Lost messages are re-sent after 20 x EVENTWIRE_REQUEUE_AFTER = 10 s here.
    settings = fault_settings(tmp_path, pg_url, redis_url, EVENTWIRE_REQUEUE_AFTER="0.5")
    upgrade(pg_url)
    start_worker(processes, settings)
    start_beat(processes, settings)
    _, base = start_api(processes, settings)
    broker = redis.Redis.from_url(redis_url)

    with httpx.Client(base_url=base, timeout=60) as c:
        resp = c.post("/v1/articles/batch", json={"articles": [{"text": t} for t in _texts()]})
        assert resp.status_code == 202 and resp.json()["accepted"] == N, resp.text
        ids = [item["id"] for item in resp.json()["items"]]
        # Wait until the worker is busy on the backlog, then take Redis away.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = c.get("/v1/articles", params={"status": "done", "limit": 100}).json()["items"]
            if done:
                break
            time.sleep(0.2)
        backlog = broker.llen("eventwire.extract")
        assert backlog > 0, "the test needs a backlog in Redis at the time of the restart"
        with redis_outage():
            time.sleep(0.5)
        broker = redis.Redis.from_url(redis_url)
        lost = backlog - broker.llen("eventwire.extract")
        print(f"redis restart: backlog {backlog} messages, {lost} lost by the restart")

    final = wait_articles(base, ids, timeout=300)
    statuses = [b["status"] for b in final.values()]
    counts = store_counts(pg_url)
    print("redis restart:", {"accepted": N, "done": statuses.count("done"), **counts})
    assert statuses.count("done") == N, {
        i: b["error"] for i, b in final.items() if b["status"] != "done"
    }
    assert counts["articles"] == N
    assert_stored_once(counts)
