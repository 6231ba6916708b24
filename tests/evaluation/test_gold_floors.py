"""Extraction quality held at floors a little below the measured scores, so a regression
fails CI. Fifteen sets (README "Extraction quality"): the shared dev gold on the five seeds;
our twelve development sets (tests/evaluation/heldout, eight articles, tests/evaluation/dev,
dev2 ... dev11, ten articles each), whose error classes have guided rules; dev12, scored
as it arrived and not yet read; and the blind set (tests/evaluation/blind, ten articles),
only ever scored in aggregate."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction.evaluation import run
from tests.conftest import GOLD, SHARED

pytestmark = pytest.mark.slow
HELDOUT = Path(__file__).parent / "heldout"

# Measured on 2026-12-05, ninth session (entity F1 / events L1 F1 / events L2 F1): seeds
# 0.984 / 0.817 / 0.617, heldout 0.954 / 0.857 / 0.714, dev 0.892 / 0.761 / 0.632, dev2
# 0.890 / 0.723 / 0.496, dev3 0.905 / 0.782 / 0.665, dev4 0.876 / 0.781 / 0.670, dev5
# 0.861 / 0.738 / 0.550, dev6 0.894 / 0.817 / 0.716, dev7 0.868 / 0.814 / 0.652, dev8
# 0.833 / 0.826 / 0.696, dev9 0.780 / 0.755 / 0.590, dev10 0.803 / 0.667 / 0.503, dev11
# 0.807 / 0.636 / 0.353, dev12 0.808 / 0.651 / 0.459, blind 0.861 / 0.698 / 0.452.
FLOORS = {
    "seeds": {"entities": 0.95, "L1": 0.78, "L2": 0.58},
    "heldout": {"entities": 0.93, "L1": 0.82, "L2": 0.67},
    "dev": {"entities": 0.86, "L1": 0.73, "L2": 0.60},
    "dev2": {"entities": 0.86, "L1": 0.69, "L2": 0.47},
    "dev3": {"entities": 0.87, "L1": 0.75, "L2": 0.62},
    "dev4": {"entities": 0.84, "L1": 0.74, "L2": 0.62},
    "dev5": {"entities": 0.83, "L1": 0.70, "L2": 0.50},
    "dev6": {"entities": 0.86, "L1": 0.77, "L2": 0.66},
    "dev7": {"entities": 0.83, "L1": 0.77, "L2": 0.60},
    "dev8": {"entities": 0.80, "L1": 0.78, "L2": 0.65},
    "dev9": {"entities": 0.75, "L1": 0.71, "L2": 0.52},
    "dev10": {"entities": 0.77, "L1": 0.63, "L2": 0.47},
    "dev11": {"entities": 0.78, "L1": 0.60, "L2": 0.32},
    "dev12": {"entities": 0.78, "L1": 0.62, "L2": 0.43},
    "blind": {"entities": 0.83, "L1": 0.66, "L2": 0.42},
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
        ("dev8", HERE / "dev8" / "gold.jsonl", HERE / "dev8" / "articles"),
        ("dev9", HERE / "dev9" / "gold.jsonl", HERE / "dev9" / "articles"),
        ("dev10", HERE / "dev10" / "gold.jsonl", HERE / "dev10" / "articles"),
        ("dev11", HERE / "dev11" / "gold.jsonl", HERE / "dev11" / "articles"),
        ("dev12", HERE / "dev12" / "gold.jsonl", HERE / "dev12" / "articles"),
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
