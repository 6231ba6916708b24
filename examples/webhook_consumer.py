"""A minimal Eventwire webhook consumer: verify the signature, drop duplicates, process.

Eventwire delivers at least once: a message can arrive twice (a timeout after the
receiver processed it, a replay). Every attempt of one message carries the same
``webhook-id``, so the consumer records the ids it has processed, in the same
transaction as its own writes, and answers 200 to a repeat without processing it again.

Run it (the secret is the one POST /v1/webhooks answered; during a rotation give both,
space-separated, until the old one expires)::

    EVENTWIRE_WEBHOOK_SECRET=whsec_... flask --app examples.webhook_consumer run --port 5001

then register ``https://<public host>/hooks/eventwire`` as the endpoint's url.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, request
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

Handler = Callable[[sqlite3.Connection, dict[str, Any]], None]


def store_article(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    """Example processing: keep the article's result (or failure) in a table."""
    data = payload["data"]
    article_id = (
        data["article"]["id"] if payload["type"] == "article.processed" else data["article_id"]
    )
    conn.execute(
        "INSERT OR REPLACE INTO articles (id, type, body) VALUES (?, ?, ?)",
        (article_id, payload["type"], json.dumps(data)),
    )


def create_app(
    secrets: str | None = None, db_path: str = "consumer.sqlite3", handle: Handler = store_article
) -> Flask:
    app = Flask(__name__)
    verifiers = [Webhook(s) for s in (secrets or os.environ["EVENTWIRE_WEBHOOK_SECRET"]).split()]
    conn = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
    conn.execute("CREATE TABLE IF NOT EXISTS processed (webhook_id TEXT PRIMARY KEY)")
    conn.execute("CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, type TEXT, body TEXT)")
    lock = threading.Lock()

    @app.post("/hooks/eventwire")
    def receive() -> Response | tuple[str, int]:
        body = request.get_data()
        payload = None
        for verifier in verifiers:
            try:
                payload = verifier.verify(body, dict(request.headers))
                break
            except WebhookVerificationError:
                continue
        if payload is None:
            return "invalid signature or timestamp", 401
        with lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO processed (webhook_id) VALUES (?)",
                    (request.headers["webhook-id"],),
                )
                if cur.rowcount == 0:
                    conn.execute("ROLLBACK")
                    return "duplicate", 200  # processed before: acknowledge, do nothing
                handle(conn, payload)  # same transaction: both happen, or neither
                conn.execute("COMMIT")
            except Exception:
                conn.execute("ROLLBACK")
                raise  # 500: Eventwire will retry later
        return "", 204

    return app


if __name__ == "__main__":  # pragma: no cover
    create_app().run(port=int(os.environ.get("PORT", "5001")))
