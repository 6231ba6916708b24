"""PLOVER event extraction over a spaCy parse (eventwire.events.v1).

Minimal first version: a verb lemma from a small lexicon gives the PLOVER type, its
grammatical subject is the actor and its object (direct or prepositional) the recipient.
Arguments are resolved to entities with ``EntityIndex.for_span``.
"""

from __future__ import annotations

from typing import Any

from extraction.types import Entity, EntityIndex, PartialDate

# lemma -> (type, mode)
_LEXICON: dict[str, tuple[str, str | None]] = {
    "meet": ("CONSULT", None),
    "visit": ("CONSULT", "visit"),
    "call": ("CONSULT", "phone"),
    "agree": ("AGREE", None),
    "sign": ("AGREE", None),
    "support": ("SUPPORT", None),
    "back": ("SUPPORT", None),
    "praise": ("SUPPORT", None),
    "demand": ("REQUEST", None),
    "urge": ("REQUEST", None),
    "ask": ("REQUEST", None),
    "accuse": ("ACCUSE", "allege"),
    "blame": ("ACCUSE", "allege"),
    "criticize": ("ACCUSE", "disapprove"),
    "criticise": ("ACCUSE", "disapprove"),
    "reject": ("REJECT", None),
    "refuse": ("REJECT", None),
    "threaten": ("THREATEN", None),
    "warn": ("THREATEN", None),
    "protest": ("PROTEST", None),
    "sanction": ("SANCTION", None),
    "invade": ("ASSAULT", None),
    "attack": ("ASSAULT", None),
    "annex": ("COERCE", "seize"),
    "deploy": ("MOBILIZE", None),
    "aid": ("AID", None),
}

_OBJ_PREPS = {"to", "with", "against", "on", "for"}


def _entity(tok: Any, entities: EntityIndex) -> Entity | None:
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    ent = entities.for_span(tok)
    if ent is None and len(span) <= 6:
        ent = entities.for_span(span)
    return ent


def _with_conjuncts(tok: Any) -> list[Any]:
    return [tok, *tok.conjuncts]


def extract_events(
    doc: Any, entities: EntityIndex, published_at: PartialDate | None
) -> list[dict[str, Any]]:
    """Events of ``doc`` in the CONTRACT shape (``id``, ``type``, ``actors``, ...)."""
    events: list[dict[str, Any]] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _LEXICON:
            continue
        etype, mode = _LEXICON[tok.lemma_.lower()]
        actors: list[Entity] = []
        recipients: list[Entity] = []
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                actors += [e for c in _with_conjuncts(child) if (e := _entity(c, entities))]
            elif child.dep_ == "dobj":
                recipients += [e for c in _with_conjuncts(child) if (e := _entity(c, entities))]
            elif child.dep_ == "prep" and child.lower_ in _OBJ_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        recipients += [
                            e for c in _with_conjuncts(pobj) if (e := _entity(c, entities))
                        ]
        actors = list({e.id: e for e in actors}.values())
        recipients = [e for e in {e.id: e for e in recipients}.values() if e not in actors]
        if not actors:
            continue
        sent = tok.sent
        negated = any(c.dep_ == "neg" for c in tok.children)
        events.append(
            {
                "id": f"v{len(events) + 1}",
                "type": etype,
                "mode": mode,
                "trigger": {
                    "text": tok.text,
                    "lemma": tok.lemma_.lower(),
                    "start": tok.idx,
                    "end": tok.idx + len(tok.text),
                },
                "actors": [e.ref() for e in actors],
                "recipients": [e.ref() for e in recipients],
                "location": None,
                "date": None,
                "modality": "asserted",
                "negated": negated,
                "reported_by": None,
                "sentence": {"start": sent.start_char, "end": sent.end_char},
                "mentions": [{"start": sent.start_char, "end": sent.end_char}],
                "confidence": 0.5,
            }
        )
    return events
