"""Celery tasks. Each decodes its arguments and calls one function; no logic lives here."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init

from storage.articles import ArticleRepository
from storage.errors import StoreUnavailable
from workers import batching, context, metrics, processing
from workers.delivery import Outbox
from workers.delivery_tasks import send_deliver
from workers.enqueue import send_extract

log = logging.getLogger("eventwire.worker")


@worker_process_init.connect
def _init_child(**_: object) -> None:
    # Each forked child opens its own connections and loads the model once, up front,
    # so the first article does not pay for it and no task ever loads it again.
    context.reset()
    from extraction import warm_up

    warm_up()


@shared_task(
    name="eventwire.extract",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    autoretry_for=(StoreUnavailable,),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=None,
)
def extract_article(self, article_id: str) -> str:  # type: ignore[no-untyped-def]
    settings = context.settings()
    outbox = Outbox.for_settings(settings)
    outcomes = batching.process_queued(
        context.database(),
        settings,
        article_id,
        on_saved=outbox.on_saved,
        on_failed=outbox.on_failed,
        timeouts=(SoftTimeLimitExceeded, processing.ExtractionTimeout),
    )
    send_deliver(self.app, outbox.message_ids)
    for outcome in outcomes:  # logged and counted in batching.report
        if outcome.status == "retry" and outcome.retry_in is not None:
            send_extract(self.app, [outcome.article_id], countdown=outcome.retry_in)
    return outcomes[0].status


@shared_task(name="eventwire.sweep", bind=True, ignore_result=True)
def sweep(self) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Re-send what the queue lost; re-queue articles whose worker died."""
    settings = context.settings()
    db = context.database()
    outbox = Outbox.for_settings(settings)
    with db.session() as s:
        report = ArticleRepository(s).sweep(
            requeue_after=settings.requeue_after_seconds,
            max_attempts=settings.max_attempts,
            on_failed=outbox.on_failed,
        )
    send_deliver(self.app, outbox.message_ids)
    sent = send_extract(self.app, report.to_enqueue)
    if sent:
        with db.session() as s:
            ArticleRepository(s).mark_enqueued(sent)
    summary = {"requeued": len(sent), "reclaimed": report.reclaimed, "failed": report.failed}
    metrics.ARTICLES_FAILED.labels(reason="lost").inc(report.failed)
    if any(summary.values()):
        log.info("sweep", extra=summary)
    return summary
