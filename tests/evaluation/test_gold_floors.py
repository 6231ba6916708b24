"""Extraction quality held at floors a little below the measured scores, so a regression
fails CI. Ten sets (README "Extraction quality"): the shared dev gold on the five seeds;
our eight development sets (tests/evaluation/heldout, eight articles, tests/evaluation/dev,
dev2 ... dev7, ten articles each), whose error classes have guided rules; and the blind
set (tests/evaluation/blind, ten articles), only ever scored in aggregate."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.evaluation import run
from tests.conftest import GOLD, SHARED

pytestmark = pytest.mark.slow
HELDOUT = Path(__file__).parent / "heldout"

# Measured on 2026-12-05, fourth session (entity F1 / events L1 F1 / events L2 F1): seeds
# 0.984 / 0.817 / 0.583, heldout 0.957 / 0.810 / 0.627, dev 0.889 / 0.737 / 0.601, dev2
# 0.889 / 0.714 / 0.495, dev3 0.901 / 0.756 / 0.597, dev4 0.869 / 0.722 / 0.593, dev5
# 0.857 / 0.694 / 0.506, dev6 0.886 / 0.769 / 0.643, dev7 0.862 / 0.755 / 0.583, blind
# 0.860 / 0.673 / 0.395.
FLOORS = {
    "seeds": {"entities": 0.95, "L1": 0.78, "L2": 0.55},
    "heldout": {"entities": 0.93, "L1": 0.78, "L2": 0.60},
    "dev": {"entities": 0.86, "L1": 0.71, "L2": 0.57},
    "dev2": {"entities": 0.86, "L1": 0.68, "L2": 0.47},
    "dev3": {"entities": 0.87, "L1": 0.72, "L2": 0.57},
    "dev4": {"entities": 0.84, "L1": 0.69, "L2": 0.56},
    "dev5": {"entities": 0.82, "L1": 0.66, "L2": 0.48},
    "dev6": {"entities": 0.86, "L1": 0.74, "L2": 0.61},
    "dev7": {"entities": 0.83, "L1": 0.72, "L2": 0.55},
    "blind": {"entities": 0.83, "L1": 0.64, "L2": 0.37},
}
HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("name", "gold", "articles"),
    [
        ("seeds", GOLD, SHARED / "seeds"),
        ("heldout", HELDOUT / "gold.jsonl", HELDOUT / "articles"),
        ("dev", HERE / "dev" / "gold.jsonl", HERE / "dev" / "articles"),
        ("dev2", HERE / "dev2" / "gold.jsonl", HERE / "dev2" / "articles"),
        ("dev3", HERE / "dev3" / "gold.jsonl", HERE / "dev3" / "articles"),
        ("dev4", HERE / "dev4" / "gold.jsonl", HERE / "dev4" / "articles"),
        ("dev5", HERE / "dev5" / "gold.jsonl", HERE / "dev5" / "articles"),
        ("dev6", HERE / "dev6" / "gold.jsonl", HERE / "dev6" / "articles"),
        ("dev7", HERE / "dev7" / "gold.jsonl", HERE / "dev7" / "articles"),
        ("blind", HERE / "blind" / "gold.jsonl", HERE / "blind" / "articles"),
    ],
)
def test_scores_stay_above_floors(name, gold, articles):
    report = run(gold, articles)
    floors = FLOORS[name]
    assert report.entities.f1 >= floors["entities"], report.entities
    assert report.events["L1"].f1 >= floors["L1"], report.events["L1"]
    assert report.events["L2"].f1 >= floors["L2"], report.events["L2"]
    assert all(not f.error for f in report.files), [f.error for f in report.files if f.error]
