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
from workers import fault_hooks

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
        fault_hooks.inject(settings, claimed.text or claimed.html)  # test-only; inert by default
        result = run_extraction(claimed)
    except UnusableInput as exc:
        return fail_article(db, claimed, f"unusable input: {exc}", final=True, on_failed=on_failed)
    except timeouts:
        return _timed_out(db, settings, claimed, on_failed)
    except Exception as exc:  # noqa: BLE001 - any crash of the engine is the article's failure
        if _caused_by(exc, timeouts):  # the engine wrapped the soft time limit in StageError
            return _timed_out(db, settings, claimed, on_failed)
        return _crashed(db, settings, claimed, exc, on_failed)
    seconds = time.perf_counter() - started
    with db.session() as s:
        saved = ArticleRepository(s).save_result(article_id, result, on_saved=on_saved)
    if not saved:
        return Outcome("skipped", article_id, seconds=seconds)
    return Outcome("done", article_id, events=len(result["events"]), seconds=seconds)


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    """``exc`` or one of its causes is of ``kinds``: the engine wraps what a stage raised
    (StageError from SoftTimeLimitExceeded), and a timeout must still count as one."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _timed_out(
    db: Database, settings: Settings, claimed: ClaimedArticle, on_failed: Hook | None
) -> Outcome:
    reason = f"extraction exceeded its time limit of {settings.extract_soft_time_limit} s"
    final = claimed.attempts >= settings.max_attempts
    return fail_article(db, claimed, reason, final=final, on_failed=on_failed)


def _crashed(
    db: Database,
    settings: Settings,
    claimed: ClaimedArticle,
    exc: Exception,
    on_failed: Hook | None,
) -> Outcome:
    log.exception("extraction crashed", extra={"article_id": claimed.id})
    reason = f"extraction error: {type(exc).__name__}: {str(exc)[:500]}"
    final = claimed.attempts >= settings.max_attempts
    return fail_article(db, claimed, reason, final=final, on_failed=on_failed)


def fail_article(
    db: Database, claimed: ClaimedArticle, reason: str, *, final: bool, on_failed: Hook | None
) -> Outcome:
    """Record a failed attempt: back to queued for a retry, or failed for good."""
    with db.session() as s:
        ArticleRepository(s).record_failure(claimed.id, reason, final=final, on_failed=on_failed)
    if final:
        return Outcome("failed", claimed.id, error=reason)
    return Outcome("retry", claimed.id, error=reason, retry_in=retry_delay(claimed.attempts))
