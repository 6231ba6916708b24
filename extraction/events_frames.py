"""Where a trigger's arguments sit in the dependency tree (subjects, objects, frames).

``verb_arguments`` and ``noun_arguments`` return ``(actors, recipients, place tokens,
direct)``; ``direct`` is False when the actor was inherited from a governing verb or a
pronoun, which lowers the event's confidence. Entities come from ``ArgumentResolver``.
"""

from __future__ import annotations

from typing import Any

from extraction.events_args import AGENT_NOUNS, GOODS_NOUNS, ArgumentResolver, pobjects, seat_of
from extraction.events_lexicon import (
    CALL_NOUNS,
    Entry,
    Lexicon,
    call_caller,
    container_of,
    object_tokens,
)
from extraction.events_targets import facility_owners
from extraction.modality import SAY_VERBS, condition_clause
from extraction.types import Entity

REPORT_VERBS = frozenset(
    {
        "say",
        "report",
        "announce",
        "confirm",
        "state",
        "tell",
        "write",
        "add",
        "insist",
        "declare",
        "claim",
        "argue",
        "post",
        "note",
        "tweet",
    }
)
# Acts done by saying something (PLOVER's verbal types): a speaker can do them.
SPOKEN_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
# Verbs whose direct object is a topic, never a party: "discussed North Korea".
TOPIC_VERBS = frozenset({"discuss", "debate", "negotiate", "review", "examine", "explore"})
# Prepositions whose object receives the act ("sanctions against X", "talks with X").
RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "for", "towards", "toward", "at", "into", "of", "upon"}
)
# Where a protest is held in front of its target ("outside the embassy", "against X").
# Acts done together with a party ("a joint exercise with X", "talks with Y").
JOINT_ACT_TYPES = frozenset({"COOPERATE", "CONSULT", "AGREE"})
PROTEST_PREPS = frozenset(
    {"outside", "near", "at", "against", "before", "to", "towards", "toward", "on"}
)
# Types whose act lands in a place, so "in X" names the target ("military actions in Ukraine").
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
LOCATION_PREPS = frozenset({"in", "at"})
VISIT_PREPS = frozenset({"to"})
# Verbs whose object becomes the subject of their infinitive ("sent Rubio ... for talks",
# "persuaded Trump to accept", "urged Kyiv to hold").
OBJECT_CONTROL = frozenset(
    {
        "send",
        "persuade",
        "ask",
        "urge",
        "force",
        "tell",
        "invite",
        "allow",
        "press",
        "pressure",
        "order",
        "dispatch",
        "convince",
        "encourage",
        "push",
    }
)
# Embedding under these makes the event an observer's fear or belief, not a reported act.
# "get reassurances from Trump", "secure concessions": the act comes from the "from"
# party and lands on the subject.
RECEIVE_VERBS = frozenset(
    {
        "get",
        "receive",
        "secure",
        "obtain",
        "win",
        "extract",
        "achieve",
        "gain",
        "enjoy",
        "earn",
        "wring",
        "accept",
    }
)
# Nominal types whose noun compound names the agent ("US sanctions", "Russian invasion");
# for the others it names the topic ("Ukraine talks", "NATO membership demands").
COMPOUND_AGENT_TYPES = frozenset(
    {
        "SANCTION",
        "ASSAULT",
        "AID",
        "MOBILIZE",
        "COERCE",
        "THREATEN",
        "PROTEST",
        "RETREAT",
        "COOPERATE",
    }
)
# Nominal types where "from X" names the source ("support from the US", "criticism from").
FROM_AGENT_TYPES = frozenset({"SUPPORT", "ACCUSE", "AID", "REQUEST", "THREATEN", "AGREE"})
# Verb types where "from X" names who is left ("recalled its envoy from Caracas").
FROM_TARGET_TYPES = frozenset({"SANCTION", "RETREAT"})
# Verbs for which a noun subject is the happening itself ("talks took place among ...").
OCCUR_VERBS = frozenset(
    {
        "take",
        "happen",
        "occur",
        "begin",
        "start",
        "continue",
        "resume",
        "conclude",
        "end",
        "open",
        "proceed",
        "unfold",
    }
)
# Nouns that sum up the clause before them: "..., a measure Washington had demanded".
SUMMARY_NOUNS = frozenset({"measure", "move", "step", "decision", "concession", "change"})
# Verbs that put a party under a measure: "placed two firms under sanctions".
PLACING_VERBS = frozenset({"place", "put", "bring"})
# Material-conflict nouns a clause can be "in" ("crossed the border in an offensive").
CAMPAIGN_NOUN_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
# Nouns of being held, whose "in" phrase says its subject is held ("remained in detention").
HOLDING_NOUNS = frozenset({"detention", "custody", "captivity", "prison", "jail"})
SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})


