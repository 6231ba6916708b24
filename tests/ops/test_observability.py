"""Metrics and logs across real processes: gunicorn with 2 workers and a Celery worker
sharing one PROMETHEUS_MULTIPROC_DIR, JSON logs carrying the API's request id."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from eventwire.processes import api_command, worker_command
from storage.migrate import upgrade
from tests.conftest import Proc, free_port, make_settings, settings_env, wait_articles, wait_http

pytestmark = pytest.mark.slow

REQUEST_ID = "ops-test-request-0001"
ARTICLE = (
    "Keir Starmer met Donald Trump in Washington on Thursday. The two leaders discussed "
    "trade and Ukraine, and Starmer invited Trump to visit London next year."
)


def scrape(base: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics as {(name, sorted labels): value}."""
    text = httpx.get(base.rstrip("/") + "/metrics", timeout=10).text
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return samples


def value(samples: dict[Any, float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("observability")
    settings = make_settings(tmp, sweep_interval_seconds=5.0)
    upgrade(settings.database_url)
    env = settings_env(settings)
    env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp / "prometheus")
    env["EVENTWIRE_LOG_FORMAT"] = "json"
    (tmp / "prometheus").mkdir()
    worker_port = free_port()
    env["EVENTWIRE_WORKER_METRICS_PORT"] = str(worker_port)
    worker = Proc("worker", worker_command(1), env, tmp)
    port = free_port()
    api = Proc("api", api_command("127.0.0.1", port, 2), env, tmp)
    base = f"http://127.0.0.1:{port}"
    try:
        worker.wait_for_log("ready.", timeout=120)
        wait_http(base + "/livez", api)
        yield {"base": base, "worker": worker, "api": api, "dir": tmp / "prometheus",
               "worker_metrics": f"http://127.0.0.1:{worker_port}"}  # fmt: skip
    finally:
        api.stop()
        worker.stop()


def test_counters_move_across_gunicorn_workers_and_the_celery_worker(stack):  # type: ignore[no-untyped-def]
    base = stack["base"]
    before = scrape(base)
    # Separate connections, so both gunicorn workers take some of the requests; the sum
    # is exact only if /metrics adds up every process's files.
    for _ in range(12):
        assert httpx.get(base + "/livez", timeout=10).status_code == 200
    good = httpx.post(base + "/v1/articles", json={"text": ARTICLE}, timeout=30)
    bad = httpx.post(base + "/v1/articles", json={"text": "1234 5678 -- 90 %%"}, timeout=30)
    assert good.status_code == 202 and bad.status_code == 202, (good.text, bad.text)
    final = wait_articles(base, [good.json()["id"], bad.json()["id"]], timeout=180)
    assert final[good.json()["id"]]["status"] == "done"
    assert final[bad.json()["id"]]["status"] == "failed"
    after = scrape(base)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    livez = moved("eventwire_http_requests_total", method="GET", route="/livez", status="200")
    assert livez == 12
    assert moved("eventwire_articles_submitted_total") == 2
    assert moved("eventwire_articles_done_total") == 1
    assert moved("eventwire_articles_failed_total", reason="unusable_input") == 1
    assert moved("eventwire_extraction_duration_seconds_count") == 1
    assert moved("eventwire_extraction_duration_seconds_sum") > 0
    events = moved("eventwire_events_per_article_sum")
    stored = len(final[good.json()["id"]]["result"]["events"])
    assert events == stored
    assert value(after, "eventwire_articles", status="done") >= 1
    assert value(after, "eventwire_store_up") == 1
    # The files come from several processes: gunicorn workers and the Celery pool child.
    pids = {p.stem.rsplit("_", 1)[-1] for p in Path(stack["dir"]).glob("*.db")}
    assert len(pids) >= 2, pids


def test_request_id_from_the_api_is_in_the_worker_log(stack):  # type: ignore[no-untyped-def]
    base = stack["base"]
    text = ARTICLE + " Officials in Paris condemned the attack."
    resp = httpx.post(
        base + "/v1/articles", json={"text": text}, headers={"X-Request-ID": REQUEST_ID}, timeout=30
    )
    assert resp.status_code == 202, resp.text
    assert resp.headers["X-Request-ID"] == REQUEST_ID
    article_id = resp.json()["id"]
    wait_articles(base, [article_id], timeout=180)

    def json_lines(proc: Proc) -> list[dict[str, Any]]:
        out = []
        for line in proc.log().splitlines():
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
        return out

    worker_lines = [
        rec for rec in json_lines(stack["worker"]) if rec.get("request_id") == REQUEST_ID
    ]
    assert worker_lines, stack["worker"].log()[-3000:]
    done = [rec for rec in worker_lines if rec.get("event") == "article done"]
    assert done and done[0]["article_id"] == article_id and done[0]["process"] == "worker"
    assert done[0]["task"] == "eventwire.extract" and done[0]["level"] == "info"
    api_lines = [rec for rec in json_lines(stack["api"]) if rec.get("request_id") == REQUEST_ID]
    assert any(rec.get("status") == 202 and rec.get("process") == "api" for rec in api_lines), (
        api_lines
    )


def test_worker_serves_its_pool_metrics_on_its_own_port(stack):  # type: ignore[no-untyped-def]
    # Run after the counters test: the pool has processed articles by now.
    samples = scrape(stack["worker_metrics"])
    assert value(samples, "eventwire_articles_done_total") >= 1
    assert value(samples, "eventwire_extraction_duration_seconds_count") >= 1
