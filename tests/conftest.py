"""Fixtures shared by every suite: settings on temp SQLite files, the real PostgreSQL and
Redis of this machine, and real worker / API processes.

When ``CI=true`` a test whose service is missing fails; elsewhere it is skipped with the
reason, so a laptop without PostgreSQL can still run the rest.
"""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from eventwire.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def _find_shared() -> Path:
    """../shared beside the checkout (CI, a clone), else beside any parent (a worktree)."""
    if os.environ.get("EVENTWIRE_SHARED"):
        return Path(os.environ["EVENTWIRE_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _find_shared()
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
GOLD = SHARED / "gold" / "seeds.jsonl"
PG_ADMIN_URL = os.environ.get(
    "EVENTWIRE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("EVENTWIRE_TEST_REDIS", "redis://127.0.0.1:6379")
IN_CI = os.environ.get("CI", "").lower() == "true"


def service_missing(what: str, why: str) -> None:
    """Fail in CI, skip elsewhere."""
    message = f"{what} is not reachable: {why}"
    if IN_CI:
        pytest.fail(message + " (CI=true: required services must be present)")
    pytest.skip(message)


def seed_published_at() -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for line in GOLD.read_text().splitlines():
        rec = json.loads(line)
        out[rec["file"]] = rec.get("published_at")
    return out


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    if not SEEDS:
        pytest.fail(f"no seed articles under {SHARED / 'seeds'}")
    return SEEDS


# -- settings ---------------------------------------------------------------------------


def make_settings(tmp: Path, **overrides: Any) -> Settings:
    env = {
        "EVENTWIRE_DATA_DIR": str(tmp),
        "EVENTWIRE_DATABASE_URL": f"sqlite:///{tmp / 'eventwire.sqlite3'}",
        "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp / 'broker.sqlite3'}",
    }
    return load_settings(env).with_overrides(**overrides)


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a child process load ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env.update(
        EVENTWIRE_DATA_DIR=str(settings.data_dir),
        EVENTWIRE_DATABASE_URL=settings.database_url,
        EVENTWIRE_BROKER_URL=settings.broker_url,
        EVENTWIRE_TASK_LEASE_SECONDS=str(settings.task_lease_seconds),
        EVENTWIRE_MAX_ATTEMPTS=str(settings.max_attempts),
        EVENTWIRE_SWEEP_INTERVAL=str(settings.sweep_interval_seconds),
        EVENTWIRE_REQUEUE_AFTER=str(settings.requeue_after_seconds),
        EVENTWIRE_EXTRACT_TIME_LIMIT=str(settings.extract_soft_time_limit),
        EVENTWIRE_LOG_LEVEL=settings.log_level,
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    if settings.api_tokens:
        env["EVENTWIRE_API_TOKENS"] = ",".join(settings.api_tokens)
    if settings.redis_url:
        env["EVENTWIRE_REDIS_URL"] = settings.redis_url
    if settings.webhook_allow_hosts:
        env["EVENTWIRE_WEBHOOK_ALLOW_HOSTS"] = ",".join(settings.webhook_allow_hosts)
    if settings.rate_limit:
        env["EVENTWIRE_RATE_LIMIT"] = settings.rate_limit
    env.update({k: str(v) for k, v in settings.extra.items()})
    return env


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def migrated(settings: Settings) -> Settings:
    from storage.migrate import upgrade

    upgrade(settings.database_url)
    return settings


@pytest.fixture
def app(migrated: Settings):  # type: ignore[no-untyped-def]
    from service.app import create_app

    application = create_app(migrated)
    yield application
    application.extensions["eventwire.db"].dispose()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


# -- real services ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001
        service_missing("PostgreSQL", str(exc).splitlines()[0])
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    from sqlalchemy import create_engine, text

    name = "ew_test_" + uuid.uuid4().hex[:10]
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_admin_url.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def redis_base_url() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as exc:  # noqa: BLE001
        service_missing("Redis", str(exc))
    return REDIS_URL


# A random start spreads concurrent local test runs over Redis's 16 logical databases.
_redis_dbs = iter(random.Random().sample(range(1, 16), 15))


@pytest.fixture
def redis_url(redis_base_url: str) -> Iterator[str]:
    """A Redis logical database of its own, emptied before and after the test."""
    import redis

    url = f"{redis_base_url}/{next(_redis_dbs, 15)}"
    r = redis.Redis.from_url(url)
    r.flushdb()
    yield url
    r.flushdb()
    r.close()


@pytest.fixture
def pg_redis_settings(tmp_path: Path, pg_url: str, redis_url: str) -> Settings:
    from eventwire.config import load_settings as _load

    base = _load(
        {
            "EVENTWIRE_DATA_DIR": str(tmp_path),
            "EVENTWIRE_DATABASE_URL": pg_url,
            "EVENTWIRE_BROKER_URL": redis_url,
        }
    )
    return base


# -- real processes -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proc:
    """A child process with its output in a log file, stopped at teardown."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.cmd = cmd
        self.log_path = log_dir / f"{name}-{uuid.uuid4().hex[:6]}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.popen = subprocess.Popen(
            cmd, env=env, stdout=self._log, stderr=subprocess.STDOUT, cwd=ROOT
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, needle: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log():
                return
            if self.popen.poll() is not None:
                raise AssertionError(
                    f"{self.name} exited ({self.popen.returncode}):\n{self.log()[-3000:]}"
                )
            time.sleep(0.2)
        raise AssertionError(
            f"{self.name}: {needle!r} not seen in {timeout}s:\n{self.log()[-3000:]}"
        )

    def stop(self, sig: int | None = None, timeout: float = 20) -> None:
        if self.popen.poll() is None:
            if sig is None:
                self.popen.terminate()
            else:
                self.popen.send_signal(sig)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self._log.close()


@pytest.fixture
def processes(tmp_path: Path) -> Iterator[Callable[..., Proc]]:
    started: list[Proc] = []

    def start(name: str, cmd: list[str], env: dict[str, str]) -> Proc:
        proc = Proc(name, cmd, env, tmp_path)
        started.append(proc)
        return proc

    yield start
    for proc in reversed(started):
        proc.stop()


def start_worker(processes: Callable[..., Proc], settings: Settings, concurrency: int = 1) -> Proc:
    from eventwire.processes import worker_command

    proc = processes("worker", worker_command(concurrency), settings_env(settings))
    proc.wait_for_log("ready.", timeout=90)
    return proc


def start_beat(processes: Callable[..., Proc], settings: Settings) -> Proc:
    from eventwire.processes import beat_command

    proc = processes("beat", beat_command(settings), settings_env(settings))
    proc.wait_for_log("beat: Starting", timeout=60)
    return proc


def start_api(
    processes: Callable[..., Proc], settings: Settings, workers: int = 1
) -> tuple[Proc, str]:
    from eventwire.processes import api_command

    port = free_port()
    proc = processes("api", api_command("127.0.0.1", port, workers), settings_env(settings))
    base = f"http://127.0.0.1:{port}"
    wait_http(base + "/livez", proc)
    return proc, base


def wait_http(url: str, proc: Proc | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        if proc is not None and proc.popen.poll() is not None:
            raise AssertionError(f"{proc.name} exited:\n{proc.log()[-3000:]}")
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer in {timeout}s")


def wait_articles(
    base: str, ids: list[str], timeout: float = 300, headers: dict[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """Poll until every article is done or failed; return their final bodies."""
    final: dict[str, dict[str, Any]] = {}
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=base, timeout=10, headers=headers or {}) as c:
        while time.monotonic() < deadline and len(final) < len(ids):
            for article_id in ids:
                if article_id in final:
                    continue
                body = c.get(f"/v1/articles/{article_id}").json()
                if body["status"] in ("done", "failed"):
                    final[article_id] = body
            time.sleep(0.3)
    missing = [i for i in ids if i not in final]
    assert not missing, f"not finished after {timeout}s: {missing}"
    return final


@pytest.fixture(scope="session")
def result_json_schema() -> dict[str, Any]:
    return json.loads((ROOT / "schemas" / "json" / "article_result.schema.json").read_text())


def assert_offsets_true(result: dict[str, Any]) -> None:
    """Every mention and trigger slices the cleaned text to its own text."""
    text = result["text"]
    for entity in result["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"], (entity["name"], m)
    for event in result["events"]:
        trig = event["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"], (event["id"], trig)
        assert (
            0
            <= event["sentence"]["start"]
            <= trig["start"]
            < trig["end"]
            <= event["sentence"]["end"]
            <= len(text)
        )
        ids = {e["id"] for e in result["entities"]}
        for ref in event["actors"] + event["recipients"]:
            assert ref["entity_id"] in ids
    for quote in result["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
        assert text[quote["start"] : quote["end"]] == quote["text"]


def python() -> str:
    return sys.executable