def subject_of(tok: Any) -> tuple[Any | None, bool]:
    """The phrase that does what ``tok`` (a verb or adjective) says, and whether it is a
    direct dependent (True) or inherited from a governing verb (False)."""
    t = tok
    direct = True
    for _ in range(4):
        deps = (
            SUBJ_DEPS if t is tok else SUBJ_DEPS | {"nsubjpass"}
        )  # "Starmer is expected to assure"
        subjects = [c for c in t.children if c.dep_ in deps]
        # a relative clause parsed with two subjects ("tariffs that Trump has avoided"):
        # the named one is the real subject
        named = [c for c in subjects if c.lower_ not in ("who", "which", "that")]
        if len(named) > 1:
            # "KHARTOUM (AP) - Sudan's army shelled ...": a dateline parsed as a second
            # subject; the subject nearest before the verb is the real one. But "A and
            # his Turkish counterpart B agreed": B is the name of A's conjunct
            before = [c for c in named if c.i < t.i]
            named_conj = [
                a
                for a in before
                if any(
                    c.dep_ == "conj" and b.left_edge.i == c.i + 1
                    for c in a.children
                    for b in before
                    if b is not a
                )
            ]
            named = named_conj[:1] or ([before[-1]] if before else named)
        subj = (named or subjects or [None])[0]
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
        elif (
            t.dep_ == "acl"
            and t.tag_ == "VBN"
            and t is tok
            and t.head.dep_ != "ROOT"
            and not any(c.dep_ in ("dobj", "dative", "oprd") for c in t.children)
        ):
            # "two Colombian boatmen detained near the island", "the members detained in
            # Slubice": a past participle on a noun says what was done to it (one with an
            # object of its own, or on a noun left as the root, is a main verb misread:
            # "Alckmin called Lutnick")
            return None, False
        elif t.dep_ in ("acl", "relcl"):
            return t.head, False
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head  # "focusing on re-establishing ties", "surprised allies by canceling"
        elif t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX", "ADJ") or t.dep_ == "acomp":
            t = t.head
        else:
            return None, False
    return None, False


