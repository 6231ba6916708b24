"""Named entities of one article, resolved to one entry per real-world referent.

``resolve_entities(doc)`` (version ``eventwire.entities.v1``):

1. ``entities_spans.collect_candidates`` repairs spaCy's spans and reads titles.
2. Candidates with the same text key form groups; each group collects type votes: spaCy's
   label, a title or honorific before the name (PERSON), the gazetteer (a country, city or
   sea named "Kiev" is a place even when the model says PERSON), demonym shape (NORP).
3. Groups that name the same referent merge: places by gazetteer identity ("US", "U.S.",
   "America", "the United States"), demonyms by group name ("Russian", "Russians"),
   people by surname or given name ("Trump", "Mr. Trump" -> "Donald Trump"; "Vladimir" ->
   "Vladimir Putin") and by spelling variants ("Zelensky" / "Zelenskyy", "Sergei" /
   "Sergey").
4. Each merged cluster takes the type with most votes, a name (the longest full name of a
   person, the gazetteer's name of a place, the plural demonym of a group), its aliases
   (distinct surface strings plus "title + name" forms) and a salience.

Ids are "e1", "e2", ... in order of first mention.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from typing import Any

from extraction.entities_names import (
    collapse,
    demonym_places,
    demonym_plural,
    doc_text,
    lexicon,
    looks_like_demonym,
    same_person_name,
    similar,
    text_key,
)
from extraction.entities_spans import LABEL_VOTE, Candidate, collect_candidates
from extraction.gazetteer import Place, get_gazetteer
from extraction.types import Entity, EntityIndex, Mention

VERSION = "eventwire.entities.v1"

_PLACE_VOTE = 4  # per mention, in the half-vote units of entities_spans.LABEL_VOTE
_DEMONYM_VOTE = 4
_BIG_CITY = 1_000_000
_SURNAME_SIMILARITY = 0.85
_LONG_NAME_SIMILARITY = 0.95


class _Group:
    """Candidates sharing one text key (and, after merging, one referent)."""

    __slots__ = ("cands", "votes", "place", "raw")

    def __init__(self) -> None:
        self.cands: list[Candidate] = []
        self.votes: Counter[str] = Counter()
        self.raw: Counter[str] = Counter()  # spaCy's own labels
        self.place: Place | None = None

    @property
    def type(self) -> str:
        return (
            max(self.votes.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
            if self.votes
            else "ORG"
        )

    @property
    def words(self) -> list[str]:
        return self.cands[0].text.split()


def resolve_entities(doc: Any) -> EntityIndex:
    """Resolve ``doc``'s named entities into one ``Entity`` per referent."""
    cands = _expand_compounds(collect_candidates(doc))
    if not cands:
        return EntityIndex([])
    gaz = get_gazetteer()

    groups: dict[str, _Group] = {}
    for c in cands:
        key = text_key(c.text)
        if not key:
            continue
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group()
            g.place = gaz.lookup(c.text)
        g.cands.append(c)
        g.votes.update(c.votes)
        if c.raw_label:
            g.raw[c.raw_label] += 1
    for g in groups.values():
        _evidence(g)

    links = [
        (text_key(c.text), text_key(c.acronym_of.text)) for c in cands if c.acronym_of is not None
    ]
    clusters = _merge(list(groups.values()), links)
    entities = [_build(cluster) for cluster in clusters]
    full = doc_text(doc)
    _propagate(doc, full, entities, {(c.start, c.end) for c in cands})
    entities.sort(key=lambda e: e.mentions[0].start)
    _dedupe_aliases(entities)
    _salience(entities, len(full))
    for i, e in enumerate(entities, 1):
        e.id = f"e{i}"
    return EntityIndex(entities)


def _expand_compounds(cands: list[Candidate]) -> list[Candidate]:
    """Split "Trump-Putin" / "U.S.-Russia" into parts when every part is known alone."""
    known = {text_key(c.text) for c in cands if not c.parts}
    gaz = get_gazetteer()
    out: list[Candidate] = []
    for c in cands:
        if c.parts and all(text_key(p.text) in known or gaz.lookup(p.text) for p in c.parts):
            out.extend(c.parts)
        else:
            c.parts = []
            out.append(c)
    return out


