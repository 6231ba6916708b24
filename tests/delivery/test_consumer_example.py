"""examples/webhook_consumer.py, served by werkzeug on loopback, fed by the real sender."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime

from werkzeug.serving import make_server

from examples.webhook_consumer import create_app
from workers.delivery import message_body
from workers.webhook_sender import make_client, new_secret, send_webhook


def test_consumer_verifies_and_deduplicates(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old, new = new_secret(), new_secret()
    db_path = str(tmp_path / "consumer.sqlite3")
    server = make_server("127.0.0.1", 0, create_app(f"{new} {old}", db_path), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/hooks/eventwire"
    body = message_body(
        "article.processed", datetime.now(UTC), {"article": {"id": "a1"}, "events": []}
    )
    try:
        with make_client(5) as client:
            first = send_webhook(client, url, "msg_1", body, [new], allow_hosts=("127.0.0.1",))
            again = send_webhook(client, url, "msg_1", body, [new], allow_hosts=("127.0.0.1",))
            rotated = send_webhook(client, url, "msg_2", body, [old], allow_hosts=("127.0.0.1",))
            forged = send_webhook(
                client, url, "msg_3", body, [new_secret()], allow_hosts=("127.0.0.1",)
            )
    finally:
        server.shutdown()
    assert first.status_code == 204
    assert again.status_code == 200 and again.response_body == "duplicate"
    assert rotated.status_code == 204  # the old secret still verifies during the overlap
    assert forged.status_code == 401
    conn = sqlite3.connect(db_path)
    assert sorted(r[0] for r in conn.execute("SELECT webhook_id FROM processed")) == [
        "msg_1",
        "msg_2",
    ]
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    conn.close()
