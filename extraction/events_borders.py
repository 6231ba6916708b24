"""Border closures aimed across the border.

"Argentina closed its La Quiaca border crossing to trucks", "the government closed the
Panji Poyon crossing": a sanction on a border names no target, but it falls on the
neighbour on the other side. When the sentence names no recipient and the story has not
supplied one, the target is the country the article names that shares a land border with
the actor's (GeoNames' neighbour lists): the one named in the sentence, else the one the
article mentions most, and nobody when two are tied.
"""

from __future__ import annotations

import re
from typing import Any

from extraction.events_args import ArgumentResolver
from extraction.gazetteer import neighbours
from extraction.types import EntityIndex

# Acts a border closure is coded as (PLOVER SANCTION: "close borders").
BORDER_ACT_TYPES = frozenset({"SANCTION"})
_BORDER_WORDS = re.compile(r"\b(?:border|borders|crossing|crossings|frontier)\b", re.I)


def fill_across_border(
    events: list[dict[str, Any]],
    entities: EntityIndex,
    res: ArgumentResolver,
    camps: dict[str, dict[str, Any]],
    text: str,
) -> None:
    """Give a recipient-less sanction on a border the neighbour across it, in place.
    ``res`` is the ArgumentResolver (the article's countries and their mentions);
    ``camps`` maps a body or official to the state it belongs to."""
    mentions = dict(res.country_mentions())
    for ev in events:
        if ev["type"] not in BORDER_ACT_TYPES or ev["recipients"] or not ev["actors"]:
            continue
        sentence = text[ev["sentence"]["start"] : ev["sentence"]["end"]]
        if not _BORDER_WORDS.search(sentence):
            continue
        code = _actor_country(ev, entities, camps)
        if code is None:
            continue
        across = {
            c: state
            for c in neighbours(code)
            if c in mentions and (state := res.country_entity(c)) is not None
        }
        named = [c for c, state in across.items() if state.name.lower() in sentence.lower()]
        ranked = sorted(named if len(named) == 1 else across, key=lambda c: -mentions[c])
        if not ranked or (len(ranked) > 1 and mentions[ranked[0]] == mentions[ranked[1]]):
            continue
        ev["recipients"] = [across[ranked[0]].ref()]


def _actor_country(
    ev: dict[str, Any], entities: EntityIndex, camps: dict[str, dict[str, Any]]
) -> str | None:
    """The one country the actors (or the states they belong to) are of, or None."""
    codes = set()
    for a in ev["actors"]:
        camp = camps.get(a["entity_id"])
        for e in (entities.get(a["entity_id"]), entities.get(camp["entity_id"]) if camp else None):
            if e is not None and e.country_code and e.type in ("GPE", "ORG", "PERSON"):
                codes.add(e.country_code)
    return codes.pop() if len(codes) == 1 else None
