"""Benchmark corpora built from the seed articles.

``build_corpus(n)`` gives ``n`` articles whose texts all differ (so the API's content
de-duplication keeps every one): article ``i`` takes seed ``i % len(seeds)`` and keeps a
random subset of its paragraphs, the first one always, the rest shuffled. ``sized_article``
joins seed paragraphs up to a byte size, for the size sweep. Deterministic for a seed value.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _find_shared() -> Path:
    """``EVENTWIRE_SHARED``, else the nearest ``shared/`` beside the checkout or above it."""
    if os.environ.get("EVENTWIRE_SHARED"):
        return Path(os.environ["EVENTWIRE_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _find_shared()


@dataclass(frozen=True)
class Seed:
    name: str
    published_at: str | None
    paragraphs: list[str]


def load_seeds(shared: Path = SHARED) -> list[Seed]:
    """The seed articles, split into paragraphs (non-empty lines)."""
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no seed articles under {shared / 'seeds'}")
    published: dict[str, str | None] = {}
    gold = shared / "gold" / "seeds.jsonl"
    if gold.exists():
        for line in gold.read_text().splitlines():
            rec = json.loads(line)
            published[rec["file"]] = rec.get("published_at")
    return [
        Seed(f.name, published.get(f.name), [p for p in f.read_text().splitlines() if p.strip()])
        for f in files
    ]


def build_corpus(n: int, *, seed: int = 7, shared: Path = SHARED) -> list[dict[str, str | None]]:
    """``n`` request bodies (``text``, ``published_at``, ``title``) with distinct texts."""
    seeds = load_seeds(shared)
    rng = random.Random(seed)
    out: list[dict[str, str | None]] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n:
        s = seeds[i % len(seeds)]
        i += 1
        if i <= len(seeds):
            paras = list(s.paragraphs)  # each seed once, whole
        else:
            rest = s.paragraphs[1:]
            keep = max(1, round(len(rest) * rng.uniform(0.6, 0.95)))
            paras = [s.paragraphs[0], *rng.sample(rest, keep)]
        text = "\n".join(paras) + "\n"
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        out.append({"text": text, "published_at": s.published_at, "title": f"{s.name} #{len(out)}"})
    return out


def sized_article(size_bytes: int, *, shared: Path = SHARED) -> str:
    """About ``size_bytes`` of text: seed paragraphs in turn, cut at a paragraph end."""
    paras = [p for s in load_seeds(shared) for p in s.paragraphs]
    parts: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        p = paras[i % len(paras)]
        i += 1
        if total + len(p) + 1 > size_bytes and parts:
            # Fill the rest with the paragraph's start, cut after a sentence if possible.
            room = size_bytes - total
            cut = p[:room]
            dot = cut.rfind(". ")
            parts.append(cut[: dot + 1] if dot > 0 else cut)
            break
        parts.append(p)
        total += len(p.encode()) + 1
    return "\n".join(parts) + "\n"
