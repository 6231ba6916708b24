"""Named entities of one article, resolved to one entry per real-world referent.

``resolve_entities(doc)`` (version ``eventwire.entities.v1``):

1. ``entities_spans.collect_candidates`` repairs spaCy's spans and reads titles
   (``entities_titles``); ``entities_recall.complete`` adds names the model missed or
   split and links bracketed acronyms.
2. Candidates with the same text key form groups; each group collects type votes: spaCy's
   label, a title or honorific before the name (PERSON), the gazetteer (a country, city or
   sea named "Kiev" is a place even when the model says PERSON), demonym shape (NORP).
3. Groups that name the same referent merge: places by gazetteer identity ("US", "U.S.",
   "America", "the United States"), demonyms by group name ("Russian", "Russians"),
   people by surname or given name ("Trump", "Mr. Trump" -> "Donald Trump"; "Vladimir" ->
   "Vladimir Putin") and by spelling variants ("Zelensky" / "Zelenskyy", "Sergei" /
   "Sergey"); see ``entities_merge``.
4. Each merged cluster takes the type with most votes, a name (the longest full name of a
   person, the gazetteer's name of a place, the plural demonym of a group), its aliases
   (distinct surface strings plus "title + name" forms) and a salience.
5. Names the model tagged once are propagated to their untagged repetitions.

Ids are "e1", "e2", ... in order of first mention.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from extraction.entities_language import english_only_names
from extraction.entities_merge import Group, add_evidence, merge
from extraction.entities_names import (
    collapse,
    demonym_plural,
    doc_text,
    lexicon,
    norp_country,
    text_key,
)
from extraction.entities_recall import complete
from extraction.entities_spans import LABEL_VOTE, Candidate, collect_candidates
from extraction.gazetteer import get_gazetteer, seat_of
from extraction.office_holders import state_of
from extraction.types import Entity, EntityIndex, Mention

VERSION = "eventwire.entities.v1"


def resolve_entities(doc: Any) -> EntityIndex:
    """Resolve ``doc``'s named entities into one ``Entity`` per referent."""
    full = doc_text(doc)
    cands = _expand_compounds(_split_coordinations(complete(doc, full, collect_candidates(doc))))
    gaz = get_gazetteer()
    cands = english_only_names(cands, doc, gaz.lookup)
    # a single letter names nothing: "Q (Harbour FM): ..." opens a reporter's question
    cands = _join_demonym_pairs([c for c in cands if len(c.text.strip()) > 1], full)
    if not cands:
        return EntityIndex([])
    _mark_plurals(doc, cands)

    groups: dict[str, Group] = {}
    for c in cands:
        key = text_key(c.text)
        if not key:
            continue
        g = groups.get(key)
        if g is None:
            g = groups[key] = Group()
            g.place = gaz.lookup(c.text)
        g.cands.append(c)
        g.votes.update(c.votes)
        if c.raw_label:
            g.raw[c.raw_label] += 1
    _choose_shared_names(groups.values())
    countries = _article_countries(groups.values())
    for g in groups.values():
        add_evidence(g, countries)

    links = [
        (text_key(c.text), text_key(c.acronym_of.text)) for c in cands if c.acronym_of is not None
    ]
    clusters = merge(list(groups.values()), links)
    entities = [_build(cluster) for cluster in clusters]
    _propagate(doc, full, entities, {(c.start, c.end) for c in cands})
    entities = _unique_mentions(entities)
    entities = _surnames_read_as_places(entities)
    entities.sort(key=lambda e: e.mentions[0].start)
    _dedupe_aliases(entities)
    _salience(entities, len(full))
    _countries_from_context(doc, entities)
    for e in entities:
        if e.type == "PERSON" and not e.country_code:
            # "Prime Minister Abiy Ahmed": a well-known office-holder's state
            e.country_code = state_of([e.name, *e.aliases])
            e.country_stated = e.country_code is None
    for i, e in enumerate(entities, 1):
        e.id = f"e{i}"
    return EntityIndex(entities)


