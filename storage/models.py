"""Tables. Schema changes go through an Alembic revision in ``storage/migrations``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Article(Base):
    """A submitted article, its processing state and, when done, its result.

    The row is also the enqueue outbox: ``enqueued_at`` is NULL until the broker has
    accepted the task, and the sweeper sends again whatever stays queued too long.
    """

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(26), primary_key=True)
    # "ext:<external_id>" or "sha:<content hash>": one article per key, enforced by the DB.
    dedup_key: Mapped[str] = mapped_column(String(600), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(512))
    content_sha256: Mapped[str] = mapped_column(String(64))
    idempotency_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    request_fingerprint: Mapped[str | None] = mapped_column(String(64))

    status: Mapped[str] = mapped_column(String(16), default="queued")
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))

    text: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(String(1024))
    source: Mapped[str | None] = mapped_column(String(256))
    published_at: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16), default="en")
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONType)

    result: Mapped[dict[str, Any] | None] = mapped_column(JSONType)

    __table_args__ = (
        Index("ix_articles_status_submitted", "status", "submitted_at"),
        Index("ix_articles_submitted_at", "submitted_at"),
        Index("ix_articles_status_enqueued", "status", "enqueued_at"),
        Index("ix_articles_status_lease", "status", "lease_expires_at"),
    )


class ArticleEntity(Base):
    """An entity of one article's result, for ``GET /v1/entities`` and entity filters."""

    __tablename__ = "article_entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(512))
    name_norm: Mapped[str] = mapped_column(String(512))
    type: Mapped[str] = mapped_column(String(16))
    mention_count: Mapped[int] = mapped_column(Integer, default=0)
    salience: Mapped[float] = mapped_column(Float, default=0.0)
    country_code: Mapped[str | None] = mapped_column(String(8))

    __table_args__ = (
        UniqueConstraint("article_id", "local_id", name="uq_article_entities_local"),
        Index("ix_article_entities_name_type", "name_norm", "type"),
        Index("ix_article_entities_type", "type"),
    )


class EntityAlias(Base):
    """Every normalised surface form of an article's entity (name included)."""

    __tablename__ = "entity_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    entity_local_id: Mapped[str] = mapped_column(String(16))
    alias_norm: Mapped[str] = mapped_column(String(512))

    __table_args__ = (
        Index("ix_entity_aliases_alias", "alias_norm"),
        Index("ix_entity_aliases_article", "article_id", "entity_local_id"),
    )


class Event(Base):
    """One event of one article's result; ``data`` holds it exactly as in the result."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    local_id: Mapped[str] = mapped_column(String(16))
    type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(32))
    modality: Mapped[str] = mapped_column(String(16))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    date_value: Mapped[str | None] = mapped_column(String(10))
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    location_name: Mapped[str | None] = mapped_column(String(512))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)

    __table_args__ = (
        UniqueConstraint("article_id", "local_id", name="uq_events_article_local"),
        Index("ix_events_type", "type"),
        Index("ix_events_article", "article_id"),
        Index("ix_events_dates", "date_start", "date_end"),
    )


class EventParticipant(Base):
    """An actor or recipient of an event, pointing at the article's entity."""

    __tablename__ = "event_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    article_id: Mapped[str] = mapped_column(String(26))
    entity_local_id: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_event_participants_entity", "article_id", "entity_local_id"),
        Index("ix_event_participants_event", "event_id"),
    )


# Webhook tables live in their own module; importing it here registers them on Base.metadata.
from storage import webhooks as _webhooks  # noqa: E402,F401
