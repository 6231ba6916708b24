"""Settings: every ``EVENTWIRE_*`` variable is read here and nowhere else.

``load_settings`` is called once at start by the API, the worker, beat and the CLI. Bad
configuration raises ``ConfigError`` with one line that names the variable, so a process
fails at start, never later.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """A setting is missing or malformed; the message is one line naming it."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    broker_url: str
    redis_url: str | None = None
    api_tokens: tuple[str, ...] = ()
    max_body_bytes: int = 2 * 1024 * 1024
    webhook_allow_hosts: tuple[str, ...] = ()
    task_lease_seconds: int = 600
    max_attempts: int = 3
    extract_soft_time_limit: int = 120
    sweep_interval_seconds: float = 15.0
    requeue_after_seconds: float = 30.0
    batch_max_items: int = 100
    rate_limit: str | None = None
    worker_concurrency: int = 1
    # Test-only fault hooks (workers/fault_hooks.py); 0 = off. Never set in production.
    test_slow_extract_seconds: float = 0.0
    data_dir: Path = field(default_factory=lambda: Path("var"))
    log_level: str = "INFO"
    log_json: bool = True
    # Delivery (workers/delivery.py): retry delays in seconds, the first being the first try.
    webhook_retry_schedule: tuple[float, ...] = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
    webhook_timeout_seconds: float = 30.0
    webhook_lease_seconds: int = 120
    webhook_dispatch_interval: float = 5.0
    webhook_rotation_overlap_seconds: float = 86400.0
    webhook_disable_after_seconds: float = 5 * 86400.0
    stream_maxlen: int = 100_000
    delivery_crash_file: str | None = None  # tests: SIGKILL the worker once before a send
    worker_metrics_port: int | None = None
    extract_batch: int = 1
    extra: Mapping[str, Any] = field(default_factory=dict)

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @property
    def store_is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def broker_is_redis(self) -> bool:
        return self.broker_url.startswith(("redis://", "rediss://"))

    @property
    def stream_redis_url(self) -> str | None:
        """Where the Redis Stream sink writes: EVENTWIRE_REDIS_URL, else a Redis broker."""
        return self.redis_url or (self.broker_url if self.broker_is_redis else None)


