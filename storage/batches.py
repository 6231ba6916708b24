"""Finding articles a worker may parse together (``workers.batching``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Article


def fresh_queued(session: Session, first: str, *, limit: int, max_chars: int) -> list[str]:
    """``first`` and up to ``limit - 1`` other queued articles never tried before, oldest
    first, while their texts add up to at most ``max_chars``; [] if ``first`` itself is
    not queued and fresh (a retry is processed alone, after its back-off)."""
    size = func.length(func.coalesce(Article.text, Article.html, ""))
    fresh = (Article.status == "queued") & (Article.attempts == 0)
    own = session.execute(select(Article.id, size).where(Article.id == first, fresh)).first()
    if own is None:
        return []
    ids, total = [first], int(own[1] or 0)
    rows = session.execute(
        select(Article.id, size)
        .where(fresh, Article.id != first)
        .order_by(Article.id)
        .limit(limit - 1)
    )
    for article_id, chars in rows:
        if total + int(chars or 0) > max_chars:
            break
        ids.append(article_id)
        total += int(chars or 0)
    return ids
