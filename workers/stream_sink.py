"""The Redis Stream sink: every finished article appended to ``eventwire:articles``.

Each entry has ``payload`` (the same JSON body the webhooks carry) and ``webhook_id``
(the message id, for consumers that de-duplicate). The stream is trimmed approximately
to ``MAXLEN`` entries. Appends go through the delivery outbox like a webhook endpoint,
so a Redis outage delays entries but loses none (at-least-once).
"""

from __future__ import annotations

import time

import redis

from storage.webhooks import AttemptRecord

STREAM_KEY = "eventwire:articles"


def publish(client: redis.Redis, msg_id: str, body: str, *, maxlen: int) -> AttemptRecord:
    """XADD one entry; never raises for a Redis failure (it is a failed attempt)."""
    started = time.perf_counter()
    try:
        entry_id = client.xadd(
            STREAM_KEY, {"payload": body, "webhook_id": msg_id}, maxlen=maxlen, approximate=True
        )
    except redis.RedisError as exc:
        return AttemptRecord(ok=False, error=f"redis: {type(exc).__name__}: {str(exc)[:300]}",
                             duration_ms=(time.perf_counter() - started) * 1000)  # fmt: skip
    raw = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
    return AttemptRecord(ok=True, duration_ms=(time.perf_counter() - started) * 1000,
                         response_body=f"stream entry {raw}")  # fmt: skip
