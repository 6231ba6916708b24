"""Promise 2c: PostgreSQL unavailable. The API answers 503 problem+json (never 500),
``/readyz`` names the store as the dependency that is down, and workers retry with
back-off and catch up once it is back. The outage is a TCP proxy between the service and
PostgreSQL that the test cuts; the machine's PostgreSQL keeps running for everyone else."""

from __future__ import annotations

import time

import httpx
import pytest

from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker, wait_articles
from tests.faults.conftest import assert_stored_once, fault_settings, store_counts, wait_status
from workers.fault_hooks import SLOW_MARKER

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

IN_FLIGHT = (
    "The president of Peru met the prime minister of Japan in Lima on Monday. " + SLOW_MARKER
)
QUEUED = [
    "France accused Russia of attacking a ship near Odessa on Tuesday.",
    "The president of Chile met the king of Spain in Madrid on Friday to discuss trade.",
]
AFTER = "Germany accused Iran of supplying drones to Russia on Sunday."


def _assert_503(resp: httpx.Response) -> None:
    assert resp.status_code == 503, resp.text
    assert resp.headers["Content-Type"].startswith("application/problem+json"), resp.headers
    body = resp.json()
    assert body["status"] == 503 and body["title"] and body["detail"], body


def test_store_outage_answers_503_and_workers_catch_up(
    tmp_path, pg_url, redis_url, pg_proxy, processes
):
    proxied = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{pg_proxy.port}")
    assert proxied != pg_url
    upgrade(pg_url)
    # In-flight extraction sleeps 4 s (test hook), so the outage starts while it runs.
    settings = fault_settings(tmp_path, proxied, redis_url, EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS="4")
    worker = start_worker(processes, settings)
    start_beat(processes, settings)
    _, base = start_api(processes, settings)

    with httpx.Client(base_url=base, timeout=30) as c:
        assert c.get("/readyz").status_code == 200
        first = c.post("/v1/articles", json={"text": IN_FLIGHT, "published_at": "2025-03-03"})
        assert first.status_code == 202, first.text
        ids = [first.json()["id"]]
        for text in QUEUED:
            resp = c.post("/v1/articles", json={"text": text, "published_at": "2025-03-03"})
            assert resp.status_code == 202, resp.text
            ids.append(resp.json()["id"])
        wait_status(c, ids[0], ("processing",), timeout=60)

        pg_proxy.cut()
        try:
            ready = c.get("/readyz")
            _assert_503(ready)
            assert ready.json()["checks"]["store"].startswith("down"), ready.json()
            assert ready.json()["checks"]["broker"] == "ok", ready.json()
            assert "store" in ready.json()["detail"]
            submit = c.post("/v1/articles", json={"text": AFTER})
            _assert_503(submit)
            assert submit.headers.get("Retry-After")
            _assert_503(c.post("/v1/articles/batch", json={"articles": [{"text": AFTER}]}))
            _assert_503(c.get(f"/v1/articles/{ids[1]}"))
            _assert_503(c.get("/v1/articles"))
            _assert_503(c.get("/v1/events"))
            assert c.get("/livez").status_code == 200
            # The worker meets the outage (saving the in-flight result, claiming the
            # queued ones) and backs off instead of failing the articles.
            worker.wait_for_log("Retry in", timeout=60)
            time.sleep(3)
        finally:
            pg_proxy.restore()

        assert c.get("/readyz").status_code == 200
        after = c.post("/v1/articles", json={"text": AFTER, "published_at": "2025-03-03"})
        assert after.status_code == 202, after.text
        ids.append(after.json()["id"])

    final = wait_articles(base, ids, timeout=240)
    statuses = {i: b["status"] for i, b in final.items()}
    counts = store_counts(pg_url)
    print("store outage:", {"accepted": len(ids), "refused_connections": pg_proxy.refused,
                            "attempts": [b["attempts"] for b in final.values()], **counts})  # fmt: skip
    assert set(statuses.values()) == {"done"}, {i: b["error"] for i, b in final.items()}
    assert counts["articles"] == len(ids)
    assert_stored_once(counts)
