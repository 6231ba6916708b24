"""PLOVER event extraction over a spaCy parse (``eventwire.events.v1``).

Pipeline per document:
1. match triggers: every token is looked up once in the lexicon (``events_lexicon``),
   whose entries come from ``extraction/data/triggers/<type>.json``;
2. read arguments off the dependency tree (``_verb_arguments`` / ``_noun_arguments``) and
   resolve them to entities (``events_args.ArgumentResolver``);
3. add modality/negation (``modality``), date (``dates``), location, attribution;
4. merge repeated mentions of one happening (same type, actors and recipients,
   compatible dates) and number the events v1, v2, ...
"""

from __future__ import annotations

from typing import Any

from extraction import dates, modality
from extraction.events_args import ArgumentResolver, norm
from extraction.events_lexicon import Entry, Lexicon, load_lexicon, mode_from_cues, object_tokens
from extraction.types import Entity, EntityIndex, PartialDate

VERSION = "eventwire.events.v1"

# Prepositions whose object receives the act ("sanctions against X", "talks with X").
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "for", "towards", "toward", "at", "into", "over", "of", "upon"})
# Types whose act lands in a place, so "in X" names the target ("military actions in Ukraine").
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
LOCATION_PREPS = frozenset({"in", "at"})
VISIT_PREPS = frozenset({"to"})
# Verbs whose object becomes the subject of their infinitive ("sent Rubio ... for talks",
# "persuaded Trump to accept", "urged Kyiv to hold").
OBJECT_CONTROL = frozenset({"send", "persuade", "ask", "urge", "force", "tell", "invite", "allow", "press", "pressure", "order", "dispatch", "convince", "encourage", "push"})
# Embedding under these makes the event an observer's fear or belief, not a reported act.
# "get reassurances from Trump", "secure concessions": the act comes from the "from"
# party and lands on the subject.
RECEIVE_VERBS = frozenset({"get", "receive", "secure", "obtain", "win", "extract", "achieve", "gain", "enjoy", "earn", "wring", "accept"})
EPISTEMIC = frozenset({"fear", "worry", "concern", "wonder", "doubt", "speculate", "think", "imagine", "suspect", "worried", "concerned", "afraid", "hope"})
# Nominal types whose noun compound names the agent ("US sanctions", "Russian invasion");
# for the others it names the topic ("Ukraine talks", "NATO membership demands").
COMPOUND_AGENT_TYPES = frozenset({"SANCTION", "ASSAULT", "AID", "MOBILIZE", "COERCE", "THREATEN", "PROTEST", "RETREAT", "COOPERATE"})
# Nominal types where "from X" names the source ("support from the US", "criticism from").
FROM_AGENT_TYPES = frozenset({"SUPPORT", "ACCUSE", "AID", "REQUEST", "THREATEN", "AGREE"})
# Verbs for which a noun subject is the happening itself ("talks took place among ...").
OCCUR_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "continue", "resume", "conclude", "end", "open", "proceed", "unfold"})
SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
_MODALITY_RANK = {"asserted": 0, "reported": 1, "planned": 2, "possible": 3}


def extract_events(doc: Any, entities: EntityIndex, published_at: PartialDate | None) -> list[dict[str, Any]]:
    """Events of ``doc`` in the CONTRACT shape, one per real-world happening."""
    lex = load_lexicon()
    resolver = ArgumentResolver(doc, entities)
    matches: dict[int, Entry] = {}
    for tok in doc:
        if tok.is_alpha and not tok.is_stop or tok.lemma_ in ("call", "back", "meet"):
            entry = lex.match(tok)
            if entry is not None:
                matches[tok.i] = entry
    raw = []
    for i, entry in matches.items():
        tok = doc[i]
        if _suppressed(tok, entry, matches):
            continue
        ev = _build(tok, entry, lex, resolver, published_at)
        if ev is not None:
            raw.append(ev)
    return _merge(raw)


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
        g = head.head if tok.dep_ == "pobj" and head.dep_ == "prep" else head if tok.dep_ == "dobj" else None
        if g is not None and g.i != tok.i and g.i in matches and matches[g.i].type in ("REQUEST", "REJECT", "THREATEN"):
            return True
    # "officials agree that ...": a shared opinion, not a commitment.
    if entry.type == "AGREE" and tok.pos_ == "VERB" and tok.lemma_ == "agree":
        if any(c.dep_ == "ccomp" for c in tok.children) and not any(c.dep_ in ("prep", "xcomp") for c in tok.children):
            return True
    # "countries are worried that the US may pull out": an observer's fear.
    t = tok
    for _ in range(5):
        if t.head is t:
            break
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in EPISTEMIC:
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "acomp", "advcl"):
            break
        t = t.head
    return False


