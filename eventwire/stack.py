"""``eventwire up``: the whole stack on one machine, as child processes.

API (gunicorn), worker(s) and beat run as separate processes, exactly the commands
docker-compose runs, on the SQLite store and the SQLite broker. Ctrl-C (or SIGTERM)
stops all of them; if one dies, the others are stopped too and the exit status says so.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

from eventwire.config import Settings
from eventwire.processes import (
    api_command,
    beat_command,
    check_listen_allowed,
    ensure_metrics_dir,
    worker_command,
)


def run_stack(settings: Settings, host: str, port: int, workers: int | None = None) -> int:
    error = check_listen_allowed(settings, host)
    if error:
        print(f"eventwire: {error}", file=sys.stderr)
        return 2
    from storage.migrate import upgrade

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    env = dict(os.environ)
    ensure_metrics_dir(settings, env, clear=True)
    specs = {
        "api": api_command(host, port, 2),
        "worker": worker_command(workers or settings.worker_concurrency),
        "beat": beat_command(settings),
    }
    procs: dict[str, subprocess.Popen[bytes]] = {}
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    for name, cmd in specs.items():
        procs[name] = subprocess.Popen(cmd, env=env, start_new_session=True)
    url = f"http://{host}:{port}"
    print(f"Eventwire is starting at {url}  (API docs: {url}/docs; Ctrl-C stops everything)")
    print("Store:", settings.database_url, " Broker:", settings.broker_url)
    print(
        f"Try:  curl -s -X POST {url}/v1/articles -H 'Content-Type: application/json' "
        '-d \'{"text": "Keir Starmer met Donald Trump in Washington on Thursday."}\'',
        flush=True,
    )
    status = 0
    try:
        while not stopping:
            for name, proc in procs.items():
                code = proc.poll()
                if code is not None:
                    print(f"eventwire: {name} exited with status {code}; stopping", file=sys.stderr)
                    status = code or 1
                    stopping = True
                    break
            time.sleep(0.3)
    finally:
        _terminate(procs)
    print("Eventwire stopped.")
    return status


def _terminate(procs: dict[str, subprocess.Popen[bytes]], grace: float = 15.0) -> None:
    # SIGTERM to each main process only: gunicorn and Celery then stop their own
    # children gracefully (a worker finishes its current article first).
    for proc in procs.values():
        if proc.poll() is None:
            proc.terminate()
    deadline = time.monotonic() + grace
    for proc in procs.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
