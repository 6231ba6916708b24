"""Delivery fixtures: a real HTTP receiver on loopback, and settings with a compressed
retry schedule that child processes inherit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from eventwire.config import Settings, load_settings
from tests.conftest import free_port

# Compressed schedule: first try, then ~1 s, ~1 s, ~1 s (4 tries in all).
FAST_DELIVERY_ENV = {
    "EVENTWIRE_WEBHOOK_RETRY_SCHEDULE": "0,1,1,1",
    "EVENTWIRE_WEBHOOK_DISPATCH_INTERVAL": "1",
    "EVENTWIRE_WEBHOOK_LEASE_SECONDS": "5",
    "EVENTWIRE_WEBHOOK_TIMEOUT": "5",
    "EVENTWIRE_WEBHOOK_ALLOW_HOSTS": "127.0.0.1,localhost",
}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"


class Receiver:
    """A threaded HTTP server answering from a script of replies (then 200 forever)."""

    def __init__(self, port: int = 0) -> None:
        self.requests: list[Received] = []
        self.script: list[Reply] = []
        self.default = Reply()
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                with receiver._lock:
                    receiver.requests.append(
                        Received(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                            time.time(),
                        )
                    )
                    reply = receiver.script.pop(0) if receiver.script else receiver.default
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "/hook", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def wait_for(self, count: int, timeout: float = 120) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.1)
        raise AssertionError(
            f"receiver got {len(self.requests)} requests, expected {count}, in {timeout}s"
        )

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def make_receiver() -> Iterator[Callable[..., Receiver]]:
    made: list[Receiver] = []

    def make(port: int = 0) -> Receiver:
        r = Receiver(port)
        made.append(r)
        return r

    yield make
    for r in made:
        r.stop()


def delivery_settings(base_env: dict[str, str], **env: str) -> Settings:
    """Settings from ``base_env`` + the fast delivery env (+ ``env``), with the delivery
    variables also in ``extra`` so ``settings_env`` hands them to child processes."""
    delivery_env = {**FAST_DELIVERY_ENV, **env}
    settings = load_settings({**base_env, **delivery_env})
    return settings.with_overrides(extra={k: v for k, v in delivery_env.items()})


@pytest.fixture
def sqlite_delivery_settings(tmp_path: Path) -> Settings:
    return delivery_settings(
        {
            "EVENTWIRE_DATA_DIR": str(tmp_path),
            "EVENTWIRE_DATABASE_URL": f"sqlite:///{tmp_path / 'eventwire.sqlite3'}",
            "EVENTWIRE_BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}",
        }
    )


@pytest.fixture
def pg_delivery_settings(tmp_path: Path, pg_url: str, redis_url: str) -> Settings:
    return delivery_settings(
        {
            "EVENTWIRE_DATA_DIR": str(tmp_path),
            "EVENTWIRE_DATABASE_URL": pg_url,
            "EVENTWIRE_BROKER_URL": redis_url,
            "EVENTWIRE_TASK_LEASE_SECONDS": "10",
            "EVENTWIRE_SWEEP_INTERVAL": "2",
        }
    )


def unused_port() -> int:
    return free_port()
