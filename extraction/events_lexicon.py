"""The PLOVER trigger lexicon: loads ``extraction/data/triggers/*.json`` and matches tokens.

Each file holds one PLOVER type: its codebook definition and source, its modes, the
light verbs that carry its nouns ("hold talks", "impose sanctions") and a list of trigger
entries. An entry names a ``lemma`` and ``pos`` (VERB, NOUN, ADJ) and may add conditions:

- ``prep``: the trigger needs a preposition/particle child from the list ("call for",
  "back down", "support for");
- ``cue``: a modifier child (amod/compound/advmod) from the list ("phone call",
  "military actions");
- ``object``: its object (dobj, passive subject or prepositional object) has a lemma from
  the list ("drop demands", "halt military support", "hint at tariffs");
- ``xcomp``: an adjective needs an infinitive from the list ("ready to sign");
- ``xcomp_required``, ``oprd_required`` ("called X a dictator"), ``dobj_required``,
  ``no_oprd``; ``particle``: the verb's particle must be one of these ("called off a
  visit"); ``no_particle``: the verb has no particle ("called Scholz", not "called off",
  "called up"); ``negated_only``: the entry names the act only when it is denied ("have
  not spoken since"); ``host``: the subject hosts, so actor and recipient swap;
- ``complement_required``: a noun needs an infinitive or to/for phrase ("willingness to
  sign", not "levels of readiness"); ``object_not``: objects that make it a comment
  ("offered insights", "offered expectations"); ``governor``: the noun must be the object
  of one of these verbs ("carried out strikes", "launched strikes": not a labour strike);
  ``object_counted``: a counted plural object also passes the ``object`` test ("released
  11 seafarers"); ``in_speech``: the verb is the content of a claim ("X said Y had
  violated its airspace": an accusation by X against Y); ``modal_complement``: a speech
  or belief verb whose clause carries one of these modals is a directive ("X said Y must
  withdraw": a request by X to Y); ``refusal``: the verb is negated under "will" or
  "would" ("we will never accept", "would not return to ECOWAS"), an announced refusal
  whose actor is the speaker reporting it; ``conditional``: the modal clause also holds an
  "if"/"unless" clause whose subject is a named party ("X said Moscow could suspend its
  work if Norway continues ..."), or any such clause when the modal clause says a penalty
  or force and a named speaker says it ("X said the EU would review its budget support if
  ..."): a conditional threat by X; ``purpose``:
  the verb has an infinitive of purpose ("sent three frigates to escort the vessel");
  ``future``: the verb is said of the future, under "will" or "would" ("we will respond
  with everything we have"); ``subject``: its subject's lemma is one of these ("mortar
  shells landed in a village"); ``not_subject``: its subject's lemma is none of these
  ("troops arrived in the capital" is no visit); ``called``: a party called the crowd
  out ("gathered in front of the consulate at the call of IHH"); ``denied``: the word
  names a refusal only when its clause denies it ("sovereignty over Assab is not
  negotiable"), and the refusal itself is stated (not negated).

An entry with conditions wins over a bare one of the same lemma when its conditions hold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extraction.modality import condition_clause

TRIGGER_DIR = Path(__file__).parent / "data" / "triggers"

# Verbs that carry any event noun without adding meaning of their own ("have a call",
# "hold talks", "make a demand"); each type file adds its own light verbs.
GENERIC_LIGHT_VERBS = frozenset(
    {"have", "hold", "make", "take", "give", "continue", "begin", "start", "launch", "resume",
     "announce", "conduct", "carry", "pursue", "reiterate", "repeat", "renew", "include",
     # keeping or widening an act is doing it: "extended a curfew", "stepped up patrols"
     "extend", "expand", "intensify", "escalate", "step", "tighten", "maintain", "widen",
     "prolong", "stage",
     # "issued a warning", "issued a joint statement of support"
     "issue"}
)  # fmt: skip

_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
_PREP_DEPS = frozenset({"prep", "prt", "agent", "dative", "mark"})
_CUE_DEPS = frozenset({"amod", "compound", "advmod", "nmod", "npadvmod", "nummod"})


# Armed bodies whose own act makes a drill or exercise military: "China's military
# launched drills", "the navy held exercises".
MILITARY_BODIES = frozenset(
    {"military", "army", "navy", "force", "troop", "airforce", "marine", "command", "soldier"}
)


def _military_subject(tok: Any) -> bool:
    """The noun is the object of a verb whose subject is an armed body."""
    if tok.dep_ != "dobj":
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in MILITARY_BODIES for c in tok.head.children)


@dataclass(frozen=True)
class Entry:
    type: str
    lemma: str
    pos: str
    mode: str | None = None
    weight: float = 0.8
    prep: frozenset[str] = frozenset()
    cue: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    xcomp_required: bool = False
    oprd_required: bool = False
    dobj_required: bool = False
    no_oprd: bool = False
    particle: frozenset[str] = frozenset()
    no_particle: bool = False
    # "have not spoken since": the verb names the act only when it is denied
    negated_only: bool = False
    host: bool = False
    complement_required: bool = False
    object_not: frozenset[str] = frozenset()
    governor: frozenset[str] = frozenset()
    object_counted: bool = False
    in_speech: bool = False
    # "X said Y should/must ...": the verb carries a directive only with such a clause
    modal_complement: frozenset[str] = frozenset()
    # "we will never accept", "would not return to ECOWAS": said only as a refusal
    refusal: bool = False
    # "X said Y would act if Z ...": the modal clause carries an "if" clause on a party
    conditional: bool = False
    # "sent three frigates to escort the vessel": the act needs a purpose infinitive
    purpose: bool = False
    # "we will respond with everything we have": said of the future only
    future: bool = False
    # "mortar shells landed in a border village": the subject's lemma is one of these
    subject: frozenset[str] = frozenset()
    # "troops arrived in the capital": a subject of these lemmas makes it no such act
    not_subject: frozenset[str] = frozenset()
    # "gathered ... at the call of IHH": a crowd verb is a protest when a party called it
    called: bool = False
    # "sovereignty over Assab is not negotiable": the word is a refusal only when denied
    denied: bool = False

    @property
    def specificity(self) -> int:
        return sum(
            map(
                bool,
                (
                    self.prep,
                    self.cue,
                    self.object,
                    self.xcomp,
                    self.oprd_required,
                    self.dobj_required,
                    self.particle,
                    self.governor,
                    self.modal_complement,
                    self.refusal,
                    self.conditional,
                    self.purpose,
                    self.future,
                    self.subject,
                    self.called,
                    self.denied,
                ),
            )
        )


@dataclass
class TypeInfo:
    type: str
    light_verbs: frozenset[str]
    modes: dict[str, str]
    mode_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    requires_recipient: bool = False  # PLOVER "Requires recipient: Yes" (COOPERATE, AID)


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Entry]]
    types: dict[str, TypeInfo]

    def match(self, tok: Any) -> Entry | None:
        """The most specific entry whose conditions hold at ``tok``, or None."""
        pos = _POS.get(tok.pos_)
        if pos is None:
            return None
        cands = self.entries.get((tok.lemma_.lower(), pos))
        if not cands and pos == "NOUN" and tok.tag_ in ("NNS", "NNPS"):
            # "talks" is sometimes lemmatised as itself
            cands = self.entries.get((tok.lower_.rstrip("s"), pos))
        if not cands:
            return None
        for entry in cands:  # sorted most specific first
            if _conditions_hold(entry, tok):
                return entry
        return None

    def light_verbs(self, etype: str) -> frozenset[str]:
        return self.types[etype].light_verbs | GENERIC_LIGHT_VERBS


def object_tokens(tok: Any) -> list[Any]:
    """Objects of a trigger: dobj, passive subject, prepositional objects (one level)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


