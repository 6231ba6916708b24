"""gunicorn settings for the API (``eventwire serve`` and docker-compose)."""

import os

worker_class = "sync"
timeout = 60
graceful_timeout = 20
keepalive = 5
accesslog = None
# Bodies are bounded by EVENTWIRE_MAX_BODY_BYTES in the app; headers are bounded here.
limit_request_line = 8190
limit_request_fields = 100


def child_exit(server, worker):  # type: ignore[no-untyped-def]
    # Prometheus multiprocess mode: drop the metrics files of a dead worker's gauges.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
