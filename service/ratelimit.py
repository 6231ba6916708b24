"""Rate limiting per bearer token (per client address without one), with flask-limiter.

``EVENTWIRE_RATE_LIMIT`` ("100/second", "6000/minute;100/second") turns it on. Counters
live in Redis (``EVENTWIRE_REDIS_URL``, else a Redis broker) so every API process shares
them; without Redis they are per process, in memory. If Redis stops answering the limiter
falls back to memory instead of failing requests. A breach is 429 problem+json with
``Retry-After`` in seconds. Health, metrics and the OpenAPI document are never limited.
"""

from __future__ import annotations

import hashlib
import math
import time

from flask import Flask, Response, request
from flask_limiter import Limiter, RateLimitExceeded
from limits import parse_many

from eventwire.config import ConfigError, Settings
from service.auth import PUBLIC_PATHS
from service.errors import problem


def client_key() -> str:
    """The bearer token's hash (never the token itself), else the client address."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "token:" + hashlib.sha256(token.strip().encode()).hexdigest()[:32]
    return "addr:" + (request.remote_addr or "unknown")


def _exempt() -> bool:
    return request.path in PUBLIC_PATHS or request.path.startswith("/docs/")


def install_rate_limit(app: Flask, settings: Settings) -> Limiter | None:
    """Raises ConfigError when EVENTWIRE_RATE_LIMIT does not parse."""
    if not settings.rate_limit:
        return None
    try:
        parse_many(settings.rate_limit)
    except ValueError:
        raise ConfigError(
            f"EVENTWIRE_RATE_LIMIT must look like '100/second' or '6000/minute;100/second'; "
            f"got {settings.rate_limit!r}"
        ) from None
    limiter = Limiter(
        client_key,
        app=app,
        default_limits=[settings.rate_limit],
        default_limits_exempt_when=_exempt,
        storage_uri=settings.stream_redis_url or "memory://",
        storage_options={"socket_connect_timeout": 1, "socket_timeout": 1},
        key_prefix="eventwire-rl",
        strategy="fixed-window",
        swallow_errors=True,
        in_memory_fallback_enabled=True,
        headers_enabled=False,
    )

    @app.errorhandler(RateLimitExceeded)
    def _too_many(exc: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = math.ceil(current.reset_at - time.time()) if current is not None else 1
        wait = max(wait, 1)
        return problem(
            429,
            f"rate limit of {exc.limit.limit} per client exceeded; retry in {wait} s",
            headers={"Retry-After": str(wait)},
        )

    app.extensions["eventwire.limiter"] = limiter
    return limiter