# Nouns that hold a trigger noun: "a package of military aid", "a new round of talks".
CONTAINER_NOUNS = frozenset(
    {"package", "round", "series", "wave", "set", "batch", "tranche", "raft", "slew",
     "flurry", "string", "spate"}
)  # fmt: skip
# Words that carry a verbal act: "a joint statement of support for Denmark", "a motion of
# support for Toroama", "a message of solidarity" (support in them is said, not given).
STATEMENT_NOUNS = frozenset(
    {"statement", "message", "motion", "declaration", "expression", "show", "gesture"}
)
CONTAINER_NOUNS = CONTAINER_NOUNS | STATEMENT_NOUNS


def container_of(tok: Any) -> Any | None:
    """The container noun holding ``tok`` ("package" in "a package of aid"; the amount
    in "$200 million in humanitarian aid"), or None."""
    if tok.dep_ != "pobj":
        return None
    box = tok.head.head
    if tok.head.lower_ == "of" and box.lemma_.lower() in CONTAINER_NOUNS:
        return box
    if tok.head.lower_ in ("in", "of", "worth") and (
        box.pos_ == "NUM"
        or box.ent_type_ == "MONEY"
        # "60 million euros in aid": an amount the tagger did not mark as money
        or (box.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in box.children))
    ):
        return box
    return None


