"""Worker-side batching (EVENTWIRE_EXTRACT_BATCH): queued articles parsed together through
extract_many, each stored or failed on its own, retries processed alone."""

from __future__ import annotations

import pytest

from storage.articles import ArticleRepository, NewArticle
from storage.batches import fresh_queued
from storage.db import Database
from workers.batching import process_queued

pytestmark = pytest.mark.slow

TEXTS = [
    "Keir Starmer met Donald Trump in Washington on Thursday to discuss Ukraine.",
    "Russia launched missiles at Kyiv on Friday, Ukrainian officials said.",
    "1234 5678 -- 90 %%",  # unusable: no words
    "Emmanuel Macron will visit Beijing next month, the Elysee said.",
]


def submit_all(db: Database, texts: list[str]) -> list[str]:
    with db.session() as s:
        repo = ArticleRepository(s)
        return [repo.submit(NewArticle(text=t)).article.id for t in texts]


def test_batch_processes_queued_articles_together(migrated):  # type: ignore[no-untyped-def]
    settings = migrated.with_overrides(extract_batch=8)
    db = Database(settings.database_url)
    try:
        ids = submit_all(db, TEXTS)
        with db.session() as s:
            assert fresh_queued(s, ids[1], limit=8, max_chars=10_000)[0] == ids[1]
            assert fresh_queued(s, ids[0], limit=2, max_chars=10_000) == ids[:2]
            assert fresh_queued(s, ids[0], limit=8, max_chars=len(TEXTS[0]) + 5) == ids[:1]
        outcomes = process_queued(db, settings, ids[0])
        assert [o.article_id for o in outcomes] == ids
        assert [o.status for o in outcomes] == ["done", "done", "failed", "done"]
        assert outcomes[2].error and outcomes[2].error.startswith("unusable input")
        with db.session() as s:
            repo = ArticleRepository(s)
            for article_id, outcome in zip(ids, outcomes, strict=True):
                a = repo.get(article_id)
                assert a.status == outcome.status and a.attempts == 1
                if a.status == "done":
                    assert a.result and a.result["article"]["id"] == article_id
                    assert len(a.result["events"]) == outcome.events
        # The other articles' own messages now find nothing to do.
        assert [o.status for o in process_queued(db, settings, ids[1])] == ["skipped"]
    finally:
        db.dispose()


def test_retries_and_batching_off_process_one_article(migrated):  # type: ignore[no-untyped-def]
    db = Database(migrated.database_url)
    try:
        ids = submit_all(db, TEXTS[:2])
        # Batching off (the default): only the task's own article.
        assert [o.status for o in process_queued(db, migrated, ids[0])] == ["done"]
        with db.session() as s:
            assert ArticleRepository(s).get(ids[1]).status == "queued"
            # An article tried before is never batched.
            claimed = ArticleRepository(s).claim(ids[1], 60)
            assert claimed is not None
            ArticleRepository(s).record_failure(ids[1], "test", final=False)
        batching_on = migrated.with_overrides(extract_batch=8)
        with db.session() as s:
            assert fresh_queued(s, ids[1], limit=8, max_chars=10_000) == []
        outcomes = process_queued(db, batching_on, ids[1])
        assert [(o.article_id, o.status) for o in outcomes] == [(ids[1], "done")]
    finally:
        db.dispose()
