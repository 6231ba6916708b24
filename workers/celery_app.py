"""The Celery application, configured from ``eventwire.config`` settings.

Reliability settings and why:
- ``task_acks_late`` + ``task_reject_on_worker_lost``: a task is acknowledged only after it
  ran, so a worker killed mid-task leaves the message to be delivered again.
- ``worker_prefetch_multiplier = 1``: a worker holds one message at a time, so a long
  article never keeps others waiting behind it in a dead worker's buffer.
- visibility timeout = ``EVENTWIRE_TASK_LEASE_SECONDS``: the broker redelivers an
  unacknowledged message after the same time the database lease expires.
"""

from __future__ import annotations

from celery import Celery
from kombu import Exchange, Queue

from eventwire.config import Settings, load_settings

EXTRACT_QUEUE = "eventwire.extract"
DELIVER_QUEUE = "eventwire.deliver"
MAINTENANCE_QUEUE = "eventwire.maintenance"
QUEUES = (EXTRACT_QUEUE, DELIVER_QUEUE, MAINTENANCE_QUEUE)


def make_celery(settings: Settings) -> Celery:
    import workers.observability  # noqa: F401 - connects the logging and metrics signals

    if settings.broker_url.startswith("sqla"):
        from workers.sqla_transport import register

        register()
    tasks = ["workers.tasks", "workers.delivery_tasks"]
    app = Celery("eventwire", broker=settings.broker_url, include=tasks)
    transport_options: dict[str, object] = {"visibility_timeout": settings.task_lease_seconds}
    if settings.broker_url.startswith("sqla+"):
        # The SQL transport polls; a short interval keeps submit-to-start latency low.
        # Polls are plain reads (workers.sqla_transport), so polling often is cheap.
        transport_options["polling_interval"] = 0.05
        from pathlib import Path

        path = settings.broker_url.split("///", 1)[-1]
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_store_errors_even_if_ignored=False,
        task_serializer="json",
        accept_content=["json"],
        timezone="UTC",
        enable_utc=True,
        broker_connection_retry_on_startup=True,
        broker_transport_options=transport_options,
        task_default_queue=EXTRACT_QUEUE,
        task_queues=[Queue(q, Exchange(q, type="direct"), routing_key=q) for q in QUEUES],
        task_default_exchange=EXTRACT_QUEUE,
        task_default_routing_key=EXTRACT_QUEUE,
        task_routes={
            "eventwire.extract": {"queue": EXTRACT_QUEUE, "routing_key": EXTRACT_QUEUE},
            "eventwire.deliver": {"queue": DELIVER_QUEUE, "routing_key": DELIVER_QUEUE},
            "eventwire.sweep": {"queue": MAINTENANCE_QUEUE, "routing_key": MAINTENANCE_QUEUE},
            "eventwire.dispatch_due": {"queue": DELIVER_QUEUE, "routing_key": DELIVER_QUEUE},
        },
        # The soft limit raises SoftTimeLimitExceeded inside extraction (the article fails
        # or retries); the hard limit kills a child stuck in C code (the lease recovers it).
        task_annotations={
            "eventwire.extract": {
                "soft_time_limit": settings.extract_soft_time_limit,
                "time_limit": settings.extract_soft_time_limit + 30,
            }
        },
        worker_max_tasks_per_child=2000,
        worker_hijack_root_logger=False,
        worker_send_task_events=True,
        # No "task-sent" event: it is a second broker publish inside every POST (about a
        # third of its time on the SQLite broker); Flower sees tasks from the workers' events.
        task_send_sent_event=False,
        beat_schedule={
            "sweep": {
                "task": "eventwire.sweep",
                "schedule": settings.sweep_interval_seconds,
                "options": {"expires": max(settings.sweep_interval_seconds * 2, 5)},
            },
            "dispatch-deliveries": {
                "task": "eventwire.dispatch_due",
                "schedule": settings.webhook_dispatch_interval,
                "options": {"expires": max(settings.webhook_dispatch_interval * 2, 5)},
            },
        },
    )
    app.conf.eventwire_settings = settings
    return app


def __getattr__(name: str) -> Celery:
    # ``celery -A workers.celery_app:app`` looks the app up here; building it lazily keeps
    # imports free of side effects (tests and the API build their own with make_celery).
    if name == "app":
        global app
        app = make_celery(load_settings())
        return app
    raise AttributeError(name)
