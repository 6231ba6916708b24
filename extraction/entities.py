"""Named entities of one article, resolved to one entry per real-world referent.

Minimal first version: spaCy's ``doc.ents`` mapped to the six contract types and grouped
by normalised text. Later versions add document-level resolution.
"""

from __future__ import annotations

import re
from typing import Any

from extraction.types import Entity, EntityIndex, Mention

LABEL_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "EVENT",
}

_POSSESSIVE = re.compile(r"(?:['\u2019\u02bc]s?)$")


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def resolve_entities(doc: Any) -> EntityIndex:
    """Group ``doc.ents`` into entities with ids ``e1``, ``e2``... in first-mention order."""
    groups: dict[tuple[str, str], Entity] = {}
    order: list[Entity] = []
    for ent in doc.ents:
        etype = LABEL_MAP.get(ent.label_)
        if etype is None:
            continue
        text = ent.text
        start, end = ent.start_char, ent.end_char
        m = _POSSESSIVE.search(text)
        if m and m.start() > 0:
            text = text[: m.start()]
            end = start + len(text)
        key = _key(text)
        if not key:
            continue
        entity = groups.get((etype, key))
        if entity is None:
            entity = Entity(id=f"e{len(order) + 1}", name=text, type=etype)
            groups[(etype, key)] = entity
            order.append(entity)
        if text not in entity.aliases:
            entity.aliases.append(text)
        entity.mentions.append(Mention(start, end, text))
    total = sum(len(e.mentions) for e in order) or 1
    for e in order:
        e.salience = len(e.mentions) / total
    return EntityIndex(order)
