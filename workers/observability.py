"""Logs and metrics of worker and beat processes, wired through Celery's signals.

- ``setup_logging``: Celery leaves logging to ``eventwire.logging.configure_logging``
  (JSON lines by default), for the worker and beat alike.
- ``task_prerun``: each task starts with a clean log context holding its name and id;
  ``workers.processing`` then binds the article and the request id that submitted it.
- ``worker_init``: with ``EVENTWIRE_WORKER_METRICS_PORT`` set, the worker's main process
  serves its pool's metrics on that port (see ``workers.metrics``).

Imported by ``workers.celery_app.make_celery``; importing it only connects receivers.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from celery.signals import setup_logging, task_prerun, worker_init

from eventwire.logging import bind_request, configure_logging

log = logging.getLogger("eventwire.worker")


def _settings(sender: Any = None):  # type: ignore[no-untyped-def]
    app = getattr(sender, "app", None)
    configured = getattr(getattr(app, "conf", None), "eventwire_settings", None)
    if configured is not None:
        return configured
    from celery import current_app

    configured = getattr(current_app.conf, "eventwire_settings", None)
    if configured is not None:
        return configured
    from eventwire.config import load_settings

    return load_settings()


@setup_logging.connect
def _setup_logging(**_: Any) -> None:
    process = "beat" if "beat" in sys.argv[1:] else "worker"
    configure_logging(_settings(), process)


@task_prerun.connect
def _task_context(task_id: str | None = None, task: Any = None, **_: Any) -> None:
    bind_request(None, task=getattr(task, "name", None), task_id=task_id)


@worker_init.connect
def _worker_metrics(sender: Any = None, **_: Any) -> None:
    port = _settings(sender).worker_metrics_port
    if port:
        from workers.metrics import serve_worker_metrics

        serve_worker_metrics(port)
        log.info("worker metrics on port %d", port, extra={"metrics_port": port})
