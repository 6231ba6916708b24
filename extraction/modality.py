"""Modality and negation of an event trigger, read off the dependency path above it.

``modality`` is one of asserted / planned / possible / reported (CONTRACT section 3):

- planned: "set to meet", "plans to visit", "will sign", "is due to visit", "expected to
  assure", "aim to propose", "poised to announce", "scheduled to arrive";
- possible: "may/might/could/would", "if they hold talks", "appears to have persuaded",
  "likely to";
- reported: "reportedly", "allegedly", or the clause is what unnamed people said
  ("officials said Kiev was ready ...");
- asserted otherwise (a named speaker's on-record act is asserted).

``negated``: "did not meet", "never visited", "no talks", "failed to", "unable to get",
"avoided imposing". An explicit refusal is a REJECT trigger, not a negation.
"""

from __future__ import annotations

from typing import Any

PLAN_HEADS = frozenset(
    {"plan", "set", "expect", "schedule", "due", "aim", "intend", "poise", "prepare", "slate",
     "hope", "seek", "want", "propose", "scheduled", "expected", "poised", "going", "decide", "vow"}
)  # fmt: skip
POSSIBLE_HEADS = frozenset({"appear", "seem", "likely", "unlikely", "possible", "may", "might"})
NEGATING_HEADS = frozenset({"fail", "unable", "avoid", "neglect", "stop", "cease", "forgo"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gonna"})
POSSIBLE_AUX = frozenset({"may", "might", "could"})  # "would" is mostly future-in-past
REPORT_ADVS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
SAY_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "state",
        "add",
        "note",
        "insist",
        "indicate",
        "suggest",
        "believe",
        "argue",
    }
)
ANONYMOUS = frozenset(
    {
        "official",
        "source",
        "diplomat",
        "people",
        "person",
        "aide",
        "insider",
        "observer",
        "analyst",
        "report",
        "media",
    }
)
PLAN_AMODS = frozenset(
    {
        "planned",
        "proposed",
        "upcoming",
        "scheduled",
        "forthcoming",
        "expected",
        "future",
        "prospective",
        "next",
    }
)
POSSIBLE_AMODS = frozenset({"potential", "possible", "likely", "hypothetical", "eventual"})
NEG_DETS = frozenset({"no", "never"})
ABSENCE_NOUNS = frozenset({"absence", "lack", "failure", "refusal"})  # "the absence of US backing"

# How far up the tree a modal context reaches: through infinitives and complements of
# the trigger, not across independent clauses.
_CLIMB = frozenset(
    {
        "xcomp",
        "ccomp",
        "acomp",
        "pcomp",
        "pobj",
        "prep",
        "dobj",
        "conj",
        "advcl",
        "acl",
        "auxpass",
        "nsubj",
        "nsubjpass",
    }
)
_STOP_AT = frozenset({"relcl"})
# Adverbial prepositions open a frame around the clause, not a complement of it:
# "With Trump's endorsement ..., Zelensky may find himself ..." (the endorsement is not "may").
ADVERBIAL_PREPS = frozenset(
    {"with", "despite", "after", "before", "during", "amid", "since", "following", "given",
     "regarding", "over", "from", "as", "like", "unlike", "while", "because"}
)  # fmt: skip


def condition_clause(tok: Any) -> bool:
    """``tok`` heads an adverbial clause opened by "if" or "unless" ("... if Manila
    continued the patrols", "... unless the ban is lifted")."""
    return tok.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in tok.children
    )


def _chain(tok: Any, limit: int = 6) -> list[Any]:
    """The trigger and its governors, up to the clause that embeds it."""
    out = [tok]
    t = tok
    while t.head.i != t.i and len(out) < limit and t.dep_ in _CLIMB and t.dep_ not in _STOP_AT:
        if t.dep_ == "prep" and t.lower_ in ADVERBIAL_PREPS:
            break
        if t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            # "X did not join the march, but its spokesman accused ...": a conjoined
            # clause with a subject of its own keeps its own modality and polarity
            break
        if t.dep_ in ("advcl", "acl") and not _infinitival(t):
            # "after Russia vetoed the draft", "a resolution demanding ...": a clause of
            # its own; an infinitive ("travel ... to meet", "plan to visit") shares it
            break
        t = t.head
        out.append(t)
    return out


