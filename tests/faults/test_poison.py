"""Promise 3: poison input. An article whose extraction raises, or runs past the soft
time limit, is tried EVENTWIRE_MAX_ATTEMPTS times, then ``failed`` with the reason; the
queue keeps moving (a good article submitted after it is done)."""

from __future__ import annotations

import httpx
import pytest

from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker, wait_articles
from tests.faults.conftest import fault_settings, store_counts
from workers.fault_hooks import RAISE_MARKER, SLOW_MARKER

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

GOOD = "France accused Russia of attacking a ship near Odessa on Tuesday."


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        (RAISE_MARKER, "extraction error: InjectedFault"),
        (SLOW_MARKER, "extraction exceeded its time limit of 10 s"),
    ],
    ids=["raises", "time-limit"],
)
def test_poison_article_fails_after_bounded_attempts(
    tmp_path, pg_url, redis_url, processes, marker, reason
):
    # The slow hook sleeps 120 s; the soft limit of 10 s must cut it short each time.
    settings = fault_settings(
        tmp_path, pg_url, redis_url,
        EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS="120", EVENTWIRE_EXTRACT_TIME_LIMIT="10",
        EVENTWIRE_MAX_ATTEMPTS="2", EVENTWIRE_TASK_LEASE_SECONDS="30",
    )  # fmt: skip
    upgrade(pg_url)
    start_worker(processes, settings)
    start_beat(processes, settings)
    _, base = start_api(processes, settings)
    with httpx.Client(base_url=base, timeout=30) as c:
        bad = c.post("/v1/articles", json={"text": f"Officials met in Rome. {marker}"})
        assert bad.status_code == 202, bad.text
        good = c.post("/v1/articles", json={"text": GOOD, "published_at": "2025-03-03"})
        assert good.status_code == 202, good.text
    bad_id, good_id = bad.json()["id"], good.json()["id"]

    final = wait_articles(base, [bad_id, good_id], timeout=240)
    print("poison", marker, {k: (v["status"], v["attempts"], v["error"]) for k, v in final.items()})
    assert final[bad_id]["status"] == "failed", final[bad_id]
    assert final[bad_id]["attempts"] == 2, final[bad_id]
    assert final[bad_id]["error"].startswith(reason), final[bad_id]["error"]
    assert final[bad_id]["result"] is None and final[bad_id]["finished_at"]
    assert final[good_id]["status"] == "done", final[good_id]
    assert final[good_id]["attempts"] == 1
    counts = store_counts(pg_url)
    assert counts["statuses"] == {"done": 1, "failed": 1}, counts
    assert counts["events"] == len(final[good_id]["result"]["events"]), counts
