"""Our evaluation sets stay consistent with their articles: every evidence string occurs
once, every role names an entity of the record, modes and dates are valid (each set's
validate.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    "name",
    [
        "heldout",
        "dev",
        "dev2",
        "dev3",
        "dev4",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
        "dev9",
        "dev10",
        "dev11",
        "dev12",
        "blind",
    ],
)
def test_gold_set_validates(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(HERE / name / "validate.py")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
