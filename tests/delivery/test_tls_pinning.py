"""https through the address guard's pinned IP: the request goes to the checked address,
while TLS still sends the host name (SNI) and verifies the certificate against it."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from workers.webhook_sender import new_secret, send_webhook

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def make_cert(tmp: Path, name: str) -> tuple[Path, Path]:
    key, cert = tmp / f"{name}.key", tmp / f"{name}.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(tmp_path):  # type: ignore[no-untyped-def]
    cert, key = make_cert(tmp_path, "hooks.test")
    seen: dict[str, object] = {"sni": [], "hosts": []}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers.get("content-length") or 0))
            seen["hosts"].append(self.headers["host"])  # type: ignore[union-attr]
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.sni_callback = lambda sock, name, _ctx: seen["sni"].append(name)  # type: ignore[union-attr,func-returns-value]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], cert, seen, tmp_path
    server.shutdown()
    server.server_close()


def _client(ca: Path) -> httpx.Client:
    return httpx.Client(verify=ssl.create_default_context(cafile=str(ca)), follow_redirects=False,
                        trust_env=False, timeout=5)  # fmt: skip


def test_pinned_ip_keeps_sni_host_header_and_certificate_check(tls_server) -> None:  # type: ignore[no-untyped-def]
    port, cert, seen, _ = tls_server
    url = f"https://hooks.test:{port}/hook"
    with _client(cert) as client:
        outcome = send_webhook(client, url, "msg_tls", "{}", [new_secret()], allow_hosts=("hooks.test",),
                               resolver=lambda host, p: ["127.0.0.1"])  # fmt: skip
    assert outcome.ok, outcome.error
    assert seen["sni"] == ["hooks.test"]
    assert seen["hosts"] == [f"hooks.test:{port}"]


def test_a_certificate_for_another_name_is_refused(tls_server) -> None:  # type: ignore[no-untyped-def]
    # The server's certificate (trusted here) names hooks.test; a URL naming evil.test that
    # resolves to the same address must fail TLS verification, not be accepted by IP.
    port, cert, seen, _ = tls_server
    with _client(cert) as client:
        outcome = send_webhook(client, f"https://evil.test:{port}/hook", "msg_tls", "{}", [new_secret()],
                               allow_hosts=("evil.test",), resolver=lambda host, p: ["127.0.0.1"])  # fmt: skip
    assert not outcome.ok and outcome.status_code is None
    assert "CERTIFICATE_VERIFY_FAILED" in (outcome.error or ""), outcome.error
    assert seen["sni"] == ["evil.test"] and seen["hosts"] == []
