"""Liveness and readiness for orchestrators."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from service.errors import problem
from storage.errors import StoreUnavailable
from workers.enqueue import broker_reachable

blp = Blueprint("health", __name__)


@blp.get("/livez")
def livez() -> Response:
    """The process is up (no dependency is checked)."""
    return jsonify(status="ok")


@blp.get("/readyz")
def readyz() -> Response:
    """Store and broker reachable: 200; otherwise 503 naming the dependency that is down."""
    checks: dict[str, str] = {}
    try:
        current_app.extensions["eventwire.db"].ping()
        checks["store"] = "ok"
    except StoreUnavailable as exc:
        checks["store"] = f"down: {exc}"
    reason = broker_reachable(current_app.extensions["eventwire.celery"])
    checks["broker"] = "ok" if reason is None else f"down: {reason}"
    down = sorted(k for k, v in checks.items() if v != "ok")
    if down:
        return problem(503, f"not ready: {', '.join(down)} unreachable", checks=checks)
    return jsonify(status="ok", checks=checks)
