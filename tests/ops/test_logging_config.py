"""``eventwire.logging``: standard-library records, with their ``extra`` fields and the
bound request context, come out as one JSON object per line (or console lines)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
import structlog

import eventwire.logging as ew_logging
from eventwire.config import load_settings


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers = handlers
    root.setLevel(level)
    ew_logging._configured = None
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()


def test_json_lines_carry_extra_fields_and_the_bound_request(restore_logging):  # type: ignore[no-untyped-def]
    out = io.StringIO()
    ew_logging.configure_logging(
        load_settings({"EVENTWIRE_LOG_LEVEL": "INFO"}), "worker", stream=out
    )
    ew_logging.bind_request(None, task="eventwire.extract", task_id="t-1")
    ew_logging.bind_article("01ARTICLE", "req-123")
    log = logging.getLogger("eventwire.worker")
    log.info("article %s", "done", extra={"events": 3, "seconds": 0.25})
    log.debug("not shown at INFO")
    structlog.get_logger("eventwire.test").warning("native", detail="x")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    first = lines[0]
    assert first["event"] == "article done" and first["level"] == "info"
    assert first["logger"] == "eventwire.worker" and first["process"] == "worker"
    assert first["request_id"] == "req-123" and first["article_id"] == "01ARTICLE"
    assert first["task"] == "eventwire.extract" and first["events"] == 3
    assert first["timestamp"].endswith("Z")
    assert lines[1]["detail"] == "x" and lines[1]["request_id"] == "req-123"
    # A new unit of work forgets the previous article.
    ew_logging.bind_request("req-456")
    log.warning("next")
    last = json.loads(out.getvalue().splitlines()[-1])
    assert (
        last["request_id"] == "req-456" and "article_id" not in last and last["process"] == "worker"
    )


def test_console_format(restore_logging):  # type: ignore[no-untyped-def]
    out = io.StringIO()
    settings = load_settings({"EVENTWIRE_LOG_FORMAT": "console", "EVENTWIRE_LOG_LEVEL": "WARNING"})
    ew_logging.configure_logging(settings, "api", stream=out)
    logging.getLogger("eventwire.api").info("hidden")
    logging.getLogger("eventwire.api").warning("shown %d", 7, extra={"status": 503})
    text = out.getvalue()
    assert "hidden" not in text and "shown 7" in text and "status=503" in text
    assert not text.lstrip().startswith("{")


def test_webhook_attempt_outcomes_are_counted(client):  # type: ignore[no-untyped-def]
    from prometheus_client.parser import text_string_to_metric_families

    from workers.metrics import observe_webhook

    def counts() -> dict[str, float]:
        text = client.get("/metrics").get_data(as_text=True)
        return {
            s.labels["outcome"]: s.value
            for fam in text_string_to_metric_families(text)
            for s in fam.samples
            if s.name == "eventwire_webhook_attempts_total"
        }

    before = counts()
    observe_webhook(True, 200, None)
    observe_webhook(False, 500, "HTTP 500")
    observe_webhook(False, None, "timeout: ReadTimeout")
    observe_webhook(False, None, "address refused: 10.0.0.1 is private")
    observe_webhook(False, None, "ConnectError: refused")
    after = counts()
    for outcome in ("success", "http_error", "timeout", "blocked", "network_error"):
        assert after[outcome] - before.get(outcome, 0) == 1, outcome
