"""Promise 4a: overload. 300 articles through the batch endpoint, from concurrent clients,
onto a real stack; every one ends ``done`` or ``failed``, none missing, none stored twice.
``bench/overload.py`` runs the same with 10,000 and prints figures."""

from __future__ import annotations

import pytest

from bench.overload import count_rows, submit_all, synthetic_articles, wait_drained
from storage.migrate import upgrade
from tests.conftest import start_api, start_beat, start_worker
from tests.faults.conftest import fault_settings

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

N = 300


def test_overload_batch_drains_without_loss_or_duplicates(tmp_path, pg_url, redis_url, processes):
    settings = fault_settings(tmp_path, pg_url, redis_url, EVENTWIRE_TASK_LEASE_SECONDS="120",
                              EVENTWIRE_REQUEUE_AFTER="3")  # fmt: skip
    upgrade(pg_url)
    start_worker(processes, settings, concurrency=2)
    start_beat(processes, settings)
    _, base = start_api(processes, settings, workers=2)

    articles = synthetic_articles(N)
    sub = submit_all(base, articles, clients=3)
    assert sub["accepted"] == N and sub["rejected"] == 0 and sub["created"] == N, sub
    assert len(set(sub["ids"])) == N
    # The same articles again, while the first ones are processing: nothing new.
    again = submit_all(base, articles[:100], clients=2)
    assert again["created"] == 0 and set(again["ids"]) <= set(sub["ids"]), again

    counts = wait_drained(pg_url, N, timeout=600)
    finished = counts["statuses"].get("done", 0) + counts["statuses"].get("failed", 0)
    print("overload:", {"accepted": sub["accepted"], **{k: v for k, v in counts.items() if k != "ids"},
                        "submit_seconds": round(sub["submit_seconds"], 1)})  # fmt: skip
    assert counts["articles"] == N, counts["statuses"]
    assert finished == N, counts["statuses"]
    assert counts["ids"] == set(sub["ids"]), "missing or unexpected articles"
    assert counts["duplicate_articles"] == 0
    assert counts["duplicate_events"] == 0
    assert counts["events"] == counts["events_in_results"]
    assert count_rows(pg_url)["articles"] == N
