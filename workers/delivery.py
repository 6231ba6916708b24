"""Delivering results downstream: the outbox hooks, the retry schedule, the dispatcher.

- ``Outbox`` gives ``ArticleRepository.save_result``/``record_failure``/``sweep`` their
  ``on_saved``/``on_failed`` hooks, which write the message and its deliveries in the
  transaction that stores the result: a result is never stored without its deliveries.
- ``dispatch`` leases due deliveries, sends each (webhook or Redis Stream) and records
  the attempt with its next try (``next_retry_delay``) or the dead-letter state.

No Celery here: ``workers/delivery_tasks.py`` calls these; tests call them directly.
"""

from __future__ import annotations

import json
import logging
import os
import random
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import redis
from sqlalchemy.orm import Session

from eventwire.config import Settings
from storage.db import Database
from storage.models import Article
from storage.webhooks import TARGET_STREAM, AttemptRecord, ClaimedDelivery, WebhookRepository
from workers import metrics, stream_sink
from workers.address_guard import Resolver, system_resolver
from workers.webhook_sender import send_webhook

log = logging.getLogger("eventwire.delivery")

JITTER = 0.2


def _iso(value: datetime | None) -> str:
    value = value or datetime.now(UTC)
    value = value if value.tzinfo else value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def message_body(event_type: str, timestamp: datetime | None, data: dict[str, Any]) -> str:
    """The JSON body of a message, serialised once: every attempt sends these bytes."""
    body = {"type": event_type, "timestamp": _iso(timestamp), "data": data}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def failure_data(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id, "error": article.error, "attempts": article.attempts,
        "external_id": article.external_id, "url": article.url, "title": article.title,
        "source": article.source, "submitted_at": _iso(article.submitted_at),
        "failed_at": _iso(article.finished_at),
    }  # fmt: skip


@dataclass
class Outbox:
    """The ``on_saved``/``on_failed`` hooks; ``message_ids`` collects what was written, so
    the caller can ask for an immediate first try once the transaction has committed."""

    stream: bool
    message_ids: list[str] = field(default_factory=list)

    @classmethod
    def for_settings(cls, settings: Settings) -> Outbox:
        return cls(stream=settings.stream_redis_url is not None)

    def on_saved(self, session: Session, article: Article) -> None:
        body = message_body("article.processed", article.finished_at, article.result or {})
        self._enqueue(session, article.id, "article.processed", body)

    def on_failed(self, session: Session, article: Article) -> None:
        body = message_body("article.failed", article.finished_at, failure_data(article))
        self._enqueue(session, article.id, "article.failed", body)

    def _enqueue(self, session: Session, article_id: str, event_type: str, body: str) -> None:
        msg_id = WebhookRepository(session).enqueue_message(
            article_id, event_type, body, stream=self.stream
        )
        if msg_id is not None:
            self.message_ids.append(msg_id)


def next_retry_delay(
    schedule: Sequence[float],
    step: int,
    retry_after: float | None = None,
    rng: random.Random | None = None,
) -> float | None:
    """Seconds before try number ``step + 1`` (``step`` tries made), ±20 % jitter, at least
    what ``Retry-After`` asked; None when the schedule is spent (the delivery is dead)."""
    if step >= len(schedule):
        return None
    delay = schedule[step] * (rng or random).uniform(1 - JITTER, 1 + JITTER)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


@dataclass
class DispatchReport:
    claimed: int = 0
    succeeded: int = 0
    retrying: int = 0
    dead: int = 0
    lost: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def dispatch(
    db: Database,
    settings: Settings,
    *,
    client: httpx.Client,
    redis_client: redis.Redis | None = None,
    message_ids: Sequence[str] | None = None,
    limit: int = 50,
    budget_seconds: float = 60.0,
    resolver: Resolver = system_resolver,
    before_send: Callable[[ClaimedDelivery], None] | None = None,
) -> DispatchReport:
    """Send up to ``limit`` due deliveries (of ``message_ids`` when given), for at most
    about ``budget_seconds``, recording each attempt.

    Deliveries are leased one at a time, just before their send, so a lease never runs
    out while its row waits behind slow receivers in the same batch. Raises
    StoreUnavailable when the database is down; a lease already taken stays until it
    expires, then the row is due again.
    """
    report = DispatchReport()
    # Only what was due when the run began: a retry rescheduled during this run (even
    # with no delay) waits for the next run instead of hammering its receiver now.
    started_at = datetime.now(UTC)
    deadline = time.monotonic() + budget_seconds
    while report.claimed < limit and time.monotonic() < deadline:
        with db.session() as s:
            claimed = WebhookRepository(s).claim_due(
                lease_seconds=settings.webhook_lease_seconds,
                limit=1,
                message_ids=message_ids,
                due_before=started_at,
            )
        if not claimed:
            break
        item = claimed[0]
        report.claimed += 1
        if before_send is not None:
            before_send(item)
        outcome = _send(item, settings, client, redis_client, resolver)
        metrics.observe_webhook(outcome.ok, outcome.status_code, outcome.error)
        retry_in = next_retry_delay(
            settings.webhook_retry_schedule, item.schedule_step + 1, outcome.retry_after
        )
        with db.session() as s:
            status = WebhookRepository(s).record_attempt(
                item,
                outcome,
                retry_in=retry_in,
                disable_after_seconds=settings.webhook_disable_after_seconds,
            )
        if status is None:
            report.lost += 1
        elif status == "succeeded":
            report.succeeded += 1
        elif status == "dead":
            report.dead += 1
        else:
            report.retrying += 1
        log.info(
            "delivery %s", status or "lease lost",
            extra={"delivery_id": item.id, "message_id": item.message_id,
                   "endpoint_id": item.endpoint_id, "target": item.target,
                   "status_code": outcome.status_code, "error": outcome.error,
                   "ms": round(outcome.duration_ms, 1), "retry_in": retry_in},
        )  # fmt: skip
    return report


def _send(
    item: ClaimedDelivery,
    settings: Settings,
    client: httpx.Client,
    redis_client: redis.Redis | None,
    resolver: Resolver,
) -> AttemptRecord:
    if item.target == TARGET_STREAM:
        if redis_client is None:
            return AttemptRecord(
                ok=False, error="no Redis configured for the stream (EVENTWIRE_REDIS_URL)"
            )
        return stream_sink.publish(
            redis_client, item.message_id, item.body, maxlen=settings.stream_maxlen
        )
    assert item.url is not None
    return send_webhook(
        client, item.url, item.message_id, item.body, item.secrets,
        allow_hosts=settings.webhook_allow_hosts, resolver=resolver,
    )  # fmt: skip


def crash_if_asked(settings: Settings) -> None:
    """Test hook (EVENTWIRE_TEST_DELIVERY_CRASH_FILE): when the file exists, remove it and
    SIGKILL this worker (the pool child and its Celery parent) before the send, once."""
    path = settings.delivery_crash_file
    if not path or not Path(path).exists():
        return
    Path(path).unlink()
    log.warning("delivery crash hook: killing the worker with SIGKILL before sending")
    parent = os.getppid()
    try:
        cmdline = Path(f"/proc/{parent}/cmdline").read_bytes()
    except OSError:
        cmdline = b""
    if b"celery" in cmdline:
        os.kill(parent, signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)
