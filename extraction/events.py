"""PLOVER event extraction over a spaCy parse (``eventwire.events.v1``).

Pipeline per document:
1. match triggers: every token is looked up once in the lexicon (``events_lexicon``),
   whose entries come from ``extraction/data/triggers/<type>.json``;
2. read arguments off the dependency tree (``events_frames``) and resolve them to
   entities (``events_args.ArgumentResolver``);
3. add modality/negation (``modality``), date (``dates``), location, attribution;
4. merge repeated mentions of one happening (``events_merge``) and number the events
   v1, v2, ...
"""

from __future__ import annotations

from typing import Any

from extraction import dates, modality
from extraction.events_args import ArgumentResolver
from extraction.events_frames import noun_arguments, places_under, verb_arguments
from extraction.events_lexicon import Entry, Lexicon, load_lexicon, mode_from_cues, object_tokens
from extraction.events_merge import merge_mentions
from extraction.types import Entity, EntityIndex, PartialDate

VERSION = "eventwire.events.v1"

# Advice and warnings about a course of action: the act is hypothetical
# ("advised against conceding to Russian demands").
ADVICE = frozenset({"advise", "recommend", "caution", "counsel", "warn", "argue"})
EPISTEMIC_NOUNS = frozenset(
    {"concern", "fear", "worry", "hope", "risk", "danger", "possibility", "suspicion"}
)
EPISTEMIC = frozenset(
    {
        "fear",
        "worry",
        "concern",
        "wonder",
        "doubt",
        "speculate",
        "think",
        "imagine",
        "suspect",
        "worried",
        "concerned",
        "afraid",
        "hope",
        "believe",
        "predict",
    }
)


# Cooperative acts whose announced non-performance is a refusal.
REFUSABLE = frozenset({"AGREE", "SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"})


def extract_events(
    doc: Any, entities: EntityIndex, published_at: PartialDate | None
) -> list[dict[str, Any]]:
    """Events of ``doc`` in the CONTRACT shape, one per real-world happening.

    A document without a dependency parse (parser disabled) has no events.
    """
    if not len(doc) or not doc.has_annotation("DEP"):
        return []
    lex = load_lexicon()
    resolver = ArgumentResolver(doc, entities)
    matches: dict[int, Entry] = {}
    for tok in doc:  # one dictionary lookup per token
        entry = lex.match(tok)
        if entry is not None:
            matches[tok.i] = entry
    raw: list[dict[str, Any]] = []
    for i, entry in matches.items():
        tok = doc[i]
        if _suppressed(tok, entry, matches):
            continue
        ev = _build(tok, entry, lex, resolver, published_at)
        if ev is None:
            continue
        if ev["type"] == "CONSULT" and ev["mode"] == "visit" and len(ev["actors"]) > 1:
            # "Macron and Starmer plan to visit Washington": two visits, one per visitor
            raw.extend(
                {**ev, "actors": [a], "mentions": list(ev["mentions"])} for a in ev["actors"]
            )
        else:
            raw.append(ev)
    return merge_mentions(raw)


