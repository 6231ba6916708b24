"""Promise 2a: a worker killed with SIGKILL in the middle of extraction loses nothing. The
article's lease runs out, the sweeper queues it again, a new worker finishes it, and its
events are stored once."""

from __future__ import annotations

import time

import httpx
import pytest

from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker, wait_articles
from tests.faults.conftest import (
    assert_stored_once,
    fault_settings,
    kill_tree,
    store_counts,
    wait_status,
)
from workers.fault_hooks import SLOW_MARKER

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

TEXT = (
    "Russia and Ukraine agreed on Tuesday to exchange prisoners, officials in Kyiv said. "
    "Turkey hosted the talks in Istanbul. "
)


def test_sigkill_mid_extraction_is_recovered_once(tmp_path, pg_url, redis_url, processes):
    # The first worker sleeps 600 s inside extraction (test hook): it is surely mid-way
    # when killed. The second runs without the hook, as a normal worker would.
    hooked = fault_settings(tmp_path, pg_url, redis_url, EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS="600")
    plain = fault_settings(tmp_path, pg_url, redis_url)
    upgrade(pg_url)
    first = start_worker(processes, hooked)
    start_beat(processes, plain)
    _, base = start_api(processes, plain)

    with httpx.Client(base_url=base, timeout=30) as c:
        resp = c.post(
            "/v1/articles", json={"text": TEXT + SLOW_MARKER, "published_at": "2025-03-04"}
        )
        assert resp.status_code == 202, resp.text
        article_id = resp.json()["id"]
        body = wait_status(c, article_id, ("processing",), timeout=60)
        assert body["attempts"] == 1
        time.sleep(1)  # well inside the 600 s sleep, after the claim was committed
        victims = kill_tree(first.pid)
        first.popen.wait(timeout=10)
        assert len(victims) >= 2, "the worker and its pool child were killed"
        # Nobody owns the article now; it stays processing until its lease runs out.
        assert c.get(f"/v1/articles/{article_id}").json()["status"] == "processing"

    start_worker(processes, plain)
    final = wait_articles(base, [article_id], timeout=180)[article_id]
    assert final["status"] == "done", final
    assert final["attempts"] == 2, final  # one lost run, one that finished
    counts = store_counts(pg_url)
    print("worker crash:", {"accepted": 1, "attempts": final["attempts"], **counts})
    assert counts["articles"] == 1
    assert counts["events"] == len(final["result"]["events"])
    assert_stored_once(counts)
