"""Delivery figures on ``/metrics``, read from the store at scrape time."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from storage.clock import utcnow
from storage.errors import StoreUnavailable
from storage.webhooks import WebhookRepository

STATUSES = ("pending", "succeeded", "dead")


class DeliveryCollector(Collector):
    """Deliveries by target and status, the dispatch backlog, disabled endpoints."""

    def __init__(self, app: Flask) -> None:
        self.app = app

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            with self.app.extensions["eventwire.db"].session() as s:
                repo = WebhookRepository(s)
                counts = repo.delivery_counts()
                oldest = repo.oldest_due_at()
                disabled = repo.disabled_endpoints()
        except StoreUnavailable:
            return  # StoreCollector reports eventwire_store_up 0
        deliveries = GaugeMetricFamily(
            "eventwire_deliveries", "Deliveries by target (webhook, stream) and status",
            labels=["target", "status"],
        )  # fmt: skip
        for target in ("webhook", "stream"):
            for status in STATUSES:
                deliveries.add_metric([target, status], counts.get((target, status), 0))
        yield deliveries
        lag = GaugeMetricFamily(
            "eventwire_delivery_oldest_due_age_seconds",
            "How long the longest-waiting due delivery has waited for a dispatcher",
        )
        lag.add_metric([], (utcnow() - oldest).total_seconds() if oldest else 0.0)
        yield lag
        off = GaugeMetricFamily("eventwire_webhook_endpoints_disabled", "Endpoints disabled")
        off.add_metric([], disabled)
        yield off
