"""The embedded broker: kombu's SQL transport, tuned for several processes on SQLite.

kombu hands every transport option to ``create_engine``; this subclass keeps the
options meant for the transport (polling interval, visibility timeout) out of it and
opens SQLite in WAL mode with a busy timeout, so the API, the worker and beat can share
one broker file without "database is locked" errors.

A message the SQL transport delivered is marked invisible and is not redelivered if the
worker dies; that is fine here because the article's database lease, not the broker, is
the source of truth (``ArticleRepository.sweep`` re-queues it).
"""

from __future__ import annotations

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport.sqlalchemy import Channel as _Channel
from kombu.transport.sqlalchemy import Transport as _Transport
from sqlalchemy import create_engine, event

_NOT_FOR_ENGINE = (
    "queue_tablename", "message_tablename", "callback", "errback", "max_retries",
    "interval_start", "interval_step", "interval_max", "retry_errors",
    "polling_interval", "visibility_timeout",
)  # fmt: skip


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Channel(_Channel):
    def _engine_from_config(self):  # type: ignore[no-untyped-def]
        conninfo = self.connection.client
        options = {k: v for k, v in conninfo.transport_options.items() if k not in _NOT_FOR_ENGINE}
        url = conninfo.hostname
        if url.startswith("sqlite"):
            options.setdefault("connect_args", {"timeout": 30})
            engine = create_engine(url, **options)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, **options)


class Transport(_Transport):
    Channel = Channel


def register() -> None:
    """Make ``sqla+...`` broker URLs use this transport."""
    TRANSPORT_ALIASES["sqla"] = "workers.sqla_transport:Transport"
    TRANSPORT_ALIASES["sqlalchemy"] = "workers.sqla_transport:Transport"
