"""Every seed through the HTTP API and a real worker process, on both stacks:
(a) the embedded SQLite store and broker, (b) PostgreSQL and Redis."""

from __future__ import annotations

import httpx
import jsonschema
import pytest

from storage.migrate import upgrade
from tests.conftest import (
    assert_offsets_true,
    seed_published_at,
    start_api,
    start_beat,
    start_worker,
    wait_articles,
)

pytestmark = pytest.mark.slow


def _run_seeds_through(settings, processes, seeds, schema):  # type: ignore[no-untyped-def]
    # The real stack includes beat: its sweeper re-sends work a broker lost.
    settings = settings.with_overrides(sweep_interval_seconds=2.0, requeue_after_seconds=5.0)
    upgrade(settings.database_url)
    start_worker(processes, settings)
    start_beat(processes, settings)
    _, base = start_api(processes, settings)
    published = seed_published_at()
    ids = []
    with httpx.Client(base_url=base, timeout=30) as c:
        for seed in seeds:
            resp = c.post(
                "/v1/articles",
                json={
                    "text": seed.read_text(),
                    "published_at": published.get(seed.name),
                    "title": seed.stem,
                },
            )
            assert resp.status_code == 202, resp.text
            assert resp.headers["Location"].endswith(resp.json()["id"])
            ids.append(resp.json()["id"])
        # Resubmitting the same article returns the same id.
        again = c.post(
            "/v1/articles",
            json={
                "text": seeds[0].read_text(),
                "published_at": published.get(seeds[0].name),
                "title": seeds[0].stem,
            },
        )
        assert again.status_code == 200 and again.json()["id"] == ids[0]
    final = wait_articles(base, ids, timeout=300)
    for article_id, body in final.items():
        assert body["status"] == "done", body.get("error")
        assert body["attempts"] == 1
        assert body["started_at"] and body["finished_at"]
        result = body["result"]
        jsonschema.validate(result, schema)
        assert result["article"]["id"] == article_id
        assert result["entities"], "every seed names entities"
        assert result["events"], "every seed reports events"
        assert_offsets_true(result)
    with httpx.Client(base_url=base, timeout=30) as c:
        events = c.get("/v1/events", params={"limit": 100}).json()["items"]
        assert len(events) >= len(ids)
        persons = c.get("/v1/entities", params={"type": "PERSON", "q": "trump"}).json()["items"]
        assert persons and persons[0]["articles"] >= 2
        by_entity = c.get("/v1/events", params={"entity": "Trump", "limit": 100}).json()["items"]
        assert by_entity and all(e["article_id"] in ids for e in by_entity)
    return final


def test_seeds_on_embedded_sqlite_stack(settings, processes, seeds, result_json_schema):
    _run_seeds_through(settings, processes, seeds, result_json_schema)


@pytest.mark.redis
@pytest.mark.postgres
def test_seeds_on_redis_and_postgres(pg_redis_settings, processes, seeds, result_json_schema):
    _run_seeds_through(pg_redis_settings, processes, seeds, result_json_schema)
