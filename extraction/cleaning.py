"""Raw article (text or HTML) -> clean text, every repair recorded.

First version: mojibake via ftfy and whitespace normalisation. HTML, GBK mojibake and
boilerplate rules follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy


@dataclass
class Cleaned:
    text: str
    steps: list[dict] = field(default_factory=list)


def clean(text: str | None, html: str | None = None) -> Cleaned:
    raw = html if html else (text or "")
    steps: list[dict] = []
    fixed = ftfy.fix_text(raw)
    if fixed != raw:
        steps.append({"kind": "mojibake", "count": 1, "detail": "ftfy"})
    out = re.sub(r"[ \t]+", " ", fixed)
    out = re.sub(r"\n\s*\n+", "\n\n", out).strip()
    return Cleaned(out, steps)
