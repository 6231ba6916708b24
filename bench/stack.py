"""Real Eventwire processes for the benchmarks, on a temporary store.

The same command lines as ``eventwire up`` and docker-compose (``eventwire.processes``):
gunicorn for the API, ``celery worker`` for the workers. ``Stack`` starts them with an
environment of their own (store, broker, metrics directory) and stops them at exit.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from eventwire.config import Settings, load_settings
from eventwire.processes import api_command, worker_command

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proc:
    """A child process whose output goes to a log file."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.log_path = log_dir / f"{name}-{uuid.uuid4().hex[:6]}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(
            cmd,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def wait_for_log(self, needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log():
                return
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError(
            f"{self.name}: {needle!r} not seen in {timeout} s:\n{self.log()[-2000:]}"
        )

    def stop(self, timeout: float = 20) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
        self._log.close()


def child_pids(pid: int) -> list[int]:
    """Direct children of ``pid`` (a Celery worker's pool processes)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append(int(entry.name))
    return sorted(out)


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of a process, in MB; 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time used so far by ``pids`` (gone processes count 0)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


class Stack:
    """An API and workers on one store; ``env`` overrides settings of the children."""

    def __init__(
        self,
        workdir: Path,
        database_url: str | None = None,
        broker_url: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.dir = workdir
        base = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
        base.update(
            EVENTWIRE_DATA_DIR=str(workdir),
            EVENTWIRE_DATABASE_URL=database_url or f"sqlite:///{workdir / 'eventwire.sqlite3'}",
            EVENTWIRE_BROKER_URL=broker_url or f"sqla+sqlite:///{workdir / 'broker.sqlite3'}",
            EVENTWIRE_LOG_LEVEL="WARNING",
            PROMETHEUS_MULTIPROC_DIR=str(workdir / "prometheus"),
            PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        )
        base.update(env or {})
        (workdir / "prometheus").mkdir(parents=True, exist_ok=True)
        self.env = base
        self.settings: Settings = load_settings(base)
        self.procs: list[Proc] = []
        self.api_proc: Proc | None = None
        from storage.migrate import upgrade

        upgrade(self.settings.database_url)

    def api(self, workers: int = 2) -> str:
        port = free_port()
        proc = Proc("api", api_command("127.0.0.1", port, workers), self.env, self.dir)
        self.procs.append(proc)
        self.api_proc = proc
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/livez", timeout=2).status_code == 200:
                    return base
            except httpx.HTTPError:
                pass
            if proc.popen.poll() is not None:
                raise RuntimeError(f"API exited:\n{proc.log()[-2000:]}")
            time.sleep(0.2)
        raise RuntimeError("API did not answer in 60 s")

    def worker(self, concurrency: int = 1) -> Proc:
        proc = Proc("worker", worker_command(concurrency, "WARNING"), self.env, self.dir)
        self.procs.append(proc)
        # The pool processes load the model in worker_process_init; wait until each has.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            kids = child_pids(proc.pid)
            if len(kids) >= concurrency and all(rss_mb(k) > 150 for k in kids):
                return proc
            if proc.popen.poll() is not None:
                raise RuntimeError(f"worker exited:\n{proc.log()[-2000:]}")
            time.sleep(0.3)
        raise RuntimeError("worker pool did not load the model in 180 s")

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.stop()
        self.procs.clear()


@contextmanager
def sqlite_stack(env: dict[str, str] | None = None) -> Iterator[Stack]:
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        stack = Stack(Path(tmp), env=env)
        try:
            yield stack
        finally:
            stack.stop()


@contextmanager
def pg_redis_stack(
    pg_admin_url: str, redis_url: str, env: dict[str, str] | None = None
) -> Iterator[Stack]:
    """A fresh PostgreSQL database, dropped afterwards, and the Redis at ``redis_url``."""
    from sqlalchemy import create_engine, text

    name = "ew_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
            url = pg_admin_url.rsplit("/", 1)[0] + "/" + name
            stack = Stack(Path(tmp), database_url=url, broker_url=redis_url, env=env)
            try:
                yield stack
            finally:
                stack.stop()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
