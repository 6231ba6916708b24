"""Sending one Standard Webhooks message over an ``httpx.Client``.

Headers: ``webhook-id`` (the message id, the same on every attempt), ``webhook-timestamp``
(this attempt's time, so each attempt is signed afresh) and ``webhook-signature``
(``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``, one per live secret, space-separated
while a rotated secret is still honoured). Signing uses the ``standardwebhooks`` library.

The client must not follow redirects (a 3xx is a failure) and must not use proxies: the
request goes to the IP that ``address_guard`` checked, with the original host name in the
Host header and as the TLS server name, so a re-resolution can never sneak in another
address.
"""

from __future__ import annotations

import base64
import email.utils
import os
import time
from collections.abc import Sequence
from datetime import UTC, datetime

import httpx
from standardwebhooks.webhooks import Webhook

from storage.webhooks import AttemptRecord
from workers.address_guard import AddressRefused, Resolver, resolve_for_send, system_resolver

RESPONSE_BODY_LIMIT = 20 * 1024
RETRY_AFTER_CAP = 24 * 3600.0
USER_AGENT = "Eventwire-Webhooks/1"


def new_secret() -> str:
    """A fresh signing secret: ``whsec_`` + base64 of 24 random bytes."""
    return "whsec_" + base64.b64encode(os.urandom(24)).decode()


def sign_payload(secrets: Sequence[str], msg_id: str, timestamp: datetime, body: str) -> str:
    """The ``webhook-signature`` header value: one ``v1,`` signature per secret."""
    return " ".join(Webhook(secret).sign(msg_id, timestamp, body) for secret in secrets)


def signed_headers(
    secrets: Sequence[str], msg_id: str, body: str, now: datetime | None = None
) -> dict[str, str]:
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": sign_payload(secrets, msg_id, now, body),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds from now (delta-seconds or HTTP date), capped at 24 h."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), RETRY_AFTER_CAP)


def make_client(timeout: float) -> httpx.Client:
    """The client the dispatcher uses: no redirects, no proxies from the environment."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
        headers={"user-agent": USER_AGENT},
    )  # fmt: skip


def send_webhook(
    client: httpx.Client,
    url: str,
    msg_id: str,
    body: str,
    secrets: Sequence[str],
    *,
    allow_hosts: Sequence[str],
    resolver: Resolver = system_resolver,
) -> AttemptRecord:
    """POST one signed message; never raises for a network or receiver failure.

    The address guard runs first: a refused address is a failed attempt with no traffic.
    """
    started = time.perf_counter()
    try:
        target = resolve_for_send(url, allow_hosts, resolver)
    except AddressRefused as exc:
        return AttemptRecord(ok=False, error=f"address refused: {exc}", duration_ms=_ms(started))
    original = httpx.URL(url)
    pinned = original.copy_with(host=target.ip)
    headers = signed_headers(secrets, msg_id, body)
    headers["host"] = original.netloc.decode("ascii")
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    try:
        request = client.build_request(
            "POST", pinned, content=body.encode("utf-8"), headers=headers, extensions=extensions
        )
        response = client.send(request, stream=True, follow_redirects=False)
    except httpx.TimeoutException as exc:
        return AttemptRecord(
            ok=False, error=f"timeout: {type(exc).__name__}", duration_ms=_ms(started)
        )
    except httpx.HTTPError as exc:
        return AttemptRecord(
            ok=False, error=f"{type(exc).__name__}: {str(exc)[:300]}", duration_ms=_ms(started)
        )
    try:
        text, read_error = _read_start(response)
    finally:
        response.close()
    status = response.status_code
    ok = 200 <= status < 300
    error = None
    if not ok:
        error = f"HTTP {status}"
        if 300 <= status < 400:
            location = response.headers.get("location", "")[:300]
            error += f": redirects are not followed (Location: {location})"
    if read_error:
        error = (error + "; " if error else "") + read_error
    return AttemptRecord(
        ok=ok, status_code=status, duration_ms=_ms(started), error=error, response_body=text,
        retry_after=None if ok else parse_retry_after(response.headers.get("retry-after")),
        gone=status == 410,
    )  # fmt: skip


def _read_start(response: httpx.Response) -> tuple[str, str | None]:
    """The first 20 KB of the answer, decoded leniently; a broken body is noted, not fatal."""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            size += len(chunk)
            if size >= RESPONSE_BODY_LIMIT:
                break
    except httpx.HTTPError as exc:
        return b"".join(chunks)[:RESPONSE_BODY_LIMIT].decode(
            "utf-8", "replace"
        ), f"reading the answer: {type(exc).__name__}"
    return b"".join(chunks)[:RESPONSE_BODY_LIMIT].decode("utf-8", "replace"), None


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0
