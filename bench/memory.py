"""How time and memory grow with article size: one fresh process per size, so each peak
RSS (``VmHWM``) is that size's alone. Times the engine's ``extract`` (what a worker runs)
and a bare ``nlp(text)`` of the same text."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.corpus import sized_article

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
text = sys.stdin.read()
nlp = get_nlp()
extract(ArticleInput(text="Warm-up: Keir Starmer met Donald Trump in Washington."))
loaded = rss("VmRSS")
t = time.perf_counter(); result = extract(ArticleInput(text=text)); engine = time.perf_counter() - t
pieces = [text[i:i + 100_000] for i in range(0, len(text), 100_000)]
t = time.perf_counter(); list(nlp.pipe(pieces)); bare = time.perf_counter() - t
print(json.dumps({"loaded_mb": loaded, "peak_mb": rss("VmHWM"), "engine_s": engine, "bare_s": bare,
                  "events": len(result.events), "entities": len(result.entities)}))
"""


def measure_size(size_bytes: int) -> dict[str, float]:
    text = sized_article(size_bytes)
    out = subprocess.run(
        [sys.executable, "-c", _CODE], input=text, capture_output=True, text=True, check=True
    )
    rec = json.loads(out.stdout.strip().splitlines()[-1])
    rec["bytes"] = len(text.encode())
    return rec


SIZE_HEADER = ["article KB", "engine s", "bare nlp s", "engine/bare", "RSS after load MB",
               "peak RSS MB", "entities", "events"]  # fmt: skip


def size_row(rec: dict[str, float]) -> list[str]:
    return [
        f"{rec['bytes'] / 1000:.0f}", f"{rec['engine_s']:.2f}", f"{rec['bare_s']:.2f}",
        f"{rec['engine_s'] / rec['bare_s']:.2f}" if rec["bare_s"] else "-",
        f"{rec['loaded_mb']:.0f}", f"{rec['peak_mb']:.0f}", f"{rec['entities']:.0f}",
        f"{rec['events']:.0f}",
    ]  # fmt: skip
