"""The embedded broker: kombu's SQL transport, tuned for several processes on SQLite.

kombu hands every transport option to ``create_engine``; this subclass keeps the
options meant for the transport (polling interval, visibility timeout) out of it and
opens SQLite in WAL mode with a busy timeout, so the API, the worker and beat can share
one broker file without "database is locked" errors.

A message the SQL transport delivered is not redelivered if the worker dies; that is fine
here because the article's database lease, not the broker, is the source of truth
(``ArticleRepository.sweep`` re-queues it). So this channel deletes a message when it
hands it out (kombu marks it invisible and keeps it forever, and every poll then scans
the dead rows), and it polls with a plain read: only when a message is waiting does it
take SQLite's write lock (kombu takes it on every poll of every queue, which makes the
API's publishes wait). Queue ids are looked up once per channel, not per message.
"""

from __future__ import annotations

from kombu.transport import TRANSPORT_ALIASES
from kombu.transport.sqlalchemy import Channel as _Channel
from kombu.transport.sqlalchemy import Transport as _Transport
from kombu.transport.virtual import Empty
from kombu.utils.encoding import bytes_to_str
from kombu.utils.json import dumps, loads
from sqlalchemy import create_engine, delete, event, insert, select, text

_NOT_FOR_ENGINE = (
    "queue_tablename", "message_tablename", "callback", "errback", "max_retries",
    "interval_start", "interval_step", "interval_max", "retry_errors",
    "polling_interval", "visibility_timeout",
)  # fmt: skip


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # No fsync per publish (10 ms each here): a message lost to a power cut is re-sent by
    # the sweeper from the article rows, which are the source of truth.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Channel(_Channel):
    _queue_ids: dict[str, int]

    def _queue_id(self, queue: str) -> int:
        ids = self.__dict__.setdefault("_queue_ids", {})
        if queue not in ids:
            ids[queue] = self._get_or_create(queue).id
        return ids[queue]

    def _put(self, queue, payload, **kwargs):  # type: ignore[no-untyped-def]
        table = self.message_cls.__table__
        values = {"payload": dumps(payload), "queue_id": self._queue_id(queue), "visible": True}
        try:
            self.session.execute(insert(table).values(version=1, **values))
            self.session.commit()
        except Exception:
            self.session.rollback()
            raise

    def _get(self, queue):  # type: ignore[no-untyped-def]
        table = self.message_cls.__table__
        first = (
            select(table.c.id, table.c.payload)
            .where(table.c.queue_id == self._queue_id(queue), table.c.visible.is_(True))
            .order_by(table.c.timestamp, table.c.id)
            .limit(1)
        )
        session = self.session
        try:
            if session.execute(first).first() is None:
                raise Empty()
        finally:
            session.commit()  # ends the read snapshot; writes nothing
        sqlite = session.bind.dialect.name == "sqlite"
        if sqlite:
            session.execute(text("BEGIN IMMEDIATE TRANSACTION"))
        try:
            row = session.execute(
                first if sqlite else first.with_for_update(skip_locked=True)
            ).first()
            if row is None:
                raise Empty()
            session.execute(delete(table).where(table.c.id == row.id))
            return loads(bytes_to_str(row.payload))
        finally:
            session.commit()

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
