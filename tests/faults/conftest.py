"""Helpers for the fault tests: settings with short leases, process trees to SIGKILL,
a Redis restart that is always undone, and row counts straight from PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from eventwire.config import Settings, load_settings

REDIS_SERVER_CMD = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


def fault_settings(tmp_path: Path, database_url: str, broker_url: str, **env: str) -> Settings:
    """Settings for a fault test: short lease and sweep so recovery takes seconds."""
    base = {
        "EVENTWIRE_DATA_DIR": str(tmp_path),
        "EVENTWIRE_DATABASE_URL": database_url,
        "EVENTWIRE_BROKER_URL": broker_url,
        "EVENTWIRE_TASK_LEASE_SECONDS": "8",
        "EVENTWIRE_SWEEP_INTERVAL": "1",
        "EVENTWIRE_REQUEUE_AFTER": "1",
        "EVENTWIRE_MAX_ATTEMPTS": "3",
    }
    base.update(env)
    settings = load_settings(base)
    # Variables without a Settings field in tests.conftest.settings_env travel in extra.
    extra = {k: v for k, v in env.items() if k == "EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS"}
    return settings.with_overrides(extra=extra)


# -- processes ----------------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """All processes below ``pid`` (read from /proc; psutil is not a dependency)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def kill_tree(pid: int) -> list[int]:
    """SIGKILL ``pid`` and everything below it at once: no process gets to clean up."""
    victims = [pid, *descendants(pid)]
    for victim in victims:
        with contextlib.suppress(ProcessLookupError):
            os.kill(victim, signal.SIGKILL)
    return victims


# -- Redis --------------------------------------------------------------------------------


def _redis_up() -> bool:
    try:
        return bool(redis.Redis(socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def _start_redis() -> None:
    subprocess.run(REDIS_SERVER_CMD, check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 30
    while not _redis_up():
        if time.monotonic() > deadline:
            raise AssertionError("redis-server did not come back in 30 s")
        time.sleep(0.1)


@contextmanager
def redis_outage() -> Iterator[None]:
    """Stop the machine's Redis without saving (everything queued is lost); it is started
    again when the block ends, whatever happens inside. Keep the block short: other test
    runs share this Redis."""
    try:
        subprocess.run(["redis-cli", "shutdown", "nosave"], capture_output=True, timeout=30)
        deadline = time.monotonic() + 30
        while _redis_up() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _redis_up(), "redis did not stop"
        yield
    finally:
        if not _redis_up():
            _start_redis()


# -- the store, read directly ---------------------------------------------------------------


def store_counts(database_url: str) -> dict[str, Any]:
    """Article and event row counts, and (article, event) pairs stored more than once."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            statuses = dict(
                conn.execute(text("SELECT status, count(*) FROM articles GROUP BY status")).all()
            )
            events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
            dup_events = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT article_id, local_id FROM events "
                    "GROUP BY article_id, local_id HAVING count(*) > 1) d"
                )
            ).scalar_one()
            dup_articles = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT dedup_key FROM articles GROUP BY dedup_key HAVING count(*) > 1) d"
                )
            ).scalar_one()
            result_events = conn.execute(
                text(
                    "SELECT coalesce(sum(json_array_length((result->'events')::json)), 0) FROM articles WHERE status = 'done'"
                )
            ).scalar_one()
            participants = conn.execute(
                text("SELECT count(*) FROM event_participants")
            ).scalar_one()
            entities = conn.execute(text("SELECT count(*) FROM article_entities")).scalar_one()
            result_entities = conn.execute(
                text(
                    "SELECT coalesce(sum(json_array_length((result->'entities')::json)), 0) FROM articles WHERE status = 'done'"
                )
            ).scalar_one()
    finally:
        engine.dispose()
    return {
        "articles": sum(statuses.values()),
        "statuses": statuses,
        "events": events,
        "events_in_results": int(result_events),
        "duplicate_events": dup_events,
        "duplicate_articles": dup_articles,
        "entities": entities,
        "entities_in_results": int(result_entities),
        "participants": participants,
    }


def assert_stored_once(counts: dict[str, Any]) -> None:
    """Each result's events and entities are in their tables exactly once."""
    assert counts["duplicate_events"] == 0, counts
    assert counts["duplicate_articles"] == 0, counts
    assert counts["events"] == counts["events_in_results"], counts
    assert counts["entities"] == counts["entities_in_results"], counts


def article(client: httpx.Client, article_id: str) -> dict[str, Any]:
    resp = client.get(f"/v1/articles/{article_id}")
    assert resp.status_code == 200, resp.text
    return resp.json()


def wait_status(
    client: httpx.Client, article_id: str, statuses: tuple[str, ...], timeout: float = 120
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = article(client, article_id)
        if body["status"] in statuses:
            return body
        time.sleep(0.2)
    raise AssertionError(f"article {article_id} not in {statuses} after {timeout}s: {body}")


@pytest.fixture
def pg_proxy(pg_admin_url: str) -> Iterator[Any]:
    from tests.faults.tcp_proxy import TcpProxy

    proxy = TcpProxy("127.0.0.1", 5432)
    yield proxy
    proxy.close()
