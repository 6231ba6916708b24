"""Overload: N articles through the batch endpoint of a real stack; prints figures.

    PYTHONPATH=. python bench/overload.py --articles 10000 --workers 2

Starts its own stack (gunicorn API, Celery worker, beat) on PostgreSQL and Redis (a fresh
database, dropped afterwards; Redis db 14 unless --redis), submits the articles in
batches of 100 from several client threads, waits until every article is ``done`` or
``failed``, then counts rows straight from PostgreSQL: nothing missing, nothing stored
twice. ``tests/faults/test_overload.py`` runs the same with 300 articles in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]

LEADERS = [
    ("The president of Peru", "the prime minister of Japan"),
    ("France", "Russia"),
    ("Germany", "Iran"),
    ("The king of Spain", "the president of Chile"),
    ("Officials from Kenya", "representatives of Ethiopia"),
    ("The foreign minister of India", "his counterpart from Brazil"),
]
PLACES = [
    "Lima",
    "Paris",
    "Berlin",
    "Madrid",
    "Nairobi",
    "Delhi",
    "Cairo",
    "Oslo",
    "Quito",
    "Seoul",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{a} met {b} in {place} on {day} to discuss trade.",
    "{a} accused {b} of attacking a ship near {place} on {day}.",
    "{a} agreed with {b} on {day} to cooperate on energy, officials in {place} said.",
    "{a} rejected a proposal from {b} on {day}, according to diplomats in {place}.",
]


def synthetic_articles(n: int, seed: str = "") -> list[dict[str, Any]]:
    """``n`` distinct short articles that each report an event or two."""
    items = []
    for i in range(n):
        a, b = LEADERS[i % len(LEADERS)]
        text = TEMPLATES[i % len(TEMPLATES)].format(
            a=a, b=b, place=PLACES[(i // 7) % len(PLACES)], day=DAYS[i % len(DAYS)]
        )
        items.append({"text": f"{text} Dispatch {seed}{i}.", "published_at": "2025-03-03"})
    return items


def submit_all(base: str, articles: list[dict[str, Any]], clients: int = 4,
               headers: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    """Send ``articles`` in batches of 100 from ``clients`` threads; ids by index."""
    batches = [articles[i : i + 100] for i in range(0, len(articles), 100)]

    def send(batch: list[dict[str, Any]]) -> dict[str, Any]:
        with httpx.Client(base_url=base, timeout=120, headers=headers or {}) as c:
            for _ in range(10):
                resp = c.post("/v1/articles/batch", json={"articles": batch})
                if resp.status_code in (429, 503):
                    time.sleep(float(resp.headers.get("Retry-After", "1")))
                    continue
                assert resp.status_code == 202, resp.text
                return resp.json()
            raise AssertionError(f"batch refused 10 times: {resp.status_code}")

    started = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(send, batches))
    ids = [item["id"] for answer in answers for item in answer["items"]]
    return {
        "ids": ids,
        "accepted": sum(a["accepted"] for a in answers),
        "rejected": sum(a["rejected"] for a in answers),
        "created": sum(1 for a in answers for item in a["items"] if item.get("created")),
        "submit_seconds": time.monotonic() - started,
    }


def count_rows(database_url: str) -> dict[str, Any]:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            statuses = dict(
                conn.execute(text("SELECT status, count(*) FROM articles GROUP BY status")).all()
            )
            q = {
                "events": "SELECT count(*) FROM events",
                "events_in_results": (
                    "SELECT coalesce(sum(json_array_length((result->'events')::json)), 0) "
                    "FROM articles WHERE status = 'done'"
                ),
                "duplicate_events": "SELECT count(*) FROM (SELECT 1 FROM events "
                "GROUP BY article_id, local_id HAVING count(*) > 1) d",
                "duplicate_articles": "SELECT count(*) FROM (SELECT 1 FROM articles "
                "GROUP BY dedup_key HAVING count(*) > 1) d",
                "max_attempts_seen": "SELECT coalesce(max(attempts), 0) FROM articles",
            }
            out = {k: int(conn.execute(text(sql)).scalar_one()) for k, sql in q.items()}
            ids = {r[0] for r in conn.execute(text("SELECT id FROM articles"))}
    finally:
        engine.dispose()
    return {"statuses": statuses, "articles": sum(statuses.values()), "ids": ids, **out}


def wait_drained(
    database_url: str, expected: int, timeout: float, progress: bool = False
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    last = -1
    while True:
        counts = count_rows(database_url)
        finished = counts["statuses"].get("done", 0) + counts["statuses"].get("failed", 0)
        if progress and finished != last:
            print(f"  {finished}/{expected} finished", file=sys.stderr, flush=True)
            last = finished
        if finished >= expected or time.monotonic() > deadline:
            return counts
        time.sleep(1.0)


# -- a stack of real processes, for the script ------------------------------------------------


@contextmanager
def stack(database_url: str, broker_url: str, workers: int, api_workers: int) -> Iterator[str]:
    from eventwire.config import load_settings
    from eventwire.processes import api_command, beat_command, worker_command
    from storage.migrate import upgrade

    tmp = Path(tempfile.mkdtemp(prefix="eventwire-overload-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env.update(
        EVENTWIRE_DATA_DIR=str(tmp), EVENTWIRE_DATABASE_URL=database_url,
        EVENTWIRE_BROKER_URL=broker_url, EVENTWIRE_LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )  # fmt: skip
    upgrade(database_url)
    settings = load_settings(env)
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    procs = []
    for name, cmd in (
        ("worker", worker_command(workers, "WARNING")),
        ("beat", beat_command(settings, "WARNING")),
        ("api", api_command("127.0.0.1", port, api_workers)),
    ):
        log = open(tmp / f"{name}.log", "wb")  # noqa: SIM115
        procs.append(subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"the API did not become ready; logs in {tmp}")
            time.sleep(0.3)
        yield base
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def fresh_pg(admin_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    name = "ew_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=2, help="Celery worker concurrency")
    p.add_argument("--api-workers", type=int, default=2)
    p.add_argument("--clients", type=int, default=4, help="concurrent submitting threads")
    p.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    p.add_argument("--redis", default="redis://127.0.0.1:6379/14")
    p.add_argument("--timeout", type=float, default=7200)
    args = p.parse_args(argv)

    import redis

    redis.Redis.from_url(args.redis).flushdb()
    articles = synthetic_articles(args.articles, seed=uuid.uuid4().hex[:6] + "-")
    with (
        fresh_pg(args.pg) as db_url,
        stack(db_url, args.redis, args.workers, args.api_workers) as base,
    ):
        started = time.monotonic()
        sub = submit_all(base, articles, clients=args.clients)
        # Resubmitting the first batch must not create anything.
        again = submit_all(base, articles[:100], clients=1)
        counts = wait_drained(db_url, args.articles, args.timeout, progress=True)
        drained = time.monotonic() - started
    missing = len(set(sub["ids"]) - counts["ids"])
    figures = {
        "articles_sent": args.articles,
        "accepted": sub["accepted"],
        "rejected": sub["rejected"],
        "resubmitted_created": again["created"],
        "rows": counts["articles"],
        "done": counts["statuses"].get("done", 0),
        "failed": counts["statuses"].get("failed", 0),
        "still_queued_or_processing": counts["articles"]
        - counts["statuses"].get("done", 0)
        - counts["statuses"].get("failed", 0),
        "missing": missing,
        "duplicate_articles": counts["duplicate_articles"],
        "duplicate_events": counts["duplicate_events"],
        "events": counts["events"],
        "events_in_results": counts["events_in_results"],
        "max_attempts_seen": counts["max_attempts_seen"],
        "submit_seconds": round(sub["submit_seconds"], 1),
        "submit_per_second": round(args.articles / sub["submit_seconds"], 1),
        "drain_seconds": round(drained, 1),
        "processed_per_second": round(args.articles / drained, 2),
        "worker_concurrency": args.workers,
    }
    print(json.dumps(figures, indent=2))
    ok = (
        figures["missing"] == 0 and figures["duplicate_events"] == 0
        and figures["duplicate_articles"] == 0 and figures["still_queued_or_processing"] == 0
        and figures["rows"] == args.articles and figures["resubmitted_created"] == 0
    )  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
