"""Promise 6b: hostile text through the CLI path ``eventwire extract -`` (invalid UTF-8,
control characters, right-to-left marks, emoji, 100 KB tokens): exit status 0 with a
valid ArticleResult whose offsets slice the text, or 1 with a one-line message. Never a
traceback. ``eventwire.cli.main`` runs in-process with stdin patched (one model load);
one case also runs as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventwire.cli import main
from tests.conftest import ROOT, assert_offsets_true

pytestmark = pytest.mark.slow

SCHEMA = json.loads((ROOT / "schemas" / "json" / "article_result.schema.json").read_text())

HOSTILE_CHARS = st.characters(
    codec="utf-8", categories=["L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Co"]
)
PIECES = st.one_of(
    st.text(HOSTILE_CHARS, max_size=60),
    st.sampled_from(["\u202e", "\u200f", "\u2066", "\u0645\u0635\u0631", "\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd",
                     "🇺🇦", "👩‍👩‍👧", "\ufeff", "\x00", "\x1b[31m", "\r\n", "\u2028", "e\u0301", "ﬁ", "𝔗𝔯𝔲𝔪𝔭"]),
)  # fmt: skip


@st.composite
def hostile_articles(draw: st.DrawFn) -> bytes:
    """A real sentence with hostile pieces spliced in, as UTF-8, sometimes corrupted."""
    words = [
        "France",
        "accused",
        "Russia",
        "of",
        "attacking",
        "a",
        "ship",
        "near",
        "Odessa",
        "on",
        "Monday",
        ",",
        "officials",
        "said",
        ".",
    ]
    out: list[str] = []
    for word in words:
        out.append(draw(PIECES) if draw(st.booleans()) else "")
        out.append(word)
    data = " ".join(out).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        junk = draw(st.binary(min_size=1, max_size=20))
        at = draw(st.integers(0, len(data)))
        data = data[:at] + junk + data[at:]
    return data


def run_cli(data: bytes, *args: str) -> tuple[int, str, str]:
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with mock.patch.object(sys, "stdin", stdin), redirect_stdout(out), redirect_stderr(err):
        code = main(["extract", "-", "--jsonl", "--published-at", "2025-03-03", *args])
    return code, out.getvalue(), err.getvalue()


def check_answer(code: int, out: str, err: str) -> None:
    assert "Traceback" not in err, err
    if code == 0:
        lines = out.splitlines()
        assert len(lines) == 1, out[:500]
        result = json.loads(lines[0])
        jsonschema.validate(result, SCHEMA)
        assert_offsets_true(result)
        for entity in result["entities"]:
            for m in entity["mentions"]:
                assert 0 <= m["start"] < m["end"] <= len(result["text"])
    else:
        assert code == 1, (code, err)
        assert out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("eventwire extract: -:"), err


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=hostile_articles())
@example(data=b"\xff\xfe\xfa" * 100 + b" France accused Russia on Monday.")
@example(data=b"A" * 100_000)
@example(data=("Biden met " + "x" * 100_000 + " in Paris on Monday.").encode())
@example(data="\u202eFrance accused Russia\u202c 🇺🇦🇷🇺 \x00\x07\x1b on Monday.".encode())
@example(data=b"")
@example(data=b"\x00\x01\x02 \t\n")
def test_extract_cli_survives_hostile_text(data: bytes) -> None:
    check_answer(*run_cli(data))


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(data=hostile_articles())
@example(data=b"<p>France <b>accused</b> Russia</p>\xff<script>alert(1)</script>")
@example(data=b"<" * 50_000)
def test_extract_cli_survives_hostile_html(data: bytes) -> None:
    check_answer(*run_cli(b"<html><body><p>" + data + b"</p></body></html>", "--html"))


def test_extract_cli_process_with_invalid_utf8():
    data = b"Germany \xc3\x28 accused Iran \xed\xa0\x80 of supplying drones on Sunday.\xff"
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "extract", "-", "--jsonl"],
        input=data, capture_output=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    check_answer(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert done.returncode == 0
    assert "\ufffd" in json.loads(done.stdout)["text"]
