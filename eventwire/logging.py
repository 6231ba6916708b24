"""Structured logs for every process: one JSON object per line (or a readable console line).

``configure_logging(settings, process)`` is called once at start by the API (``service.wsgi``),
the worker and beat (Celery's ``setup_logging`` signal, see ``workers.observability``). It
routes the standard library's records, Celery's and gunicorn's included, through structlog,
so ``log.info("article %s", status, extra={...})`` and ``structlog.get_logger().info(...)``
give the same shape::

    {"event": "article done", "level": "info", "logger": "eventwire.worker",
     "timestamp": "2026-11-23T17:02:11.120Z", "process": "worker",
     "request_id": "9f0c...", "article_id": "01J...", "events": 4, "seconds": 0.41}

A request id follows an article: the API binds the request's id (``X-Request-ID`` or a new
one) to its context and stores it on the article; the worker binds the stored id while it
processes the article (``bind_article``), and delivery does the same, so one id finds
every line about an article in every process.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

from eventwire.config import Settings

_configured: tuple[str, str, bool] | None = None

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_RECORD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def _add_extra(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    record = event.get("_record")
    if record is not None:
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and not key.startswith("_") and key not in event:
                event[key] = value
    return event


def _drop_none(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if v is not None}


def configure_logging(settings: Settings, process: str, stream: Any = None) -> None:
    """Send every log record of this process to ``stream`` (stderr) as JSON or console lines.

    Idempotent for the same arguments; the level is ``EVENTWIRE_LOG_LEVEL`` and the format
    ``EVENTWIRE_LOG_FORMAT`` (``json`` by default, ``console`` for people).
    """
    global _configured
    key = (process, settings.log_level, settings.log_json)
    if _configured == key:
        return
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer(default=str)
        if settings.log_json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, _add_extra],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            _drop_none,
            structlog.processors.format_exc_info,
            renderer,
        ],
    )
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level)
    # gunicorn and Celery keep their own handlers; send their records through ours instead.
    for name in ("gunicorn.error", "celery", "celery.task", "celery.worker", "celery.beat"):
        other = logging.getLogger(name)
        other.handlers = []
        other.propagate = True
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(process=process)
    _configured = key


def bind_request(request_id: str | None, **fields: Any) -> None:
    """Start a unit of work (a request, a task): forget the previous one's fields."""
    process = structlog.contextvars.get_contextvars().get("process")
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(process=process, request_id=request_id, **fields)


def bind_article(article_id: str, request_id: str | None) -> None:
    """Tag what follows with the article and the request id that submitted it."""
    structlog.contextvars.bind_contextvars(article_id=article_id, request_id=request_id)