def _evidence(g: _Group) -> None:
    """Add gazetteer and demonym votes to a group."""
    n = len(g.cands)
    place = g.place
    text = g.cands[0].text
    if place is not None:
        # The model's PERSON for "Kiev" is overruled by a big city; its ORG for "Xinhua"
        # (also a town) is overruled only by a country, state, continent or sea.
        said = {k for k, v in g.raw.items() if v * 2 > n}
        big_city = "ORG" not in said and place.population >= _BIG_CITY
        dateline = text.isupper() and len(text) >= 5  # "JERUSALEM (AP) —"
        if said & {"GPE", "LOC"} or not g.raw or place.kind != "city" or big_city or dateline:
            g.votes[place.entity_type] += _PLACE_VOTE * n
    elif set(g.raw) <= {"NORP", "GPE"} and looks_like_demonym(text):
        g.votes["NORP"] += _DEMONYM_VOTE * n


def _place_identity(place: Place) -> tuple[Any, ...]:
    if place.kind == "city":
        return ("city", place.country_code, round(place.lat or 0, 1), round(place.lon or 0, 1))
    if place.kind == "country":
        return ("country", place.country_code)
    return (place.kind, place.name)


def _merge(groups: list[_Group], links: list[tuple[str, str]]) -> list[list[_Group]]:
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_identity: dict[tuple[Any, ...], int] = {}
    for i, g in enumerate(groups):
        t = g.type
        if t in ("GPE", "LOC") and g.place is not None:
            ident = _place_identity(g.place)
        elif t == "NORP":
            ident = ("norp", demonym_plural(g.cands[0].text).casefold())
        else:
            continue
        if ident in by_identity:
            union(by_identity[ident], i)
        else:
            by_identity[ident] = i

    _merge_people(groups, union, find)
    _merge_long_names(groups, union)
    _merge_organisations(groups, links, union)

    clusters: dict[int, list[_Group]] = {}
    for i, g in enumerate(groups):
        clusters.setdefault(find(i), []).append(g)
    return list(clusters.values())


