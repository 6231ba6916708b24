"""Whom an act is aimed at, read from the part of its clause that names the other side.

The sentence's object is not always the target: an envoy is recalled "from" a capital, land
is seized "from" a party, a border closed is closed to the state across it, a threat
answers the "by" agent of a provocation, a concession is made to whoever pressed "for" it,
a demand made in a call goes to the other side of the call, an attack's toll names its
victims, and the forces a deployment moves are the mover's own. ``events._build`` uses
these after the verb's or noun's own arguments (``events_frames``) are read.
"""

from __future__ import annotations

from typing import Any

from extraction.events_args import ArgumentResolver, seat_of, sentence_back
from extraction.events_lexicon import object_tokens
from extraction.types import Entity


def unique(ents: list[Entity]) -> list[Entity]:
    """``ents`` without repeats, in order."""
    seen: set[str] = set()
    out = []
    for e in ents:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


# Verbs of the call or visit a stance is voiced in ("telephoned X to express support").
CALL_VERBS = frozenset({"telephone", "call", "phone", "speak", "meet", "receive", "host"})


def call_counterpart(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The party a speaker called, met or summoned in the clause ``tok`` is coordinated
    with ("spoke by phone with X and demanded ...", "telephoned X and urged ...",
    "summoned Tanzania's high commissioner and asked for the fishermen to be freed")."""
    call = tok.head if tok.dep_ == "conj" else None
    if call is None or call.lemma_.lower() not in CALL_VERBS | {"summon"}:
        return []
    found: list[Entity] = []
    for c in call.children:
        if c.dep_ == "dobj":
            found += res.resolve(c)
        elif c.dep_ == "prep" and c.lower_ == "with":
            found += [e for g in c.children if g.dep_ == "pobj" for e in res.resolve(g)]
    return [e for e in found if e.type in ("PERSON", "ORG", "GPE")]


def summoning_state(tok: Any, envoys: list[Entity], res: ArgumentResolver) -> list[Entity]:
    """Who summoned an envoy when the summoner is an unnamed official ("the Foreign
    Secretary summoned the High Commissioner of the Maldives"): the other state of the
    story's pair. Also for what the summons was for ("... to request the release"). []
    when the sentence names its subject or the story has no clear pair."""
    summons = tok
    if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.lemma_.lower() == "summon":
        summons = tok.head
        envoys = [e for o in summons.children if o.dep_ == "dobj" for e in res.resolve(o)]
    if summons.lemma_.lower() != "summon":
        return []
    subj = next((c for c in summons.children if c.dep_ == "nsubj"), None)
    if subj is None or res.resolve(subj) or res.entities.for_span(subj) is not None:
        return []
    return neighbour_of(envoys, res)


def hosting_state(tok: Any, res: ArgumentResolver, actors: list[Entity]) -> list[Entity]:
    """The state hosting the mission a verb's object names: "reopened its embassy in
    Tehran" -> Iran (a city stands for its country)."""
    mine = {e.id for e in actors} | {e.country_code for e in actors if e.country_code}
    for o in object_tokens(tok):
        for p in o.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "at"):
                continue
            for g in p.children:
                for e in res.resolve(g) if g.dep_ == "pobj" else []:
                    state = res.country_entity(e.country_code) if e.country_code else None
                    host = state or e
                    if host.id not in mine and host.country_code not in mine:
                        return [host]
    return []


# Participles that tell an attack's toll: "..., killing two members of the YBS".
TOLL_VERBS = frozenset({"kill", "wound", "injure"})


def _toll_objects(tok: Any) -> list[Any]:
    """The objects of the toll participles on ``tok`` ("killing two members of ...")."""
    return [
        o
        for c in tok.children
        if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in TOLL_VERBS
        for o in c.children
        if o.dep_ == "dobj"
    ]


def toll_people(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The people a toll clause names by a demonym ("wounding two Thai farmers")."""
    return unique([e for o in _toll_objects(tok) for e in res.resolve(o) if e.type == "NORP"])


def toll_parties(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Parties whose people an attack's toll clause names ("killing two members of the
    Sinjar Resistance Units" -> the YBS); places and plain people ("civilians") are not."""
    return unique(
        [
            e
            for o in _toll_objects(tok)
            for e in res.resolve(o)
            if e.type in ("ORG", "GPE") and not res.is_subnational_place(e)
        ]
    )


def state_of_person(e: Entity, res: ArgumentResolver) -> Entity | None:
    """The article's entity for the state a person serves (said in the text, or known
    from the office they hold)."""
    if e.type != "PERSON" or not e.country_code:
        return None
    return res.country_entity(e.country_code)


def pressed_by(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The parties of "under pressure from X" (or "at the request of X") in the verb's
    clause (the parser may hang it on the object)."""
    return unique(
        [
            e
            for p in tok.subtree
            if p.dep_ == "prep" and p.lower_ in ("under", "at")
            for n in p.children
            if n.dep_ == "pobj" and n.lemma_.lower() in ("pressure", "request", "urging")
            for b in n.children
            if b.dep_ == "prep" and b.lower_ in ("from", "of", "by")
            for g in b.children
            if g.dep_ == "pobj"
            for e in res.resolve(g)
        ]
    )


def provocation_agents(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The "by" agents of the act a threat answers: "respond to any violation ... by
    Colombian forces", "retaliate against any attack by Israel"."""
    return unique(
        [
            e
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ in ("to", "against")
            for act in p.children
            if act.dep_ == "pobj"
            for b in act.children
            if b.dep_ == "prep" and b.lower_ == "by"
            for g in b.children
            if g.dep_ == "pobj"
            for e in res.resolve(g)
        ]
    )


BORDER_NOUNS = frozenset({"border", "crossing", "frontier", "checkpoint", "post"})


def closes_border(tok: Any) -> bool:
    """``tok`` closes, shuts or seals a border or one of its crossings."""
    return tok.lemma_.lower() in ("close", "shut", "seal") and any(
        o.lemma_.lower() in BORDER_NOUNS for o in object_tokens(tok)
    )


def neighbour_of(actors: list[Entity], res: ArgumentResolver) -> list[Entity]:
    """The other state of the story's pair, when the actors are (or serve) one of them."""
    pair = res.focal_pair()
    own = {a.id for a in actors} | {a.country_code for a in actors if a.country_code}
    mine = [p for p in pair if p.id in own or p.country_code in own]
    return [p for p in pair if p not in mine] if len(mine) == 1 else []


def across_border(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The states named by "the border with X" (or "frontier with X") in the verb's
    objects and destinations, not in its subject."""
    subject = {t.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return unique(
        [
            e
            for t in tok.subtree
            if t.lemma_.lower() in ("border", "frontier") and t.i not in subject
            for p in t.children
            if p.dep_ == "prep" and p.lower_ == "with"
            for g in p.children
            if g.dep_ == "pobj"
            for e in res.resolve(g)
            if e.type == "GPE" and not res.is_subnational_place(e)
        ]
    )


def taken_from(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The parties of the verb's "from" phrase, a capital read as its state: "recalled
    its ambassador from Bamako" (Mali), "seized the islands from Ras Al Khaimah"."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"]
    preps += [
        p
        for o in tok.children
        if o.dep_ == "dobj"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "from"
    ]
    out: list[Entity] = []
    for p in preps:
        for g in p.children:
            if g.dep_ != "pobj":
                continue
            for e in res.resolve(g):
                iso = seat_of(e.name) if e.type == "GPE" else None
                out.append((res.country_entity(iso) if iso else None) or e)
    return unique(out)


def moved_forces(tok: Any, res: ArgumentResolver) -> set[str]:
    """Ids of the forces a deployment moves ("ordered a battalion of the Republic of
    Sierra Leone Armed Forces to Kailahun"): their owner is the mover's own side, not
    whom the deployment faces."""
    moved = [c for c in tok.children if c.dep_ == "dobj"]
    moved += [g for o in moved for p in o.children if p.lower_ == "of" for g in p.children]
    return {e.id for o in moved for e in res.resolve(o)}


# How far back an act named by a noun may have been introduced ("A Japanese survey ship
# entered the waters ... Seoul called the survey a provocation").
AUTHOR_WINDOW = 6
_ATTRIBUTE_DEPS = ("poss", "amod", "compound", "nmod")


def attributed_author(obj: Any, res: ArgumentResolver) -> list[Entity]:
    """The party an act named by the noun ``obj`` is attributed to, read from a
    possessive or national modifier: of this mention ("Budapest's stance", "the Japanese
    survey"), else of the latest earlier mention of the same noun in the passage ("A
    Japanese government survey ship ... the survey"). A demonym stands for its state."""
    lemma = obj.lemma_.lower()
    found = _modifier_parties(obj, res)
    if found:
        return found
    for t in reversed(obj.doc[sentence_back(obj, AUTHOR_WINDOW).start : obj.i]):
        if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
            phrase = t.head if t.dep_ == "compound" else t
            found = _modifier_parties(phrase, res)
            if found:
                return found
    return []


def _modifier_parties(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The state, body or person named as a noun's possessor or attribute (a state
    first)."""
    out = []
    for c in tok.children:
        if c.dep_ not in _ATTRIBUTE_DEPS or c.i > tok.i:
            continue
        e = res.entities.for_span(c)
        if e is None:
            continue
        if e.type == "NORP" and e.country_code:
            e = res.country_entity(e.country_code)
        if e is not None and e.type in ("GPE", "ORG", "PERSON"):
            out.append(e)
    # "a Japanese government survey ship": one party, the state before its own body
    return sorted(unique(out), key=lambda e: e.type != "GPE")[:1]