# -- suppression -----------------------------------------------------------------
def _suppressed(tok: Any, entry: Entry, matches: dict[int, Entry]) -> bool:
    head = tok.head
    # "refused to give up", "ready to sign", "threatened to impose": the governing
    # trigger names the act; the infinitive is its content.
    if tok.dep_ in ("xcomp", "ccomp", "acl") and head.i in matches and head.i != tok.i:
        return True
    # "dropped demands", "halt military support", "hints at tariffs": the object was
    # read as part of the governing trigger's meaning.
    if tok.dep_ in ("dobj", "pobj", "nsubjpass"):
        gov = head.head if tok.dep_ == "pobj" else head
        g = matches.get(gov.i)
        if g is not None and g.object and gov.i != tok.i:
            return True
    # "his call for a US security guarantee", "demanded sanctions": the requested
    # content is not an event of its own.
    if tok.pos_ in ("NOUN", "PROPN"):
        g = (
            head.head
            if tok.dep_ == "pobj" and head.dep_ == "prep"
            else head
            if tok.dep_ == "dobj"
            else None
        )
        if (
            g is not None
            and g.i != tok.i
            and g.i in matches
            and matches[g.i].type in ("REQUEST", "REJECT", "THREATEN")
        ):
            return True
    # "travel to Beijing to meet Xi": the purpose clause is the same happening
    if tok.dep_ == "advcl" and head.i in matches and matches[head.i].type == entry.type:
        return True
    # "Brazil should support ...": a recommendation, not an act
    if any(
        c.dep_ == "aux" and c.lower_ in ("should", "ought") for c in (*tok.children, *head.children)
    ):
        return True
    # "the proposed deal", "an agreed plan": a participle modifying a noun names no act
    if entry.pos == "VERB" and tok.dep_ == "amod":
        return True
    # "Europe insists that the US must provide guarantees": what is demanded, refused or
    # threatened is the content of that act, not an event of its own.
    # An accusation's nominal object stays a fact ("condemned Russia's invasion").
    t = tok
    clausal = False
    for _ in range(4):
        if t.dep_ not in ("ccomp", "xcomp", "dobj", "pobj", "prep", "conj") or t.head is t:
            break
        clausal = clausal or t.dep_ in ("ccomp", "xcomp")
        t = t.head
        governing = matches.get(t.i)
        if governing is not None and (
            governing.type in ("REQUEST", "REJECT", "THREATEN")
            or (governing.type == "ACCUSE" and clausal)
        ):
            return True
    # "Their concern is that Trump will agree to a deal": an observer's fear.
    if tok.dep_ == "ccomp" or head.dep_ == "ccomp":
        clause = tok if tok.dep_ == "ccomp" else head
        subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() in EPISTEMIC_NOUNS:
            return True
    # "accused Eritrea of massing troops": the content of an accusation or demand is
    # not asserted by the article.
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i in matches:
        return True
    # "reassurances on security guarantees", "talks on sanctions": a trigger noun that
    # is the topic of another trigger noun is not an event of its own.
    if (
        tok.dep_ == "pobj"
        and head.lower_ in ("on", "about", "over", "regarding", "concerning")
        and head.head.i in matches
        and head.head.pos_ in ("NOUN", "PROPN")
    ):
        return True
    # "officials agree that ...": a shared opinion, not a commitment.
    if (
        entry.type == "AGREE"
        and tok.pos_ == "VERB"
        and tok.lemma_ == "agree"
        and any(c.dep_ == "ccomp" for c in tok.children)
        and not any(c.dep_ in ("prep", "xcomp") for c in tok.children)
    ):
        return True
    # "countries are worried that the US may pull out": an observer's fear.
    t = tok
    for _ in range(5):
        if t.head is t:
            break
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in EPISTEMIC:
            return True
        if (
            t.dep_ in ("pcomp", "xcomp")
            and (t.head.head if t.dep_ == "pcomp" else t.head).lemma_.lower() in ADVICE
        ):
            return True
        if t.dep_ == "ccomp" and any(
            c.dep_ == "acomp" and c.lower_ == "unlikely" for c in t.head.children
        ):
            return True  # "it is unlikely that Putin will abandon ...": predicted not to happen
        if t.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acomp", "advcl"):
            break
        t = t.head
    return False


