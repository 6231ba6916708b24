"""Celery tasks of delivery: an immediate first try, and the beat-driven sweep.

``eventwire.deliver`` is sent after the result's transaction commits; ``eventwire.dispatch_due``
runs every ``EVENTWIRE_WEBHOOK_DISPATCH_INTERVAL`` seconds and sends whatever is due
(retries, and first tries whose task was lost). Both only lease and send: the waits
between retries live in the database, never in broker countdowns.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache

import redis
from celery import Celery, shared_task

from storage.errors import StoreUnavailable
from workers import context, delivery
from workers.enqueue import PUBLISH_RETRY
from workers.webhook_sender import make_client

log = logging.getLogger("eventwire.delivery")

DISPATCH_BATCH = 50


@lru_cache(maxsize=4)
def _redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def _dispatch(message_ids: Sequence[str] | None) -> dict[str, int]:
    settings = context.settings()
    stream_url = settings.stream_redis_url
    with make_client(settings.webhook_timeout_seconds) as client:
        report = delivery.dispatch(
            context.database(), settings, client=client,
            redis_client=_redis(stream_url) if stream_url else None,
            message_ids=message_ids, limit=DISPATCH_BATCH,
            before_send=lambda _item: delivery.crash_if_asked(settings),
        )  # fmt: skip
    return report.as_dict()


@shared_task(name="eventwire.deliver", ignore_result=True, acks_late=True)
def deliver(message_ids: list[str]) -> dict[str, int]:
    """First try of freshly written messages (retries are dispatch_due's)."""
    return _dispatch(message_ids)


@shared_task(name="eventwire.dispatch_due", ignore_result=True)
def dispatch_due() -> dict[str, int]:
    """Send every delivery whose next attempt is due."""
    try:
        summary = _dispatch(None)
    except StoreUnavailable as exc:
        # Nothing is lost: every due delivery is still due at the next run.
        log.warning("dispatch_due: store unavailable, trying again next run: %s", exc)
        return {"claimed": 0}
    if summary["claimed"]:
        log.info("dispatch_due", extra=summary)
    return summary


def send_deliver(app: Celery, message_ids: Sequence[str]) -> bool:
    """Ask for an immediate first try; False when the broker refused (dispatch_due will
    send them on its next run, so nothing is lost)."""
    if not message_ids:
        return True
    try:
        app.send_task(
            "eventwire.deliver", args=[list(message_ids)], retry=True, retry_policy=PUBLISH_RETRY
        )
    except Exception as exc:  # noqa: BLE001 - kombu raises many transport-specific errors
        log.warning("broker refused a deliver task; dispatch_due will send it: %s", exc)
        return False
    return True
