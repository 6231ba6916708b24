"""Promise 1: the database is the source of truth. With the broker down at submit time
the API still answers 202 (the row is committed first); once a worker and beat run with
a working broker, the sweeper sends the work and the article finishes."""

from __future__ import annotations

import httpx
import pytest

from storage.migrate import upgrade
from tests.conftest import free_port, start_api, start_beat, start_worker, wait_articles
from tests.faults.conftest import assert_stored_once, fault_settings, store_counts

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

TEXTS = [
    "Officials from France and Germany met in Berlin on Monday to discuss energy policy.",
    "Protesters marched in Madrid on Sunday against the new housing law.",
    "The United Nations sent food aid to Sudan on Tuesday, officials said.",
]


def test_broker_down_at_submit_then_sweeper_recovers(tmp_path, pg_url, redis_url, processes):
    dead_broker = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    api_settings = fault_settings(tmp_path / "api", pg_url, dead_broker)
    good = fault_settings(tmp_path / "good", pg_url, redis_url)
    upgrade(pg_url)
    _, base = start_api(processes, api_settings)

    with httpx.Client(base_url=base, timeout=30) as c:
        ready = c.get("/readyz")
        assert ready.status_code == 503
        assert ready.headers["Content-Type"].startswith("application/problem+json")
        assert ready.json()["checks"]["store"] == "ok"
        assert ready.json()["checks"]["broker"].startswith("down")

        ids = []
        for text in TEXTS:
            resp = c.post("/v1/articles", json={"text": text, "published_at": "2025-03-03"})
            assert resp.status_code == 202, resp.text
            ids.append(resp.json()["id"])
        batch = c.post(
            "/v1/articles/batch",
            json={"articles": [{"text": "Iran rejected the proposal on Friday."}]},
        )
        assert batch.status_code == 202 and batch.json()["accepted"] == 1, batch.text
        ids.append(batch.json()["items"][0]["id"])
        for article_id in ids:
            body = c.get(f"/v1/articles/{article_id}").json()
            assert body["status"] == "queued" and body["attempts"] == 0

    # The broker comes back (here: the processes that have one start); nothing was lost.
    start_worker(processes, good)
    start_beat(processes, good)
    final = wait_articles(base, ids, timeout=180)
    assert {b["status"] for b in final.values()} == {"done"}, {
        i: b["error"] for i, b in final.items()
    }
    counts = store_counts(pg_url)
    print("broker outage:", {"accepted": len(ids), **counts})
    assert counts["articles"] == len(ids)
    assert_stored_once(counts)
