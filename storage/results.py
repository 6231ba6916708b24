"""Queries across stored results: events and entities of all articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.articles import normalise_name
from storage.models import ArticleEntity, EntityAlias, Event, EventParticipant
from storage.pagination import InvalidCursor, Page, decode_cursor, encode_cursor


@dataclass
class StoredEvent:
    article_id: str
    data: dict[str, Any]


@dataclass
class EntitySummary:
    name: str
    type: str
    articles: int
    mentions: int
    country_code: str | None


class ResultQueries:
    def __init__(self, session: Session) -> None:
        self.s = session

    def events(
        self,
        *,
        type: str | None = None,
        entity: str | None = None,
        since: date | None = None,
        until: date | None = None,
        article_id: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page[StoredEvent]:
        """Events newest first; ``since``/``until`` filter on the event's own date."""
        q = select(Event)
        if type:
            q = q.where(Event.type == type)
        if article_id:
            q = q.where(Event.article_id == article_id)
        if since:
            q = q.where(Event.date_end >= since)
        if until:
            q = q.where(Event.date_start <= until)
        if entity:
            matching = (
                select(EventParticipant.event_id)
                .join(
                    EntityAlias,
                    (EntityAlias.article_id == EventParticipant.article_id)
                    & (EntityAlias.entity_local_id == EventParticipant.entity_local_id),
                )
                .where(EntityAlias.alias_norm == normalise_name(entity))
            )
            q = q.where(Event.id.in_(matching))
        if cursor:
            last = decode_cursor(cursor)
            if not isinstance(last, int):
                raise InvalidCursor("cursor is not valid; use next_cursor from a previous page")
            q = q.where(Event.id < last)
        rows = list(self.s.scalars(q.order_by(Event.id.desc()).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(
            [StoredEvent(r.article_id, r.data) for r in rows],
            encode_cursor(rows[-1].id) if more and rows else None,
        )

    def entities(
        self,
        *,
        q: str | None = None,
        type: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> Page[EntitySummary]:
        """Entities grouped by normalised name and type, alphabetically, with counts."""
        stmt = select(
            ArticleEntity.name_norm,
            ArticleEntity.type,
            func.min(ArticleEntity.name),
            func.count(func.distinct(ArticleEntity.article_id)),
            func.sum(ArticleEntity.mention_count),
            func.max(ArticleEntity.country_code),
        )
        if type:
            stmt = stmt.where(ArticleEntity.type == type)
        if q:
            pattern = f"%{_escape_like(normalise_name(q))}%"
            stmt = stmt.where(
                select(1)
                .where(
                    EntityAlias.article_id == ArticleEntity.article_id,
                    EntityAlias.entity_local_id == ArticleEntity.local_id,
                    EntityAlias.alias_norm.like(pattern, escape="\\"),
                )
                .exists()
            )
        if cursor:
            last = decode_cursor(cursor)
            if not (isinstance(last, list) and len(last) == 2):
                raise InvalidCursor("cursor is not valid; use next_cursor from a previous page")
            stmt = stmt.where(
                (ArticleEntity.name_norm > last[0])
                | ((ArticleEntity.name_norm == last[0]) & (ArticleEntity.type > last[1]))
            )
        stmt = (
            stmt.group_by(ArticleEntity.name_norm, ArticleEntity.type)
            .order_by(ArticleEntity.name_norm, ArticleEntity.type)
            .limit(limit + 1)
        )
        rows = list(self.s.execute(stmt))
        more = len(rows) > limit
        rows = rows[:limit]
        items = [
            EntitySummary(name, typ, int(arts), int(ments or 0), cc)
            for _, typ, name, arts, ments, cc in rows
        ]
        next_cursor = encode_cursor([rows[-1][0], rows[-1][1]]) if more and rows else None
        return Page(items, next_cursor)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
