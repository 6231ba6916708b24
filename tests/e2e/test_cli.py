"""The eventwire command line, run as a real process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import httpx
import jsonschema
import pytest

from tests.conftest import ROOT, assert_offsets_true, free_port, wait_articles

pytestmark = pytest.mark.slow


def _env(tmp_path):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env.update(PYTHONPATH=str(ROOT), EVENTWIRE_DATA_DIR=str(tmp_path / "var"))
    return env


def _eventwire(*args: str, tmp_path, stdin: bytes | None = None, timeout: float = 300):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True,
        env=_env(tmp_path), cwd=tmp_path, timeout=timeout,
    )  # fmt: skip


def test_extract_prints_valid_results_for_every_seed(tmp_path, seeds, result_json_schema):
    proc = _eventwire(
        "extract", "--jsonl", "--published-at", "2025-02", *map(str, seeds), tmp_path=tmp_path
    )
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == len(seeds)
    for line in lines:
        result = json.loads(line)
        jsonschema.validate(result, result_json_schema)
        assert_offsets_true(result)


def test_extract_reads_stdin_and_rejects_unusable_input(tmp_path):
    ok = _eventwire("extract", "-", tmp_path=tmp_path, stdin=b"Putin met Trump in Alaska.")
    assert ok.returncode == 0 and json.loads(ok.stdout)["text"]
    empty = _eventwire("extract", "-", tmp_path=tmp_path, stdin=b"   \n")
    assert empty.returncode != 0
    assert len(empty.stderr.decode().strip().splitlines()) == 1
    missing = _eventwire("extract", str(tmp_path / "nope.txt"), tmp_path=tmp_path)
    assert missing.returncode != 0 and "nope.txt" in missing.stderr.decode()
    bad_date = _eventwire("extract", "-", "--published-at", "soon", tmp_path=tmp_path, stdin=b"x")
    assert bad_date.returncode == 2


def test_up_runs_the_stack_and_stops_cleanly_on_ctrl_c(tmp_path, seeds):
    port = free_port()
    log = open(tmp_path / "up.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire", "up", "--port", str(port)],
        env=_env(tmp_path), cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        resp = httpx.post(
            base + "/v1/articles",
            json={"text": seeds[2].read_text(), "published_at": "2025-02-24"},
            timeout=30,
        )
        assert resp.status_code == 202
        body = wait_articles(base, [resp.json()["id"]], timeout=300)[resp.json()["id"]]
        assert body["status"] == "done"
        submit = _eventwire(
            "submit", "--api", base, "--wait", str(seeds[3]), str(seeds[4]), tmp_path=tmp_path
        )
        assert submit.returncode == 0, submit.stderr.decode()
        assert "2 accepted, 0 rejected; 2 done, 0 failed" in submit.stderr.decode()
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=60)
        log.close()
    out = (tmp_path / "up.log").read_text()
    assert f"http://127.0.0.1:{port}" in out and "curl" in out
    assert code == 0, out[-2000:]
    assert "Eventwire stopped." in out


def test_serve_refuses_public_address_without_tokens(tmp_path):
    proc = _eventwire("serve", "--host", "0.0.0.0", tmp_path=tmp_path, timeout=60)
    assert proc.returncode != 0
    assert "EVENTWIRE_API_TOKENS" in proc.stderr.decode()
