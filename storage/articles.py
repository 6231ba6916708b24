"""Articles: submission with de-duplication, the processing state machine, results.

State machine (every transition is one conditional UPDATE, so two workers can never
both own an article)::

    queued --claim--> processing --save_result--> done
      ^                   |  \\--record_failure(final)--> failed
      |                   |
      +--record_failure---+   (retryable, attempts < max)
      +--reclaim_expired--+   (lease ran out: the worker died)
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.clock import as_utc, utcnow
from storage.errors import Conflict, NotFound
from storage.ids import new_id
from storage.models import Article, ArticleEntity, EntityAlias, Event, EventParticipant
from storage.pagination import Page, decode_cursor, encode_cursor

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise_name(value: str) -> str:
    """Case-, accent-spacing- and punctuation-insensitive key: "U.S." -> "us"."""
    value = unicodedata.normalize("NFKC", value).casefold()
    return _SPACE.sub(" ", _PUNCT.sub("", value)).strip()


@dataclass
class NewArticle:
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str = "en"
    external_id: str | None = None
    metadata: dict[str, Any] | None = None
    idempotency_key: str | None = None
    request_id: str | None = None

    @property
    def content_sha256(self) -> str:
        body = self.text if self.text is not None else (self.html or "")
        return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def dedup_key(self) -> str:
        if self.external_id:
            return "ext:" + self.external_id
        return "sha:" + self.content_sha256

    def fingerprint(self) -> str:
        """Identifies the request body, to tell a replay from a clashing reuse of a key."""
        fields_ = {
            k: v for k, v in self.__dict__.items() if k not in ("idempotency_key", "request_id")
        }
        raw = json.dumps(fields_, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Submission:
    article: Article
    created: bool


@dataclass
class ClaimedArticle:
    """What a worker needs to process an article, detached from the session."""

    id: str
    text: str | None
    html: str | None
    url: str | None
    title: str | None
    source: str | None
    published_at: str | None
    language: str
    external_id: str | None
    attempts: int
    request_id: str | None
    content_sha256: str


@dataclass
class SweepReport:
    to_enqueue: list[str] = field(default_factory=list)
    reclaimed: int = 0
    failed: int = 0


class ArticleRepository:
    """All SQL about articles and their stored results."""

    def __init__(self, session: Session) -> None:
        self.s = session

    # -- submission -------------------------------------------------------------------

    def submit(self, new: NewArticle) -> Submission:
        """Store ``new`` unless an article with its key exists; return the stored one.

        Raises:
            Conflict: the Idempotency-Key was used before with a different body.
        """
        fingerprint = new.fingerprint()
        if new.idempotency_key:
            existing = self.s.scalar(
                select(Article).where(Article.idempotency_key == new.idempotency_key)
            )
            if existing is not None:
                if existing.request_fingerprint != fingerprint:
                    raise Conflict("Idempotency-Key was already used with a different request body")
                return Submission(existing, created=False)
        existing = self.s.scalar(select(Article).where(Article.dedup_key == new.dedup_key))
        if existing is not None:
            return Submission(existing, created=False)
        article = Article(
            id=new_id(),
            dedup_key=new.dedup_key,
            external_id=new.external_id,
            content_sha256=new.content_sha256,
            idempotency_key=new.idempotency_key,
            request_fingerprint=fingerprint,
            status="queued",
            submitted_at=utcnow(),
            attempts=0,
            text=new.text,
            html=new.html,
            url=new.url,
            title=new.title,
            source=new.source,
            published_at=new.published_at,
            language=new.language,
            metadata_=new.metadata,
            request_id=new.request_id,
        )
        try:
            with self.s.begin_nested():
                self.s.add(article)
        except IntegrityError:
            # A concurrent request stored the same article first: answer with that one.
            winner = self.s.scalar(select(Article).where(Article.dedup_key == new.dedup_key))
            if winner is None and new.idempotency_key:
                winner = self.s.scalar(
                    select(Article).where(Article.idempotency_key == new.idempotency_key)
                )
            if winner is None:
                raise
            return Submission(winner, created=False)
        return Submission(article, created=True)

    def mark_enqueued(self, ids: Sequence[str]) -> None:
        if ids:
            self.s.execute(
                update(Article)
                .where(Article.id.in_(list(ids)), Article.status == "queued")
                .values(enqueued_at=utcnow())
            )

    # -- reads ------------------------------------------------------------------------

    def get(self, article_id: str) -> Article:
        """Raises NotFound."""
        article = self.s.get(Article, article_id)
        if article is None:
            raise NotFound(f"no article with id {article_id!r}")
        return article

    def list(
        self,
        *,
        status: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page[Article]:
        """Newest first, keyset-paginated on the time-ordered id."""
        q = select(Article)
        if status:
            q = q.where(Article.status == status)
        if since:
            q = q.where(Article.submitted_at >= since)
        if until:
            q = q.where(Article.submitted_at < until)
        if cursor:
            q = q.where(Article.id < decode_cursor(cursor))
        rows = list(self.s.scalars(q.order_by(Article.id.desc()).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(rows, encode_cursor(rows[-1].id) if more and rows else None)

    def status_counts(self) -> dict[str, int]:
        rows = self.s.execute(select(Article.status, func.count()).group_by(Article.status))
        return {status: n for status, n in rows}

    def oldest_queued_at(self) -> datetime | None:
        return as_utc(
            self.s.scalar(select(func.min(Article.submitted_at)).where(Article.status == "queued"))
        )

    # -- processing -------------------------------------------------------------------

    def claim(self, article_id: str, lease_seconds: int) -> ClaimedArticle | None:
        """Move a queued (or lease-expired) article to processing; None if not ours.

        Running the task twice for one article is harmless: the second claim finds the
        article done, or processing under a live lease, and returns None.
        """
        now = utcnow()
        result = self.s.execute(
            update(Article)
            .where(
                Article.id == article_id,
                or_(
                    Article.status == "queued",
                    (Article.status == "processing") & (Article.lease_expires_at < now),
                ),
            )
            .values(
                status="processing",
                started_at=now,
                attempts=Article.attempts + 1,
                lease_expires_at=now + timedelta(seconds=lease_seconds),
                error=None,
            )
        )
        if result.rowcount != 1:
            return None
        a = self.s.get(Article, article_id, populate_existing=True)
        assert a is not None
        return ClaimedArticle(
            id=a.id, text=a.text, html=a.html, url=a.url, title=a.title, source=a.source,
            published_at=a.published_at, language=a.language, external_id=a.external_id,
            attempts=a.attempts, request_id=a.request_id, content_sha256=a.content_sha256,
        )  # fmt: skip

    def save_result(
        self,
        article_id: str,
        result: dict[str, Any],
        on_saved: Callable[[Session, Article], None] | None = None,
    ) -> bool:
        """Store the result, its events and entities, and mark the article done.

        Idempotent: earlier rows of the article are replaced, never duplicated.
        ``on_saved`` runs in the same transaction (the delivery outbox uses it).
        Returns False when the article is no longer ours (another worker finished it).
        """
        article = self.s.get(Article, article_id, with_for_update=not self._sqlite)
        if article is None or article.status not in ("processing", "queued"):
            return False
        self._replace_rows(article_id, result)
        article.status = "done"
        article.result = result
        article.finished_at = utcnow()
        article.lease_expires_at = None
        article.error = None
        if on_saved is not None:
            on_saved(self.s, article)
        return True

    def record_failure(
        self,
        article_id: str,
        reason: str,
        *,
        final: bool,
        on_failed: Callable[[Session, Article], None] | None = None,
    ) -> None:
        """Back to queued for a retry, or failed for good with ``reason``."""
        article = self.s.get(Article, article_id)
        if article is None or article.status == "done":
            return
        article.error = reason[:4000]
        article.lease_expires_at = None
        if final:
            article.status = "failed"
            article.finished_at = utcnow()
            if on_failed is not None:
                on_failed(self.s, article)
        else:
            article.status = "queued"
            article.enqueued_at = utcnow()

    def sweep(
        self, *, requeue_after: float, max_attempts: int, limit: int = 500,
        on_failed: Callable[[Session, Article], None] | None = None,
    ) -> SweepReport:  # fmt: skip
        """Find work the queue lost: never-enqueued or long-queued articles, expired leases."""
        now = utcnow()
        report = SweepReport()
        expired = list(
            self.s.scalars(
                select(Article)
                .where(Article.status == "processing", Article.lease_expires_at < now)
                .limit(limit)
            )
        )
        for article in expired:
            if article.attempts >= max_attempts:
                article.status = "failed"
                article.error = (
                    f"lost: worker stopped during processing {article.attempts} times "
                    "(crash, kill or time limit)"
                )
                article.finished_at = now
                article.lease_expires_at = None
                report.failed += 1
                if on_failed is not None:
                    on_failed(self.s, article)
            else:
                article.status = "queued"
                article.enqueued_at = None
                article.lease_expires_at = None
                report.reclaimed += 1
        self.s.flush()
        stale = now - timedelta(seconds=requeue_after)
        ids = self.s.scalars(
            select(Article.id)
            .where(
                Article.status == "queued",
                or_(
                    (Article.enqueued_at.is_(None)) & (Article.submitted_at < stale),
                    Article.enqueued_at.is_(None) & Article.started_at.is_not(None),
                    # Sent but never started: the broker may have lost it (a Redis
                    # restart without persistence). 20 x requeue_after (10 min by default);
                    # a duplicate message is harmless, the claim lets only one run.
                    Article.enqueued_at < now - timedelta(seconds=requeue_after * 20),
                ),
            )
            .order_by(Article.id)
            .limit(limit)
        )
        report.to_enqueue = list(ids)
        return report

    # -- result rows ------------------------------------------------------------------

    @property
    def _sqlite(self) -> bool:
        return self.s.get_bind().dialect.name == "sqlite"

    def _replace_rows(self, article_id: str, result: dict[str, Any]) -> None:
        self.s.execute(delete(EventParticipant).where(EventParticipant.article_id == article_id))
        self.s.execute(delete(Event).where(Event.article_id == article_id))
        self.s.execute(delete(EntityAlias).where(EntityAlias.article_id == article_id))
        self.s.execute(delete(ArticleEntity).where(ArticleEntity.article_id == article_id))
        entities = result.get("entities") or []
        self.s.add_all(
            ArticleEntity(
                article_id=article_id,
                local_id=e["id"],
                name=e["name"][:512],
                name_norm=normalise_name(e["name"])[:512],
                type=e["type"],
                mention_count=len(e.get("mentions") or []),
                salience=e.get("salience") or 0.0,
                country_code=e.get("country_code"),
            )  # fmt: skip
            for e in entities
        )
        aliases = []
        for e in entities:
            for alias in {normalise_name(a) for a in [e["name"], *(e.get("aliases") or [])]}:
                if alias:
                    aliases.append(
                        EntityAlias(
                            article_id=article_id, entity_local_id=e["id"], alias_norm=alias[:512]
                        )
                    )
        self.s.add_all(aliases)
        events = [self._event_row(article_id, ev) for ev in result.get("events") or []]
        self.s.add_all(events)
        self.s.flush()
        participants = []
        for row, ev in zip(events, result.get("events") or [], strict=True):
            for role, refs in (("actor", ev.get("actors")), ("recipient", ev.get("recipients"))):
                for ref in refs or []:
                    participants.append(
                        EventParticipant(
                            event_id=row.id,
                            article_id=article_id,
                            entity_local_id=ref["entity_id"],
                            role=role,
                        )  # fmt: skip
                    )
        self.s.add_all(participants)

    @staticmethod
    def _event_row(article_id: str, ev: dict[str, Any]) -> Event:
        d = ev.get("date") or None
        start, end = date_range(d["value"]) if d else (None, None)
        loc = ev.get("location") or None
        return Event(
            article_id=article_id, local_id=ev["id"], type=ev["type"], mode=ev.get("mode"),
            modality=ev["modality"], negated=bool(ev.get("negated")),
            date_value=d["value"] if d else None, date_start=start, date_end=end,
            location_name=loc["name"][:512] if loc else None,
            confidence=float(ev.get("confidence") or 0.0), data=ev,
        )  # fmt: skip


def date_range(value: str) -> tuple[date | None, date | None]:
    """ "2025", "2025-02" or "2025-02-27" -> the first and last day it covers."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None, None


def ids_of(articles: Iterable[Article]) -> list[str]:
    return [a.id for a in articles]
