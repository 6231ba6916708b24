"""Processing one article: claim it, extract, store the result, or record the failure.

This is the domain function behind the ``eventwire.extract`` task; it knows nothing of
Celery, so tests call it directly on a real database.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from eventwire.config import Settings
from eventwire.logging import bind_article
from extraction import ArticleInput, extract
from extraction.errors import UnusableInput
from storage.articles import ArticleRepository, ClaimedArticle
from storage.db import Database
from storage.models import Article

log = logging.getLogger("eventwire.worker")

Hook = Callable[[Session, Article], None]


class ExtractionTimeout(Exception):
    """Extraction ran past its time limit (raised by the task layer's soft limit)."""


@dataclass(frozen=True)
class Outcome:
    status: str  # done | failed | retry | skipped
    article_id: str
    error: str | None = None
    retry_in: float | None = None
    events: int = 0
    seconds: float = 0.0


def retry_delay(attempt: int) -> float:
    """Back-off before attempt ``attempt + 1``: 2 s, 8 s, 32 s, ... capped at 5 minutes."""
    return float(min(2 * 4 ** (attempt - 1), 300))


def to_input(claimed: ClaimedArticle) -> ArticleInput:
    return ArticleInput(
        text=claimed.text,
        html=claimed.html,
        published_at=claimed.published_at,
        url=claimed.url,
        title=claimed.title,
        source=claimed.source,
        language=claimed.language,
        external_id=claimed.external_id,
        article_id=claimed.id,
    )


def run_extraction(claimed: ClaimedArticle) -> dict[str, Any]:
    result = extract(to_input(claimed)).to_dict()
    result["article"]["id"] = claimed.id
    return result


def process_article(
    db: Database,
    settings: Settings,
    article_id: str,
    *,
    on_saved: Hook | None = None,
    on_failed: Hook | None = None,
    timeouts: tuple[type[BaseException], ...] = (ExtractionTimeout,),
) -> Outcome:
    """Process ``article_id`` once. Never raises for a bad article; StoreUnavailable
    propagates so the task layer can retry when the database is back."""
    with db.session() as s:
        claimed = ArticleRepository(s).claim(article_id, settings.task_lease_seconds)
    if claimed is None:
        return Outcome("skipped", article_id)
    bind_article(claimed.id, claimed.request_id)
    started = time.perf_counter()
    try:
        result = run_extraction(claimed)
    except UnusableInput as exc:
        return _fail(db, claimed, f"unusable input: {exc}", final=True, on_failed=on_failed)
    except timeouts:
        reason = f"extraction exceeded its time limit of {settings.extract_soft_time_limit} s"
        final = claimed.attempts >= settings.max_attempts
        return _fail(db, claimed, reason, final=final, on_failed=on_failed)
    except Exception as exc:  # noqa: BLE001 - any crash of the engine is the article's failure
        log.exception("extraction crashed", extra={"article_id": article_id})
        reason = f"extraction error: {type(exc).__name__}: {str(exc)[:500]}"
        final = claimed.attempts >= settings.max_attempts
        return _fail(db, claimed, reason, final=final, on_failed=on_failed)
    seconds = time.perf_counter() - started
    with db.session() as s:
        saved = ArticleRepository(s).save_result(article_id, result, on_saved=on_saved)
    if not saved:
        return Outcome("skipped", article_id, seconds=seconds)
    return Outcome("done", article_id, events=len(result["events"]), seconds=seconds)


def _fail(
    db: Database, claimed: ClaimedArticle, reason: str, *, final: bool, on_failed: Hook | None
) -> Outcome:
    with db.session() as s:
        ArticleRepository(s).record_failure(claimed.id, reason, final=final, on_failed=on_failed)
    if final:
        return Outcome("failed", claimed.id, error=reason)
    return Outcome("retry", claimed.id, error=reason, retry_in=retry_delay(claimed.attempts))
