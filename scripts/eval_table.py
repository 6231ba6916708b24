"""Regenerate the README's extraction-quality tables (between the eval-table markers).

Run: python scripts/eval_table.py   (from the repository root, with ../shared beside it)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.evaluation import run  # noqa: E402

SETS = [
    ("seeds", ROOT.parent / "shared" / "gold" / "seeds.jsonl", ROOT.parent / "shared" / "seeds"),
    (
        "held-out",
        ROOT / "tests/evaluation/heldout/gold.jsonl",
        ROOT / "tests/evaluation/heldout/articles",
    ),
    ("dev", ROOT / "tests/evaluation/dev/gold.jsonl", ROOT / "tests/evaluation/dev/articles"),
    ("dev2", ROOT / "tests/evaluation/dev2/gold.jsonl", ROOT / "tests/evaluation/dev2/articles"),
    ("dev3", ROOT / "tests/evaluation/dev3/gold.jsonl", ROOT / "tests/evaluation/dev3/articles"),
    ("dev4", ROOT / "tests/evaluation/dev4/gold.jsonl", ROOT / "tests/evaluation/dev4/articles"),
    ("dev5", ROOT / "tests/evaluation/dev5/gold.jsonl", ROOT / "tests/evaluation/dev5/articles"),
    ("dev6", ROOT / "tests/evaluation/dev6/gold.jsonl", ROOT / "tests/evaluation/dev6/articles"),
    ("dev7", ROOT / "tests/evaluation/dev7/gold.jsonl", ROOT / "tests/evaluation/dev7/articles"),
    ("dev8", ROOT / "tests/evaluation/dev8/gold.jsonl", ROOT / "tests/evaluation/dev8/articles"),
    ("dev9", ROOT / "tests/evaluation/dev9/gold.jsonl", ROOT / "tests/evaluation/dev9/articles"),
    (
        "dev10",
        ROOT / "tests/evaluation/dev10/gold.jsonl",
        ROOT / "tests/evaluation/dev10/articles",
    ),
    (
        "dev11",
        ROOT / "tests/evaluation/dev11/gold.jsonl",
        ROOT / "tests/evaluation/dev11/articles",
    ),
    (
        "dev12",
        ROOT / "tests/evaluation/dev12/gold.jsonl",
        ROOT / "tests/evaluation/dev12/articles",
    ),
    ("blind", ROOT / "tests/evaluation/blind/gold.jsonl", ROOT / "tests/evaluation/blind/articles"),
]
TARGETS = {"entities": "F1 ≥ 0.85", "L1": "F1 ≥ 0.60", "L2": "F1 ≥ 0.45", "L3": ""}


def prf(s) -> str:
    return f"{s.precision:.2f} / {s.recall:.2f} / **{s.f1:.2f}**"


def main() -> int:
    reports = [(name, run(gold, arts)) for name, gold, arts in SETS]
    names = [n for n, _ in reports]
    out = ["| metric (P / R / F1) | " + " | ".join(names) + " | target |",
           "|---|" + "---|" * len(names) + "---|"]  # fmt: skip
    out.append(
        "| entities | "
        + " | ".join(prf(r.entities) for _, r in reports)
        + f" | {TARGETS['entities']} |"
    )
    labels = {
        "L1": "events L1: type + actor",
        "L2": "events L2: + recipients",
        "L3": "events L3: + date + location",
    }
    for lv, label in labels.items():
        out.append(
            f"| {label} | "
            + " | ".join(prf(r.events[lv]) for _, r in reports)
            + f" | {TARGETS[lv]} |"
        )
    out += ["", "| event type (gold count: L1 F1 / L2 F1) | " + " | ".join(names) + " |",
            "|---|" + "---|" * len(names)]  # fmt: skip
    types = sorted({t for _, r in reports for t in r.events_by_type})
    for t in types:
        cells = []
        for _, r in reports:
            d = r.events_by_type.get(t)
            n = d["L1"].tp + d["L1"].fn if d else 0
            cells.append("–" if not n else f"{n}: {d['L1'].f1:.2f} / {d['L2'].f1:.2f}")
        out.append(f"| {t} | " + " | ".join(cells) + " |")
    out += ["", "| on L1-matched events, agreement with the gold | " + " | ".join(names) + " |",
            "|---|" + "---|" * len(names)]  # fmt: skip
    for attr in ("mode", "modality", "negated", "date", "location"):
        cells = []
        for _, r in reports:
            a, n = r.attributes.get(attr, (0, 0))
            cells.append(f"{a / n:.2f}" if n else "–")
        out.append(f"| {attr} | " + " | ".join(cells) + " |")
    table = "\n".join(out)
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- eval-table -->\n).*?(\n<!-- /eval-table -->)",
                 lambda m: m.group(1) + table + m.group(2), text, flags=re.S)  # fmt: skip
    readme.write_text(new, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
