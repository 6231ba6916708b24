"""The delivery outbox on real databases: rows written in the result's transaction,
leases (SKIP LOCKED on PostgreSQL, conditional UPDATE on SQLite), dead letters, endpoint
disabling, and the Redis Stream surviving a Redis outage."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import redis
from standardwebhooks.webhooks import Webhook

from storage.articles import ArticleRepository, NewArticle
from storage.db import Database
from storage.migrate import upgrade
from storage.webhooks import (
    AttemptRecord,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookMessage,
    WebhookRepository,
    utcnow,
)
from tests.conftest import free_port
from tests.delivery.conftest import Reply, delivery_settings
from workers.delivery import Outbox, dispatch
from workers.stream_sink import STREAM_KEY
from workers.webhook_sender import make_client, new_secret

RESULT = {"schema_version": "1.0", "article": {"id": None}, "entities": [], "events": []}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
    settings = delivery_settings(
        {"EVENTWIRE_DATA_DIR": str(tmp_path), "EVENTWIRE_DATABASE_URL": url,
         "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}"}
    )  # fmt: skip
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    yield settings, db
    db.dispose()


def add_endpoint(
    db: Database, url: str, event_types=("article.processed", "article.failed"), enabled=True
):  # type: ignore[no-untyped-def]
    with db.session() as s:
        e = WebhookRepository(s).create_endpoint(url=url, event_types=list(event_types), description=None,
                                                 enabled=enabled, secret=new_secret())  # fmt: skip
        return e.id, e.secret


def finish_article(db: Database, outbox: Outbox, text: str = "an article") -> str:
    with db.session() as s:
        article_id = ArticleRepository(s).submit(NewArticle(text=text)).article.id
        ArticleRepository(s).claim(article_id, 60)
    with db.session() as s:
        result = json.loads(json.dumps(RESULT))
        result["article"]["id"] = article_id
        assert ArticleRepository(s).save_result(article_id, result, on_saved=outbox.on_saved)
    return article_id


def test_outbox_rows_are_written_in_the_results_transaction(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    add_endpoint(db, receiver.url())
    add_endpoint(db, receiver.url("/failed-only"), event_types=["article.failed"])
    add_endpoint(db, receiver.url("/off"), enabled=False)
    outbox = Outbox(stream=False)
    article_id = finish_article(db, outbox)
    with db.session() as s:
        (message,) = s.query(WebhookMessage).all()
        (delivery,) = s.query(WebhookDelivery).all()  # only the enabled, subscribed endpoint
        assert message.article_id == article_id and message.id == outbox.message_ids[0]
        assert json.loads(message.body)["data"]["article"]["id"] == article_id
        assert delivery.status == "pending" and delivery.next_attempt_at is not None
    # A transaction that fails after the hook leaves neither the result nor its message.
    with db.session() as s:
        other = ArticleRepository(s).submit(NewArticle(text="rolled back")).article.id
        ArticleRepository(s).claim(other, 60)
    with pytest.raises(RuntimeError), db.session() as s:
        ArticleRepository(s).save_result(
            other, {"article": {"id": other}}, on_saved=Outbox(stream=False).on_saved
        )
        s.flush()
        raise RuntimeError("crash before commit")
    with db.session() as s:
        assert ArticleRepository(s).get(other).status == "processing"
        assert s.query(WebhookMessage).count() == 1
    # Saving the same article again writes no second message.
    with db.session() as s:
        assert (
            WebhookRepository(s).enqueue_message(article_id, "article.processed", "{}", stream=True)
            is None
        )


def test_failed_article_sends_article_failed(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    _, secret = add_endpoint(db, receiver.url(), event_types=["article.failed"])
    outbox = Outbox(stream=False)
    with db.session() as s:
        article_id = (
            ArticleRepository(s).submit(NewArticle(text="bad", external_id="x-1")).article.id
        )
        ArticleRepository(s).claim(article_id, 60)
    with db.session() as s:
        ArticleRepository(s).record_failure(
            article_id, "unusable input: empty", final=True, on_failed=outbox.on_failed
        )
    with make_client(5) as client:
        assert dispatch(db, settings, client=client).succeeded == 1
    (got,) = receiver.requests
    payload = Webhook(secret).verify(got.body, got.headers)
    assert payload["type"] == "article.failed"
    assert payload["data"]["article_id"] == article_id
    assert payload["data"]["error"] == "unusable input: empty"
    assert payload["data"]["external_id"] == "x-1"


def test_a_lease_is_exclusive_and_a_lost_lease_changes_nothing(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    add_endpoint(db, receiver.url())
    finish_article(db, Outbox(stream=False))
    with db.session() as s:
        (first,) = WebhookRepository(s).claim_due(lease_seconds=60, limit=10)
    with db.session() as s:
        assert WebhookRepository(s).claim_due(lease_seconds=60, limit=10) == []
    # The lease runs out (the claimer died): the row is due again, under a new token.
    with db.session() as s:
        s.get(WebhookDelivery, first.id).lease_expires_at = utcnow() - timedelta(seconds=1)  # type: ignore[union-attr]
    with db.session() as s:
        (second,) = WebhookRepository(s).claim_due(lease_seconds=60, limit=10)
    assert second.id == first.id and second.lease_token != first.lease_token
    with db.session() as s:
        late = WebhookRepository(s).record_attempt(first, AttemptRecord(ok=True, status_code=200),
                                                   retry_in=None, disable_after_seconds=1e9)  # fmt: skip
    assert late is None
    with db.session() as s:
        d = s.get(WebhookDelivery, first.id)
        assert d is not None and d.status == "pending" and d.attempts == 0


@pytest.mark.postgres
def test_concurrent_dispatchers_take_disjoint_rows_on_postgres(pg_url, tmp_path, receiver) -> None:  # type: ignore[no-untyped-def]
    upgrade(pg_url)
    db = Database(pg_url)
    add_endpoint(db, receiver.url())
    outbox = Outbox(stream=False)
    for i in range(4):
        finish_article(db, outbox, text=f"article {i}")
    # Session A holds its claim's row locks (not committed yet); B skips those rows.
    s_a = db.sessionmaker()
    s_b = db.sessionmaker()
    try:
        a = WebhookRepository(s_a).claim_due(lease_seconds=60, limit=2)
        b = WebhookRepository(s_b).claim_due(lease_seconds=60, limit=10)
        s_a.commit()
        s_b.commit()
    finally:
        s_a.close()
        s_b.close()
    assert len(a) == 2 and len(b) == 2
    assert not {c.id for c in a} & {c.id for c in b}
    db.dispose()


def test_spent_schedule_is_dead_and_replay_sends_again(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    settings = settings.with_overrides(webhook_retry_schedule=(0, 0, 0))
    endpoint_id, _ = add_endpoint(db, receiver.url())
    receiver.default = Reply(500, body=b"down")
    finish_article(db, Outbox(stream=False))
    with make_client(5) as client:
        for _ in range(3):
            dispatch(db, settings, client=client)
        assert dispatch(db, settings, client=client).claimed == 0
    with db.session() as s:
        (view,) = WebhookRepository(s).list_deliveries(endpoint_id).items
        assert view.delivery.status == "dead" and len(view.attempts) == 3
        WebhookRepository(s).replay(endpoint_id, view.delivery.id)
    receiver.default = Reply(200)
    with make_client(5) as client:
        assert dispatch(db, settings, client=client).succeeded == 1
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == 1
    assert len(receiver.requests) == 4


def test_410_disables_the_endpoint(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    endpoint_id, _ = add_endpoint(db, receiver.url())
    receiver.script = [Reply(410, body=b"gone")]
    finish_article(db, Outbox(stream=False), text="one")
    with make_client(5) as client:
        assert dispatch(db, settings, client=client).dead == 1
    with db.session() as s:
        e = s.get(WebhookEndpoint, endpoint_id)
        assert e is not None and not e.enabled and "410 Gone" in (e.disabled_reason or "")
    finish_article(db, Outbox(stream=False), text="two")  # a disabled endpoint gets nothing new
    with db.session() as s:
        assert s.query(WebhookDelivery).count() == 1


def test_an_endpoint_failing_for_five_days_is_disabled(store, receiver) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    endpoint_id, _ = add_endpoint(db, receiver.url())
    receiver.default = Reply(500)
    finish_article(db, Outbox(stream=False), text="one")
    finish_article(db, Outbox(stream=False), text="two")
    with db.session() as s:
        s.get(WebhookEndpoint, endpoint_id).failing_since = utcnow() - timedelta(days=5, minutes=1)  # type: ignore[union-attr]
    with make_client(5) as client:
        report = dispatch(db, settings, client=client, limit=1)
    assert report.dead == 1
    with db.session() as s:
        e = s.get(WebhookEndpoint, endpoint_id)
        assert e is not None and not e.enabled
        assert e.disabled_reason and e.disabled_reason.startswith("every delivery failed from")
        statuses = sorted(d.status for d in s.query(WebhookDelivery).all())
        assert statuses == ["dead", "dead"]  # the waiting one too: replayable once re-enabled
        WebhookRepository(s).update_endpoint(endpoint_id, {"enabled": True})
    with db.session() as s:
        e = s.get(WebhookEndpoint, endpoint_id)
        assert e is not None and e.enabled and e.disabled_reason is None and e.failing_since is None


@pytest.mark.redis
def test_stream_entries_survive_a_redis_outage(store, redis_url) -> None:  # type: ignore[no-untyped-def]
    settings, db = store
    outbox = Outbox(stream=True)
    article_id = finish_article(db, outbox)
    down = redis.Redis(port=free_port(), socket_connect_timeout=1)
    with make_client(5) as client:
        report = dispatch(db, settings, client=client, redis_client=down)
        assert report.claimed == 1 and report.retrying == 1
        with db.session() as s:  # the retry is due in about 1 s; make it due now
            for d in s.query(WebhookDelivery).all():
                d.next_attempt_at = utcnow()
        up = redis.Redis.from_url(redis_url, decode_responses=True)
        assert dispatch(db, settings, client=client, redis_client=up).succeeded == 1
    up.xgroup_create(STREAM_KEY, "g", id="0")
    ((_, entries),) = up.xreadgroup("g", "c", {STREAM_KEY: ">"}, count=100)
    # Filter by id: concurrent test sessions on this machine may share the Redis db number.
    ((entry_id, fields),) = [e for e in entries if e[1]["webhook_id"] == outbox.message_ids[0]]
    assert json.loads(fields["payload"])["data"]["article"]["id"] == article_id
    assert fields["webhook_id"] == outbox.message_ids[0]
    assert up.xack(STREAM_KEY, "g", entry_id) == 1
    with db.session() as s:
        (d,) = s.query(WebhookDelivery).all()
        assert d.status == "succeeded" and d.attempts == 2 and d.endpoint_id is None
