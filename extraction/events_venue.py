"""Who hosts a meeting: the venue decides (gold rule, shared/gold/README.md, CONSULT).

A meeting is a ``visit`` when the venue makes the host clear: the visitor is the actor
and the host the recipient; with no clear host every participant is an actor, and a
venue in a third country makes it ``third-party``.

News often names the venue once for several sentences: "Wang Yi arrived in New Delhi on
Sunday. He met Jaishankar on Monday.", or only in the dateline ("NEW DELHI: Jaishankar
and Wang held talks ..."). A meeting whose own clause names no place takes the place of a
visit by one of its participants a few sentences away, else the article's dateline.
"""

from __future__ import annotations

from typing import Any

from extraction.types import Entity, EntityIndex

VISIT_WINDOW = 3  # sentences between a visit and a meeting held on it


def consult_roles(
    mode: str | None,
    actors: list[Entity],
    recipients: list[Entity],
    location: dict[str, Any] | None,
) -> tuple[str | None, list[Entity], list[Entity]]:
    """PLOVER: a visitor is the actor and the host the recipient; with no clear host all
    participants are actors. A venue in a third country makes the meeting third-party."""
    if mode in ("visit", "phone"):
        return mode, actors, recipients
    cc = location.get("country_code") if location else None
    parties = actors + recipients
    codes = {e.country_code for e in parties if e.country_code}
    if cc and len(parties) == 2:
        # "Lee will hold talks with Chinese President Xi in Shenzhen": one party of the
        # venue's country hosts the other
        hosts = [e for e in parties if e.country_code == cc]
        if len(hosts) == 1 and hosts[0].type == "PERSON":
            guest = next(e for e in parties if e is not hosts[0])
            if guest.type == "PERSON" and guest.country_code != cc:
                return "visit", [guest], hosts
    if cc and len(parties) >= 2 and all(e.country_code for e in parties):
        hosts = [e for e in parties if e.country_code == cc]
        guests = [e for e in parties if e.country_code != cc]
        if hosts and guests:  # "Starmer met Trump in Washington": Starmer visits
            return "visit", guests, hosts
        if cc not in codes:
            return "third-party", parties, []
    return mode, parties, []


def place_meetings(
    events: list[dict[str, Any]],
    entities: EntityIndex,
    sentence_index: dict[int, int],
    dateline: dict[str, Any] | None,
) -> None:
    """Give meetings with no venue of their own the venue the article puts them in, and
    with it their host (in place, before mentions merge: the meeting then joins the
    visit it belongs to)."""
    for ev in events:
        if (
            ev["type"] != "CONSULT"
            or ev["mode"] is not None
            or ev["recipients"]
            or ev["location"]
            or len(ev["actors"]) < 2
        ):
            continue
        parties = [entities.get(r["entity_id"]) for r in ev["actors"]]
        if any(p is None for p in parties):
            continue
        venue = _visited_place(ev, events, sentence_index) or dateline
        if venue is None:
            continue
        mode, guests, hosts = consult_roles(None, parties, [], venue)  # type: ignore[arg-type]
        if mode == "visit":
            ev["mode"], ev["location"] = mode, dict(venue)
            ev["actors"] = [e.ref() for e in guests]
            ev["recipients"] = [e.ref() for e in hosts]


def _visited_place(
    ev: dict[str, Any], events: list[dict[str, Any]], sentence_index: dict[int, int]
) -> dict[str, Any] | None:
    """The place of a visit that one of the meeting's participants makes within a few
    sentences of it ("arrived in New Delhi on Sunday ... met Jaishankar on Monday")."""
    here = sentence_index.get(ev["sentence"]["start"])
    mine = {r["entity_id"] for r in ev["actors"]}
    best: tuple[int, dict[str, Any]] | None = None
    for v in events:
        there = sentence_index.get(v["sentence"]["start"])
        if (
            v is ev
            or v["type"] != "CONSULT"
            or v["mode"] != "visit"
            or not (v["location"] or {}).get("country_code")
            or here is None
            or there is None
            or abs(here - there) > VISIT_WINDOW
            or not mine & {r["entity_id"] for r in v["actors"]}
        ):
            continue
        if best is None or abs(here - there) < best[0]:
            best = (abs(here - there), v["location"])
    return best[1] if best else None