# -- arguments ---------------------------------------------------------------------
def _subject(tok: Any) -> tuple[Any | None, bool]:
    """The phrase that does what ``tok`` (a verb or adjective) says, and whether it is a
    direct dependent (True) or inherited from a governing verb (False)."""
    t = tok
    direct = True
    for _ in range(4):
        deps = SUBJ_DEPS if t is tok else SUBJ_DEPS | {"nsubjpass"}  # "Starmer is expected to assure"
        subj = next((c for c in t.children if c.dep_ in deps), None)
        if subj is not None and subj.dep_ != "expl":
            if subj.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return t.head, False
            return subj, direct
        direct = False
        if t.dep_ == "xcomp" or (t.dep_ in ("advcl", "acomp") and t.tag_ in ("VB", "VBG", "JJ")):
            h = t.head
            if h.lemma_.lower() in OBJECT_CONTROL:
                obj = next((c for c in h.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj, False
            t = h
        elif t.dep_ in ("acl", "relcl"):
            return t.head, False
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head  # "focusing on re-establishing ties", "surprised allies by canceling"
        elif t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX", "ADJ"):
            t = t.head
        elif t.dep_ == "acomp":
            t = t.head
        else:
            return None, False
    return None, False


def _verb_arguments(tok: Any, entry: Entry, res: ArgumentResolver) -> tuple[list[Entity], list[Entity], list[Any], bool]:
    """(actors, recipients, place tokens, actor found directly) for a verb/adjective trigger."""
    actors: list[Entity] = []
    recipients: list[Entity] = []
    places: list[Any] = []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    subj, direct = _subject(tok) if not passive else (None, True)
    if subj is not None:
        actors = res.resolve(subj)
    for c in tok.children:
        dep = c.dep_
        if dep in ("dobj", "dative", "nsubjpass") or (dep == "prep" and c.lower_ in RECIPIENT_PREPS | LOCATION_PREPS):
            targets = [c] if dep != "prep" else [g for g in c.children if g.dep_ == "pobj"]
            for g in targets:
                place = res.location(g)
                if place is not None and (dep == "prep" and c.lower_ in LOCATION_PREPS and entry.type not in PLACE_TARGET_TYPES
                                          or entry.mode == "visit" and not _is_capital_actor(g)):
                    places.append(g)
                    continue
                if dep == "prep" and c.lower_ in LOCATION_PREPS and entry.type not in PLACE_TARGET_TYPES:
                    continue
                recipients.extend(res.resolve(g))
        elif dep == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    actors.extend(res.resolve(g))
                    direct = True
        elif dep == "ccomp" and entry.type in ("REQUEST", "ACCUSE", "AGREE", "THREATEN") and not recipients:
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and entry.type == "REQUEST":
                recipients.extend(res.resolve(s))
    if not recipients and entry.object:
        recipients.extend(_nested_recipients(object_tokens(tok), res))
    if tok.dep_ == "relcl" and not recipients and subj is not None and subj.i != tok.head.i:
        recipients.extend(res.resolve(tok.head))  # "the country Mr. Putin invaded"
    if passive and not actors:
        direct = False
    if entry.host:
        actors, recipients = recipients, actors
    return actors, recipients, places, direct


def _is_capital_actor(tok: Any) -> bool:
    return False


def _all_parties(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Every party named under "between"/"among" ("between A and B", even misparsed)."""
    out: list[Entity] = list(res.resolve(tok))
    for t in tok.subtree:
        if t is tok or t.dep_ not in ("conj", "nmod", "appos") or res.entities.for_span(t) is None:
            continue
        if t.head.lower_ in ("in", "at", "on", "near", "of") or res.location(t) is not None:
            continue  # "between A and B in Alaska": the venue is no party
        out.extend(res.resolve(t))
    return out


def _nested_recipients(objs: list[Any], res: ArgumentResolver) -> list[Entity]:
    """Recipients named inside the object: "hints at tariffs on Chinese imports",
    "halt military support for Ukraine"."""
    out: list[Entity] = []
    for o in objs:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for", "on", "against", "with", "towards", "toward"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(res.resolve(g))
    return out


def _noun_arguments(tok: Any, entry: Entry, lex: Lexicon, res: ArgumentResolver) -> tuple[list[Entity], list[Entity], list[Any], bool]:
    """(actors, recipients, place tokens, actor found directly) for a noun trigger:
    "Russia's invasion of Ukraine", "US sanctions on Iran", "talks between A and B",
    "Starmer ... held talks with Trump", "sent Rubio to Riyadh for talks with Lavrov"."""
    actors: list[Entity] = []
    recipients: list[Entity] = []
    places: list[Any] = []
    direct = True
    for c in tok.children:
        dep = c.dep_
        if dep == "poss":
            actors.extend(res.resolve(c))
        elif dep in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN"):
            e = res.entities.for_span(c)
            if e is not None and e.type not in ("EVENT",):
                if c.pos_ != "ADJ" and entry.type not in COMPOUND_AGENT_TYPES:
                    continue  # "Ukraine talks", "the Alaska summit", "Russia embrace": topic, not agent
                actors.extend(res.resolve(c))
        elif dep == "prep":
            p = c.lower_
            pobjs = [g for g in c.children if g.dep_ == "pobj"]
            for g in pobjs:
                if p == "between" or p == "among":
                    actors.extend(_all_parties(g, res))
                elif p == "by" or (p == "from" and entry.type in FROM_AGENT_TYPES):
                    actors.extend(res.resolve(g))
                elif p in LOCATION_PREPS and entry.type not in PLACE_TARGET_TYPES:
                    if res.location(g) is not None:
                        places.append(g)
                elif p in RECIPIENT_PREPS or (p in LOCATION_PREPS and entry.type in PLACE_TARGET_TYPES) or p in ("near", "towards"):
                    if entry.mode == "visit" and res.location(g) is not None and p in ("to", "of"):
                        places.append(g)
                        continue
                    found = res.resolve(g)
                    if not found:  # "tariffs on trade with the UK": one level down
                        for gc in g.children:
                            if gc.dep_ == "prep" and gc.lower_ in ("with", "to", "of", "from", "on", "against"):
                                for ggc in gc.children:
                                    if ggc.dep_ == "pobj":
                                        found.extend(res.resolve(ggc))
                    if not found and entry.object:
                        found = _nested_recipients([g], res)
                    recipients.extend(found)
    if not actors:
        direct = False
        gov = tok.head
        if tok.dep_ == "dobj" and gov.lemma_.lower() in RECEIVE_VERBS:
            subj, _ = _subject(gov)
            for gc in (*gov.children, *tok.children):
                if gc.dep_ == "prep" and gc.lower_ == "from":
                    actors = [e for g in gc.children if g.dep_ == "pobj" for e in res.resolve(g)]
            if actors and subj is not None:
                recipients = res.resolve(subj)
            return actors, recipients, places, False
        if tok.dep_ in ("dobj", "nsubjpass", "attr", "conj") and gov.pos_ in ("VERB", "AUX"):
            light = gov.lemma_.lower() in lex.light_verbs(entry.type)
            if light:
                subj, _ = _subject(gov)
                if subj is not None:
                    actors = res.resolve(subj)
                    direct = True
                for gc in gov.children:  # "held talks with X", "imposed sanctions on X"
                    if gc.dep_ == "prep" and gc.lower_ in RECIPIENT_PREPS and not recipients:
                        for g in gc.children:
                            if g.dep_ == "pobj" and res.location(g) is None:
                                recipients.extend(res.resolve(g))
                    elif gc.dep_ == "prep" and gc.lower_ in LOCATION_PREPS:
                        places.extend(g for g in gc.children if g.dep_ == "pobj" and res.location(g) is not None)
        elif tok.dep_ == "nsubj" and gov.lemma_.lower() in OCCUR_VERBS:
            for gc in gov.children:  # "discussions are taking place among A, B and C"
                if gc.dep_ == "prep" and gc.lower_ in ("between", "among"):
                    actors = [e for g in gc.children if g.dep_ == "pobj" for e in _all_parties(g, res)]
                elif gc.dep_ == "prep" and gc.lower_ in LOCATION_PREPS:
                    places.extend(g for g in gc.children if g.dep_ == "pobj" and res.location(g) is not None)
        elif tok.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
            verb = gov.head
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if gov.lower_ == "for" and obj is not None and verb.lemma_.lower() in OBJECT_CONTROL:
                actors = res.resolve(obj)  # "sent Rubio to Riyadh for talks"
                for gc in verb.children:
                    if gc.dep_ == "prep" and gc.lower_ == "to":
                        places.extend(g for g in gc.children if g.dep_ == "pobj" and res.location(g) is not None)
            elif verb.lemma_.lower() in lex.types[entry.type].light_verbs:
                subj, _ = _subject(verb)  # "engaged in discussions with"
                if subj is not None:
                    actors = res.resolve(subj)
        if not actors:
            for c in tok.children:  # "tariffs that Trump has avoided imposing"
                if c.dep_ == "relcl":
                    v = c
                    if v.lemma_.lower() not in lex.light_verbs(entry.type):
                        v = next((x for x in c.children if x.dep_ == "xcomp" and x.lemma_.lower() in lex.light_verbs(entry.type)), None)
                    if v is not None:
                        subj, _ = _subject(c)
                        if subj is not None and subj.lower_ not in ("that", "which"):
                            actors = res.resolve(subj)
    return actors, recipients, places, direct


# -- building one event -----------------------------------------------------------------
def _build(tok: Any, entry: Entry, lex: Lexicon, res: ArgumentResolver, published_at: PartialDate | None) -> dict[str, Any] | None:
    if entry.pos == "NOUN":
        actors, recipients, places, direct = _noun_arguments(tok, entry, lex, res)
    else:
        actors, recipients, places, direct = _verb_arguments(tok, entry, res)
    actors = _unique(actors)
    if not actors:
        return None  # no identifiable actor: PLOVER codes no event
    actor_ids = {e.id for e in actors}
    recipients = [e for e in _unique(recipients) if e.id not in actor_ids]
    mode = entry.mode
    info = lex.types[entry.type]
    if mode is None and info.mode_cues:
        objs = object_tokens(tok) + [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl")]
        mode = mode_from_cues(info, [t for o in objs for t in o.subtree][:80])
    location = _location(places, res)
    if entry.type == "CONSULT":
        mode, actors, recipients = _consult_roles(mode, actors, recipients, location)
        if mode is None and len(actors) + len(recipients) < 2:
            return None  # "held a cabinet meeting": no second party, an internal meeting
    mod, negated = modality.analyse(tok)
    future = mod == "planned"
    date = dates.event_date(tok, published_at, future=future)
    sent = tok.sent
    confidence = entry.weight * (0.75 if direct else 0.55) + (0.15 if recipients else 0.0) + 0.1
    confidence *= {"asserted": 1.0, "reported": 0.85, "planned": 0.9, "possible": 0.75}[mod]
    return {
        "type": entry.type,
        "mode": mode,
        "trigger": {"text": tok.text, "lemma": tok.lemma_.lower(), "start": tok.idx, "end": tok.idx + len(tok.text)},
        "actors": [e.ref() for e in actors],
        "recipients": [e.ref() for e in recipients],
        "location": location,
        "date": {"value": date[0].value, "precision": date[0].precision, "text": date[1]} if date else None,
        "modality": mod,
        "negated": negated,
        "reported_by": _reported_by(tok, res),
        "sentence": {"start": sent.start_char, "end": sent.end_char},
        "mentions": [{"start": sent.start_char, "end": sent.end_char}],
        "confidence": round(min(1.0, max(0.0, confidence)), 3),
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
            return {"name": e.name, "entity_id": e.id, "country_code": e.country_code, "lat": e.lat, "lon": e.lon}
    return None


def _consult_roles(mode: str | None, actors: list[Entity], recipients: list[Entity], location: dict[str, Any] | None) -> tuple[str | None, list[Entity], list[Entity]]:
    """PLOVER: a visitor is the actor and the host the recipient; with no clear host all
    participants are actors. A venue in a third country makes the meeting third-party."""
    if mode in ("visit", "phone"):
        return mode, actors, recipients
    cc = location.get("country_code") if location else None
    parties = actors + recipients
    codes = {e.country_code for e in parties if e.country_code}
    if cc and recipients and all(e.country_code for e in parties):
        if any(e.country_code == cc for e in recipients) and not any(e.country_code == cc for e in actors):
            return "visit", actors, recipients
        if cc not in codes:
            return "third-party", parties, []
    return mode, parties, []


def _reported_by(tok: Any, res: ArgumentResolver) -> dict[str, str] | None:
    """The outlet or person a sentence is attributed to ("according to the BBC")."""
    for t in tok.sent:
        if t.lower_ == "according":
            for to in t.children:
                for g in to.children:
                    if g.dep_ == "pobj":
                        found = res.resolve(g)
                        if found:
                            return found[0].ref()
    t = tok
    for _ in range(6):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in modality.SAY_VERBS:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                found = res.resolve(subj)
                if found and found[0].type == "ORG":
                    return found[0].ref()
            break
        if t.head is t:
            break
        t = t.head
    return None


# -- merging -------------------------------------------------------------------------
def _compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None:
        return True
    va, vb = a["value"], b["value"]
    return va.startswith(vb) or vb.startswith(va)


def _ids(refs: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(r["entity_id"] for r in refs)


def _merge(raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One event per happening: same type and actors, recipients equal or one mention
    naming none of them ("Putin invaded" / "Putin's invasion of Ukraine"), compatible
    dates. The fuller mention absorbs the other."""
    # fuller mentions first, so a bare mention folds into the one that names a recipient
    order = sorted(range(len(raw)), key=lambda i: (-len(raw[i]["recipients"]), i))
    out: list[dict[str, Any]] = []
    index: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for i in order:
        ev = raw[i]
        key = (ev["type"], _ids(ev["actors"]))
        rec = _ids(ev["recipients"])
        target = next(
            (o for o in index.get(key, []) if (not rec or _ids(o["recipients"]) == rec) and _compatible(o["date"], ev["date"])),
            None,
        )
        if target is None:
            index.setdefault(key, []).append(ev)
            out.append(ev)
            continue
        if ev["mentions"][0] not in target["mentions"]:
            target["mentions"].append(ev["mentions"][0])
        if _MODALITY_RANK[ev["modality"]] < _MODALITY_RANK[target["modality"]]:
            target["modality"], target["negated"] = ev["modality"], ev["negated"]
        for k in ("date", "location", "mode", "reported_by"):
            if target[k] is None and ev[k] is not None:
                target[k] = ev[k]
        if target["date"] and ev["date"] and len(ev["date"]["value"]) > len(target["date"]["value"]):
            target["date"] = ev["date"]
        target["confidence"] = round(min(1.0, max(target["confidence"], ev["confidence"]) + 0.05), 3)
    for ev in out:
        ev["mentions"].sort(key=lambda m: m["start"])
    out.sort(key=lambda e: (e["mentions"][0]["start"], e["trigger"]["start"]))
    for n, ev in enumerate(out, 1):
        ev["id"] = f"v{n}"
        ev["mentions"].sort(key=lambda m: m["start"])
    return [{"id": ev.pop("id"), **ev} for ev in out]


__all__ = ["VERSION", "extract_events", "norm"]