def _join_demonym_pairs(cands: list[Candidate], full: str) -> list[Candidate]:
    """Two demonyms in a row name one people: "two Greek Cypriot men", "Bosnian Serb
    leaders" are Greek Cypriots and Bosnian Serbs, not Greeks and Cypriots."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == c.label == "NORP"
            and full[prev.end : c.start] == " "
            and " " not in prev.text
            and " " not in c.text
            and prev.text[:1].isupper()
            and c.text[:1].isupper()
        ):
            out[-1] = Candidate(
                prev.start,
                c.end,
                full[prev.start : c.end],
                "NORP",
                votes=prev.votes + c.votes,
                raw_label=c.raw_label,
            )
            continue
        out.append(c)
    return out


_PLURAL_ARTICLES = ("Los ", "Las ", "Les ")


def _mark_plurals(doc: Any, cands: list[Candidate]) -> None:
    """Flag candidates that end in a plural proper noun ("the Houthis") or open with a
    plural article ("Los Choneros"): a group, never one person."""
    ends: set[int] = set()
    after_the: set[int] = set()  # "the Houthis": a capitalised word in -s after "the"
    prev = None
    for t in doc:
        if t.tag_ == "NNPS":
            ends.add(t.idx + len(t.text))
        if prev is not None and prev.lower_ == "the" and t.text.endswith("s") and t.is_title:
            after_the.add(t.idx)
        prev = t
    for c in cands:
        c.plural = (
            c.end in ends
            or c.text.startswith(_PLURAL_ARTICLES)
            or (c.start in after_the and " " not in c.text)
        )


def _article_countries(groups: Iterable[Group]) -> frozenset[str]:
    """ISO codes of the countries the article names, by name or by demonym."""
    codes = set()
    for g in groups:
        if g.place is not None and g.place.kind == "country" and g.place.country_code:
            codes.add(g.place.country_code)
        elif g.raw.get("NORP"):
            code = norp_country(g.cands[0].text)
            if code:
                codes.add(code)
    return frozenset(codes)


def _choose_shared_names(groups: Iterable[Group]) -> None:
    """A name shared by two states ("Congo") means the one the article's towns and
    regions lie in ("Goma", "Kinshasa" -> DR Congo); without such evidence the
    gazetteer's reading stands."""
    groups = list(groups)
    gaz = get_gazetteer()
    towns = Counter(
        g.place.country_code
        for g in groups
        if g.place is not None and g.place.kind != "country" and g.place.country_code
    )
    for g in groups:
        codes = gaz.shared_name_codes(g.cands[0].text)
        if codes and any(towns[c] for c in codes):
            best = max(codes, key=lambda c: towns[c])
            g.place = gaz.country(best)


_COORDINATION = re.compile(r",\s+(?:and\s+)?|\s+and\s+|\s*&\s*")
_COORDINATED_PART = re.compile(r"[^,&]+?(?=,|\s+and\s+|\s*&|$)")


def _split_coordinations(cands: list[Candidate]) -> list[Candidate]:
    """ "Mali, Burkina Faso", "Chisinau and Tiraspol", "Malian, Burkinabe": a span the model
    ran across a coordination is one mention per part when every part is a known place
    or demonym ("Trinidad and Tobago", a place itself, stays whole)."""
    gaz = get_gazetteer()
    out: list[Candidate] = []
    for c in cands:
        if (
            c.label not in ("GPE", "LOC", "ORG", "NORP")
            or not _COORDINATION.search(c.text)
            or gaz.lookup(c.text) is not None
        ):
            out.append(c)
            continue
        pieces = list(_COORDINATED_PART.finditer(c.text))
        parts = [
            (c.start + m.start() + (len(m.group()) - len(m.group().lstrip())), m.group().strip())
            for m in pieces
        ]
        parts = [(s, t.removeprefix("and ").strip()) for s, t in parts if t.strip()]
        known = [gaz.lookup(t) or norp_country(t) for _, t in parts]
        places = [k for k in known if hasattr(k, "entity_type")]
        # "Lesbos, Chios" with Chios a known town: a list of places, the unknown ones
        # of the known one's kind, unless a part has a body's name ("X and Y Bank")
        listed = (
            len(places) == len([k for k in known if k])
            and places
            and all(" " not in t and t[:1].isupper() for _, t in parts)
            and not any(t.casefold() in lexicon()["org_heads"] for _, t in parts)
        )
        if len(parts) < 2 or not (all(known) or listed):
            out.append(c)
            continue
        for (start, text), place in zip(parts, known, strict=True):
            start = c.start + c.text.index(text, start - c.start)
            place = place or places[0]
            label = place.entity_type if hasattr(place, "entity_type") else "NORP"
            part = Candidate(start, start + len(text), text, label, raw_label=label)
            part.votes[label] += LABEL_VOTE
            out.append(part)
    return out