# Verbs that report a claim: "Manila said Beijing had intruded", "Seoul charged that ..."
CLAIM_VERBS = frozenset(
    {"say", "claim", "charge", "allege", "state", "insist", "tell", "add", "assert",
     "declare", "complain", "protest", "contend", "maintain"}
)  # fmt: skip


# Modals of will ("won't" is "wo" + "n't").
_WILL = frozenset({"will", "would", "shall", "'ll", "wo"})


def announced_refusal(tok: Any) -> bool:
    """The verb is negated under a modal of will ("will never accept", "would not
    return", "won't sit"): an act announced as one that will not be done."""
    kids = list(tok.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in _WILL for c in kids
    )


def speech_head(tok: Any) -> Any | None:
    """The claim verb whose content clause ``tok`` heads ("said [Y had violated]")."""
    if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in CLAIM_VERBS:
        return tok.head
    return None


def _temporal(prep: Any) -> bool:
    """ "on Tuesday", "in March": a time phrase is no argument of the trigger."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _counted(tok: Any) -> bool:
    """A plural noun with a number: "11 seafarers", "four captured servicemen"."""
    if tok.ent_type_ in ("MONEY", "QUANTITY", "PERCENT") or tok.lemma_.lower() in _MEASURES:
        return False  # "released 40 million euros" counts money, not people
    return tok.tag_ == "NNS" and any(c.dep_ == "nummod" and c.like_num for c in tok.children)


# Currencies and units that a number counts: never people.
_MEASURES = frozenset(
    {"euro", "dollar", "pound", "yuan", "yen", "rupee", "franc", "rouble", "ruble", "peso",
     "real", "shilling", "naira", "rand", "dinar", "riyal", "dirham", "lira", "hryvnia",
     "ton", "tonne", "barrel", "litre", "liter", "gallon", "kilometre", "kilometer", "mile",
     "metre", "meter", "kilogram", "percent", "year", "month", "week", "day", "hour",
     "minute", "page", "document", "file", "statement", "report", "image", "photo"}
)  # fmt: skip


# Prepositions of the verb that the parser may hang under its object.
_OBJECT_PREPS = frozenset({"as", "to", "into", "toward", "towards"})


def _title_word(tok: Any) -> str:
    """The lower-case word of a title written before a name ("Ambassador" in "US
    Ambassador Ken Howery"), or "" for anything else."""
    return tok.lemma_.lower() if tok.dep_ == "compound" and tok.i < tok.head.i else ""


def _class_word(tok: Any) -> str:
    """The lower-case class word right before a name ("frigate" in "the frigate
    Vendémiaire", parsed as a compound or an adjective of it), or "" for anything else."""
    named = tok.head.pos_ == "PROPN" or tok.head.ent_type_ != "" or tok.head.text[:1].isupper()
    right_before = tok.i == tok.head.i - 1 and tok.dep_ in ("compound", "amod")
    return tok.lower_ if named and right_before and tok.text.islower() else ""


def _conditions_hold(e: Entry, tok: Any) -> bool:
    children = list(tok.children)
    # "dismissed the US move as a gift": the "as" of a secondary predicate may hang
    # under the object; "sent two battalions and a helicopter detachment to the border":
    # so may the goal of a motion, under the object or its last conjunct
    children += [
        c
        for o in tok.children
        if o.dep_ == "dobj"
        for x in (o, *o.conjuncts)
        for c in x.children
        if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS
    ]
    if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN"):
        # "impose duties of 25% on U.S. wheat": the "on" may hang under the verb
        children += [c for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i]
    box = container_of(tok)
    if box is not None:  # "a package of military aid to Ukraine": the box's "to" counts
        children += [c for c in box.children if c.i != tok.head.i]
        if box.dep_ == "dobj":  # "announced $200 million in aid for Sudan"
            children += [
                c for c in box.head.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
            ]
    # "calls for Zelensky to be included": the "for" may mark the infinitive clause
    if (
        e.prep
        and not any(
            c.dep_ in _PREP_DEPS and c.lower_ in e.prep and not _temporal(c) for c in children
        )
        and not any(
            g.dep_ == "mark" and g.lower_ in e.prep
            for c in children
            if c.dep_ in ("advcl", "acl", "ccomp")
            for g in c.children
        )
    ):
        return False
    if (
        e.cue
        and not _cued(e.cue, children)
        and not ("military" in e.cue and _military_subject(tok))
    ):
        return False
    if e.object:
        # "the framework that A and B signed": a relative clause's head is its object;
        # "handed over four servicemen captured in 2023": the small model makes the
        # object the subject of a clause
        objs = (
            object_tokens(tok)
            + ([tok.head] if tok.dep_ == "relcl" else [])
            + [g for c in children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
        )
        # "sent $50 million in humanitarian aid", "two billion euros of aid"
        objs += [
            g
            for o in objs
            if o.dep_ == "dobj"
            for p in o.children
            if p.dep_ == "prep" and p.lower_ in ("in", "of", "worth")
            for g in p.children
            if g.dep_ == "pobj"
        ]
        if not any(
            o.lemma_.lower() in e.object
            or o.lower_ in e.object
            or (e.object_counted and _counted(o))
            # "hosted Muttaqi": a person's name where the list admits people by name
            or ("PERSON" in e.object and o.ent_type_ == "PERSON")
            # "summoned US Ambassador Ken Howery": a named object's title says what it is
            or (o.pos_ == "PROPN" and any(_title_word(c) in e.object for c in o.children))
            # "sent the frigate Vendémiaire": a ship's name after its class word, which
            # the parser may read as an adjective of it
            or any(_class_word(c) in e.object for c in o.children)
            # "ordered the consul general to leave": the head of "consul general" is
            # "general", what it is the compound before it says
            or (
                o.lemma_.lower() == "general"
                and any(c.dep_ == "compound" and c.lemma_.lower() in e.object for c in o.children)
            )
            for o in objs
        ):
            return False
    if e.xcomp and not any(
        # "ready to sign"; "found Hasina guilty" (the adjective parsed as a clause)
        c.dep_ in ("xcomp", "ccomp", "oprd") and c.lemma_.lower() in e.xcomp
        for c in children
    ):
        return False
    if e.xcomp_required and not any(c.dep_ == "xcomp" for c in children):
        return False
    if e.complement_required and not any(
        c.dep_ in ("xcomp", "acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
        for c in children
    ):
        return False
    if e.in_speech and speech_head(tok) is None:
        return False
    if e.modal_complement and not any(
        c.dep_ == "ccomp"
        and any(a.dep_ == "aux" and a.lower_ in e.modal_complement for a in c.children)
        for c in children
    ):
        return False
    if e.refusal and not announced_refusal(tok):
        return False
    if e.conditional and not conditioned_on_party(tok):
        return False
    if e.purpose and not _purpose_clause(tok):
        return False
    if e.called and not called_out(tok):
        return False
    if e.denied and not denied_in_clause(tok):
        return False
    if e.future and not any(c.dep_ == "aux" and c.lower_ in _WILL for c in children):
        return False
    if e.subject or e.not_subject:
        subjects = {c.lemma_.lower() for c in children if c.dep_ in ("nsubj", "nsubjpass")}
        if (e.subject and not subjects & e.subject) or subjects & e.not_subject:
            return False
    if e.governor and not (
        (tok.dep_ in ("dobj", "nsubjpass", "conj") and tok.head.lemma_.lower() in e.governor)
        # "led about 2,000 people on a march": the noun is where the verb takes them
        or (
            tok.dep_ == "pobj"
            and tok.head.lower_ == "on"
            and tok.head.head.lemma_.lower() in e.governor
        )
    ):
        return False
    if e.object_not and any(
        o.lemma_.lower() in e.object_not
        # "a charge the Emirates deny": the relative clause's head is its object
        for o in (*object_tokens(tok), *((tok.head,) if tok.dep_ == "relcl" else ()))
    ):
        return False
    # "called Scholz on Tuesday": a proper-name "oprd" is a misparsed object
    has_oprd = (
        any(c.dep_ == "oprd" and c.pos_ != "PROPN" for c in children)
        or any(
            c.dep_ == "dobj" and any(g.dep_ == "appos" and g.pos_ == "NOUN" for g in c.children)
            for c in children
        )
        or any(c.dep_ == "dobj" and _quoted_inside(c) for c in children)
    )
    if e.oprd_required and not has_oprd:
        return False
    if e.no_oprd and has_oprd:
        return False
    particles = {c.lower_ for c in children if c.dep_ == "prt"}
    if (e.particle and not particles & e.particle) or (e.no_particle and particles):
        return False
    return not (
        e.dobj_required
        and not any(c.dep_ == "dobj" or (c.dep_ == "oprd" and c.pos_ == "PROPN") for c in children)
    )


def _cued(cue: frozenset[str], children: list[Any]) -> bool:
    """A modifier (or a prepositional object: "by phone") among ``children`` is a cue;
    "joint coast guard patrols": the parser may hang the cue on a compound before the
    noun, so the compounds' (and noun modifiers') own modifiers count too."""
    compounded = [
        g for c in children if c.dep_ in ("compound", "nmod") for g in c.subtree if g is not c
    ]  # "the joint search and rescue exercise": "joint" hangs on the nmod "search"
    return any(
        (c.dep_ in _CUE_DEPS and c.lemma_.lower() in cue)
        or (c.dep_ in _PREP_DEPS and any(g.lemma_.lower() in cue for g in c.children))
        for c in (*children, *compounded)
    )


# Nouns of a call a crowd answers ("at the call of X", "answered a call by X").
CALL_NOUNS = frozenset({"call", "appeal", "summons", "invitation", "plea"})


def denied_in_clause(tok: Any) -> bool:
    """The word is denied by its clause: "is not negotiable", "was not a subject for
    negotiation", "is not for sale" (the negation hangs on the copula above it)."""
    t = tok
    for _ in range(3):
        if any(
            c.dep_ == "neg" or c.lower_ in ("no", "never") and c.dep_ == "det" for c in t.children
        ):
            return True
        if t.dep_ not in ("acomp", "attr", "pobj", "prep") or t.head.i == t.i:
            return False
        t = t.head
    return False


def call_caller(tok: Any) -> Any | None:
    """The phrase naming who called the verb's crowd out: the possessive of "at X's call"
    or the "of"/"by"/"from" phrase of "at the call of X", "following an appeal by X"."""
    for p in tok.children:
        if p.dep_ != "prep" or p.lower_ not in ("at", "on", "upon", "following"):
            continue
        for call in p.children:
            if call.dep_ != "pobj" or call.lemma_.lower() not in CALL_NOUNS:
                continue
            for c in call.children:
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by", "from")):
                    return c
    return None


def called_out(tok: Any) -> bool:
    """The verb's crowd came out at a party's call: "at the call of X", "at X's call",
    "following an appeal by X"."""
    return call_caller(tok) is not None


def _purpose_clause(tok: Any) -> bool:
    """An infinitive of purpose on the verb or its object: "sent 500 soldiers to support
    the Border Guard", "sent frigates that would escort ..." is not one."""
    heads = [tok, *(o for o in tok.children if o.dep_ == "dobj")]
    return any(
        c.dep_ in ("advcl", "xcomp", "acl")
        and c.pos_ == "VERB"
        and c.i > tok.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for h in heads
        for c in h.children
    )


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _quoted_inside(obj: Any) -> bool:
    """'called the export ban "economic coercion"', 'called Medvedev's remarks "extremely
    regrettable"': a quoted description after the object's own noun is the label the
    parser folded into it (a phone call's object is a name, never quoted; 'called a "ghost
    town" strike' quotes a modifier before any noun)."""
    seen_noun = False
    for t in obj.subtree:
        if t.text in QUOTE_MARKS:
            return seen_noun
        seen_noun = seen_noun or t.pos_ in ("NOUN", "PROPN", "PRON")
    return False


def _entry(etype: str, raw: dict[str, Any]) -> Entry:
    return Entry(
        type=etype,
        lemma=raw["lemma"].lower(),
        pos=raw["pos"],
        mode=raw.get("mode"),
        weight=float(raw.get("weight", 0.8)),
        prep=frozenset(raw.get("prep", ())),
        cue=frozenset(raw.get("cue", ())),
        object=frozenset(raw.get("object", ())),
        xcomp=frozenset(raw.get("xcomp", ())),
        xcomp_required=bool(raw.get("xcomp_required")),
        oprd_required=bool(raw.get("oprd_required")),
        dobj_required=bool(raw.get("dobj_required")),
        no_oprd=bool(raw.get("no_oprd")),
        particle=frozenset(raw.get("particle", ())),
        no_particle=bool(raw.get("no_particle")),
        negated_only=bool(raw.get("negated_only")),
        host=bool(raw.get("host")),
        complement_required=bool(raw.get("complement_required")),
        object_not=frozenset(raw.get("object_not", ())),
        governor=frozenset(raw.get("governor", ())),
        object_counted=bool(raw.get("object_counted")),
        in_speech=bool(raw.get("in_speech")),
        modal_complement=frozenset(raw.get("modal_complement") or ()),
        conditional=bool(raw.get("conditional")),
        refusal=bool(raw.get("refusal")),
        purpose=bool(raw.get("purpose")),
        future=bool(raw.get("future")),
        subject=frozenset(raw.get("subject", ())),
        not_subject=frozenset(raw.get("not_subject", ())),
        called=bool(raw.get("called")),
        denied=bool(raw.get("denied")),
    )


@lru_cache(maxsize=4)
def load_lexicon(directory: str | None = None) -> Lexicon:
    """Read every trigger file once per process.

    Raises:
        ValueError: a file names a type that is not a PLOVER type of the contract.
    """
    from extraction.types import EVENT_TYPES

    path = Path(directory) if directory else TRIGGER_DIR
    entries: dict[tuple[str, str], list[Entry]] = {}
    types: dict[str, TypeInfo] = {}
    for f in sorted(path.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        etype = data["type"]
        if etype not in EVENT_TYPES:
            raise ValueError(f"{f.name}: unknown event type {etype!r}")
        types[etype] = TypeInfo(
            type=etype,
            light_verbs=frozenset(data.get("light_verbs", ())),
            modes=dict(data.get("modes", {})),
            mode_cues={m: frozenset(v) for m, v in data.get("mode_cues", {}).items()},
            requires_recipient=bool(data.get("requires_recipient")),
        )
        for raw in data["triggers"]:
            e = _entry(etype, raw)
            entries.setdefault((e.lemma, e.pos), []).append(e)
    for cands in entries.values():
        cands.sort(key=lambda e: (-e.specificity, -e.weight))
    return Lexicon(entries, types)


def mode_from_cues(info: TypeInfo, tokens: list[Any]) -> str | None:
    """The first mode whose cue lemmas occur among ``tokens`` (an object's subtree)."""
    if not info.mode_cues:
        return None
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    for mode, cues in info.mode_cues.items():
        if lemmas & cues:
            return mode
    return None


def conditioned_on_party(tok: Any) -> bool:
    """A modal clause said by ``tok`` holds an "if"/"unless" clause whose active subject is
    a proper name ("said Moscow could suspend its work if Norway continues"), or any
    condition when the clause itself says a penalty or force ("said Hungary could stop its
    electricity exports to Ukraine if the harassment continues", "would call a national
    strike unless ...")."""
    for c in tok.children:
        if c.dep_ != "ccomp" or not any(
            a.dep_ == "aux" and a.lower_ in _THREAT_MODALS for a in c.children
        ):
            continue
        for adv in c.children:
            if not condition_clause(adv):
                continue
            # an active subject: "unless Jovanovic is released" names the captive
            if any(g.dep_ == "nsubj" and g.pos_ == "PROPN" for g in adv.children):
                return True
            if (
                not any(n.dep_ == "neg" for n in c.children)
                and penalty_clause(c)
                and _named_speaker(tok)
            ):
                return True
    return False


# What a conditional threat says will happen: the verb, and the objects it needs (None:
# any object). "stop its exports", "take countermeasures", "face higher tariffs".
_PENALTY_VERBS: dict[str, frozenset[str] | None] = {
    **dict.fromkeys(
        ("stop", "halt", "cut", "bar", "ban", "suspend", "freeze", "impose", "expel",
         "retaliate", "strike", "attack", "sever", "downgrade", "punish", "boycott",
         "blockade", "prosecute", "arrest", "sanction", "list", "veto"),
        None,
    ),
    **dict.fromkeys(
        ("take", "adopt", "apply", "face", "use", "call", "review", "reconsider", "walk"),
        frozenset(
            {"measure", "countermeasure", "step", "action", "sanction", "tariff", "penalty",
             "consequence", "reciprocity", "force", "strike", "support", "cooperation",
             "relation", "tie", "participation", "aid", "out", "dispute"}
        ),
    ),
}  # fmt: skip


def _named_speaker(tok: Any) -> bool:
    """The speech verb's subject is a name or a pronoun for one ("Szijjarto said", "he
    said"), not unnamed sources ("diplomats say Australia could suspend ..." is a
    possible sanction they report, no threat made)."""
    return any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "PRON") for c in tok.children)


def penalty_clause(c: Any) -> bool:
    """The clause ``c`` says a penalty or force: its verb is one of ``_PENALTY_VERBS`` with
    a fitting object or particle."""
    needs = _PENALTY_VERBS.get(c.lemma_.lower(), ())
    if needs == ():
        return False
    if needs is None:
        return True
    return any(
        g.lemma_.lower() in needs
        for g in c.children
        if g.dep_ in ("dobj", "prt", "nsubjpass") or g.dep_ == "prep"
    ) or any(
        o.lemma_.lower() in needs
        for p in c.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj"
    )


# Modals of a conditional threat: "would retaliate", "could suspend", "will act".
_THREAT_MODALS = frozenset({"would", "could", "will", "might", "may", "'ll"})
