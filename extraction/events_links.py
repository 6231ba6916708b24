"""Roles one event gives another in the same passage.

Some acts answer an earlier one, and their missing party is that earlier act's actor:

- a refusal answers a request: "Alckmin asked Lutnick to exempt the slabs, but Lutnick
  refused" -> REJECT Lutnick -> Alckmin;
- a retaliation answers an attack: "Hezbollah fired rockets at Israel. Israel
  retaliated with strikes" -> ASSAULT Israel -> Hezbollah.

Only events without recipients are completed, and only from an event that names the
answering actor as its own recipient, within the same or the previous sentence.
"""

from __future__ import annotations

from typing import Any

# What each answering type answers, and by which triggers (None: any trigger).
ANSWERS: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "REJECT": (frozenset({"REQUEST", "AGREE", "THREATEN"}), None),
    # "Saudi Arabia offered to host talks ... Ethiopia said it would attend"
    "AGREE": (frozenset({"AGREE"}), frozenset({"attend", "accept"})),
    "ASSAULT": (
        frozenset({"ASSAULT"}),
        frozenset({"retaliate", "respond", "reply", "retaliation", "response", "counter"}),
    ),
    "THREATEN": (
        frozenset({"ASSAULT", "THREATEN"}),
        frozenset({"retaliate", "respond", "retaliation", "response"}),
    ),
}
WINDOW = 2  # sentences: this one and the one before
CROWD_WINDOW = 6  # sentences back to the protest a crowd belongs to
# Acts by a crowd's party against a force that later turns on the crowd.
CROWD_CLASH_TYPES = frozenset({"ASSAULT", "PROTEST"})
# What a refusal can refuse without naming who asked: "rejected the ultimatum".
DEMAND_NOUNS = frozenset(
    {"ultimatum", "demand", "call", "request", "proposal", "offer", "plan", "appeal",
     "invitation", "condition", "terms", "deadline", "plea"}
)  # fmt: skip
# What a refusal can refuse of a critic: "The EU condemned the arrests ... Odongo rejected
# the criticism" -> REJECT Odongo -> EU.
CRITICISM_NOUNS = frozenset({"criticism", "rebuke", "condemnation", "censure"})
# What a demand to free captives asks for, and the acts that take captives.
RELEASE_NOUNS = frozenset({"release", "freedom", "return", "handover", "repatriation"})
CAPTURE_TYPES = frozenset({"COERCE"})
# Coercion that holds no one: people expelled, deported or turned back.
RELEASED_MODES = frozenset({"deport"})
# Acts a threat or demand can be conditional on, and the words that name any such act.
CONDITIONAL_TYPES = frozenset({"THREATEN", "REQUEST"})
CONDITION_WINDOW = 6  # sentences back to the act a condition names
GENERIC_ACT_NOUNS = frozenset(
    {"measure", "decision", "move", "step", "policy", "increase", "removal", "closure",
     "restriction", "hike", "levy", "surcharge", "detention", "deployment", "incursion"}
)  # fmt: skip
# Verbs that put a label on an act: "called it an economic aggression".
LABEL_VERBS = frozenset({"call", "describe", "term", "label", "brand", "dub"})
# Condemnations of an act the text has just reported: "Al-Shabaab rammed a car bomb into
# the base. The AU condemned the attack" -> ACCUSE AU -> Al-Shabaab.
CONDEMN = frozenset({"condemn", "denounce", "deplore", "decry", "criticise", "criticize"})
CONDEMNED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
CONDEMN_WINDOW = 3
HOSTILE_ACT_NOUNS = frozenset(
    {"attack", "strike", "arrest", "detention", "raid", "ban", "sanction", "crackdown",
     "invasion", "bombing", "shelling", "expulsion", "seizure", "blockade", "airstrike",
     "offensive", "killing", "deportation", "incursion"}
)  # fmt: skip


def _ids(refs: list[dict[str, Any]]) -> set[str]:
    return {r["entity_id"] for r in refs}