def _expand_compounds(cands: list[Candidate]) -> list[Candidate]:
    """Split "Trump-Putin" / "U.S.-Russia" into parts when every part is known alone; keep
    an optional candidate (a name after a possessive) only when it is known alone."""
    known = {text_key(c.text) for c in cands if not c.parts and not c.optional}
    gaz = get_gazetteer()
    out: list[Candidate] = []
    for c in cands:
        if c.optional:
            if text_key(c.text) in known:
                out.append(c)
        elif (
            c.parts
            and gaz.lookup(c.text) is None  # "Guinea-Bissau" is one country
            and all(text_key(p.text) in known or gaz.lookup(p.text) for p in c.parts)
        ):
            out.extend(c.parts)
        else:
            c.parts = []
            out.append(c)
    return out


def _build(cluster: list[Group]) -> Entity:
    votes: Counter[str] = Counter()
    for g in cluster:
        votes.update(g.votes)
    full = [g for g in cluster if g.type == "PERSON" and len(g.words) >= 2]
    if full and len(cluster) > 1:
        # a full personal name anchors its short forms: a bare surname the model tags as
        # an organisation ("at Bayramov's request") is still the person, however often
        short = sum(len(g.cands) for g in cluster if len(g.words) == 1)
        votes["PERSON"] += LABEL_VOTE * max(1, short)
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
        # a mixed-case form over an upper-case byline ("Jane Doe" over "JANE DOE")
        name = max(counts, key=lambda s: (len(s.split()), not s.isupper(), counts[s], len(s)))
        if name.isupper():
            name = name.title()  # only written in capitals: "BY JANE DOE" -> "Jane Doe"
    elif place is not None:
        name = place.name
    elif etype == "NORP":
        # "Filipino" over "Philippine": a demonym whose plural is the country's own name
        # ("Philippines") does not name the group.
        best = max(counts, key=lambda s: (not _is_country(demonym_plural(s)), counts[s], len(s)))
        name = demonym_plural(best)
        if _is_country(name):
            # only "Philippine" was written: the group is called by the country's
            # irregular demonym ("Filipinos"), never by the country's own name
            group = get_gazetteer().group_name(norp_country(best))
            name = demonym_plural(group) if group else name
    else:  # the full form over an acronym or a country-less short form
        # ... and a mixed-case form over a masthead's capitals ("EASTAFRICA LEDGER")
        name = max(
            counts,
            key=lambda s: (len(s.split()), not (s.isupper() and " " in s), counts[s], len(s)),
        )
        if name.isupper() and " " in name and etype == "ORG":
            name = name.title()  # only written in capitals: "NATION MEDIA GROUP"

    aliases = list(dict.fromkeys(surfaces + [collapse(c.surface) for c in cands if c.surface]))
    if etype == "PERSON":
        aliases.extend(c.title for c in cands if c.title)
        aliases = list(dict.fromkeys(aliases))
        code = _person_country(cands)
    elif etype == "NORP":
        # every written form counts: "Philippine" names PH even when the group's
        # name does not resolve
        code = norp_country(name) or next(
            (c for c in map(norp_country, counts) if c is not None), None
        )

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


def _is_country(text: str) -> bool:
    place = get_gazetteer().lookup(text)
    return place is not None and place.kind == "country"


def _person_country(cands: list[Candidate]) -> str | None:
    """A person's country from a title qualifier: "US President", "Russian Foreign Minister"."""
    gaz = get_gazetteer()
    for c in cands:
        # "US", "Russian", or the first word of "Chinese Foreign Ministry"; without a
        # qualifier the model tagged, the title's first word ("Omani Foreign Minister")
        words = (c.qualifier, c.qualifier.split()[0]) if c.qualifier else ()
        if not words and c.title and c.title[:1].isupper():
            first = c.title.split()[0]
            # "Vice President X": a title word is no qualifier, however a town is named
            words = () if first.lower() in lexicon()["title_words"] else (first,)
        for q in words:
            place = gaz.lookup(q.removesuffix("'s").removesuffix("’s"))
            if place is not None and place.kind == "state" and place.country_code != "US":
                # "Bougainville President", "Kurdistan Region Prime Minister": a region's
                # own leader, who often speaks against the state it belongs to
                continue
            # "Thai" is a demonym before it is a town in Malaysia; "Moscow Mayor" a town
            code = norp_country(q) if place is None or place.kind != "country" else None
            code = code or (place.country_code if place else None)
            if code:
                return code
    return None


