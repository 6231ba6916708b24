"""The Flask application factory. Importing this module does nothing; call create_app."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Flask, Response, g, request

from eventwire.config import Settings, load_settings
from service.auth import install_auth
from service.errors import PROBLEM_MIME, ProblemApi, problem, register_error_handlers
from storage.db import Database

JSON_MIMES = ("application/json",)


def create_app(settings: Settings | None = None, **overrides: Any) -> Flask:
    """Build the API. ``settings`` defaults to the environment's; ``overrides`` replace
    single settings (tests)."""
    settings = settings or load_settings()
    if overrides:
        settings = settings.with_overrides(**overrides)
    app = Flask("eventwire")
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        API_TITLE="Eventwire",
        API_VERSION="v1",
        OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/",
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["eventwire.settings"] = settings
    app.extensions["eventwire.db"] = Database(settings.database_url)

    from workers.celery_app import make_celery

    app.extensions["eventwire.celery"] = make_celery(settings)

    api = ProblemApi(
        app,
        spec_kwargs={
            "info": {
                "description": "News articles in; entities and PLOVER events out. "
                "See CONTRACT.md for the result format.",
            },
        },
    )
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.options["security"] = [{"bearer": []}]
    app.extensions["eventwire.api"] = api
    register_error_handlers(app)
    _install_request_hooks(app)
    install_auth(app, settings)

    from service.ratelimit import install_rate_limit

    install_rate_limit(app, settings)  # after auth: a request without a token costs nothing

    from service.inputguard import install_input_guard

    install_input_guard(app)  # deep nesting and NUL characters: 422 before any parser

    from service.api import articles, entities, events, health, webhooks

    articles.document(api)
    api.register_blueprint(articles.blp)
    api.register_blueprint(events.blp)
    api.register_blueprint(entities.blp)
    api.register_blueprint(webhooks.blp)
    app.register_blueprint(health.blp)
    from service.api import view

    app.register_blueprint(view.blp)

    from service.metrics import install_metrics

    install_metrics(app)
    from service.logs import install_request_logging

    install_request_logging(app)
    return app


def _install_request_hooks(app: Flask) -> None:
    @app.before_request
    def _request_id() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming[:64] if incoming.isprintable() and incoming else uuid.uuid4().hex

    @app.before_request
    def _require_json() -> Response | None:
        # Flask would otherwise treat a text/plain body as missing fields (422); the
        # client deserves to hear that the media type is wrong.
        is_json = request.mimetype in JSON_MIMES or request.mimetype.endswith("+json")
        if request.method in ("POST", "PUT", "PATCH") and _has_body() and not is_json:
            return problem(
                415,
                f"send the body as application/json, not {request.mimetype or 'no type'}",
                headers={"Accept": "application/json"},
            )
        return None

    @app.after_request
    def _headers(resp: Response) -> Response:
        resp.headers["X-Request-ID"] = g.get("request_id", "")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        if resp.mimetype == PROBLEM_MIME:
            resp.headers["Cache-Control"] = "no-store"
        return resp


def _has_body() -> bool:
    return bool(request.content_length) or "chunked" in request.headers.get("Transfer-Encoding", "")
