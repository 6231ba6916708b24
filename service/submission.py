"""Accepting articles: store first (committed before the 202), then enqueue.

The article row is committed before the broker hears of it, so a crash or a broker
outage between the two can delay processing but never lose an accepted article: the
sweeper sends whatever is still queued and not marked enqueued.
"""

from __future__ import annotations

from collections.abc import Sequence

from celery import Celery

from storage.articles import ArticleRepository, NewArticle, Submission
from storage.db import Database
from workers.enqueue import send_extract
from workers.metrics import ARTICLES_SUBMITTED


def submit(db: Database, celery: Celery, items: Sequence[NewArticle]) -> list[Submission]:
    """Store ``items`` in one transaction, then enqueue the new ones.

    Raises:
        storage.errors.Conflict: an Idempotency-Key was reused with another body.
        storage.errors.StoreUnavailable: the database is down (nothing was accepted).
    """
    with db.session() as s:
        repo = ArticleRepository(s)
        submissions = [repo.submit(item) for item in items]
    new_ids = [sub.article.id for sub in submissions if sub.created]
    ARTICLES_SUBMITTED.inc(len(new_ids))
    sent = send_extract(celery, new_ids)
    if sent:
        with db.session() as s:
            ArticleRepository(s).mark_enqueued(sent)
    return submissions
