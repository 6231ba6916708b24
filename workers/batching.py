"""Parsing queued articles together: one ``nlp.pipe`` batch instead of one parse each.

With ``EVENTWIRE_EXTRACT_BATCH`` = N > 1, the extract task for article A also claims up to
N - 1 other queued, never-tried articles (oldest first, at most ``MAX_BATCH_CHARS`` of text
in all) and runs them through ``extraction.extract_many``. Their own broker messages then
find them done and are skipped (one UPDATE each). Only first attempts are batched: an
article that failed or timed out once is retried alone, so one bad article cannot keep
failing its neighbours. N = 1 (the default) is ``processing.process_article`` unchanged.
"""

from __future__ import annotations

import logging
import time

from eventwire.config import Settings
from eventwire.logging import bind_article
from extraction import extract_many
from extraction.errors import ExtractionError, UnusableInput
from storage.articles import ArticleRepository, ClaimedArticle
from storage.batches import fresh_queued
from storage.db import Database
from workers import metrics
from workers.processing import (
    ExtractionTimeout,
    Hook,
    Outcome,
    fail_article,
    process_article,
    to_input,
)

log = logging.getLogger("eventwire.worker")

# Above this much text in one batch, parse memory and the task's time limit matter more
# than the per-call overhead nlp.pipe saves.
MAX_BATCH_CHARS = 60_000


def process_queued(
    db: Database,
    settings: Settings,
    article_id: str,
    *,
    on_saved: Hook | None = None,
    on_failed: Hook | None = None,
    timeouts: tuple[type[BaseException], ...] = (ExtractionTimeout,),
) -> list[Outcome]:
    """Process ``article_id``, with other queued articles when batching is on; one
    ``Outcome`` per article, ``article_id``'s first. Each outcome is logged and counted
    (``report``) while its article's request id is bound."""
    ids: list[str] = []
    if settings.extract_batch > 1:
        with db.session() as s:
            ids = fresh_queued(
                s, article_id, limit=settings.extract_batch, max_chars=MAX_BATCH_CHARS
            )
    if len(ids) < 2:
        outcome = process_article(
            db, settings, article_id, on_saved=on_saved, on_failed=on_failed, timeouts=timeouts
        )
        report(outcome)
        return [outcome]
    return process_batch(
        db, settings, ids, on_saved=on_saved, on_failed=on_failed, timeouts=timeouts
    )


def process_batch(
    db: Database,
    settings: Settings,
    ids: list[str],
    *,
    on_saved: Hook | None = None,
    on_failed: Hook | None = None,
    timeouts: tuple[type[BaseException], ...] = (ExtractionTimeout,),
) -> list[Outcome]:
    """Claim ``ids`` in one transaction, extract them together, store each result."""
    claimed: list[ClaimedArticle] = []
    with db.session() as s:
        repo = ArticleRepository(s)
        for article_id in ids:
            c = repo.claim(article_id, settings.task_lease_seconds)
            if c is not None:
                claimed.append(c)
    outcomes = {i: Outcome("skipped", i) for i in ids}
    metrics.BATCH_SIZE.observe(len(claimed))
    pending = {c.id: c for c in claimed}
    started = time.perf_counter()
    try:
        results = extract_many((to_input(c) for c in claimed), batch_size=max(1, len(claimed)))
        for c, result in zip(claimed, results, strict=True):
            bind_article(c.id, c.request_id)
            if isinstance(result, ExtractionError):
                final = isinstance(result, UnusableInput) or c.attempts >= settings.max_attempts
                kind = "unusable input" if isinstance(result, UnusableInput) else "extraction error"
                outcomes[c.id] = fail_article(
                    db, c, f"{kind}: {result}", final=final, on_failed=on_failed
                )
            else:
                data = result.to_dict()
                data["article"]["id"] = c.id
                with db.session() as s:
                    saved = ArticleRepository(s).save_result(c.id, data, on_saved=on_saved)
                seconds = (time.perf_counter() - started) / len(claimed)
                outcomes[c.id] = (
                    Outcome("done", c.id, events=len(data["events"]), seconds=seconds)
                    if saved
                    else Outcome("skipped", c.id)
                )
            pending.pop(c.id, None)
            report(outcomes[c.id])
    except timeouts:
        limit = settings.extract_soft_time_limit
        reason = f"extraction exceeded its time limit of {limit} s (in a batch)"
        for c in pending.values():
            bind_article(c.id, c.request_id)
            outcomes[c.id] = fail_article(
                db, c, reason, final=c.attempts >= settings.max_attempts, on_failed=on_failed
            )
            report(outcomes[c.id])
    return [outcomes[i] for i in ids]


def report(outcome: Outcome) -> None:
    """One log line and the metrics of one article's outcome."""
    log.info(
        "article %s", outcome.status,
        extra={"article_id": outcome.article_id, "status": outcome.status, "error": outcome.error,
               "events": outcome.events, "seconds": round(outcome.seconds, 3)},
    )  # fmt: skip
    metrics.observe_outcome(
        outcome.status, seconds=outcome.seconds, events=outcome.events, error=outcome.error
    )
