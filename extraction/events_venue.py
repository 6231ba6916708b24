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

import re
from typing import Any

from extraction.blocs import is_bloc
from extraction.types import Entity, EntityIndex

# A head of state or government titled with no country: "President X", "Prime Minister Y".
_LEADER = re.compile(r"(President|Prime Minister|Premier|King|Emir|Chancellor) [A-Z]")
VISIT_WINDOW = 3
# Names of a state's own bodies (which belong to the state they sit in).
_STATE_BODY = re.compile(
    r"\b(agency|ministry|service|department|office|government|administration|authority"
    r"|commission|presidency)\b",
    re.I,
)  # sentences between a visit and a meeting held on it


def consult_roles(
    mode: str | None,
    actors: list[Entity],
    recipients: list[Entity],
    location: dict[str, Any] | None,
    guess_host: bool = True,
    story_countries: frozenset[str] | None = None,
) -> tuple[str | None, list[Entity], list[Entity]]:
    """PLOVER: a visitor is the actor and the host the recipient; with no clear host all
    participants are actors. A venue in a third country makes the meeting third-party.
    ``guess_host``: a party of unknown country may host (only when the venue is the
    meeting's own, not one inferred from elsewhere in the article, and, given
    ``story_countries``, only in a country the story is about: two ministers meeting "on
    the margins of the UN General Assembly in New York" are nobody's guests)."""
    if mode in ("visit", "phone"):
        return mode, actors, recipients
    cc = location.get("country_code") if location else None
    parties = actors + recipients
    codes = {e.country_code for e in parties if e.country_code}
    if cc and len(parties) >= 2:
        # "Lee will hold talks with Chinese President Xi in Shenzhen", "the UN envoy met
        # Dbeibah in Tripoli": the parties of the venue's country host the others
        hosts = [e for e in parties if e.country_code == cc] or (
            _likely_host(parties, cc)
            if guess_host and (story_countries is None or cc in story_countries)
            else []
        )
        guests = [e for e in parties if e not in hosts]
        if hosts and guests:
            return "visit", guests, hosts
        if all(e.country_code for e in parties) and cc not in codes:
            return "third-party", parties, []
    return mode, parties, []


# Words for a gathering of a body's own members: "the AU's Peace and Security Council will
# hold an emergency session", "the bloc's foreign ministers would hold a special meeting".
GATHERINGS = frozenset({"meeting", "session", "summit", "consultation", "meet", "convene"})


def multilateral_meeting(lemma: str, actors: list[Entity], recipients: list[Entity]) -> bool:
    """A meeting of one intergovernmental body with no other party named: its members
    meet (PLOVER CONSULT, mode multilateral), unlike "held a cabinet meeting"."""
    return lemma in GATHERINGS and len(actors) == 1 and not recipients and is_bloc(actors[0])


def _likely_host(parties: list[Entity], cc: str) -> list[Entity]:
    """Of two people or bodies meeting in a country, the one of no known country is the
    host when the other is known to come from elsewhere ("Turkish Foreign Minister Fidan met
    al-Sharaa in Damascus"); when neither country is known, the one head of state or
    government among them is ("UN envoy X met Prime Minister Y in Tripoli")."""
    if len(parties) != 2 or any(e.type not in ("PERSON", "ORG") for e in parties):
        return []
    unknown = [e for e in parties if e.country_code is None]
    if len(unknown) == 1:
        # "a Japan Fisheries Agency delegation began talks with the Federal Agency for
        # Fishery in Moscow": the body of no known country hosts
        other = next(e for e in parties if e is not unknown[0])
        if unknown[0].type == "ORG" and not _STATE_BODY.search(unknown[0].name):
            return []  # an armed group or movement need not belong to the venue's state
        return unknown if other.country_code != cc else []
    if any(e.type != "PERSON" for e in parties):
        return []
    leaders = [e for e in unknown if any(_LEADER.match(a) for a in e.aliases)]
    return leaders if len(leaders) == 1 else []


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
            or ev["negated"]  # "have not spoken since": no meeting, so no venue
        ):
            continue
        parties = [entities.get(r["entity_id"]) for r in ev["actors"]]
        if any(p is None for p in parties):
            continue
        visited = _visited_place(ev, events, sentence_index)
        venue = visited or dateline
        if venue is None:
            continue
        # a participant's visit elsewhere in the text says where they were, not that the
        # meeting was there: only a party known to be of that country hosts it
        mode, guests, hosts = consult_roles(
            None,
            parties,  # type: ignore[arg-type]
            [],
            venue,
            guess_host=visited is None,
        )
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