def _int(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be >= {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be > 0, got {value}")
    return value


def _csv(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in env.get(name, "").split(",") if p.strip())


def _check_url(name: str, url: str, schemes: tuple[str, ...]) -> str:
    scheme = urlsplit(url).scheme
    if not any(scheme == s or scheme.startswith(s + "+") for s in schemes):
        raise ConfigError(f"{name} must start with one of {', '.join(schemes)}; got {url!r}")
    return url


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read settings from ``environ`` (default ``os.environ``, after an optional ``.env``).

    Raises:
        ConfigError: a variable is malformed.
    """
    if environ is None:
        try:
            from dotenv import load_dotenv

            load_dotenv(override=False)
        except ImportError:  # pragma: no cover - python-dotenv is a dependency
            pass
        environ = os.environ
    env = environ
    data_dir = Path(env.get("EVENTWIRE_DATA_DIR", "var"))
    db_default = f"sqlite:///{(data_dir / 'eventwire.sqlite3').as_posix()}"
    broker_default = f"sqla+sqlite:///{(data_dir / 'broker.sqlite3').as_posix()}"
    database_url = _check_url(
        "EVENTWIRE_DATABASE_URL",
        env.get("EVENTWIRE_DATABASE_URL") or db_default,
        ("sqlite", "postgresql", "postgres"),
    )
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://") :]
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    broker_url = _check_url(
        "EVENTWIRE_BROKER_URL",
        env.get("EVENTWIRE_BROKER_URL") or broker_default,
        ("sqla", "redis", "rediss", "amqp", "amqps", "memory"),
    )
    redis_url = env.get("EVENTWIRE_REDIS_URL") or None
    if redis_url:
        _check_url("EVENTWIRE_REDIS_URL", redis_url, ("redis", "rediss"))
    log_level = env.get("EVENTWIRE_LOG_LEVEL", "INFO").upper()
    if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(
            f"EVENTWIRE_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR; got {log_level!r}"
        )
    return Settings(
        database_url=database_url,
        broker_url=broker_url,
        redis_url=redis_url,
        api_tokens=_csv(env, "EVENTWIRE_API_TOKENS"),
        max_body_bytes=_int(env, "EVENTWIRE_MAX_BODY_BYTES", 2 * 1024 * 1024, minimum=1024),
        webhook_allow_hosts=_csv(env, "EVENTWIRE_WEBHOOK_ALLOW_HOSTS"),
        task_lease_seconds=_int(env, "EVENTWIRE_TASK_LEASE_SECONDS", 600, minimum=5),
        max_attempts=_int(env, "EVENTWIRE_MAX_ATTEMPTS", 3, minimum=1),
        extract_soft_time_limit=_int(env, "EVENTWIRE_EXTRACT_TIME_LIMIT", 120, minimum=1),
        sweep_interval_seconds=_float(env, "EVENTWIRE_SWEEP_INTERVAL", 15.0),
        requeue_after_seconds=_float(env, "EVENTWIRE_REQUEUE_AFTER", 30.0),
        batch_max_items=_int(env, "EVENTWIRE_BATCH_MAX_ITEMS", 100, minimum=1),
        rate_limit=env.get("EVENTWIRE_RATE_LIMIT") or None,
        worker_concurrency=_int(env, "EVENTWIRE_WORKER_CONCURRENCY", 1, minimum=1),
        test_slow_extract_seconds=_float(env, "EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS", 0.0),
        data_dir=data_dir,
        log_level=log_level,
        log_json=env.get("EVENTWIRE_LOG_FORMAT", "json").lower() != "console",
        **_delivery_settings(env),
        worker_metrics_port=_int(env, "EVENTWIRE_WORKER_METRICS_PORT", 0, minimum=0) or None,
        extract_batch=_int(env, "EVENTWIRE_EXTRACT_BATCH", 1, minimum=1),
    )


def _delivery_settings(env: Mapping[str, str]) -> dict[str, Any]:
    name = "EVENTWIRE_WEBHOOK_RETRY_SCHEDULE"
    out: dict[str, Any] = {}
    if env.get(name, "").strip():
        try:
            out["webhook_retry_schedule"] = tuple(float(p) for p in env[name].split(","))
        except ValueError:
            raise ConfigError(
                f"{name} must be seconds separated by commas: {env[name]!r}"
            ) from None
        if any(d < 0 for d in out["webhook_retry_schedule"]):
            raise ConfigError(f"{name} must not contain negative delays, got {env[name]!r}")
    out["webhook_timeout_seconds"] = _float(env, "EVENTWIRE_WEBHOOK_TIMEOUT", 30.0)
    out["webhook_lease_seconds"] = _int(env, "EVENTWIRE_WEBHOOK_LEASE_SECONDS", 120, minimum=1)
    out["webhook_dispatch_interval"] = _float(env, "EVENTWIRE_WEBHOOK_DISPATCH_INTERVAL", 5.0)
    overlap, disable_after = "EVENTWIRE_WEBHOOK_ROTATION_OVERLAP", "EVENTWIRE_WEBHOOK_DISABLE_AFTER"
    out["webhook_rotation_overlap_seconds"] = _float(env, overlap, 86400.0)
    out["webhook_disable_after_seconds"] = _float(env, disable_after, 5 * 86400.0)
    out["stream_maxlen"] = _int(env, "EVENTWIRE_STREAM_MAXLEN", 100_000, minimum=1)
    out["delivery_crash_file"] = env.get("EVENTWIRE_TEST_DELIVERY_CRASH_FILE") or None
    return out
