"""Well-known office-holders and the state each belongs to (``data/office_holders.json``).

An article often names a leader by title alone ("Prime Minister Abiy Ahmed", "President
Vučić"), without the demonym that would tell a reader who does not follow the region
which state the person speaks for. The reviewed list gives that general knowledge; it is
consulted only for a person the article itself gives no country.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from extraction.entities_names import fold_name

_DATA = Path(__file__).parent / "data" / "office_holders.json"


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for code, names in data["people"].items():
        for name in names:
            out[fold_name(name)] = code
    return out


def state_of(forms: list[str]) -> str | None:
    """ISO 3166 alpha-2 of the state a listed office-holder belongs to, from any of a
    person's name forms: the form itself or its last words ("Prime Minister Abiy Ahmed"
    ends with "Abiy Ahmed"). A one-word form matches only a one-word entry."""
    index = _index()
    for form in forms:
        words = fold_name(form).split()
        for k in range(len(words), 0, -1):
            if k == 1 and len(words) > 1:
                break  # "President Ali" is not the one-word entry "Ali"
            code = index.get(" ".join(words[-k:]))
            if code:
                return code
    return None
