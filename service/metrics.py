"""Prometheus metrics on ``/metrics``.

Request counters and latency histograms, and the pipeline counters of ``workers.metrics``,
are per process. Under gunicorn with several workers set ``PROMETHEUS_MULTIPROC_DIR``
(``eventwire up``, ``serve`` and ``worker`` do) and they are summed across processes,
worker processes included when they share the directory. Article and queue figures are
read from the store at scrape time, so they are right whichever process changed them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from storage.articles import ArticleRepository
from storage.clock import utcnow
from storage.errors import StoreUnavailable

REQUESTS = Counter(
    "eventwire_http_requests_total",
    "HTTP requests by route and status",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "eventwire_http_request_duration_seconds",
    "HTTP request latency by route",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)


class StoreCollector(Collector):
    """Article counts by status, queue depth and the age of the oldest queued article."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        db = self.app.extensions["eventwire.db"]
        up = GaugeMetricFamily("eventwire_store_up", "1 when the store answered this scrape")
        try:
            with db.session() as s:
                repo = ArticleRepository(s)
                counts = repo.status_counts()
                oldest = repo.oldest_queued_at()
        except StoreUnavailable:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        articles = GaugeMetricFamily("eventwire_articles", "Articles by status", labels=["status"])
        for status in ("queued", "processing", "done", "failed"):
            articles.add_metric([status], counts.get(status, 0))
        yield articles
        depth = GaugeMetricFamily("eventwire_queue_depth", "Articles queued or processing")
        depth.add_metric([], counts.get("queued", 0) + counts.get("processing", 0))
        yield depth
        age = GaugeMetricFamily(
            "eventwire_oldest_queued_age_seconds", "Age of the oldest queued article"
        )
        age.add_metric([], (utcnow() - oldest).total_seconds() if oldest else 0.0)
        yield age


def _registry(app: Flask) -> CollectorRegistry:
    from workers import metrics as pipeline

    registry = pipeline.multiprocess_registry()
    if registry is None:
        registry = CollectorRegistry()
        pipeline.register_all(registry, (REQUESTS, LATENCY, *pipeline.ALL))
    registry.register(StoreCollector(app))
    from service.delivery_metrics import DeliveryCollector

    registry.register(DeliveryCollector(app))
    return registry


def install_metrics(app: Flask) -> None:
    registry = _registry(app)

    @app.before_request
    def _start_timer() -> None:
        g.metrics_start = time.perf_counter()

    @app.after_request
    def _observe(resp: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        start = g.get("metrics_start")
        if start is not None:
            LATENCY.labels(request.method, route).observe(time.perf_counter() - start)
        REQUESTS.labels(request.method, route, str(resp.status_code)).inc()
        return resp

    @app.get("/metrics")
    def metrics() -> Response:
        return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