def _surnames_read_as_places(entities: list[Entity]) -> list[Entity]:
    """A bare surname the model typed as a place is the titled person of that surname
    ("Foreign Minister Timothy Musa Kabba ... Kabba said", not Kabba, Nigeria): merged
    into the person when the article titles them and the place is no country or capital."""
    titled = {
        p.name.split()[-1]: p
        for p in entities
        if p.type == "PERSON"
        and len(p.name.split()) >= 2
        and any(a != p.name and a.endswith(p.name) for a in p.aliases)
    }
    out = []
    for e in entities:
        person = titled.get(e.name) if e.type == "GPE" and " " not in e.name else None
        place = get_gazetteer().lookup(e.name) if person is not None else None
        if person is None or (place is not None and (place.kind != "city" or place.capital_of)):
            out.append(e)
            continue
        person.mentions.extend(e.mentions)
        person.mentions.sort(key=lambda m: m.start)
        if e.name not in person.aliases:
            person.aliases.append(e.name)
    return out


def _countries_from_context(doc: Any, entities: list[Entity]) -> None:
    """A person's country from the office the text gives them beside the name: "X,
    Libya's prime minister", "X, the Libyan envoy", "Libya's prime minister, X",
    "President X of Cameroon" (a title written before the name is read in ``_build``); a
    state body's from its name or possessor (``_body_country``)."""
    roles = lexicon()["role_words"]
    for e in entities:
        if e.type == "ORG" and not e.country_code:
            e.country_code = _body_country(doc, e)
            continue
        if e.type != "PERSON" or e.country_code:
            continue
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span[-1]  # the surname heads the name (the parser may cut it off)
            offices = [c for c in root.children if c.dep_ == "appos" and c.lower_ in roles]
            if root.dep_ == "appos" and root.head.lower_ in roles:
                offices.append(root.head)
            qualifiers = [
                q
                for o in offices
                for q in o.children
                if q.dep_ in ("amod", "compound", "poss", "nmod")
            ] + [
                g
                for t in (root, *offices)
                for p in t.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            code = next(filter(None, map(_country_word, qualifiers)), None) or _speaking_in_capital(
                span
            )
            if code:
                e.country_code = code
                break


def _speaking_in_capital(span: Any) -> str | None:
    """The country of an official introduced at its capital: "In Moscow, foreign ministry
    spokeswoman Maria Zakharova said ...", "In Washington, Secretary of State Marco Rubio
    ..." (the news way of saying whose side speaks). Only a titled name right after the
    opening "In <capital>," counts."""
    if not span.doc.has_annotation("SENT_START"):
        return None  # a doc without a parse (tests, a disabled parser) has no sentences
    sent = span.sent
    toks = list(sent)
    if len(toks) < 4 or toks[0].lower_ != "in":
        return None
    comma = next((t.i for t in toks[1:5] if t.text == ","), None)
    if comma is None or span.start <= comma or span.start - comma > 8:
        return None
    if span.start == comma + 1:
        return None  # no title between the comma and the name
    return seat_of(sent.doc[toks[1].i : comma].text)


def _body_country(doc: Any, e: Entity) -> str | None:
    """A state body's country from its name or its mentions: "Japan Fisheries Agency",
    "Iraqi Police", "Russia's Federal Agency for Fishery" (used to tell host from guest
    when two bodies meet)."""
    first = e.name.split()[0] if " " in e.name else ""
    # "Philippine government": the demonym of a country named in the plural too
    code = _country_named(first, demonym=first.endswith(("an", "ese", "ish", "i", "ine")))
    if code:
        return code
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for c in span.root.children:
            if c.dep_ == "poss" and c.i < span.start:
                code = _country_word(c)
                if code:
                    return code
    return None


def _country_word(tok: Any) -> str | None:
    """The country a word names as a country ("Libya's", "Cameroon") or a demonym; a
    possessive names it with the words before it ("South Korea's", "North Macedonia's")."""
    if tok.dep_ == "poss" and tok.left_edge.i < tok.i:
        code = _country_named(tok.doc[tok.left_edge.i : tok.i + 1].text, demonym=False)
        if code:
            return code
    return _country_named(tok.text, demonym=tok.ent_type_ == "NORP" or tok.tag_ == "JJ")


def _country_named(word: str, demonym: bool) -> str | None:
    """The country a capitalised word names ("Libya's", "Japan"), or, with ``demonym``,
    the country its demonym names ("Turkish")."""
    if not word[:1].isupper():
        return None
    place = get_gazetteer().lookup(word.removesuffix("'s").removesuffix("’s"))
    if place is not None and place.kind == "country":
        return place.country_code
    return norp_country(word) if demonym else None


def _propagate(doc: Any, full: str, entities: list[Entity], taken: set[tuple[int, int]]) -> None:
    """Add mentions the model missed: a later bare "Ruto" after "William Ruto", a second
    "Kremlin" after a tagged one. Only capitalised names that belong to a single entity
    are propagated, at token boundaries, on proper nouns; one regex pass over the text."""
    claims: dict[str, list[Entity]] = {}
    for e in entities:
        forms = {collapse(m.text) for m in e.mentions}
        if e.type == "PERSON":
            forms |= {f.split()[-1] for f in forms if len(f.split()) >= 2}
        for f in forms:
            if f[:1].isupper() and len(f) >= 2:
                claims.setdefault(f, []).append(e)
    owner: dict[str, Entity | None] = {}
    for f, claimants in claims.items():
        # A form two entities share goes to one that is mentioned twice as often.
        claimants.sort(key=lambda x: len(x.mentions), reverse=True)
        dominant = len(claimants) == 1 or len(claimants[0].mentions) >= 2 * len(
            claimants[1].mentions
        )
        owner[f] = claimants[0] if dominant else None
    by_first: dict[str, list[str]] = {}
    for f in sorted((f for f, e in owner.items() if e is not None), key=len, reverse=True):
        by_first.setdefault(f.split()[0], []).append(f)
    if not by_first:
        return
    covered = sorted(taken | {(m.start, m.end) for e in entities for m in e.mentions})
    starts = [s for s, _ in covered]
    has_pos = doc.has_annotation("POS")
    lowercase_seen: dict[str, bool] = {}
    for start, end, form in _find_forms(full, by_first):
        k = bisect.bisect_right(starts, end - 1) - 1
        if k >= 0 and covered[k][1] > start:
            continue  # overlaps a mention already found
        span = doc.char_span(start, end)
        if span is None:
            continue
        # The small model tags a sentence-initial "Trump" NOUN now and then; a form that
        # also occurs as a lowercase word ("Bush" / "bush fires") stays out.
        if (
            has_pos
            and span[0].pos_ != "PROPN"
            and (span[0].pos_ != "NOUN" or _used_lowercase(full, form, lowercase_seen))
        ):
            continue
        if span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN":
            continue  # "Washington" in an untagged "Washington Post"
        ent = owner[form]
        if ent is not None:
            ent.mentions.append(Mention(start, end, full[start:end]))
    for e in entities:
        e.mentions.sort(key=lambda x: x.start)
        for x in e.mentions:
            alias = collapse(x.text)
            if alias not in e.aliases:
                e.aliases.append(alias)


_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-Z][^\s]*")
_WORD_AFTER = re.compile(r"[\w'’-]")
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![\w])")


