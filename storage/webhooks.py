"""Webhook endpoints and the delivery outbox: messages, deliveries, attempts.

One message per (article, event type), written in the transaction that stores the
article's result; one delivery per target (a webhook endpoint, or the Redis Stream as a
pseudo-endpoint with ``endpoint_id`` NULL). A delivery's life::

    pending --claim (lease)--> [send] --record_attempt--> succeeded
       ^                                     |  \\--(schedule exhausted, 410, disabled)--> dead
       +------(next_attempt_at = now + delay)+
    dead --replay--> pending

Long waits live here (``next_attempt_at``), never in broker countdowns. A claim is a
lease (``lease_expires_at`` + ``lease_token``): a worker killed mid-send leaves the row to
be claimed again when the lease runs out, and its late answer (if any) cannot overwrite a
newer claim's.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from storage.clock import as_utc, utcnow
from storage.errors import NotFound
from storage.ids import new_id
from storage.models import Base
from storage.pagination import Page, decode_cursor, encode_cursor

EVENT_TYPES = ("article.processed", "article.failed")
TARGET_WEBHOOK = "webhook"
TARGET_STREAM = "stream"


class WebhookEndpoint(Base):
    """A consumer's URL. ``secret`` signs; ``previous_secret`` too until it expires."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[str] = mapped_column(String(26), primary_key=True)
    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(JSON)
    description: Mapped[str | None] = mapped_column(String(1024))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(1024))
    secret: Mapped[str] = mapped_column(String(128))
    previous_secret: Mapped[str | None] = mapped_column(String(128))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Start of the current run of failures; NULL after any success.
    failing_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WebhookMessage(Base):
    """The body sent for one article and event type; ``id`` is the ``webhook-id``."""

    __tablename__ = "webhook_messages"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("article_id", "event_type", name="uq_webhook_messages_article_type"),
    )


