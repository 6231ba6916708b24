"""How time and memory grow with article size: one fresh process per size, so each peak
RSS (``VmHWM``) is that size's alone. Times a bare ``nlp.pipe`` of the text and the
engine's ``extract`` (what a worker runs); the engine is stopped after ``limit`` seconds
(default 150, past the task's 120 s time limit) so the run stays bounded; the row then
says "> 150 (stopped)"."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

from bench.corpus import sized_article
from bench.stack import rss_mb

_CODE = r"""
import json, sys, time
from pathlib import Path

def rss(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

from extraction import ArticleInput, extract
from extraction.nlp import get_nlp
text = open(sys.argv[1]).read()
nlp = get_nlp()
extract(ArticleInput(text="Warm-up: Keir Starmer met Donald Trump in Washington on Thursday."))
loaded = rss("VmRSS")
pieces = [text[i:i + 100_000] for i in range(0, len(text), 100_000)]
t = time.perf_counter(); list(nlp.pipe(pieces)); bare = time.perf_counter() - t
print(json.dumps({"loaded_mb": loaded, "bare_s": bare}), flush=True)
import os, signal
limit = int(sys.argv[2])

def stop(*_):
    print(json.dumps({"engine_s": -limit}), flush=True)
    os._exit(0)

signal.signal(signal.SIGALRM, stop)
signal.alarm(limit)
t = time.perf_counter(); result = extract(ArticleInput(text=text)); engine = time.perf_counter() - t
signal.alarm(0)
print(json.dumps({"engine_s": engine, "events": len(result.events),
                  "entities": len(result.entities)}), flush=True)
"""


def measure_size(size_bytes: int, limit: float = 150.0) -> dict[str, float]:
    text = sized_article(size_bytes)
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f, tempfile.TemporaryFile("w+") as out:
        f.write(text)
        f.flush()
        cmd = [sys.executable, "-c", _CODE, f.name, str(int(limit))]
        proc = subprocess.Popen(cmd, stdout=out, text=True)
        peak = 0.0
        started = time.monotonic()
        timed_out = False
        while proc.poll() is None:
            peak = max(peak, rss_mb(proc.pid, "VmHWM"))
            if time.monotonic() - started > limit + 300:  # the child stops itself; a safety net
                proc.kill()
                timed_out = True
                break
            time.sleep(0.2)
        proc.wait()
        out.seek(0)
        rec: dict[str, float] = {"bytes": len(text.encode()), "peak_mb": peak}
        for line in out.read().splitlines():
            if line.startswith("{"):
                rec.update(json.loads(line))
    if timed_out or "engine_s" not in rec:
        rec["engine_s"] = -(time.monotonic() - started)  # negative: stopped; see size_row
    return rec


SIZE_HEADER = ["article KB", "engine s", "bare nlp s", "engine/bare", "RSS after load MB",
               "peak RSS MB", "entities", "events"]  # fmt: skip


def size_row(rec: dict[str, float]) -> list[str]:
    engine = rec["engine_s"]
    bare = rec.get("bare_s", 0.0)
    if engine < 0:
        return [f"{rec['bytes'] / 1000:.0f}", f"> {-engine:.0f} (stopped)", f"{bare:.2f}",
                f"> {-engine / bare:.0f}" if bare else "-", f"{rec.get('loaded_mb', 0):.0f}",
                f">= {rec['peak_mb']:.0f}", "-", "-"]  # fmt: skip
    return [
        f"{rec['bytes'] / 1000:.0f}", f"{engine:.2f}", f"{bare:.2f}",
        f"{engine / bare:.2f}" if bare else "-",
        f"{rec.get('loaded_mb', 0):.0f}", f"{rec['peak_mb']:.0f}", f"{rec['entities']:.0f}",
        f"{rec['events']:.0f}",
    ]  # fmt: skip