def _reporter_of_conjunct(tok: Any) -> Any | None:
    """The subject of the reporting verb whose reported clause ``tok`` is conjoined to, when
    that clause's own predicate is no report itself ("said X was funded and urged Y")."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "acomp":  # "the plan was only 38 percent funded and urged"
        first = first.head
    if first.dep_ != "ccomp" or first.lemma_.lower() in REPORT_VERBS:
        return None
    if first.head.lemma_.lower() not in REPORT_VERBS or first.head.i > first.i:
        return None  # "A spoke with B and agreed to ..., the ministry said": A agreed
    # "X rejected the call, saying Y was ... and accused Z": the participle's subject is X's
    return subject_of(first.head)[0]


def verb_arguments(
    tok: Any, entry: Entry, res: ArgumentResolver
) -> tuple[list[Entity], list[Entity], list[Any], bool]:
    """(actors, recipients, place tokens, actor found directly) for a verb/adjective trigger."""
    actors: list[Entity] = []
    recipients: list[Entity] = []
    places: list[Any] = []
    against: list[Entity] = []
    reported_by_sayer = False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    subj, direct = subject_of(tok) if not passive else (None, True)
    if passive and entry.type == "MOBILIZE" and not any(c.dep_ == "agent" for c in tok.children):
        # "the Kenya Defence Forces had been deployed": the force deployed is the actor
        moved = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if moved is not None:
            actors = [e for e in res.resolve(moved) if e.type == "ORG"]
    if subj is not None:
        # "migrants, led by activists from X, rallied": the organisers march
        led = (
            (organisers(subj, res) or callers(tok, res) or _organisers_of_rally_in(tok, res))
            if entry.type == "PROTEST"
            else []
        )
        actors = led or res.resolve(subj)
        if not actors and subj.dep_ == "dobj" and subj.head.lemma_.lower() in OBJECT_CONTROL:
            # "the air force said it sent F-16 jets to strike ...": unnamed jets or troops
            # act for whoever sent them
            sender, _ = subject_of(subj.head)
            if sender is not None:
                actors = res.resolve(sender)
    if entry.type in SPOKEN_TYPES and tok.dep_ == "conj" and (subj is None or not direct):
        # "the ministry said the aircraft had entered its airspace and accused Bamako",
        # "UNHCR said the plan was 38 percent funded and urged donors": the parser hangs
        # the second verb on the reported clause; a spoken act that inherits its subject
        # from that clause is the speaker's
        speaker = _reporter_of_conjunct(tok)
        if speaker is not None:
            found = res.resolve(speaker)
            if found or not actors:
                actors, direct = found, False
    if (
        not actors
        and passive
        and entry.type == "COERCE"
        and not any(c.dep_ == "agent" for c in tok.children)
        and tok.dep_ == "ccomp"
        and tok.head.lemma_.lower() in REPORT_VERBS
    ):
        # "the National Police reported that 68 gang members were arrested": the body
        # that reports arrests made them
        sayer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if sayer is not None:
            actors = [e for e in res.resolve(sayer) if e.type in ("ORG", "GPE")]
            direct = False
            reported_by_sayer = True
    if (
        not actors
        and passive
        and entry.type == "COERCE"
        and entry.mode in ARREST_MODES
        and not any(c.dep_ == "agent" for c in tok.children)
        and (police := res.police_force()) is not None
    ):
        # "Journalist Blessed Mhlanga was arrested with them": an arrest nobody is said
        # to make is made by the one police force the article names
        actors, direct = [police], False
    qualifiers = _split_title_qualifiers(tok, res)
    for c in tok.children:
        dep = c.dep_
        if c.i in qualifiers:
            continue
        if dep == "prep" and entry.type == "PROTEST" and c.lower_ in PROTEST_PREPS:
            against = _protest_prep(c, res, recipients, places) or against
            continue
        if dep == "oprd" and c.pos_ == "PROPN":
            dep = "dobj"  # "called Scholz on Tuesday" misparsed as a predicate
        if _inverted_object(c):
            # "rejected as 'null and void' a Greek plan": the object put after its label
            recipients.extend(resolve_deep(pobjects(c)[0], res, False))
            continue
        if dep == "dobj" and tok.lemma_.lower() in TOPIC_VERBS:
            continue  # "to discuss North Korea": what is talked about, not who
        if dep == "dobj" and c.lower_ in ("it", "them") and (found := _written_to(tok, res)):
            # "wrote to the Security Council asking it to press Asmara": the body
            # written to is the one asked
            recipients.extend(found)
            continue
        if dep in ("dobj", "dative", "nsubjpass") or (
            dep == "prep"
            and (
                c.lower_ in RECIPIENT_PREPS | LOCATION_PREPS
                or (c.lower_ == "from" and entry.type in FROM_TARGET_TYPES)
            )
        ):
            targets = (
                pobjects(c)
                if dep == "prep" or c.pos_ == "ADP"  # "sent warships to(dative) waters near Y"
                else [c]
            )
            for g in targets:
                place = res.location(g)
                is_loc_prep = (
                    dep == "prep"
                    and c.lower_ in LOCATION_PREPS
                    # "rallied in Lahore": a protest's "in" is where, never whom
                    and (c.lower_ not in entry.prep or entry.type == "PROTEST")
                )
                if place is not None and (
                    is_loc_prep and entry.type not in PLACE_TARGET_TYPES or entry.mode == "visit"
                ):
                    places.append(g)
                    continue
                if is_loc_prep and entry.type not in PLACE_TARGET_TYPES:
                    continue
                if (
                    is_loc_prep
                    and g.pos_ == "NOUN"
                    and any(o.dep_ == "poss" and o.pos_ == "PRON" for o in g.children)
                ):
                    # "arrested X at his home in Lukenya": where, and nobody else
                    places.extend(
                        o
                        for p in g.children
                        if p.dep_ == "prep" and p.lower_ in LOCATION_PREPS
                        for o in p.children
                        if o.dep_ == "pobj" and res.location(o) is not None
                    )
                    continue
                recipients.extend(resolve_deep(g, res, entry.type in PLACE_TARGET_TYPES))
        elif dep == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    actors.extend(res.resolve(g))
                    direct = True
        elif (
            dep == "ccomp"
            and entry.type in ("REQUEST", "ACCUSE", "AGREE", "THREATEN")
            and not recipients
        ):
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and entry.type == "REQUEST":
                recipients.extend(res.resolve(s))
            elif s is not None and entry.type == "THREATEN" and s.dep_ == "nsubjpass":
                # "warned that any Japanese attempt to take the islands would be met with
                # a retaliatory strike": the party whose act would be answered
                recipients.extend(res.resolve(s))
        elif dep in ("ccomp", "xcomp") and c.lemma_.lower() in entry.xcomp and not recipients:
            # "found Hasina guilty": the one the verdict is about
            s = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                recipients.extend(res.resolve(s))
    if against:
        recipients = against
    if entry.type == "PROTEST" and not recipients:
        recipients = chanted_against(tok, res)
    if entry.type == "COERCE" and not recipients:
        # "banned a solidarity march that the FLNKS had called": the ban falls on
        # whoever calls the crowd out
        recipients = [
            e
            for o in object_tokens(tok)
            if o.lemma_.lower() in RALLY_NOUNS
            for e in protest_callers(o, res)
        ]
    if reported_by_sayer and any(
        a.country_code and a.country_code == e.country_code for a in actors for e in recipients
    ):
        # "the fishermen were seized ..., Kenya's foreign ministry said" of Kenyans: the
        # state that reports its own people seized is the victim's, not the captor
        actors = []
    # "recalled its ambassador": the actor's own envoy is no recipient
    actor_ids = {e.id for e in actors}
    recipients = [e for e in recipients if e.id not in actor_ids]
    if not recipients and (entry.object or any(c.dep_ == "dobj" for c in tok.children)):
        # "halt military support for Ukraine", "pledged aid to Sudan"; not the label put on
        # an object ("called the blockade 'a gift to the Kremlin'": the Kremlin is no target)
        labelled = any(c.dep_ == "dobj" for c in tok.children)
        objs = [o for o in object_tokens(tok) if not (labelled and o.dep_ == "oprd")]
        recipients.extend(nested_recipients(objs, res))
    if not recipients and entry.type in FROM_TARGET_TYPES:
        for o in object_tokens(tok):  # "recalled its ambassador from Venezuela"
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    recipients.extend(e for g in pobjects(c) for e in res.resolve(g))
    if tok.dep_ == "relcl" and not recipients and subj is not None and subj.i != tok.head.i:
        summary = tok.head
        if summary.lemma_.lower() in SUMMARY_NOUNS and summary.dep_ in ("npadvmod", "appos"):
            # "Mexico agreed to raise the content rule, a measure Washington had demanded":
            # the act summed up is the clause's, so its subject is whom it concerns
            doer, _ = (
                subject_of(summary.head) if summary.head.pos_ in ("VERB", "AUX") else (None, False)
            )
            if doer is not None:
                recipients.extend(res.resolve(doer))
        else:
            recipients.extend(res.resolve(tok.head))  # "the country Mr. Putin invaded"
    if not recipients:
        # "praised what he called Ecuador's fight", "condemned what it called American
        # aggression": the object is the thing so named
        recipients.extend(
            e for o in named_objects(tok) for e in res.resolve(o) if e.id not in actor_ids
        )
    if passive and not actors:
        direct = False
    if entry.type == "ASSAULT":
        # "struck what Islamabad described as hideouts of the TTP in Paktika": the
        # sites' holder is the target, not the land they stand on
        owners = [e for e in facility_owners(tok, res) if e.id not in actor_ids]
        if owners:
            recipients = owners
    if entry.host:
        actors, recipients = recipients, actors
    return actors, recipients, places, direct


def _split_title_qualifiers(tok: Any, res: ArgumentResolver) -> set[int]:
    """ "detained Chadema vice-chairman John Heche", parsed as three objects: the words
    before the person's name with nothing between them are the title, and the party
    that qualifies it is no second target."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) < 2:
        return set()
    last = objs[-1]
    person = res.entities.for_span(last)
    if person is None or person.type != "PERSON":
        return set()
    first = objs[0].left_edge.i
    if any(t.dep_ in ("cc", "punct") and t.text != "-" for t in tok.doc[first : last.i]):
        return set()  # "arrested X, Y and Z": a list, not a title
    return {o.i for o in objs[:-1]}