def _anonymous_source(tok: Any) -> bool:
    """The sentence around ``tok`` is what unnamed people said: "Ukrainian officials said
    Kiev was ready ..., after the US dropped demands" (adverbial clauses included)."""
    t = tok
    for _ in range(10):
        if t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY_VERBS:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            return subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in ANONYMOUS
        t = t.head
    return False


def _in_speech(t: Any) -> bool:
    """``t`` heads a clause reported by a speech verb ("X said that he would ...")."""
    return t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY_VERBS


def _infinitival(t: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def analyse(trigger: Any) -> tuple[str, bool]:
    """(modality, negated) for a trigger token."""
    planned = possible = reported = negated = False
    chain = _chain(trigger)
    if trigger.lemma_.lower() == "due":
        planned = True  # the trigger is itself a plan word: "X is due in Ankara"
    for depth, t in enumerate(chain):
        lemma = t.lemma_.lower()
        if depth and lemma in SAY_VERBS and chain[depth - 1].dep_ == "ccomp":
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in ANONYMOUS:
                reported = True
            break  # the speech act's own modality is not the event's
        for c in t.children:
            cl = c.lower_
            if (
                c.dep_ == "neg"
                or (c.dep_ == "det" and cl in NEG_DETS)
                or (c.dep_ == "advmod" and cl == "never")
            ):
                negated = True
            elif c.dep_ == "aux" and (cl in FUTURE_AUX or (cl == "would" and _in_speech(t))):
                planned = True  # "said that he would travel": future in the past
            elif c.dep_ == "aux" and cl in POSSIBLE_AUX:
                possible = True
            elif c.dep_ == "advmod" and cl in REPORT_ADVS:
                reported = True
            elif c.dep_ == "amod" and t.pos_ == "NOUN":
                if cl in PLAN_AMODS:
                    planned = True
                elif cl in POSSIBLE_AMODS:
                    possible = True
        if (
            depth
            and t.pos_ == "NOUN"
            and lemma in ABSENCE_NOUNS
            and chain[depth - 1].dep_ == "prep"
        ):
            negated = True
        if depth and t.pos_ == "AUX":
            for c in t.children:  # "it is unlikely that ...", "X is likely to ..."
                if c.dep_ == "acomp" and c.lemma_.lower() in POSSIBLE_HEADS:
                    possible = True
                elif (
                    c.dep_ == "acomp"
                    and c.lemma_.lower() in PLAN_HEADS
                    and chain[depth - 1].dep_ in ("advcl", "xcomp")
                ):
                    planned = True  # "X is due in Pristina on Friday to meet Kurti"
        if depth:
            if (
                (lemma in PLAN_HEADS or t.lower_ in PLAN_HEADS)
                and chain[depth - 1].dep_
                in (
                    "xcomp",
                    "prep",
                    "pobj",
                    "dobj",
                    "acomp",
                    "acl",  # "Macron's plan to visit", and "X plan to visit" misparsed as a noun
                )
                # "set up checkpoints" is done, not planned ("is set to visit" is)
                and not (lemma == "set" and any(c.dep_ == "prt" for c in t.children))
            ):
                planned = True
            elif lemma in POSSIBLE_HEADS:
                possible = True
            elif lemma in NEGATING_HEADS and chain[depth - 1].dep_ in ("xcomp", "acomp"):
                negated = True
    reported = reported or _anonymous_source(trigger)
    conditional = any(condition_clause(t) for t in chain)
    if conditional or (possible and not planned):
        return "possible", negated
    if planned:
        return "planned", negated
    return ("reported" if reported else "asserted"), negated
