"""Sending work to the broker, shared by the API and the sweeper.

The database row is the source of truth: a failed send is logged and left for the
sweeper, never raised to the client, so a broker outage delays work but loses nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from celery import Celery

log = logging.getLogger("eventwire.enqueue")

# Fail fast: the API must answer quickly even when the broker is down.
PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def send_extract(
    app: Celery, article_ids: Sequence[str], countdown: float | None = None
) -> list[str]:
    """Publish one extract task per id; return the ids the broker accepted."""
    sent: list[str] = []
    if not article_ids:
        return sent
    try:
        with app.producer_or_acquire() as producer:
            for article_id in article_ids:
                app.send_task(
                    "eventwire.extract",
                    args=[article_id],
                    countdown=countdown,
                    producer=producer,
                    retry=True,
                    retry_policy=PUBLISH_RETRY,
                )
                sent.append(article_id)
    except Exception as exc:  # noqa: BLE001 - kombu raises many transport-specific errors
        log.warning(
            "broker refused %d task(s); the sweeper will send them again: %s",
            len(article_ids) - len(sent), exc,
        )  # fmt: skip
    return sent


def broker_reachable(app: Celery, timeout: float = 2.0) -> str | None:
    """None when the broker answers, else a one-line reason."""
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
        return None
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {str(exc)[:200]}"
