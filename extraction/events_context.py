"""Recipients the sentence leaves unsaid but the article makes plain.

Directed acts nearly always have a target in hand-coded event data: in our gold sets every
REJECT, CONCEDE, SANCTION, SUPPORT and THREATEN event has a recipient, and 97 % of ACCUSE,
88 % of REQUEST events do. The sentence often leaves it implicit: "Cambodia also dropped its
demand" concedes to Thailand, the other side of the article's conflict; "the junta
rejected the ultimatum" rejects whoever the article has it facing. Event coders resolve
such cases from the dyad the story is about (the dyadic focus of CAMEO/ICEWS coding).

``fill_from_dyads`` runs after the sentence-level links (``events_links``) and gives a
directed event with no recipient the actor's most frequent counterpart among the
article's events that name both sides (a hostile act counts hostile events twice). Only a
clear counterpart is used: one that shares more events with the actor than any other
party does.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

# Types whose events (nearly) always have a recipient in hand-coded data.
DIRECTED = frozenset(
    {"REJECT", "CONCEDE", "SANCTION", "SUPPORT", "THREATEN", "ACCUSE", "REQUEST", "PROTEST"}
)
# Events whose parties form the article's dyads: any event naming both sides; joint acts
# of several actors pair them too ("talks between A and B", "A and B signed").
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def _ids(refs: list[dict[str, Any]]) -> list[str]:
    return [r["entity_id"] for r in refs]


def counterparts(events: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """entity id -> how many events pair it with each other party."""
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events:
        if ev.get("_at_crowd"):
            continue  # force used on a crowd pairs no two sides of the story
        actors, recipients = _ids(ev["actors"]), _ids(ev["recipients"])
        sides = [(a, r) for a in actors for r in recipients if a != r]
        if ev["type"] in JOINT_TYPES and not recipients:
            sides += [(a, b) for a in actors for b in actors if a < b]
        for a, b in sides:
            pairs[a][b] += 1
            pairs[b][a] += 1
    return pairs


# Conflictual types: a hostile act's counterpart is sought first among the actor's
# adversaries, so a mediator the actor only spoke with ("Boulos spoke by phone with Abiy")
# weighs less than the state it fights with.
HOSTILE = frozenset(
    {"ACCUSE", "THREATEN", "REJECT", "PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
)


# Types whose target read from the story is a state rather than its leader in person.
STATE_TARGET_TYPES = frozenset({"THREATEN", "REJECT"})


def fill_from_dyads(
    events: list[dict[str, Any]],
    states: dict[str, dict[str, Any]] | None = None,
    other_side: Callable[[list[str]], dict[str, Any] | None] | None = None,
    camps: dict[str, dict[str, Any]] | None = None,
    named_in: Callable[[str, dict[str, Any]], bool] | None = None,
) -> None:
    """Give recipient-less directed events the actor's clear counterpart, in place.
    ``states`` maps a person's (or a state body's) entity id to the reference of the state
    they serve: when the person has no counterpart of their own, their state's
    counterpart is the target ("Pakistan's army chief warned that any fresh strike would
    be met ..."). Failing both, ``other_side`` gives the other state of a story between
    two states, when the actor is (or serves) one of them; with no such pair, the camp
    across from the actor's in the two camps the story's hostile events set against each
    other (``camps``: a state's officials, bodies and forces count as the state).
    ``named_in(entity_id, event)`` tells whether the event's sentence names a party: a
    counterpart named there ("renewed his call on Eritrea ... and warned that") comes
    first; for a hostile act, the actor's adversaries come before anyone it only met."""
    states = states or {}
    all_pairs = counterparts(events)
    hostile_only = counterparts([e for e in events if e["type"] in HOSTILE])
    # for a hostile act, hostile events count twice
    hostile_pairs = {a: n + hostile_only.get(a, Counter()) for a, n in all_pairs.items()}
    by_id = _refs_by_id(events)
    for ev in events:
        if ev["type"] not in DIRECTED or ev["recipients"] or not ev["actors"]:
            continue
        mine = set(_ids(ev["actors"]))
        served = {a: states[a] for a in mine if a in states}
        for ref in served.values():
            by_id.setdefault(ref["entity_id"], ref)
        own = {ref["entity_id"] for ref in served.values()}
        side = camp_ids(mine | own, camps)  # the actor's own side, never its target
        best = None
        if named_in is not None:
            # a counterpart the sentence names
            here = {
                b
                for a in mine | own
                for b in all_pairs.get(a, Counter())
                if b not in side
                and (camps or {}).get(b, {}).get("entity_id") not in side
                and named_in(b, ev)
            }
            best = next(iter(here)) if len(here) == 1 else None
        if best is None and ev["type"] in HOSTILE:
            # "Ndayishimiye warned that Burundi would defend itself": a threat is aimed at
            # the actor's (or its state's) adversary, before anyone it merely spoke to
            best = _clear_counterpart(hostile_only, mine, exclude=side) or (
                _clear_counterpart(hostile_only, own, exclude=side) if own else None
            )
        pairs = hostile_pairs if ev["type"] in HOSTILE else all_pairs
        if best is None:
            best = _clear_counterpart(pairs, mine)
        if best is None:
            best = _clear_counterpart(pairs, own, exclude=mine | own) if own else None
        if best is not None and ev["type"] in STATE_TARGET_TYPES and best in states:
            # "Aliyev warned that anyone who tests Azerbaijan's borders ...": a threat read
            # from the story is aimed at the rival's state, not at its leader in person
            mine_states = {states[a]["entity_id"] for a in mine if a in states}
            if states[best]["entity_id"] not in mine_states:
                by_id.setdefault(states[best]["entity_id"], states[best])
                best = states[best]["entity_id"]
        if best is not None:
            ev["recipients"] = [dict(by_id[best])]
        elif other_side is not None and not ev.get("_needs_recipient"):
            # no clear counterpart among the events: in a story between two states, the
            # state across from the actor's (a fishermen's union of one side protesting,
            # its ministry suspending a joint committee); a stance that is an event only
            # when the events say whom it answers ("ready to act") is not made one here
            other = other_side(list(mine))
            if other is not None and other["entity_id"] not in mine:
                ev["recipients"] = [dict(other)]
            elif other is None and camps:
                # a story about one country: the camp across from the actor's
                own = camp_ids(mine, camps)
                dyad = camp_dyad(events, camps, set())
                ids = [r["entity_id"] for r in dyad]
                if len(ids) == 2 and (ids[0] in own) != (ids[1] in own):
                    ev["recipients"] = [dict(r) for r in dyad if r["entity_id"] not in own]


def _refs_by_id(events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entity id -> the first reference to it among the events' parties."""
    by_id: dict[str, dict[str, Any]] = {}
    for ev in events:
        for ref in ev["actors"] + ev["recipients"]:
            by_id.setdefault(ref["entity_id"], ref)
    return by_id


def _clear_counterpart(
    pairs: dict[str, Counter[str]], parties: set[str], exclude: set[str] | None = None
) -> str | None:
    """The party sharing more events with ``parties`` than any other, or None."""
    exclude = exclude if exclude is not None else parties
    score: Counter[str] = Counter()
    for a in parties:
        for b, n in pairs.get(a, Counter()).items():
            if b not in exclude:
                score[b] += n
    if not score:
        return None
    (best, n), *rest = score.most_common(2) + [("", 0)]
    return best if n > rest[0][1] else None


def main_dyad(events: list[dict[str, Any]], exclude: set[str]) -> list[dict[str, Any]]:
    """The two parties the article's events pair most often, neither in ``exclude``; none
    unless one pair clearly leads (more events than any other pair, and at least two)."""
    by_id = _refs_by_id(events)
    pairs: Counter[tuple[str, str]] = Counter()
    for a, partners in counterparts(events).items():
        for b, n in partners.items():
            if a < b and a not in exclude and b not in exclude:
                pairs[(a, b)] = n
    (best, n), *rest = pairs.most_common(2) + [((), 0)]
    if n < 2 or n <= rest[0][1]:
        return []
    return [dict(by_id[x]) for x in best]


def fill_mediation(events: list[dict[str, Any]]) -> None:
    """An offer to mediate that names no party ("Qatar offered to mediate", "Saudi Arabia
    has offered to host talks in Jeddah") is made to the two sides of the article's
    conflict, in place."""
    for ev in events:
        if ev.get("_mediation") and not ev["recipients"] and ev["actors"]:
            ev["recipients"] = main_dyad(events, set(_ids(ev["actors"])))


def fill_both_sides(
    events: list[dict[str, Any]], camps: dict[str, dict[str, Any]] | None = None
) -> None:
    """An appeal to "both sides" goes to the two parties the article's events pair most
    often, when one pair clearly leads (else the pair the sentence named stays), in place.
    With ``camps`` (entity id -> the reference of its camp), a state's officials,
    bodies and forces count as the state: in a domestic story the sides are the state and
    the party it faces."""
    for ev in events:
        if ev.get("_both_sides") and ev["actors"]:
            mine = set(_ids(ev["actors"]))
            dyad = main_dyad(events, mine)
            if camps:
                dyad = camp_dyad(events, camps, camp_ids(mine, camps)) or dyad
            if dyad:
                ev["recipients"] = dyad


def camp_dyad(
    events: list[dict[str, Any]], camps: dict[str, dict[str, Any]], exclude: set[str]
) -> list[dict[str, Any]]:
    """The two camps the article's hostile events pair most often (``camps``: entity id ->
    the reference of its camp, a state's people and bodies counted as the state), neither
    in ``exclude``; none unless one pair clearly leads (see ``main_dyad``)."""

    def camp(refs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [dict(camps[r["entity_id"]]) for r in refs if r["entity_id"] in camps]

    # the sides of a conflict are who fights, arrests and accuses whom
    hostile = [
        {**ev, "actors": camp(ev["actors"]), "recipients": camp(ev["recipients"])}
        for ev in events
        if ev["type"] in HOSTILE
    ]
    return main_dyad(hostile, exclude)


def camp_ids(ids: set[str], camps: dict[str, dict[str, Any]] | None) -> set[str]:
    """``ids`` with the ids of their camps."""
    return ids | {camps[a]["entity_id"] for a in ids if a in (camps or {})}


def fill_third_party(
    events: list[dict[str, Any]], both: Callable[[list[str]], list[dict[str, Any]]]
) -> None:
    """An offer, promise or readiness from outside a story between two states that names
    no one ("EU foreign policy chief Kaja Kallas said the EU stood ready to support the
    border process") is made to both states, in place; ``both`` gives the pair for the
    actor ids, or [] when the actor is not a known outsider (one side's own readiness
    stays without a recipient, see fill_from_dyads)."""
    for ev in events:
        if ev["type"] == "AGREE" and not ev["recipients"] and ev["actors"]:
            ev["recipients"] = both(_ids(ev["actors"]))
