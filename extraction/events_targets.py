"""Whose sites an attack hits.

Strike reports name the sites hit and only through them the party attacked: "Pakistani
jets struck what Islamabad described as hideouts of the TTP in Paktika", "warplanes hit
Hezbollah weapons depots in the Bekaa Valley", "struck a terminal used by the Houthis".
Event coders code the owner of the sites as the target (CAMEO/PLOVER code the party
attacked, not the ground it stands on), so the country the sites lie in is no recipient
when their owner is named.
"""

from __future__ import annotations

from typing import Any

from extraction.events_aims import attributed_author
from extraction.events_args import ArgumentResolver, pobjects
from extraction.types import Entity

# Sites and assets an attack hits on behalf of whoever holds them.
FACILITY_NOUNS = frozenset(
    {"camp", "hideout", "hideaway", "position", "depot", "base", "site", "facility",
     "target", "stronghold", "post", "outpost", "headquarters", "compound", "launcher",
     "cell", "warehouse", "infrastructure", "installation", "bunker", "tunnel", "safehouse",
     "nest", "emplacement", "garrison", "checkpoint", "convoy", "sanctuary", "stockpile",
     "arsenal", "refinery", "airfield", "airbase", "terminal", "barracks", "den", "lair",
     "asset", "wing"}
)  # fmt: skip
# Craft an attack hits: their holder is named only by a verb ("a supply vessel chartered
# by Petronas"); a demonym on them ("a Philippine boat") is read by the clause itself.
VESSEL_NOUNS = frozenset(
    {"vessel", "ship", "boat", "tanker", "dredger", "trawler", "freighter", "carrier"}
)
_SITE_NOUNS = FACILITY_NOUNS | VESSEL_NOUNS
# Verbs that tie a site to its holder: "used by", "run by", "belonging to".
HOLDING_VERBS = frozenset(
    {"use", "run", "hold", "operate", "control", "own", "belong", "occupy", "man", "link",
     "charter", "lease"}
)  # fmt: skip
# Links on the way from the attack verb down to the site named: the object itself, "what
# X said were Y", "what X described as Y", and coordinated sites.
_PATH_DEPS = frozenset({"dobj", "ccomp", "attr", "oprd", "pobj", "prep", "conj", "appos"})
_PATH_PREPS = frozenset({"as", "on", "against", "at", "in", "near", "inside"})
_REPORTING = frozenset(
    {"be", "say", "describe", "call", "claim", "identify", "believe", "term", "label"}
)


def facility_owners(tok: Any, res: ArgumentResolver) -> list[Entity]:
    """The parties whose sites the attack ``tok`` hit, from the sites' own phrases; []
    when no site names its holder."""
    owners: list[Entity] = []
    for site in _sites(tok):
        found = _holders(site, res)
        if not found and any(c.dep_ == "det" and c.lower_ == "the" for c in site.children):
            # "Jubaland forces shelled the convoy": the convoy the text named before ("a
            # Somali National Army convoy had landed ...") and whose it was
            found = attributed_author(site, res)
        owners.extend(e for e in found if e not in owners)
    return [e for e in owners if e.type in ("ORG", "GPE", "NORP", "PERSON")]


def _sites(tok: Any) -> list[Any]:
    out = []
    for t in tok.subtree:
        if t.i <= tok.i or t.lemma_.lower() not in _SITE_NOUNS or t.pos_ != "NOUN":
            continue
        if _reached(t, tok):
            out.append(t)
    return out


def _reached(t: Any, verb: Any) -> bool:
    """``t`` hangs under ``verb`` by object, reported-predicate and coordination links
    only (not inside a place phrase or another event's clause)."""
    cur = t
    while cur.i != verb.i:
        if cur.dep_ not in _PATH_DEPS:
            return False
        if cur.dep_ == "prep" and cur.lower_ not in _PATH_PREPS:
            return False
        if cur.dep_ == "ccomp" and cur.lemma_.lower() not in _REPORTING:
            return False  # "what the military said were depots": only a report's frame
        cur = cur.head
        if cur.i == cur.head.i and cur.i != verb.i:
            return False
    return True


def _holders(site: Any, res: ArgumentResolver) -> list[Entity]:
    out: list[Entity] = []
    vessel = site.lemma_.lower() in VESSEL_NOUNS
    for c in site.children:
        if vessel and c.dep_ not in ("acl", "relcl"):
            continue
        if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"):
            e = res.entities.for_span(c)
            if e is not None and e.type in ("ORG", "NORP", "PERSON", "GPE"):
                out.extend(res.resolve(c))
        elif c.dep_ == "prep" and c.lower_ in ("of", "belonging"):
            # "hideouts of the BLA and the BLF": each coordinated holder
            heads = [*pobjects(c)]
            heads += [x for g in heads for x in g.conjuncts]
            out.extend(e for x in heads if (e := _named(x, res)) is not None)
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in HOLDING_VERBS:
            for a in c.children:
                if a.dep_ in ("agent", "prep") and a.lower_ in ("by", "to"):
                    out.extend(e for g in pobjects(a) for e in res.resolve(g))
    return out


def _named(tok: Any, res: ArgumentResolver) -> Entity | None:
    """The named group or body a phrase is: "the TTP", "the Baloch Liberation Army";
    not a place ("hideouts of Paktika") nor a description."""
    if res.entities.for_span(tok) is None and tok.pos_ == "NOUN":
        # "camps of the Sunni militant group Jaish al-Adl": the name set off by the noun
        tok = next((c for c in tok.children if c.dep_ in ("appos", "compound", "npadvmod")
                    and c.pos_ == "PROPN" and c.i > tok.i), tok)  # fmt: skip
    e = res.entities.for_span(tok)
    if e is None or e.type not in ("ORG", "NORP"):
        return None
    found = res.resolve(tok)
    return found[0] if found else None