def _merge_people(groups: list[_Group], union: Any, find: Any) -> None:
    """Surname/given-name mentions and spelling variants join the full name."""
    particles = lexicon()["particles"]
    full = [i for i, g in enumerate(groups) if g.type == "PERSON" and len(g.words) >= 2]
    # Spelling variants of full names, compared within a bucket of the surname's first
    # two letters (variants differ later: Zelensky / Zelenskyy / Zelenskiy).
    buckets: dict[str, list[int]] = {}
    for i in full:
        buckets.setdefault(groups[i].words[-1][:2].casefold(), []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if same_person_name(groups[i].words, groups[j].words):
                    union(i, j)
    # One-word mentions: exactly one full name must contain the word.
    by_word: dict[str, set[int]] = {}
    for i in full:
        for w in groups[i].words:
            wk = w.casefold().rstrip(".")
            if len(wk) > 1 and wk not in particles:
                by_word.setdefault(wk, set()).add(find(i))
    surnames: dict[str, set[int]] = {}
    for i in full:
        surnames.setdefault(groups[i].words[-1][:2].casefold(), set()).add(i)
    for i, g in enumerate(groups):
        if len(g.words) != 1:
            continue
        # Any one-word name but a demonym or a known place may be a short form of a
        # person's name: the model tags "Blinken" GPE or "Trump" ORG now and then.
        if g.type == "NORP" or (g.place is not None and not g.raw.get("PERSON")):
            continue
        word = g.words[0].casefold()
        owners = {find(k) for k in by_word.get(word, ())}
        if not owners:  # "Zelensky" for "Volodymyr Zelenskyy"
            owners = {
                find(k)
                for k in surnames.get(word[:2], ())
                if similar(word, groups[k].words[-1]) >= _SURNAME_SIMILARITY
            }
        if len(owners) == 1:
            union(owners.pop(), i)


def _merge_long_names(groups: list[_Group], union: Any) -> None:
    """Long names differing by a letter are one name: "Institute of Russian, Eastern
    European and Central Asian Studies" / "Institute of Russia, Eastern European ..."."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, g in enumerate(groups):
        if g.type in ("ORG", "EVENT", "LOC") and len(g.words) >= 3:
            buckets.setdefault((g.type, g.words[0].casefold()), []).append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            a = groups[i].cands[0].text
            for j in members[x + 1 :]:
                b = groups[j].cands[0].text
                if abs(len(a) - len(b)) <= 3 and similar(a, b) >= _LONG_NAME_SIMILARITY:
                    union(i, j)


_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _merge_organisations(groups: list[_Group], links: list[tuple[str, str]], union: Any) -> None:
    """Organisation short forms join the full name: an acronym defined in brackets or made
    of the name's initials ("CIA" / "Central Intelligence Agency"), and a name without
    its country ("State Department" / "US State Department") when only one fits."""
    index = {text_key(g.cands[0].text): i for i, g in enumerate(groups)}
    for short, long_ in links:
        if short in index and long_ in index:
            union(index[short], index[long_])
    orgs = [i for i, g in enumerate(groups) if g.type == "ORG"]
    initials: dict[str, list[int]] = {}
    tails: dict[tuple[str, ...], list[int]] = {}
    gaz = get_gazetteer()
    for i in orgs:
        words = groups[i].words
        if len(words) >= 2:
            letters = "".join(w[0] for w in words if w.casefold() not in _ACRONYM_SKIP)
            initials.setdefault(letters.upper(), []).append(i)
            qualifier = gaz.lookup(words[0]) or looks_like_demonym(words[0])
            if len(words) >= 3 and qualifier:
                tails.setdefault(tuple(w.casefold() for w in words[1:]), []).append(i)
    for i in orgs:
        words = groups[i].words
        text = groups[i].cands[0].text
        if len(words) == 1 and text.isupper() and len(initials.get(text, ())) == 1:
            union(initials[text][0], i)
        elif len(tails.get(tuple(w.casefold() for w in words), ())) == 1:
            union(tails[tuple(w.casefold() for w in words)][0], i)


def _build(cluster: list[_Group]) -> Entity:
    votes: Counter[str] = Counter()
    for g in cluster:
        votes.update(g.votes)
    if any(g.type == "PERSON" and len(g.words) >= 2 for g in cluster) and len(cluster) > 1:
        votes["PERSON"] += LABEL_VOTE  # a full personal name anchors its short forms
    etype = max(votes.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
    cands = sorted((c for g in cluster for c in g.cands), key=lambda c: c.start)
    surfaces = [collapse(c.text) for c in cands]
    counts = Counter(surfaces)

    place = None
    code = None
    if etype in ("GPE", "LOC"):
        places = [g.place for g in cluster if g.place is not None]
        if places:
            place = max(places, key=lambda p: (len(p.name), p.population))
            code = place.country_code
    if etype == "PERSON":
        name = max(counts, key=lambda s: (len(s.split()), counts[s], len(s)))
    elif place is not None:
        name = place.name
    elif etype == "NORP":
        name = demonym_plural(max(counts, key=lambda s: (counts[s], len(s))))
        name = name if not name.endswith("ss") else name[:-1]
    else:
        name = max(counts, key=lambda s: (counts[s], len(s)))

    aliases = list(dict.fromkeys(surfaces + [collapse(c.surface) for c in cands if c.surface]))
    if etype == "PERSON":
        aliases.extend(c.title for c in cands if c.title)
        aliases = list(dict.fromkeys(aliases))
        code = _person_country(cands)
    elif etype == "NORP":
        code = _demonym_country(name)

    return Entity(
        id="",
        name=name,
        type=etype,
        aliases=aliases,
        mentions=[Mention(c.start, c.end, c.text) for c in cands],
        country_code=code,
        lat=place.lat if place is not None else None,
        lon=place.lon if place is not None else None,
    )


def _person_country(cands: list[Candidate]) -> str | None:
    """A person's country from a title qualifier: "US President", "Russian Foreign Minister"."""
    gaz = get_gazetteer()
    for c in cands:
        if c.qualifier:
            place = gaz.lookup(c.qualifier)
            code = place.country_code if place else _demonym_country(c.qualifier)
            if code:
                return code
    return None


def _demonym_country(text: str) -> str | None:
    gaz = get_gazetteer()
    for guess in demonym_places(text.rstrip("s") if text.endswith(("ans", "is")) else text):
        place = gaz.lookup(guess)
        if place is not None and place.kind == "country":
            return place.country_code
    return None


def _propagate(doc: Any, full: str, entities: list[Entity], taken: set[tuple[int, int]]) -> None:
    """Add mentions the model missed: a later bare "Ruto" after "William Ruto", a second
    "Kremlin" after a tagged one. Only capitalised names that belong to a single entity
    are propagated, at token boundaries, on proper nouns; one regex pass over the text."""
    owner: dict[str, Entity | None] = {}
    for e in entities:
        forms = {collapse(m.text) for m in e.mentions}
        if e.type == "PERSON":
            forms |= {f.split()[-1] for f in forms if len(f.split()) >= 2}
        for f in forms:
            if f[:1].isupper() and len(f) >= 2:
                owner[f] = e if owner.get(f, e) is e else None  # None: two owners
    names = sorted((f for f, e in owner.items() if e is not None), key=len, reverse=True)
    if not names:
        return
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in names)
    pattern = re.compile(rf"(?<![\w.'’-])(?:{alternatives})(?![\w'’-])")
    covered = sorted(taken | {(m.start, m.end) for e in entities for m in e.mentions})
    starts = [s for s, _ in covered]
    has_pos = doc.has_annotation("POS")
    for m in pattern.finditer(full):
        start, end = m.span()
        k = bisect.bisect_right(starts, end - 1) - 1
        if k >= 0 and covered[k][1] > start:
            continue  # overlaps a mention already found
        span = doc.char_span(start, end)
        if span is None or (has_pos and span[0].pos_ != "PROPN"):
            continue
        if span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN":
            continue  # "Washington" in an untagged "Washington Post"
        ent = owner[collapse(m.group(0))]
        if ent is not None:
            ent.mentions.append(Mention(start, end, m.group(0)))
    for e in entities:
        e.mentions.sort(key=lambda x: x.start)
        for x in e.mentions:
            alias = collapse(x.text)
            if alias not in e.aliases:
                e.aliases.append(alias)


def _dedupe_aliases(entities: list[Entity]) -> None:
    """An alias belongs to one entity: the one that uses it most often."""
    owner: dict[str, tuple[int, int]] = {}
    for idx, e in enumerate(entities):
        uses = Counter(text_key(m.text) for m in e.mentions)
        for a in e.aliases:
            k = text_key(a)
            score = uses.get(k, 0)
            if k not in owner or score > owner[k][1]:
                owner[k] = (idx, score)
    for idx, e in enumerate(entities):
        e.aliases = [a for a in e.aliases if owner[text_key(a)][0] == idx]


def _salience(entities: list[Entity], length: int) -> None:
    """Salience 0..1: frequency (log), earliness of the first mention, lead presence."""
    if not entities:
        return
    length = max(length, 1)
    lead = min(length, 400)
    raw = []
    for e in entities:
        first = e.mentions[0].start
        score = (
            math.log1p(len(e.mentions))
            + 0.5 * (1 - first / length)
            + (0.5 if first < lead else 0.0)
        )
        raw.append(score)
    top = max(raw) or 1.0
    for e, r in zip(entities, raw, strict=True):
        e.salience = round(r / top, 4)
