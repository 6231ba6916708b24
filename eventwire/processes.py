"""The command lines of the service's processes, shared by ``serve``/``worker``/``beat``,
``up`` and docker-compose, so each process is started the same way everywhere."""

from __future__ import annotations

import ipaddress
import sys
from collections.abc import MutableMapping
from pathlib import Path

from eventwire.config import Settings

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_listen_allowed(settings: Settings, host: str) -> str | None:
    """Without tokens the API may only listen on loopback; returns the refusal or None."""
    if settings.api_tokens or is_loopback(host):
        return None
    return (
        f"refusing to listen on {host} without authentication: set EVENTWIRE_API_TOKENS "
        "(comma-separated bearer tokens) or listen on 127.0.0.1"
    )


def api_command(host: str, port: int, workers: int) -> list[str]:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable, "-m", "gunicorn", "service.wsgi:app",
        "--config", "python:service.gunicorn_conf",
        "--bind", bind, "--workers", str(workers),
    ]  # fmt: skip


def worker_command(concurrency: int, loglevel: str = "INFO") -> list[str]:
    return [
        sys.executable, "-m", "celery", "-A", "workers.celery_app:app", "worker",
        "--concurrency", str(concurrency), "--loglevel", loglevel,
        "-Q", "eventwire.extract,eventwire.deliver,eventwire.maintenance",
        "--without-gossip", "--without-mingle",
    ]  # fmt: skip


def beat_command(settings: Settings, loglevel: str = "INFO") -> list[str]:
    schedule = settings.data_dir / "celerybeat-schedule"
    schedule.parent.mkdir(parents=True, exist_ok=True)
    return [
        sys.executable, "-m", "celery", "-A", "workers.celery_app:app", "beat",
        "--loglevel", loglevel, "--schedule", str(schedule),
    ]  # fmt: skip


def ensure_metrics_dir(
    settings: Settings, env: MutableMapping[str, str], *, clear: bool = False
) -> Path:
    """Point ``PROMETHEUS_MULTIPROC_DIR`` (kept if already set) at a directory that exists.

    ``clear`` removes the files of earlier runs: only for a caller that starts every
    process sharing the directory (``eventwire up``).
    """
    path = Path(env.get("PROMETHEUS_MULTIPROC_DIR") or (settings.data_dir / "prometheus").resolve())
    path.mkdir(parents=True, exist_ok=True)
    if clear:
        for stale in path.glob("*.db"):
            stale.unlink()
    env["PROMETHEUS_MULTIPROC_DIR"] = str(path)
    return path
