"""Per-request log context: every line logged while serving a request carries its id.

The id is ``g.request_id`` (the client's ``X-Request-ID`` or a new one, set in
``service.app``); it is stored on submitted articles, so worker and delivery lines about an
article carry it too (``eventwire.logging``). One access line per request is logged at INFO.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, Response, g, request

from eventwire.logging import bind_request

log = logging.getLogger("eventwire.api")


def install_request_logging(app: Flask) -> None:
    @app.before_request
    def _bind() -> None:
        g.log_start = time.perf_counter()
        bind_request(g.get("request_id"), method=request.method, path=request.path)

    @app.after_request
    def _access(resp: Response) -> Response:
        start = g.get("log_start")
        duration = (time.perf_counter() - start) * 1000 if start is not None else None
        log.info(
            "%s %s %s", request.method, request.path, resp.status_code,
            extra={"status": resp.status_code, "duration_ms": round(duration or 0.0, 2)},
        )  # fmt: skip
        return resp