def _find_forms(full: str, by_first: dict[str, list[str]]) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) for each whole-word occurrence of a form, longest first, found
    by looking up each capitalised word (no per-document regex to compile)."""
    for m in _CAPITALISED.finditer(full):
        word = m.group(0)
        options = by_first.get(word) or by_first.get(word.rstrip(",.;:!?)”’'\""))
        if not options:
            continue
        start = m.start()
        for form in options:
            end = start + len(form)
            if full.startswith(form, start) and (
                not _WORD_AFTER.match(full, end) or _POSSESSIVE_AFTER.match(full, end)
            ):
                yield start, end, form  # "Ruto’s plan" gives "Ruto"
                break


def _used_lowercase(full: str, form: str, cache: dict[str, bool]) -> bool:
    low = form.lower()
    if low not in cache:
        cache[low] = re.search(rf"(?<![\w]){re.escape(low)}(?![\w])", full) is not None
    return cache[low]


def _unique_mentions(entities: list[Entity]) -> list[Entity]:
    """One entity per exact span: EntityIndex sorts (start, end, entity) tuples, and a
    span read twice must not count twice. Entities left without a mention are dropped."""
    seen: set[tuple[int, int]] = set()
    for e in sorted(entities, key=lambda x: -len(x.mentions)):
        kept = []
        for m in e.mentions:
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                kept.append(m)
        e.mentions = kept
    return [e for e in entities if e.mentions]


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