class WebhookDelivery(Base):
    """One message to one target, with its retry state."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[str] = mapped_column(String(26), primary_key=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("webhook_messages.id", ondelete="CASCADE"))
    endpoint_id: Mapped[str | None] = mapped_column(
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    target: Mapped[str] = mapped_column(String(16), default=TARGET_WEBHOOK)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Position in the retry schedule; a replay starts the schedule again.
    schedule_step: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_token: Mapped[str | None] = mapped_column(String(32))
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint(
            "message_id", "endpoint_id", "target", name="uq_webhook_deliveries_target"
        ),
        Index("ix_webhook_deliveries_due", "status", "next_attempt_at"),
        Index("ix_webhook_deliveries_endpoint", "endpoint_id", "id"),
        Index("ix_webhook_deliveries_message", "message_id"),
    )


class DeliveryAttempt(Base):
    """One try: when, the answer's status code, how long, the error, the answer's start."""

    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    delivery_id: Mapped[str] = mapped_column(
        ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    attempted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status_code: Mapped[int | None] = mapped_column(Integer)
    duration_ms: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)
    response_body: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_webhook_attempts_delivery", "delivery_id", "id"),)


@dataclass(frozen=True)
class ClaimedDelivery:
    """What a sender needs, detached from the session."""

    id: str
    lease_token: str
    message_id: str
    target: str
    body: str
    schedule_step: int
    endpoint_id: str | None = None
    url: str | None = None
    secrets: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttemptRecord:
    """The outcome of one send, as the sender saw it."""

    ok: bool
    status_code: int | None = None
    duration_ms: float = 0.0
    error: str | None = None
    response_body: str | None = None
    retry_after: float | None = None  # seconds the receiver asked us to wait
    gone: bool = False  # 410: the receiver does not want these any more


@dataclass
class DeliveryView:
    delivery: WebhookDelivery
    message: WebhookMessage
    attempts: list[DeliveryAttempt]


class WebhookRepository:
    """All SQL about webhook endpoints and the delivery outbox."""

    def __init__(self, session: Session) -> None:
        self.s = session

    # -- endpoints ----------------------------------------------------------------------

    def create_endpoint(
        self,
        *,
        url: str,
        event_types: Sequence[str],
        description: str | None,
        enabled: bool,
        secret: str,
    ) -> WebhookEndpoint:
        now = utcnow()
        endpoint = WebhookEndpoint(
            id=new_id(), url=url, event_types=list(event_types), description=description,
            enabled=enabled, secret=secret, created_at=now, updated_at=now,
        )  # fmt: skip
        self.s.add(endpoint)
        self.s.flush()
        return endpoint

    def get_endpoint(self, endpoint_id: str) -> WebhookEndpoint:
        """Raises NotFound."""
        endpoint = self.s.get(WebhookEndpoint, endpoint_id)
        if endpoint is None:
            raise NotFound(f"no webhook endpoint with id {endpoint_id!r}")
        return endpoint

    def list_endpoints(
        self, *, limit: int = 50, cursor: str | None = None
    ) -> Page[WebhookEndpoint]:
        q = select(WebhookEndpoint)
        if cursor:
            q = q.where(WebhookEndpoint.id < decode_cursor(cursor))
        rows = list(self.s.scalars(q.order_by(WebhookEndpoint.id.desc()).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, encode_cursor(rows[-1].id) if more and rows else None)

    def update_endpoint(self, endpoint_id: str, changes: dict[str, Any]) -> WebhookEndpoint:
        """Apply ``changes`` (url, event_types, description, enabled). Raises NotFound."""
        endpoint = self.get_endpoint(endpoint_id)
        for key in ("url", "event_types", "description", "enabled"):
            if key in changes:
                setattr(endpoint, key, list(changes[key]) if key == "event_types" else changes[key])
        if changes.get("enabled"):
            endpoint.disabled_reason = None
            endpoint.failing_since = None
        elif changes.get("enabled") is False and not endpoint.disabled_reason:
            endpoint.disabled_reason = "disabled through the API"
        endpoint.updated_at = utcnow()
        return endpoint

    def delete_endpoint(self, endpoint_id: str) -> None:
        """Raises NotFound."""
        self.s.delete(self.get_endpoint(endpoint_id))

    def rotate_secret(
        self, endpoint_id: str, new_secret: str, overlap_seconds: float
    ) -> WebhookEndpoint:
        """Make ``new_secret`` current; the old one keeps signing for ``overlap_seconds``."""
        endpoint = self.get_endpoint(endpoint_id)
        now = utcnow()
        endpoint.previous_secret = endpoint.secret
        endpoint.previous_secret_expires_at = now + timedelta(seconds=overlap_seconds)
        endpoint.secret = new_secret
        endpoint.updated_at = now
        return endpoint

    # -- the outbox -----------------------------------------------------------------------

    def enqueue_message(
        self, article_id: str, event_type: str, body: str, *, stream: bool
    ) -> str | None:
        """Write the message and one delivery per subscribed, enabled endpoint (and the
        stream), in the caller's transaction. Returns the message id, or None when the
        message exists already or nobody is subscribed."""
        exists = self.s.scalar(
            select(WebhookMessage.id).where(
                WebhookMessage.article_id == article_id, WebhookMessage.event_type == event_type
            )
        )
        if exists is not None:
            return None
        endpoints = [
            e
            for e in self.s.scalars(
                select(WebhookEndpoint).where(WebhookEndpoint.enabled.is_(True))
            )
            if event_type in (e.event_types or [])
        ]
        if not endpoints and not stream:
            return None
        now = utcnow()
        message = WebhookMessage(
            id="msg_" + new_id(),
            article_id=article_id,
            event_type=event_type,
            body=body,
            created_at=now,
        )
        self.s.add(message)
        self.s.flush()
        targets: list[tuple[str | None, str]] = [(e.id, TARGET_WEBHOOK) for e in endpoints]
        if stream:
            targets.append((None, TARGET_STREAM))
        self.s.add_all(
            WebhookDelivery(
                id=new_id(),
                message_id=message.id,
                endpoint_id=endpoint_id,
                target=target,
                status="pending",
                attempts=0,
                schedule_step=0,
                next_attempt_at=now,
                created_at=now,
            )  # fmt: skip
            for endpoint_id, target in targets
        )
        return message.id

    def claim_due(
        self,
        *,
        lease_seconds: float,
        limit: int,
        message_ids: Sequence[str] | None = None,
        due_before: datetime | None = None,
    ) -> list[ClaimedDelivery]:
        """Lease up to ``limit`` deliveries due by ``due_before`` (default now), of
        ``message_ids`` when given.

        PostgreSQL: ``FOR UPDATE SKIP LOCKED`` so concurrent dispatchers take disjoint rows.
        SQLite (one writer at a time): a conditional UPDATE per row; rowcount says who won.
        """
        now = utcnow()
        q = (
            select(WebhookDelivery.id)
            .outerjoin(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.status == "pending",
                WebhookDelivery.next_attempt_at <= (due_before or now),
                or_(
                    WebhookDelivery.lease_expires_at.is_(None),
                    WebhookDelivery.lease_expires_at < now,
                ),
                or_(WebhookDelivery.endpoint_id.is_(None), WebhookEndpoint.enabled.is_(True)),
            )
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(limit)
        )
        if message_ids is not None:
            q = q.where(WebhookDelivery.message_id.in_(list(message_ids)))
        sqlite = self.s.get_bind().dialect.name == "sqlite"
        if not sqlite:
            q = q.with_for_update(of=WebhookDelivery, skip_locked=True)
        ids = list(self.s.scalars(q))
        lease_until = now + timedelta(seconds=lease_seconds)
        claimed: list[ClaimedDelivery] = []
        for delivery_id in ids:
            token = uuid.uuid4().hex
            result = self.s.execute(
                update(WebhookDelivery)
                .where(
                    WebhookDelivery.id == delivery_id,
                    WebhookDelivery.status == "pending",
                    or_(
                        WebhookDelivery.lease_expires_at.is_(None),
                        WebhookDelivery.lease_expires_at < now,
                    ),
                )
                .values(lease_expires_at=lease_until, lease_token=token)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(self._claimed(delivery_id, token, now))
        return claimed

    def _claimed(self, delivery_id: str, token: str, now: datetime) -> ClaimedDelivery:
        d = self.s.get(WebhookDelivery, delivery_id, populate_existing=True)
        assert d is not None
        message = self.s.get(WebhookMessage, d.message_id)
        assert message is not None
        if d.endpoint_id is None:
            return ClaimedDelivery(
                d.id, token, d.message_id, d.target, message.body, d.schedule_step
            )
        e = self.s.get(WebhookEndpoint, d.endpoint_id)
        assert e is not None
        secrets = [e.secret]
        expires = as_utc(e.previous_secret_expires_at)
        if e.previous_secret and expires and expires > now:
            secrets.append(e.previous_secret)
        return ClaimedDelivery(
            d.id, token, d.message_id, d.target, message.body, d.schedule_step,
            endpoint_id=e.id, url=e.url, secrets=tuple(secrets),
        )  # fmt: skip

    def record_attempt(
        self,
        claimed: ClaimedDelivery,
        outcome: AttemptRecord,
        *,
        retry_in: float | None,
        disable_after_seconds: float,
    ) -> str | None:
        """Log the attempt and move the delivery on; return its new status, or None when
        the lease was lost (another dispatcher owns the row now: nothing is changed).

        ``retry_in`` is the delay before the next try, None when the schedule is spent.
        """
        now = utcnow()
        d = self.s.get(
            WebhookDelivery, claimed.id, with_for_update=self.s.get_bind().dialect.name != "sqlite"
        )
        if d is None or d.lease_token != claimed.lease_token or d.status != "pending":
            return None
        self.s.add(
            DeliveryAttempt(
                delivery_id=d.id,
                attempted_at=now,
                status_code=outcome.status_code,
                duration_ms=round(outcome.duration_ms, 1),
                error=outcome.error,
                response_body=outcome.response_body,
            )  # fmt: skip
        )
        d.attempts += 1
        d.schedule_step += 1
        d.last_status_code = outcome.status_code
        d.last_error = outcome.error
        d.lease_expires_at = None
        d.lease_token = None
        endpoint = self.s.get(WebhookEndpoint, d.endpoint_id) if d.endpoint_id else None
        if outcome.ok:
            d.status = "succeeded"
            d.delivered_at = now
            d.next_attempt_at = None
            if endpoint is not None:
                endpoint.failing_since = None
            return d.status
        if endpoint is not None:
            reason = None
            if outcome.gone:
                reason = f"the receiver answered 410 Gone on {now.isoformat(timespec='seconds')}"
            else:
                endpoint.failing_since = as_utc(endpoint.failing_since) or now
                if now - endpoint.failing_since >= timedelta(seconds=disable_after_seconds):
                    since = endpoint.failing_since.isoformat(timespec="seconds")
                    reason = (
                        f"every delivery failed from {since} to {now.isoformat(timespec='seconds')}"
                        "; "
                        f"last error: {(outcome.error or '')[:300]}"
                    )
            if reason is not None:
                self.disable_endpoint(endpoint, reason)
                d.status = "dead"
                d.next_attempt_at = None
                return d.status
        if retry_in is None:
            d.status = "dead"
            d.next_attempt_at = None
        else:
            d.next_attempt_at = now + timedelta(seconds=retry_in)
        return d.status

    def disable_endpoint(self, endpoint: WebhookEndpoint, reason: str) -> None:
        """Disable ``endpoint``; its pending deliveries become dead (replayable later)."""
        endpoint.enabled = False
        endpoint.disabled_reason = reason[:1024]
        endpoint.updated_at = utcnow()
        self.s.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.endpoint_id == endpoint.id,
                WebhookDelivery.status == "pending",
                or_(
                    WebhookDelivery.lease_expires_at.is_(None),
                    WebhookDelivery.lease_expires_at < utcnow(),
                ),
            )
            .values(
                status="dead", next_attempt_at=None, last_error="endpoint disabled: " + reason[:500]
            )
            .execution_options(synchronize_session=False)
        )

    # -- reads and replay -----------------------------------------------------------------

    def list_deliveries(
        self,
        endpoint_id: str,
        *,
        status: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page[DeliveryView]:
        """Newest first, with each delivery's attempts. Raises NotFound."""
        self.get_endpoint(endpoint_id)
        q = select(WebhookDelivery, WebhookMessage).join(
            WebhookMessage, WebhookMessage.id == WebhookDelivery.message_id
        )
        q = q.where(WebhookDelivery.endpoint_id == endpoint_id)
        if status:
            q = q.where(WebhookDelivery.status == status)
        if cursor:
            q = q.where(WebhookDelivery.id < decode_cursor(cursor))
        rows = list(self.s.execute(q.order_by(WebhookDelivery.id.desc()).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        attempts: dict[str, list[DeliveryAttempt]] = {d.id: [] for d, _ in rows}
        if attempts:
            for a in self.s.scalars(
                select(DeliveryAttempt)
                .where(DeliveryAttempt.delivery_id.in_(list(attempts)))
                .order_by(DeliveryAttempt.id)
            ):
                attempts[a.delivery_id].append(a)
        views = [DeliveryView(d, m, attempts[d.id]) for d, m in rows]
        return Page(views, encode_cursor(rows[-1][0].id) if more and rows else None)

    def get_delivery(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery:
        """Raises NotFound."""
        d = self.s.get(WebhookDelivery, delivery_id)
        if d is None or d.endpoint_id != endpoint_id:
            raise NotFound(f"no delivery {delivery_id!r} for webhook endpoint {endpoint_id!r}")
        return d

    def get_delivery_view(self, endpoint_id: str, delivery_id: str) -> DeliveryView:
        """The delivery with its message and attempts. Raises NotFound."""
        d = self.get_delivery(endpoint_id, delivery_id)
        message = self.s.get(WebhookMessage, d.message_id)
        assert message is not None
        attempts = self.s.scalars(
            select(DeliveryAttempt)
            .where(DeliveryAttempt.delivery_id == d.id)
            .order_by(DeliveryAttempt.id)
        )
        return DeliveryView(d, message, list(attempts))

    def replay(self, endpoint_id: str, delivery_id: str) -> WebhookDelivery:
        """Send the delivery again now, from the start of the schedule. Raises NotFound."""
        d = self.get_delivery(endpoint_id, delivery_id)
        self._reset(d)
        return d

    def replay_range(
        self,
        endpoint_id: str,
        *,
        since: datetime | None,
        until: datetime | None,
        statuses: Sequence[str],
    ) -> list[WebhookDelivery]:
        """Replay the endpoint's deliveries created in [since, until) with ``statuses``."""
        self.get_endpoint(endpoint_id)
        q = select(WebhookDelivery).where(
            WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.status.in_(list(statuses))
        )
        if since:
            q = q.where(WebhookDelivery.created_at >= since)
        if until:
            q = q.where(WebhookDelivery.created_at < until)
        rows = list(self.s.scalars(q.order_by(WebhookDelivery.id)))
        for d in rows:
            self._reset(d)
        return rows

    @staticmethod
    def _reset(d: WebhookDelivery) -> None:
        lease = as_utc(d.lease_expires_at)
        if d.status == "pending" and lease is not None and lease > utcnow():
            return  # being sent right now
        d.status = "pending"
        d.schedule_step = 0
        d.next_attempt_at = utcnow()
        d.lease_expires_at = None
        d.lease_token = None

    def delivery_counts(self) -> dict[tuple[str, str], int]:
        """Deliveries by (target, status)."""
        rows = self.s.execute(
            select(WebhookDelivery.target, WebhookDelivery.status, func.count()).group_by(
                WebhookDelivery.target, WebhookDelivery.status
            )
        )
        return {(target, status): n for target, status, n in rows}

    def oldest_due_at(self) -> datetime | None:
        """When the longest-waiting due delivery became due (a dispatcher backlog)."""
        return as_utc(
            self.s.scalar(
                select(func.min(WebhookDelivery.next_attempt_at)).where(
                    WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= utcnow()
                )
            )
        )

    def disabled_endpoints(self) -> int:
        return int(
            self.s.scalar(
                select(func.count())
                .select_from(WebhookEndpoint)
                .where(WebhookEndpoint.enabled.is_(False))
            )
            or 0
        )

    def message_ids_of(self, deliveries: Sequence[WebhookDelivery]) -> list[str]:
        return sorted({d.message_id for d in deliveries})
