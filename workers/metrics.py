"""Prometheus counters and histograms of the pipeline, shared by the API and the workers.

Where the figures are read:

- One machine (``eventwire up``, tests): every process writes its values to the same
  ``PROMETHEUS_MULTIPROC_DIR`` and the API's ``/metrics`` sums them, API and workers alike.
- Workers in their own containers or hosts: give each worker its own (non-shared)
  ``PROMETHEUS_MULTIPROC_DIR`` and set ``EVENTWIRE_WORKER_METRICS_PORT``; the worker's main
  process then serves its pool's figures on that port (``serve_worker_metrics``). A shared
  directory across containers is wrong: pids repeat between containers and files clash.

Delivery counts each attempt with ``observe_webhook(ok, status_code, error)``, which
increments ``WEBHOOK_ATTEMPTS`` with an outcome among ``WEBHOOK_OUTCOMES``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram

ARTICLES_SUBMITTED = Counter(
    "eventwire_articles_submitted", "New articles accepted by the API (duplicates not counted)"
)
ARTICLES_DONE = Counter("eventwire_articles_done", "Articles processed to a stored result")
ARTICLES_FAILED = Counter(
    "eventwire_articles_failed", "Articles failed for good, by reason", ["reason"]
)
ARTICLE_RETRIES = Counter("eventwire_article_retries", "Extraction attempts that will be retried")
EXTRACTION_SECONDS = Histogram(
    "eventwire_extraction_duration_seconds",
    "Time to extract one article (cleaning, parse, entities, events), seconds",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120),
)
EVENTS_PER_ARTICLE = Histogram(
    "eventwire_events_per_article",
    "Events found in one article",
    buckets=(0, 1, 2, 5, 10, 20, 50, 100, 250),
)
BATCH_SIZE = Histogram(
    "eventwire_extract_batch_size",
    "Articles parsed together in one nlp.pipe batch by a worker",
    buckets=(1, 2, 4, 8, 16, 32),
)
WEBHOOK_OUTCOMES = ("success", "http_error", "timeout", "network_error", "blocked")
WEBHOOK_ATTEMPTS = Counter(
    "eventwire_webhook_attempts", "Webhook delivery attempts by outcome", ["outcome"]
)

ALL = (
    ARTICLES_SUBMITTED,
    ARTICLES_DONE,
    ARTICLES_FAILED,
    ARTICLE_RETRIES,
    EXTRACTION_SECONDS,
    EVENTS_PER_ARTICLE,
    BATCH_SIZE,
    WEBHOOK_ATTEMPTS,
)


def observe_outcome(
    status: str, *, seconds: float = 0.0, events: int = 0, error: str | None = None
) -> None:
    """Count one article's processing outcome (``workers.processing.Outcome`` fields)."""
    if status == "done":
        ARTICLES_DONE.inc()
        EXTRACTION_SECONDS.observe(seconds)
        EVENTS_PER_ARTICLE.observe(events)
    elif status == "failed":
        ARTICLES_FAILED.labels(reason=failure_reason(error)).inc()
    elif status == "retry":
        ARTICLE_RETRIES.inc()


def observe_webhook(ok: bool, status_code: int | None, error: str | None) -> None:
    """Count one delivery attempt (``webhook_sender.AttemptRecord`` fields) by outcome."""
    text = (error or "").lower()
    if ok:
        outcome = "success"
    elif status_code is not None:
        outcome = "http_error"
    elif text.startswith("timeout"):
        outcome = "timeout"
    elif text.startswith("address refused"):
        outcome = "blocked"
    else:
        outcome = "network_error"
    WEBHOOK_ATTEMPTS.labels(outcome=outcome).inc()


def failure_reason(error: str | None) -> str:
    """A small label set for failures: unusable input, time limit, lost worker, error."""
    text = (error or "").lower()
    if text.startswith("unusable input"):
        return "unusable_input"
    if "time limit" in text:
        return "timeout"
    if text.startswith("lost"):
        return "lost"
    return "error"


def multiprocess_registry() -> CollectorRegistry | None:
    """A registry summing every process's files, or None outside multiprocess mode."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return None
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def register_all(registry: CollectorRegistry, metrics: Iterable[object] = ALL) -> None:
    """Single-process mode: expose this process's own values in ``registry``."""
    for metric in metrics:
        registry.register(metric)  # type: ignore[arg-type]


def serve_worker_metrics(port: int, addr: str = "0.0.0.0") -> None:
    """Serve the worker pool's figures on ``port`` (called in the worker's main process)."""
    from prometheus_client import REGISTRY, start_http_server

    start_http_server(port, addr=addr, registry=multiprocess_registry() or REGISTRY)
