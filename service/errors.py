"""Every error answer is built here, as RFC 9457 problem+json.

Low layers raise their own errors (``storage.errors``, webargs validation, werkzeug HTTP
exceptions); the handlers below map each to one problem. No input produces an HTML page
or a traceback.
"""

from __future__ import annotations

import http
import logging
from typing import Any

from flask import Flask, Response, json, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from schemas.common import ProblemSchema
from storage.errors import Conflict, NotFound, StoreUnavailable
from storage.pagination import InvalidCursor

log = logging.getLogger("eventwire.api")

PROBLEM_MIME = "application/problem+json"

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    429: "Too Many Requests",
    503: "Service Unavailable",
}


def problem(
    status: int,
    detail: str | None = None,
    *,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    body.update(extra)
    resp = Response(json.dumps(body), status=status, mimetype=PROBLEM_MIME)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def problem_body(status: int, detail: str, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    """The same problem as a dict, for per-item answers inside a batch."""
    body: dict[str, Any] = {"type": "about:blank", "title": TITLES.get(status, "Error"),
                            "status": status, "detail": detail}  # fmt: skip
    if errors:
        body["errors"] = errors
    return body


def flatten_messages(messages: Any) -> dict[str, Any]:
    """webargs nests messages by location ({"json": {"text": [...]}}); drop that level."""
    if not isinstance(messages, dict):
        return {"_schema": messages if isinstance(messages, list) else [str(messages)]}
    out: dict[str, Any] = {}
    for location, value in messages.items():
        if location in (
            "json",
            "query",
            "querystring",
            "view_args",
            "headers",
            "form",
        ) and isinstance(value, dict):
            out.update(value)
        else:
            out[location] = value
    return out


def _detail_for_validation(errors: dict[str, Any]) -> str:
    fields_ = ", ".join(sorted(k for k in errors if k != "_schema"))
    return f"invalid fields: {fields_}" if fields_ else "the request is not valid"


class ProblemApi(Api):
    """flask-smorest's Api with its error payloads replaced by problem+json, and
    documented as such: error responses in the OpenAPI document are
    ``application/problem+json`` with ``ProblemSchema``, as served."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        from flask_smorest.utils import prepare_response

        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
                content_type = PROBLEM_MIME
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_MIME)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Response:  # type: ignore[override]
        status = error.code or 500
        data = getattr(error, "data", None) or {}
        headers = dict(data.get("headers") or {})
        if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)
        if isinstance(error, InternalServerError) or status >= 500 and status != 503:
            original = getattr(error, "original_exception", None)
            if original is not None:
                log.error("unhandled error", exc_info=original)
            return problem(500, "internal error; it has been logged")
        messages = data.get("messages") or data.get("errors")
        if messages:
            errors = flatten_messages(messages)
            if status == 400 and "json" in messages:
                return problem(400, "the body is not valid JSON", errors=errors, headers=headers)
            return problem(status, data.get("message") or _detail_for_validation(errors),
                           errors=errors, headers=headers)  # fmt: skip
        detail = data.get("message") or error.description
        if status == 413:
            limit = request.max_content_length
            detail = f"the body is larger than the limit of {limit} bytes" if limit else detail
        return problem(status, detail, headers=headers)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(NotFound)
    def _not_found(exc: NotFound) -> Response:
        return problem(404, str(exc))

    @app.errorhandler(Conflict)
    def _conflict(exc: Conflict) -> Response:
        return problem(409, str(exc))

    @app.errorhandler(StoreUnavailable)
    def _store_down(exc: StoreUnavailable) -> Response:
        log.warning("store unavailable: %s", exc)
        return problem(503, "the store is unavailable; retry later", headers={"Retry-After": "5"})

    @app.errorhandler(InvalidCursor)
    def _bad_cursor(exc: InvalidCursor) -> Response:
        return problem(422, str(exc), errors={"cursor": [str(exc)]})

    @app.errorhandler(Exception)
    def _unhandled(exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            return app.extensions["eventwire.api"].handle_http_exception(exc)
        # Connection errors of the store that escaped the repository layer.
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            log.warning("store unavailable: %s", exc)
            return problem(
                503, "the store is unavailable; retry later", headers={"Retry-After": "5"}
            )
        log.error("unhandled error", exc_info=exc)
        return problem(500, "internal error; it has been logged")
