"""The article state machine on real SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from storage.articles import ArticleRepository, NewArticle
from storage.clock import utcnow
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Article, ArticleEntity, Event, EventParticipant

RESULT = {
    "entities": [
        {
            "id": "e1",
            "name": "Keir Starmer",
            "type": "PERSON",
            "aliases": ["Starmer"],
            "mentions": [{"start": 0, "end": 7, "text": "Starmer"}],
            "salience": 0.6,
        },
        {
            "id": "e2",
            "name": "Donald Trump",
            "type": "PERSON",
            "aliases": ["Trump"],
            "mentions": [{"start": 12, "end": 17, "text": "Trump"}],
            "salience": 0.4,
        },
    ],
    "events": [
        {
            "id": "v1",
            "type": "CONSULT",
            "mode": "visit",
            "modality": "planned",
            "negated": False,
            "actors": [{"entity_id": "e1", "name": "Keir Starmer"}],
            "recipients": [{"entity_id": "e2", "name": "Donald Trump"}],
            "date": {"value": "2025-02", "precision": "month", "text": "this month"},
            "location": None,
            "confidence": 0.8,
        },
    ],
}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):  # type: ignore[no-untyped-def]
    url = (
        f"sqlite:///{tmp_path / 'repo.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    upgrade(url)
    database = Database(url)
    yield database
    database.dispose()


def _submit(db: Database, text: str = "Starmer met Trump.") -> str:
    with db.session() as s:
        return ArticleRepository(s).submit(NewArticle(text=text)).article.id


def test_claim_is_exclusive(db):
    article_id = _submit(db)
    with db.session() as s:
        first = ArticleRepository(s).claim(article_id, lease_seconds=60)
    with db.session() as s:
        second = ArticleRepository(s).claim(article_id, lease_seconds=60)
    assert first is not None and first.attempts == 1
    assert second is None


def test_concurrent_claims_only_one_wins(db):
    article_id = _submit(db)
    wins = []

    def claim() -> None:
        with db.session() as s:
            wins.append(ArticleRepository(s).claim(article_id, lease_seconds=60))

    threads = [threading.Thread(target=claim) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(w is not None for w in wins) == 1


def test_save_result_twice_never_duplicates_rows(db):
    article_id = _submit(db)
    for _ in range(2):
        with db.session() as s:
            s.execute(update(Article).where(Article.id == article_id).values(status="processing"))
        with db.session() as s:
            assert ArticleRepository(s).save_result(article_id, RESULT)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 1
        assert s.scalar(select(func.count()).select_from(ArticleEntity)) == 2
        assert s.scalar(select(func.count()).select_from(EventParticipant)) == 2
        article = s.get(Article, article_id)
        assert article.status == "done" and article.result == RESULT


def test_done_article_is_not_claimed_again(db):
    article_id = _submit(db)
    with db.session() as s:
        ArticleRepository(s).claim(article_id, 60)
    with db.session() as s:
        ArticleRepository(s).save_result(article_id, RESULT)
    with db.session() as s:
        assert ArticleRepository(s).claim(article_id, 60) is None


def test_expired_lease_is_reclaimed_then_failed_after_max_attempts(db):
    article_id = _submit(db)
    for attempt in (1, 2):
        with db.session() as s:
            assert ArticleRepository(s).claim(article_id, 60).attempts == attempt
        with db.session() as s:  # the worker died: its lease runs out
            s.execute(
                update(Article)
                .where(Article.id == article_id)
                .values(lease_expires_at=utcnow() - timedelta(seconds=1))
            )
        with db.session() as s:
            report = ArticleRepository(s).sweep(requeue_after=30, max_attempts=2)
        if attempt == 1:
            assert report.reclaimed == 1 and report.to_enqueue == [article_id]
        else:
            assert report.failed == 1
    with db.session() as s:
        article = s.get(Article, article_id)
        assert article.status == "failed" and "lost" in article.error


def test_sweep_sends_articles_the_broker_never_got(db):
    article_id = _submit(db)
    with db.session() as s:
        assert ArticleRepository(s).sweep(requeue_after=30, max_attempts=3).to_enqueue == []
        s.execute(update(Article).values(submitted_at=utcnow() - timedelta(seconds=60)))
    with db.session() as s:
        assert ArticleRepository(s).sweep(requeue_after=30, max_attempts=3).to_enqueue == [
            article_id
        ]
        ArticleRepository(s).mark_enqueued([article_id])
    with db.session() as s:
        assert ArticleRepository(s).sweep(requeue_after=30, max_attempts=3).to_enqueue == []


def test_duplicate_submissions_race_to_one_row(db):
    ids = []

    def submit() -> None:
        with db.session() as s:
            ids.append(
                ArticleRepository(s)
                .submit(NewArticle(text="same text", external_id="x-1"))
                .article.id
            )

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1