# Stances on an act whose target is that act's author: "condemned the drills",
# "welcomed the agreement", "rejected the decision", "protested against the arrests".
STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "PROTEST"})
OBJECT_WINDOW = 4  # sentences back to an earlier mention of the same act
# Sentences back from a release to the same captor's capture: a story tells the arrest in
# its lede and the release paragraphs later.
RELEASE_WINDOW = 12
# Acts done with a party: who is named "with" them is the other side, not a victim.
JOINT_OBJECT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def link_answers(
    events: list[dict[str, Any]],
    sentence_index: dict[int, int],
    states: dict[str, str] | None = None,
    places: frozenset[str] = frozenset(),
) -> None:
    """Fill the recipients of answering events in place. ``sentence_index`` maps a
    sentence start offset to its position in the document; ``states`` an entity id to
    the country code of the state it belongs to (a state, its bodies and officials);
    ``places`` holds the ids of entities that are places, never people released."""
    states = states or {}
    for ev in events:
        if (
            ev["type"] in STANCE_TYPES
            and ev.get("_object_event")
            and ev["actors"]
            and _link_object_event(ev, events, sentence_index)
        ):
            continue
        if ev.get("_at_crowd") and not ev["recipients"] and ev["actors"]:
            # "The NSF marched on Tuesday ... Police fired tear gas at the marchers", "accused
            # the protest organisers": an act on a crowd is aimed at the party whose
            # protest it is
            protest = _latest_before(
                ev, events, sentence_index, frozenset({"PROTEST"}), CROWD_WINDOW
            )
            if protest is None:
                # "PTI supporters clashed with police ... Police fired tear gas at the
                # marchers": the crowd is the party that just fought the same force
                protest = _latest_before(
                    ev, events, sentence_index, CROWD_CLASH_TYPES, CROWD_WINDOW, aimed_at_actor=True
                )
            if protest is not None:
                ev["recipients"] = [dict(r) for r in protest["actors"]]
                continue
        if ev["type"] == "ACCUSE" and not ev["recipients"] and ev["actors"]:
            _link_condemnation(ev, events, sentence_index)
            continue
        if (
            ev["type"] == "REQUEST"
            and not ev["recipients"]
            and ev["actors"]
            and ev.get("_object") in RELEASE_NOUNS
        ):
            # "The coast guard seized two fishing boats ... The council demanded their
            # release": a demand to free people is made of whoever holds them
            captor = _latest_before(
                ev,
                events,
                sentence_index,
                CAPTURE_TYPES,
                # "demanded the soldiers' release" may come paragraphs after the arrest;
                # "a return to constitutional order" is no release
                RELEASE_WINDOW if ev["_object"] in ("release", "freedom") else OBJECT_WINDOW,
                holds=True,
            )
            if captor is not None:
                ev["recipients"] = [dict(r) for r in captor["actors"]]
                ev["_from_capture"] = True
                continue
        if ev["type"] == "RETREAT" and ev.get("mode") == "release" and not ev["recipients"]:
            # "SSB personnel took four Nepali surveyors to a camp ... The SSB released
            # them": a release gives back whom the same captor took
            # "Tanzania released the six youngest fishermen" after "Tanzanian police
            # arrested 17 Malawian fishermen": the captor may be a body of the same state
            capture = _latest_before(
                ev,
                events,
                sentence_index,
                CAPTURE_TYPES,
                RELEASE_WINDOW,
                same_actor=True,
                states=states,
            )
            taken = [
                r for r in (capture or {}).get("recipients", []) if r["entity_id"] not in places
            ]
            if taken:
                ev["recipients"] = [dict(r) for r in taken]
                continue
        if (
            ev["type"] in CONDITIONAL_TYPES
            and ev.get("_condition")
            and not ev["recipients"]
            and ev["actors"]
        ):
            # "The Taliban banned women from UN work ... Guterres warned the UN might
            # leave if the ban is enforced": the threat is aimed at the ban's author
            act = _conditioning_act(ev, events, sentence_index)
            if act is not None:
                ev["recipients"] = [dict(r) for r in act["actors"]]
                continue
        rule = ANSWERS.get(ev["type"])
        if rule is None or ev["recipients"] or not ev["actors"]:
            continue
        answered, triggers = rule
        if triggers is not None and ev["trigger"]["lemma"] not in triggers:
            continue
        here = sentence_index.get(ev["sentence"]["start"])
        if here is None:
            continue
        actor_ids = _ids(ev["actors"])
        best = None
        for other in events:
            if other is ev or other["type"] not in answered:
                continue
            there = sentence_index.get(other["sentence"]["start"])
            if there is None or not 0 <= here - there < WINDOW:
                continue
            if other["trigger"]["start"] >= ev["trigger"]["start"]:
                continue  # the answer comes after what it answers
            if not actor_ids & _ids(other["recipients"]) or actor_ids & _ids(other["actors"]):
                continue
            if best is None or other["trigger"]["start"] > best["trigger"]["start"]:
                best = other
        if best is None and ev["type"] == "REJECT" and ev.get("_object") in DEMAND_NOUNS:
            # "ECOWAS demanded his release ... The junta rejected the ultimatum": the
            # refused demand need not name the refuser
            best = _latest_before(ev, events, sentence_index, answered, WINDOW + 1)
        if best is None and ev["type"] == "REJECT" and ev.get("_object") in CRITICISM_NOUNS:
            best = _latest_before(ev, events, sentence_index, frozenset({"ACCUSE"}), OBJECT_WINDOW)
        if best is not None:
            ev["recipients"] = [dict(r) for r in best["actors"]]


def _conditioning_act(
    ev: dict[str, Any], events: list[dict[str, Any]], sentence_index: dict[int, int]
) -> dict[str, Any] | None:
    """The earlier act a condition's noun names: an event whose trigger is that word
    ("if the ban is enforced" -> "banned"), or for a general word ("the measure", "the
    decision") the latest hostile act before it."""
    noun = ev["_condition"]
    if noun in GENERIC_ACT_NOUNS:
        return _latest_before(ev, events, sentence_index, CONDEMNED_TYPES, CONDITION_WINDOW)
    return _latest_before(ev, events, sentence_index, None, CONDITION_WINDOW, lemma=noun)


