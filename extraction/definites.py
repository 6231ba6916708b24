"""Definite descriptions that refer back to a named entity: "the ministry", "the tribunal",
"the country", "the region".

News names a body once and then calls it by its head noun ("Georgia's interior ministry
said ... The ministry also accused ..."), and names a place once and then calls it by its
class ("Transnistria ... supplies to the region"). This is the "strict head match" pass of
multi-sieve coreference (Raghunathan et al. 2010, Lee et al. 2013): a bare definite noun
phrase whose head is the head of an earlier organisation's name, or whose head is a class
noun of an earlier place, refers to the nearest such entity.

Pure functions on names and spaCy tokens; the search over mentions lives with the
argument resolver that owns the document's entity index.
"""

from __future__ import annotations

import re
from typing import Any

# Determiners that make a noun phrase a reference back ("the ministry", "this group").
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})

# Place classes a bare definite noun can name, and which kind of place each one takes:
# "the country" is a state; "the city" a town or city; "the region" any place within a
# state. (Entity-level facts come from the gazetteer through the argument resolver.)
PLACE_CLASS_NOUNS: dict[str, str] = {
    **dict.fromkeys(("country", "nation"), "country"),
    **dict.fromkeys(("city", "town", "village", "capital", "port"), "town"),
    **dict.fromkeys(
        ("region", "province", "territory", "state", "district", "enclave", "area", "island",
         "county", "governorate", "prefecture", "oblast"),
        "subnational",
    ),
}  # fmt: skip

# Modifiers that make a class noun point away from the place just named: "the
# neighbouring country", "another region" are other places.
NOT_THE_SAME = frozenset(
    {"neighbouring", "neighboring", "other", "another", "rival", "foreign", "third",
     "different", "whole", "entire", "host", "home"}
)  # fmt: skip

# Words after which an organisation's name goes on with its complement ("Ministry of
# Defence", "Court of Justice", "Commission for Refugees", "Mission in Somalia"): the head
# is the word before them.
_NAME_COMPLEMENT = frozenset({"of", "for", "in", "on", "to", "against"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def singular(word: str) -> str:
    """A crude singular for head comparison ("forces" ~ "force", "ministries" ~ "ministry")."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def name_head(name: str) -> str | None:
    """The head noun of a multi-word organisation name, singular and lower-case:
    "International Crimes Tribunal" -> "tribunal", "Ministry of Defence" -> "ministry".
    One-word names (acronyms, brands) have no common-noun head: None."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return None
    for i, w in enumerate(words):
        if i > 0 and w.lower() in _NAME_COMPLEMENT:
            words = words[:i]
            break
    head = words[-1]
    if head.isupper():  # "... Party (BNP)"-style acronyms are no head noun
        return None
    return singular(head)


def bare_definite(tok: Any) -> bool:
    """``tok`` heads a definite noun phrase with no possessor or named complement of its
    own: "the ministry", "the interior ministry", "the court of appeal" - but not "the
    ministry's spokesman" or "the ministry of Ghana", which name their referent."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children):
        return False
    return not any(c.dep_ == "poss" or c.ent_type_ for c in tok.children)


def modifiers(tok: Any) -> list[str]:
    """Lower-case modifier words of a description ("the interior ministry" -> ["interior"]),
    which the referent's name must contain too."""
    return [
        c.lower_
        for c in tok.children
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN", "PROPN") and c.i < tok.i
    ]


def names_head(name: str, head: str, mods: list[str]) -> bool:
    """Whether an organisation ``name`` has ``head`` as its head noun and holds every
    modifier word of the description."""
    if name_head(name) != head:
        return False
    words = {w.lower() for w in _WORD.findall(name)}
    return all(m in words for m in mods)


def bare_definite_title(tok: Any) -> bool:
    """ "the President", "the prime minister": a title with "the" and nothing naming
    whose ("the French president", "Kenya's president" are read elsewhere)."""
    return (
        tok.tag_ in ("NN", "NNP")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("poss", "amod", "compound", "nmod", "prep") for c in tok.children)
    )
