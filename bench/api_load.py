"""POST /v1/articles under a fixed-rate (open-loop) load on loopback.

Request ``i`` is due at ``start + i / rate``; a pool of client threads sends each when it
is due, on its own connection (gunicorn's sync workers close after each response). Each
body is a distinct short article, so every request stores and enqueues a new one.
``service`` latency is send-to-response; ``from schedule`` adds any wait for a free client
thread, which shows when the client, not the server, fell behind.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.e2e import percentile


@dataclass
class LoadResult:
    rate: float
    duration: float
    sent: int = 0
    ok: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    service: list[float] = field(default_factory=list)
    scheduled: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    server_cpu: float = 0.0  # CPU seconds of the gunicorn workers during the load

    @property
    def achieved(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0


def _body(i: int, tag: str) -> bytes:
    text = (
        f"Load test {tag} article {i}: Keir Starmer met Donald Trump in Washington on "
        "Thursday to discuss Ukraine, trade and security guarantees."
    )
    return json.dumps({"text": text, "published_at": "2025-02-27"}).encode()


def fixed_rate_load(
    base: str, rate: float, duration: float, threads: int = 24, tag: str = ""
) -> LoadResult:
    """Send ``rate * duration`` POSTs at ``rate`` per second; bounded to ``duration + 15`` s."""
    url = urlsplit(base)
    total = int(rate * duration)
    result = LoadResult(rate, duration)
    lock = threading.Lock()
    next_index = [0]
    start = time.perf_counter() + 0.2
    hard_stop = start + duration + 15
    tag = tag or str(int(time.time() * 1000))

    def client() -> None:
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= total:
                return
            due = start + i / rate
            now = time.perf_counter()
            if now > hard_stop:
                return
            if due > now:
                time.sleep(due - now)
            sent_at = time.perf_counter()
            try:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
                conn.request("POST", "/v1/articles", body=_body(i, tag),
                             headers={"Content-Type": "application/json"})  # fmt: skip
                resp = conn.getresponse()
                resp.read()
                conn.close()
                status = str(resp.status)
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
            done = time.perf_counter()
            with lock:
                result.sent += 1
                if status in ("200", "202"):
                    result.ok += 1
                    result.service.append(done - sent_at)
                    result.scheduled.append(done - due)
                else:
                    result.errors[status] = result.errors.get(status, 0) + 1

    workers = [threading.Thread(target=client, daemon=True) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=max(0.0, hard_stop - time.perf_counter()) + 1)
    result.elapsed = time.perf_counter() - start
    return result


LOAD_HEADER = ["target req/s", "seconds", "sent", "ok", "errors", "achieved req/s",
               "p50 ms", "p99 ms", "p99 from schedule ms", "server CPU ms/POST",
               "CPU-bound req/s on 2 cores"]  # fmt: skip


def load_row(r: LoadResult) -> list[str]:
    errors = ", ".join(f"{k}: {v}" for k, v in sorted(r.errors.items())) or "0"
    return [
        f"{r.rate:.0f}", f"{r.duration:.0f}", str(r.sent), str(r.ok), errors, f"{r.achieved:.0f}",
        f"{percentile(r.service, 50) * 1000:.1f}", f"{percentile(r.service, 99) * 1000:.1f}",
        f"{percentile(r.scheduled, 99) * 1000:.1f}",
        f"{r.server_cpu / r.ok * 1000:.1f}" if r.ok else "-",
        f"{2 * r.ok / r.server_cpu:.0f}" if r.server_cpu else "-",
    ]  # fmt: skip