def _inverted_object(prep: Any) -> bool:
    """ "as <label> <object>": a label ("null and void", "baseless") before the object it
    is put on, which the parser reads as the object of "as"."""
    if prep.dep_ != "prep" or prep.lower_ != "as":
        return False
    objs = pobjects(prep)
    if len(objs) != 1 or objs[0].pos_ != "NOUN":
        return False
    det = next((d for d in objs[0].children if d.dep_ == "det" and d.i > prep.i), None)
    # a label stands between "as" and the object's determiner ("as a threat" has none)
    between = prep.doc[prep.i + 1 : det.i] if det is not None else []
    return any(t.pos_ == "ADJ" for t in between)


def _written_to(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The addressee of the letter or appeal a participle hangs on: "wrote to X asking",
    "appealed to X, urging" -> X."""
    if tok.dep_ not in ("advcl", "xcomp", "conj") or tok.head.i == tok.i:
        return []
    return [
        e
        for p in tok.head.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pobj"
        for e in res.resolve(g)
        if e.type in ("ORG", "GPE", "PERSON")
    ]


def resolve_deep(g: Any, res: ArgumentResolver, places: bool) -> list[Entity]:
    """Entities of an argument phrase, or of its "of" complement when the head is an
    amount or a plain noun ("tariffs on $30 billion of American goods"); for acts that
    land in a place, of its "in" complement too ("struck nine sites in Pakistan")."""
    found = res.resolve(g)
    if found or g.pos_ not in ("NOUN", "NUM", "SYM"):
        return found
    for c in g.children:  # "welcomed the agreement between Turkey and Cyprus": both
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            found.extend(e for o in c.children if o.dep_ == "pobj" for e in all_parties(o, res))
    if found:
        return found
    # "retaliated with artillery fire on border villages": the object's own target
    preps = ("of", "in", "at", "near", "inside", "on", "against") if places else ("of",)
    if g.pos_ == "NOUN" and not places:
        return found  # "the leaders of France" is handled by the resolver itself
    for c in g.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            found.extend(e for o in c.children if o.dep_ == "pobj" for e in res.resolve(o))
    return found


def all_parties(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Every party named under "between"/"among" ("between A and B", even misparsed)."""
    out: list[Entity] = list(res.resolve(tok))
    for t in tok.subtree:
        if (
            t.i == tok.i
            or t.dep_ not in ("conj", "nmod", "appos")
            or res.entities.for_span(t) is None
        ):
            continue
        if t.head.lower_ in ("in", "at", "on", "near", "of"):
            continue  # "between A and B in Alaska": the venue is no party
        place = res.location(t)
        if place is not None and res.is_subnational_place(place) and not seat_of(place.name):
            continue  # a town is no party; a capital stands for its government
        out.extend(res.resolve(t))
    return out


def places_under(tok: Any, res: ArgumentResolver) -> list[Any]:
    """Places attached by in/at to the trigger's arguments, one or two levels down."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "pobj", "prep", "nsubj"):
            for t in c.subtree:
                if (
                    t.dep_ == "pobj"
                    and t.head.lower_ in LOCATION_PREPS
                    and t.head.head.pos_ in ("PROPN", "NOUN")
                    and res.location(t) is not None
                ):
                    out.append(t)
    return out[:1]


# A party's standing, named by "of": "the independence of X", "the sovereignty of X".
STATUS_NOUNS = frozenset(
    {"independence", "sovereignty", "integrity", "statehood", "unity", "legitimacy",
     "candidacy", "membership", "bid", "right", "rights", "claim", "self-determination"}
)  # fmt: skip


def nested_recipients(objs: list[Any], res: ArgumentResolver, depth: int = 0) -> list[Entity]:
    """Recipients named inside the object: "hints at tariffs on Chinese imports",
    "halt military support for Ukraine"."""
    out: list[Entity] = []
    if depth == 0:  # "pledged 2 billion euros in aid to Ukraine"
        objs = objs + [
            g
            for o in objs
            for p in o.children
            if p.dep_ == "prep" and p.lower_ in ("in", "of", "worth")
            for g in p.children
            if g.dep_ == "pobj"
        ]
    for o in objs:
        lemma = o.lemma_.lower()
        if lemma in STATUS_NOUNS or lemma in ("return", "handover"):
            # "recognised the independence of Abkhazia", "backed the territorial
            # integrity of Ukraine": whose status it is; "demanded the return of the
            # Russian-held islands": whoever holds them
            of = [
                e
                for c in o.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
                for e in res.resolve(g)
            ]
            out.extend(of if lemma in STATUS_NOUNS else (e for e in of if e.type in ("GPE", "ORG")))
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in (
                "to",
                "for",
                "on",
                "against",
                "with",
                "towards",
                "toward",
            ):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(res.resolve(g))
    return out


CONTENT_PREPS = frozenset(
    {"to", "on", "against", "with", "between", "among", "toward", "towards", "at", "into", "for"}
)


def content_recipients(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Targets named inside a verbal act's content clause: "warned that Washington
    could extend tariffs to Canadian beef" (Canada), "offered to mediate between Armenia
    and Azerbaijan" (both), "threatened to strike Israel" (Israel)."""
    out: list[Entity] = []
    for v in content_clauses(tok, promised=True)[:4]:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        for g in v.children:
            if g.dep_ == "dobj":
                # "expel French diplomats", "boycott Danish products": a demonym on
                # representatives or goods names the target even when its country is
                # not named; on other nouns ("Syrian refugees") it names no party
                owned = g.lemma_.lower() in AGENT_NOUNS or g.lemma_.lower() in GOODS_NOUNS
                out.extend(e for e in res.resolve(g) if e.type != "NORP" or owned)
                out.extend(nested_recipients([g], res))
            elif g.dep_ == "prep" and g.lower_ in CONTENT_PREPS:
                for o in g.children:
                    if o.dep_ != "pobj" or o.ent_type_ in ("DATE", "TIME"):
                        continue
                    if g.lower_ in ("between", "among"):
                        out.extend(all_parties(o, res))
                    else:
                        found = res.resolve(o)
                        # "retaliate with tariffs on American steel": one level down;
                        # "respond to any further boarding by Finland": the act's doer
                        out.extend(found or nested_recipients([o], res) or _doers(o, res))
    if not out:
        # "warned of countermeasures if Manila continued the patrols": the party whose
        # act the threat is conditional on is its target
        for g in condition_subjects(tok):
            if g.dep_ == "nsubjpass":
                continue  # "unless Jovanovic is released": a captive, not the target
            out.extend(e for e in res.resolve(g) if e.type != "NORP")
    return out


def _doers(act: Any, res: ArgumentResolver) -> list[Entity]:
    """The "by" agent of an act noun: "any further boarding by Finland" -> Finland."""
    return [
        e
        for c in act.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
        for e in res.resolve(g)
        if e.type != "NORP"
    ]


def content_clauses(tok: Any, promised: bool = False) -> list[Any]:
    """The clauses that say what a verbal act is about ("warned [that X could ...]",
    "threatened [to strike]"), with the verbs coordinated or chained under them.
    ``promised``: a promise's infinitive parsed as an adverbial is content too ("offered
    on Wednesday [to mediate]"); for other verbs an adverbial infinitive is a purpose."""
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "acl")]
    if promised and tok.lemma_.lower() in COMMISSIVES:
        clauses += [
            c
            for c in tok.children
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    for c in list(clauses):
        clauses.extend(x for x in c.children if x.dep_ in ("xcomp", "conj") and x.pos_ == "VERB")
    return clauses


def condition_subjects(tok: Any) -> list[Any]:
    """Subjects of the "if"/"unless" clauses of a verbal act and of its content
    ("warned ... if Manila continued", "threatened ... unless the ban is lifted")."""
    clauses = content_clauses(tok)
    return [
        g
        for c in (*tok.children, *(x for v in clauses[:4] for x in v.children))
        if condition_clause(c)
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass")
    ]


# Verbs whose "by" agent runs an event: "talks led by X", "the rally, organised by Y".
ORGANISE_VERBS = frozenset(
    {"lead", "organise", "organize", "stage", "call", "convene", "host", "chair", "hold",
     "conduct", "carry", "mount", "launch", "claim", "spearhead", "head"}
)  # fmt: skip


def _protest_prep(
    prep: Any, res: ArgumentResolver, recipients: list[Entity], places: list[Any]
) -> list[Entity]:
    """Read a protest's place or target phrase ("outside the Indian embassy", "towards
    the High Commission", "against X") into ``recipients`` and ``places``; return the
    parties an "against" phrase names (whom the protest is against, wherever the crowd
    stood: "against what they called Kuwaiti encroachment")."""
    against = []
    if prep.lower_ == "against":
        against = [e for y in _named_in(prep) for e in res.resolve(y)]
    for g in prep.children:
        if g.dep_ == "pobj" and res.location(g) is None:
            # "marched towards the Indian High Commission": the mission's state
            state = res.mission_state(g)
            found = [state] if state is not None else res.resolve(g)
            # "rallied at the port of Nunukan": a town is where, not whom
            towns = [e for e in found if res.is_subnational_place(e)]
            if towns:
                places.append(g)
            recipients.extend(e for e in found if e not in towns)
        elif g.dep_ == "pobj":
            places.append(g)
            state = res.mission_state(g)  # "outside the Chinese Embassy": China
            if state is not None:
                recipients.append(state)
    return against


def organisers(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Who runs the event or crowd ``tok`` names: the "by" agent of a participle on it
    ("the rally, organised by the opposition", "migrants, led by activists from X") or
    of the passive verb it is the subject of ("the talks were led by A and B")."""
    verbs = [c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ORGANISE_VERBS]
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ORGANISE_VERBS:
        verbs.append(tok.head)
    for v in verbs:
        for c in v.children:
            if c.dep_ == "agent":
                found = [e for g in c.children if g.dep_ == "pobj" for e in res.resolve(g)]
                if found:
                    return found
    return []


# "answered a call by X and rallied": the crowd follows X's call.
_HEED_VERBS = frozenset({"answer", "heed", "follow", "respond", "obey", "join"})


COMMISSIVES = frozenset({"offer", "propose", "promise", "pledge", "volunteer", "vow"})
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand"})


def _what_called(head: Any, deps: tuple[str, ...]) -> list[Any]:
    """The predicates Y of the "what X called Y" clauses hanging on ``head`` by one of
    ``deps``."""
    out = []
    for c in head.children:
        if not (
            c.dep_ in deps
            and c.lemma_.lower() in NAMING_VERBS
            and any(w.lower_ == "what" for w in c.children)
        ):
            continue
        preds = [y for y in c.children if y.dep_ in ("oprd", "attr", "dobj") and y.lower_ != "what"]
        # "what they called a peaceful invasion by Haitians": the act's agent, which the
        # parser may hang on the predicate or on the naming verb itself
        agents = [
            g
            for x in (*preds, c)
            for p in x.children
            if p.dep_ == "prep" and p.lower_ == "by"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        out += agents or preds
    return out


def _named_in(prep: Any) -> list[Any]:
    """The predicate of a "what X called Y" complement of a preposition ("against what
    they called Kuwaiti encroachment" -> "encroachment")."""
    return _what_called(prep, ("pcomp",))


def named_objects(tok: Any) -> list[Any]:
    """The predicate of a "what X called Y" object of ``tok`` ("praised what he called
    Ecuador's fight" -> "fight")."""
    return _what_called(tok, ("ccomp", "dobj", "xcomp"))


def callers(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """Who called the crowd out: "hundreds answered a call by the Yerewolo movement and
    rallied" -> Yerewolo; "rallied at the call of the Isamaa party", "at X's call"."""
    caller = call_caller(tok)
    if caller is not None:
        if caller.dep_ == "poss":
            return res.resolve(caller)
        return [e for g in caller.children if g.dep_ == "pobj" for e in res.resolve(g)]
    heads = [tok.head] if tok.dep_ == "conj" else []
    heads += [c for c in tok.children if c.dep_ == "conj"]
    for v in (tok, *heads):
        if v.lemma_.lower() not in _HEED_VERBS:
            continue
        for o in v.children:
            if o.dep_ not in ("dobj", "prep"):
                continue
            calls = [o] if o.dep_ == "dobj" else [g for g in o.children if g.dep_ == "pobj"]
            for call in calls:
                if call.lemma_.lower() not in CALL_NOUNS:
                    continue
                for p in call.children:
                    if p.dep_ == "prep" and p.lower_ in ("by", "from", "of"):
                        found = [e for g in p.children if g.dep_ == "pobj" for e in res.resolve(g)]
                        if found:
                            return found
    return []


def _aimed(prep: Any, entry: Entry) -> bool:
    """A light verb's preposition that names whom its noun's act is aimed at ("held talks
    with X", "imposed sanctions on X"; "launched drills around Taiwan": the party a show
    of force faces)."""
    return prep.lower_ in RECIPIENT_PREPS or (
        entry.type == "MOBILIZE" and prep.lower_ in ("around", "off", "near")
    )


def _aimed_at(prep: Any, res: ArgumentResolver) -> list[Entity]:
    """The parties of an aimed preposition; a place is a target of "strikes on Gaza", not
    of "talks at Camp David"."""
    return [
        e
        for g in prep.children
        if g.dep_ == "pobj" and (prep.lower_ != "at" or res.location(g) is None)
        for e in resolve_deep(g, res, False)
    ]


def noun_arguments(
    tok: Any, entry: Entry, lex: Lexicon, res: ArgumentResolver
) -> tuple[list[Entity], list[Entity], list[Any], bool, Any]:
    """(actors, recipients, place tokens, actor found directly, anchor) for a noun trigger;
    ``anchor`` is the token whose clause gives modality (the noun, or the light verb of
    "tariffs that Trump avoided imposing"):
    "Russia's invasion of Ukraine", "US sanctions on Iran", "talks between A and B",
    "Starmer ... held talks with Trump", "sent Rubio to Riyadh for talks with Lavrov"."""
    anchor = tok
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
                    continue  # "Ukraine talks", "the Alaska summit": topic, not agent
                actors.extend(res.resolve(c))
        elif dep == "prep":
            p = c.lower_
            pobjs = [g for g in c.children if g.dep_ == "pobj"]
            # "insistence on influencing NATO's structure": the gerund's object
            pobjs += [
                o for g in c.children if g.dep_ == "pcomp" for o in g.children if o.dep_ == "dobj"
            ]
            for g in pobjs:
                if p == "between" or p == "among":
                    actors.extend(all_parties(g, res))
                elif p == "by" or (p == "from" and entry.type in FROM_AGENT_TYPES):
                    actors.extend(res.resolve(g))
                elif (
                    p in LOCATION_PREPS
                    and p not in entry.prep
                    and entry.type not in PLACE_TARGET_TYPES
                ):
                    if res.location(g) is not None:
                        places.append(g)
                elif (
                    p in RECIPIENT_PREPS
                    or (p in LOCATION_PREPS and entry.type in PLACE_TARGET_TYPES)
                    or p in ("near", "towards")
                    or (p in ("around", "off", "along") and entry.type == "MOBILIZE")
                ):
                    if entry.mode == "visit" and res.location(g) is not None and p in ("to", "of"):
                        places.append(g)
                        continue
                    found = res.resolve(g)
                    if not found:  # "tariffs on trade with the UK": one level down
                        for gc in g.children:
                            if gc.dep_ == "prep" and gc.lower_ in (
                                "with",
                                "to",
                                "of",
                                "from",
                                "on",
                                "against",
                            ):
                                for ggc in gc.children:
                                    if ggc.dep_ == "pobj":
                                        found.extend(res.resolve(ggc))
                    if not found and entry.object:
                        found = nested_recipients([g], res)
                    recipients.extend(found)
    if not recipients and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        # "Ivanishvili has been under US sanctions since 2024": who is under them;
        # "Norway placed two firms under sanctions": who placed whom
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX"):
            subj, _ = subject_of(verb)
            placed = [c for c in verb.children if c.dep_ == "dobj"]
            if placed and verb.lemma_.lower() in PLACING_VERBS:
                recipients = [e for o in placed for e in all_parties(o, res)]
                if not actors and subj is not None:
                    actors = res.resolve(subj)
            elif subj is not None:
                recipients = [e for e in res.resolve(subj) if e not in actors]
    if entry.type == "ASSAULT":
        owners = [e for e in facility_owners(tok, res) if e not in actors]
        if owners:  # "air strikes on TTP hideouts": the hideouts' holder
            recipients = owners
    if (
        actors
        and not recipients
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in lex.light_verbs(entry.type)
    ):
        # "Qatar expressed its solidarity with Turkey": the owner is the actor, and the
        # party it is aimed at hangs on the light verb
        for gc in tok.head.children:
            if gc.dep_ == "prep" and _aimed(gc, entry) and not recipients:
                recipients.extend(_aimed_at(gc, res))
    if not actors:
        actors = organisers(tok, res)  # "talks led by X", "a rally organised by Y"
    if not actors:
        direct = False
        pos = tok  # the token whose place in the clause the noun's event takes
        box = container_of(tok)
        if box is not None:
            pos = box  # "announced a package of military aid to Ukraine"
            if not recipients:
                recipients = nested_recipients([pos], res)
            if not recipients and pos.dep_ == "dobj":  # "sent $5 million in aid to Chad"
                recipients = [
                    e
                    for c in pos.head.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "for")
                    for g in c.children
                    if g.dep_ == "pobj"
                    for e in res.resolve(g)
                ]
        if pos.dep_ == "appos" and pos.head.dep_ in ("dobj", "dative") and pos.head.i < pos.i:
            # "handed Guatemala's ambassador a protest note": the second object of a
            # giving verb, read as an apposition of the first, which is whom it is given
            pos = pos.head
            if not recipients and pos.pos_ != "PRON":
                recipients = res.resolve(pos)
        gov = pos.head
        if pos.dep_ == "dobj" and gov.lemma_.lower() in RECEIVE_VERBS:
            subj, _ = subject_of(gov)
            for gc in (*gov.children, *tok.children):
                if gc.dep_ == "prep" and gc.lower_ == "from":
                    actors = [e for g in gc.children if g.dep_ == "pobj" for e in res.resolve(g)]
            if actors and subj is not None:
                recipients = res.resolve(subj)
            return actors, recipients, places, False, anchor
        if pos.dep_ in ("dobj", "nsubjpass", "attr", "conj") and gov.pos_ in ("VERB", "AUX"):
            light = gov.lemma_.lower() in lex.light_verbs(entry.type)
            if light:
                subj, _ = subject_of(gov)
                if subj is not None:
                    actors = res.resolve(subj)
                    direct = True
                if not recipients:
                    # "handed Guatemala's ambassador a protest note": the first of two
                    # objects is whom it is given
                    first = [
                        c
                        for c in gov.children
                        if c.dep_ in ("dobj", "dative")
                        and c.i < pos.i
                        and c.i != tok.i
                        and c.pos_ != "PRON"  # "summoned X and handed him a note": X's
                    ]
                    recipients = [e for c in first[:1] for e in res.resolve(c)]
                for gc in gov.children:  # "held talks with X", "imposed sanctions on X"
                    if gc.dep_ == "prep" and _aimed(gc, entry) and not recipients:
                        recipients.extend(_aimed_at(gc, res))
                    elif gc.dep_ == "prep" and gc.lower_ in LOCATION_PREPS:
                        places.extend(
                            g
                            for g in gc.children
                            if g.dep_ == "pobj" and res.location(g) is not None
                        )
        elif (
            pos.dep_ in ("nsubj", "nsubjpass")
            and gov.dep_ == "ccomp"
            and gov.head.lemma_.lower() in SAY_VERBS
            and entry.type in JOINT_ACT_TYPES
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        ):
            # "the US Southern Command said a joint exercise with the GDF would go ahead":
            # an act "with" a party, reported by the other, is the speaker's own
            speaker = next((c for c in gov.head.children if c.dep_ == "nsubj"), None)
            if speaker is not None:
                actors = [e for e in res.resolve(speaker) if e.type in ("ORG", "GPE", "PERSON")]
        elif pos.dep_ == "nsubj" and gov.lemma_.lower() in OCCUR_VERBS:
            for gc in gov.children:  # "discussions are taking place among A, B and C"
                if gc.dep_ == "prep" and gc.lower_ in ("between", "among"):
                    actors = [
                        e for g in gc.children if g.dep_ == "pobj" for e in all_parties(g, res)
                    ]
                elif gc.dep_ == "prep" and gc.lower_ in LOCATION_PREPS:
                    places.extend(
                        g for g in gc.children if g.dep_ == "pobj" and res.location(g) is not None
                    )
        elif pos.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
            verb = gov.head
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if gov.lower_ == "for" and obj is not None and verb.lemma_.lower() in OBJECT_CONTROL:
                actors = res.resolve(obj)  # "sent Rubio to Riyadh for talks"
                for gc in verb.children:
                    if gc.dep_ == "prep" and gc.lower_ == "to":
                        places.extend(
                            g
                            for g in gc.children
                            if g.dep_ == "pobj" and res.location(g) is not None
                        )
            elif verb.lemma_.lower() in lex.types[entry.type].light_verbs and not any(
                c.dep_ == "dobj" for c in verb.children
            ):
                # "engaged in discussions with X"; not "have the cards in negotiations"
                subj, _ = subject_of(verb)  # "engaged in discussions with"
                if subj is not None:
                    actors = res.resolve(subj)
            elif (entry.type in CAMPAIGN_NOUN_TYPES and gov.lower_ in ("in", "during", "as")) or (
                entry.type == "PROTEST"
                and (gov.lower_ == "in" or (gov.lower_ == "on" and verb.lemma_.lower() == "lead"))
            ):
                # "troops crossed into Iraq in an offensive against X", "lorry drivers
                # blocked both lanes in protest at the surcharge"
                subj, _ = subject_of(verb)
                if subj is not None and tok.lemma_.lower() in HOLDING_NOUNS:
                    # "while Machar remained in detention": the one held, not who holds
                    recipients = recipients or res.resolve(subj)
                elif subj is not None:
                    actors = res.resolve(subj)
                    direct = False

        if not actors:
            for c in tok.children:  # "tariffs that Trump has avoided imposing"
                if c.dep_ == "relcl":
                    v = c
                    if v.lemma_.lower() not in lex.light_verbs(entry.type):
                        v = next(
                            (
                                x
                                for x in c.children
                                if x.dep_ == "xcomp"
                                and x.lemma_.lower() in lex.light_verbs(entry.type)
                            ),
                            None,
                        )
                    if v is not None:
                        subj, _ = subject_of(c)
                        if subj is not None and subj.i != tok.i:
                            actors = res.resolve(subj)
                            anchor = v  # "avoided imposing": the light verb carries modality
                            if not recipients:
                                recipients = nested_recipients([v], res)
    if entry.type == "PROTEST" and not recipients and tok.dep_ == "pobj":
        recipients = _crowd_verb_targets(tok, res, places)
    return actors, recipients, places, direct, anchor


def _crowd_verb_targets(tok: Any, res: ArgumentResolver, places: list[Any]) -> list[Entity]:
    """ "marched to the U.S. Embassy ... in a protest called by X": the target of the
    crowd's verb is the target of the protest it is "in" ("marched ... chanting slogans
    against Ethiopia, in a rally organised by X": of the verb the chant hangs on too)."""
    gov = tok.head
    if gov.lower_ != "in" or gov.head.pos_ != "VERB":
        return []
    verbs = [gov.head]
    if gov.head.dep_ in ("advcl", "conj") and gov.head.head.pos_ == "VERB":
        verbs.append(gov.head.head)
    found: list[Entity] = []
    for v in verbs:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in PROTEST_PREPS and c.i != gov.i:
                found = _protest_prep(c, res, found, places) or found
        found = found or chanted_against(v, res)
    return found


def _organisers_of_rally_in(verb: Any, res: ArgumentResolver) -> list[Entity]:
    """ "Thousands marched through Mogadishu chanting slogans, in a rally organised by
    X": the crowd marches for the organisers of the protest it is "in" (on the verb or on
    its participle)."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    return next(
        (
            found
            for h in heads
            for p in h.children
            if p.dep_ == "prep" and p.lower_ == "in"
            for g in p.children
            if g.dep_ == "pobj" and g.lemma_.lower() in RALLY_NOUNS
            if (found := organisers(g, res))
        ),
        [],
    )


# Nouns of a crowd's protest that a march can be "in".
RALLY_NOUNS = frozenset({"rally", "protest", "demonstration", "march", "sit-in", "vigil"})


# Coercion modes that take people into custody.
ARREST_MODES = frozenset({"arrest"})


def protest_callers(noun: Any, res: ArgumentResolver) -> list[Entity]:
    """Who calls a protest out, read from its noun: "the rally, organised by X", "a march
    that X had called", "X's march", "the CCC march"."""
    found = organisers(noun, res)
    for c in noun.children:
        if found:
            break
        if c.dep_ == "relcl" and c.lemma_.lower() in ORGANISE_VERBS | {"plan"}:
            found = [e for g in c.children if g.dep_ == "nsubj" for e in res.resolve(g)]
        elif c.dep_ in ("poss", "compound") and (e := res.entities.for_span(c)) is not None:
            found = [e] if e.type == "ORG" else []
    return found


# What a crowd does with its voice while it marches: "chanting slogans against X".
CHANT_VERBS = frozenset({"chant", "shout", "sing", "scream", "yell"})


def chanted_against(verb: Any, res: ArgumentResolver) -> list[Entity]:
    """The parties a crowd's chant is "against": "marched ... chanting slogans against
    Ethiopia", "rallied, chanting against the government's deal with X" (the verb's own
    chant, or the chant that is the verb)."""
    chants = [verb] if verb.lemma_.lower() in CHANT_VERBS else []
    chants += [
        c for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in CHANT_VERBS
    ]
    return [
        e
        for ch in chants
        for x in (ch, *(o for o in ch.children if o.dep_ == "dobj"))
        for p in x.children
        if p.dep_ == "prep" and p.lower_ == "against"
        for g in p.children
        if g.dep_ == "pobj"
        for e in res.resolve(g)
        if e.type in ("GPE", "ORG", "PERSON")
    ]