# -- building one event -----------------------------------------------------------------
def _build(
    tok: Any, entry: Entry, lex: Lexicon, res: ArgumentResolver, published_at: PartialDate | None
) -> dict[str, Any] | None:
    if entry.pos == "NOUN":
        actors, recipients, places, direct, anchor = noun_arguments(tok, entry, lex, res)
    else:
        actors, recipients, places, direct = verb_arguments(tok, entry, res)
        anchor = tok
    # named events ("World War II", "the Alaska summit") are never parties
    actors = [e for e in _unique(actors) if e.type != "EVENT"]
    recipients = [e for e in recipients if e.type != "EVENT"]
    if not actors:
        return None  # no identifiable actor: PLOVER codes no event
    actor_ids = {e.id for e in actors}
    recipients = [e for e in _unique(recipients) if e.id not in actor_ids]
    mode = entry.mode
    info = lex.types[entry.type]
    if info.requires_recipient and not recipients:
        return None  # "their partnerships held firm": cooperation with nobody named
    mod, negated = modality.analyse(anchor)
    etype = entry.type
    if negated and mod == "planned" and etype in REFUSABLE:
        # "I'm not going to make security guarantees", "X will not meet Y": an explicit
        # refusal is REJECT, not a negated cooperative act (gold rule; PLOVER REJECT)
        etype, negated, mod = "REJECT", False, "asserted"
        cue_tokens = [tok, *(t for o in object_tokens(tok) for t in o.subtree)][:80]
        mode = mode_from_cues(lex.types["REJECT"], cue_tokens)
    if mode is None and info.mode_cues and etype == entry.type:
        objs = object_tokens(tok) + [
            c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl", "advcl")
        ]
        mode = mode_from_cues(info, [t for o in objs for t in o.subtree][:80])
    if not places and etype == "CONSULT":  # "meet Trump in Washington", "summit ... in Alaska"
        places = places_under(tok, res)
    location = _location(places, res)
    if etype == "CONSULT":
        mode, actors, recipients = _consult_roles(mode, actors, recipients, location)
        if mode == "visit" and not recipients and location and location.get("country_code"):
            host = res.host_of(
                location["country_code"], exclude={e.id for e in actors}, sent=tok.sent
            )
            if host is not None:
                recipients = [host]
        if mode is None and len(actors) + len(recipients) < 2:
            return None  # "held a cabinet meeting": no second party, an internal meeting
    source, claimed = _reported_by(tok, res, {e.id for e in actors})
    if claimed and source is not None and source.type == "ORG" and mod == "asserted":
        # "Politico said in a report that Macron was unable to ...": the happening rests
        # on an organisation's claim (an "according to" citation of a public act does not)
        mod = "reported"
    future = mod == "planned"
    date = dates.event_date(tok, published_at, future=future, date_ents=res.date_ents)
    sent = tok.sent
    confidence = entry.weight * (0.75 if direct else 0.55) + (0.15 if recipients else 0.0) + 0.1
    confidence *= {"asserted": 1.0, "reported": 0.85, "planned": 0.9, "possible": 0.75}[mod]
    return {
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
        "location": location,
        "date": {"value": date[0].value, "precision": date[0].precision, "text": date[1]}
        if date
        else None,
        "modality": mod,
        "negated": negated,
        "reported_by": source.ref() if source is not None else None,
        "sentence": {"start": sent.start_char, "end": sent.end_char},
        "mentions": [{"start": sent.start_char, "end": sent.end_char}],
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
        # private, removed by merge_mentions: whether the text marks modality here
        "_stated": entry.pos != "NOUN" or mod != "asserted" or negated,
    }


def _unique(ents: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for e in ents:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def _location(places: list[Any], res: ArgumentResolver) -> dict[str, Any] | None:
    for p in places:
        e = res.location(p)
        if e is not None:
            return {
                "name": e.name,
                "entity_id": e.id,
                "country_code": e.country_code,
                "lat": e.lat,
                "lon": e.lon,
            }
    return None


def _consult_roles(
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
    if cc and len(parties) >= 2 and all(e.country_code for e in parties):
        hosts = [e for e in parties if e.country_code == cc]
        guests = [e for e in parties if e.country_code != cc]
        if hosts and guests:  # "Starmer met Trump in Washington": Starmer visits
            return "visit", guests, hosts
        if cc not in codes:
            return "third-party", parties, []
    return mode, parties, []


def _reported_by(
    tok: Any, res: ArgumentResolver, actor_ids: set[str]
) -> tuple[Entity | None, bool]:
    """The outlet or person a sentence is attributed to: "according to the BBC",
    "Politico said in a report that ...", "Reuters reported that ...". A speaker who is
    also the event's actor ("Trump said he would meet ...") is not a separate source.
    Returns the source and whether it is the subject of a speech verb (a claim) rather
    than an "according to" citation."""
    for t in tok.sent:
        if t.lower_ == "according":
            for to in t.children:
                for g in to.children:
                    if g.dep_ == "pobj":
                        found = res.resolve(g)
                        if found:
                            return found[0], False
    t = tok
    for _ in range(8):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in modality.SAY_VERBS:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                found = [e for e in res.resolve(subj) if e.id not in actor_ids]
                if found and found[0].type in ("ORG", "PERSON", "GPE"):
                    return found[0], True
            break
        if t.head is t:
            break
        t = t.head
    return None, False


__all__ = ["VERSION", "extract_events"]
