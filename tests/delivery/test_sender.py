"""The sender against a real HTTP receiver on loopback: Standard Webhooks signatures
(verified with the ``standardwebhooks`` library), redirects, Retry-After, 410, big answers."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.delivery.conftest import Reply
from workers.delivery import message_body, next_retry_delay
from workers.webhook_sender import (
    RESPONSE_BODY_LIMIT,
    make_client,
    new_secret,
    parse_retry_after,
    send_webhook,
    signed_headers,
)

ALLOW = ("127.0.0.1", "localhost")
BODY = message_body(
    "article.processed", datetime(2025, 2, 27, tzinfo=UTC), {"article": {"id": "a1"}}
)


def _send(receiver, secrets, body=BODY, msg_id="msg_test1", url=None):  # type: ignore[no-untyped-def]
    with make_client(5) as client:
        return send_webhook(client, url or receiver.url(), msg_id, body, secrets, allow_hosts=ALLOW)


def test_signed_post_verifies_and_tampering_fails(receiver) -> None:  # type: ignore[no-untyped-def]
    secret = new_secret()
    outcome = _send(receiver, [secret])
    assert outcome.ok and outcome.status_code == 200 and outcome.response_body == "ok"
    (got,) = receiver.requests
    assert got.headers["content-type"] == "application/json"
    assert got.headers["webhook-signature"].startswith("v1,")
    payload = Webhook(secret).verify(got.body, got.headers)
    assert payload == json.loads(BODY)
    assert set(payload) == {"type", "timestamp", "data"}
    tampered = got.body.replace(b'"a1"', b'"a2"')
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(tampered, got.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(got.body, got.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(got.body, {**got.headers, "webhook-id": "msg_other"})


def test_an_old_timestamp_fails_verification() -> None:
    secret = new_secret()
    old = datetime.now(UTC) - timedelta(minutes=10)
    headers = signed_headers([secret], "msg_old", BODY, now=old)
    with pytest.raises(WebhookVerificationError, match="too old"):
        Webhook(secret).verify(BODY, headers)
    # Replaying an old message with its timestamp bumped breaks the signature instead.
    bumped = {**headers, "webhook-timestamp": str(int(datetime.now(UTC).timestamp()))}
    with pytest.raises(WebhookVerificationError, match="No matching signature"):
        Webhook(secret).verify(BODY, bumped)


def test_each_attempt_is_signed_afresh_with_the_same_id(receiver) -> None:  # type: ignore[no-untyped-def]
    secret = new_secret()
    _send(receiver, [secret])
    _send(receiver, [secret])
    first, second = receiver.requests
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == "msg_test1"
    for got in (first, second):
        Webhook(secret).verify(got.body, got.headers)


def test_during_rotation_both_secrets_verify(receiver) -> None:  # type: ignore[no-untyped-def]
    new, old = new_secret(), new_secret()
    _send(receiver, [new, old])
    (got,) = receiver.requests
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    Webhook(new).verify(got.body, got.headers)
    Webhook(old).verify(got.body, got.headers)


def test_redirects_are_failures_and_not_followed(receiver) -> None:  # type: ignore[no-untyped-def]
    receiver.script = [Reply(302, {"Location": receiver.url("/elsewhere")}, b"")]
    outcome = _send(receiver, [new_secret()])
    assert not outcome.ok and outcome.status_code == 302
    assert "redirects are not followed" in (outcome.error or "")
    assert [r.path for r in receiver.requests] == ["/hook"]


def test_retry_after_and_gone(receiver) -> None:  # type: ignore[no-untyped-def]
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    receiver.script = [
        Reply(429, {"Retry-After": "7"}),
        Reply(503, {"Retry-After": later}),
        Reply(410),
    ]
    assert _send(receiver, [new_secret()]).retry_after == 7
    assert 100 < (_send(receiver, [new_secret()]).retry_after or 0) <= 120
    gone = _send(receiver, [new_secret()])
    assert gone.gone and not gone.ok
    assert parse_retry_after("999999") == 24 * 3600
    assert parse_retry_after("soon") is None


def test_only_the_first_20_kb_of_the_answer_is_kept(receiver) -> None:  # type: ignore[no-untyped-def]
    receiver.script = [Reply(500, body=b"x" * (RESPONSE_BODY_LIMIT * 3))]
    outcome = _send(receiver, [new_secret()])
    assert outcome.response_body is not None and len(outcome.response_body) == RESPONSE_BODY_LIMIT


def test_a_receiver_that_is_down_is_a_failed_attempt() -> None:
    from tests.conftest import free_port

    with make_client(2) as client:
        outcome = send_webhook(client, f"http://127.0.0.1:{free_port()}/x", "msg_1", BODY, [new_secret()],
                               allow_hosts=ALLOW)  # fmt: skip
    assert (
        not outcome.ok and outcome.status_code is None and "ConnectError" in (outcome.error or "")
    )


def test_retry_schedule_with_jitter() -> None:
    schedule = (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
    rng = random.Random(7)
    for step in range(1, len(schedule)):
        for _ in range(50):
            delay = next_retry_delay(schedule, step, rng=rng)
            assert delay is not None and 0.8 * schedule[step] <= delay <= 1.2 * schedule[step]
    assert next_retry_delay(schedule, len(schedule)) is None  # spent: dead
    assert next_retry_delay(schedule, 1, retry_after=60) == 60  # Retry-After wins when longer
