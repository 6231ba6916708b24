"""Intergovernmental organisations ("blocs"): bodies whose own meetings are meetings of
their member states.

The names are a reviewed data file (``data/blocs.json``), matched on an entity's name
and aliases without regard to case.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).parent / "data" / "blocs.json"


@lru_cache(maxsize=1)
def _listed() -> tuple[str, ...]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(" ".join(n.split()) for n in data["blocs"])


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return frozenset(n.casefold() for n in _listed())


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    names = sorted(set(_listed()), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def serves_bloc(person: Any) -> bool:
    """True when a person's title names an intergovernmental body ("African Union
    Commission chairperson Mahmoud Ali Youssouf", "EU foreign policy chief Kaja Kallas")."""
    if getattr(person, "type", None) != "PERSON":
        return False
    return any(title and _title_pattern().search(title) for title in person.titles())


def is_bloc_name(text: str) -> bool:
    """True when ``text`` is a listed intergovernmental body's name ("UN", "the EU")."""
    key = " ".join(text.split()).casefold()
    return key.removeprefix("the ") in _names()


def is_bloc(entity: Any) -> bool:
    """True when an ORG entity (name and aliases) is a listed intergovernmental body."""
    if getattr(entity, "type", None) != "ORG":
        return False
    forms = [getattr(entity, "name", "")] + list(getattr(entity, "aliases", ()) or ())
    return any(is_bloc_name(form) for form in forms)