def _latest_before(
    ev: dict[str, Any],
    events: list[dict[str, Any]],
    sentence_index: dict[int, int],
    types: frozenset[str] | None,
    window: int,
    lemma: str | None = None,
    same_actor: bool = False,
    states: dict[str, str] | None = None,
    holds: bool = False,
    aimed_at_actor: bool = False,
) -> dict[str, Any] | None:
    """The latest event of ``types`` (any type: None), or with the trigger ``lemma``, by
    another actor (by one of ``ev``'s own: ``same_actor``) in the ``window`` sentences up
    to ``ev``. With ``states``, actors of one state count as the same actor; with
    ``holds``, only acts that leave people held count (not an expulsion); with
    ``aimed_at_actor``, only acts aimed at one of ``ev``'s actors."""
    here = sentence_index.get(ev["sentence"]["start"])
    if here is None:
        return None
    states = states or {}

    def side(refs: list[dict[str, Any]]) -> set[str]:
        ids = _ids(refs)
        return ids | {states[i] for i in ids if i in states}

    mine = side(ev["actors"])
    best = None
    for other in events:
        if other is ev or not other["actors"]:
            continue
        if (types is not None and other["type"] not in types) or (
            lemma is not None and other["trigger"]["lemma"] != lemma
        ):
            continue
        if holds and other.get("mode") in RELEASED_MODES:
            continue  # "expelled 140 migrants": nobody is held to be freed
        there = sentence_index.get(other["sentence"]["start"])
        if there is None or not 0 <= here - there < window:
            continue
        if other["trigger"]["start"] >= ev["trigger"]["start"]:
            continue
        if bool(mine & side(other["actors"])) != same_actor:
            continue
        if aimed_at_actor and not mine & side(other["recipients"]):
            continue
        if best is None or other["trigger"]["start"] > best["trigger"]["start"]:
            best = other
    return best


def _link_condemnation(
    ev: dict[str, Any], events: list[dict[str, Any]], sentence_index: dict[int, int]
) -> None:
    """An ACCUSE by a condemnation verb with no named target takes the actor of the
    latest hostile act reported just before it."""
    obj = ev.get("_object")
    if (
        ev["trigger"]["lemma"] not in CONDEMN
        and obj not in HOSTILE_ACT_NOUNS
        and obj not in GENERIC_ACT_NOUNS
        and not (obj == "it" and ev["trigger"]["lemma"] in LABEL_VERBS)
    ):
        return  # "called the arrest a provocation": the arrest's author is the target
    best = _latest_before(ev, events, sentence_index, CONDEMNED_TYPES, CONDEMN_WINDOW)
    if best is not None:
        ev["recipients"] = [dict(r) for r in best["actors"]]


def _same_word(a: str, b: str) -> bool:
    """Two trigger lemmas of one word family ("block" / "blockade", "arrest" /
    "arrested"): the later noun names the earlier act even when the two were typed
    differently (protesters' blocking is PROTEST, "the blockade" COERCE)."""
    return len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))


def _link_object_event(
    ev: dict[str, Any], events: list[dict[str, Any]], sentence_index: dict[int, int]
) -> bool:
    """A stance whose object is an act takes that act's actors as its recipients: the
    act coded at the object itself ("condemned the aggression by the US and Israel"),
    else the latest earlier mention of the same act ("China launched drills ...
    Taipei condemned the drills"). Recipients read from inside the act's own phrase
    (its victims) give way; a recipient named outside it stays."""
    obj = ev["_object_event"]
    if set(_ids(ev["recipients"])) - set(obj["inside"]):
        return False
    if obj["type"] in JOINT_OBJECT_TYPES and ev["recipients"]:
        return False  # "ruled out negotiations with the TPNPB": the other side, no victim
    mine = _ids(ev["actors"])
    target = next(
        (
            o
            for o in events
            if o is not ev and o["trigger"]["start"] == obj["start"] and o["actors"]
        ),
        None,
    )
    best: tuple[bool, int] = (False, -1)
    if target is None:
        here = sentence_index.get(ev["sentence"]["start"])
        if here is None:
            return False
        for o in events:
            there = sentence_index.get(o["sentence"]["start"])
            if (
                o is ev
                or not o["actors"]
                or there is None
                or not 0 <= here - there < OBJECT_WINDOW
                or o["trigger"]["start"] >= ev["trigger"]["start"]
                or not (o["type"] == obj["type"] or _same_word(o["trigger"]["lemma"], obj["lemma"]))
            ):
                continue
            # the same word first ("the drills" ... "the drills"), then the latest
            rank = (o["trigger"]["lemma"] == obj["lemma"], o["trigger"]["start"])
            if target is None or rank > best:
                target, best = o, rank
    if target is None or mine & _ids(target["actors"]):
        return False
    ev["recipients"] = [dict(r) for r in target["actors"]]
    return True
