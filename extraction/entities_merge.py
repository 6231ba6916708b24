"""Which candidate groups name the same referent, and of which type.

A group holds the candidates sharing one text key. ``add_evidence`` adds gazetteer and
demonym votes to the model's labels; ``merge`` then unions groups that name one referent:
places by gazetteer identity, demonyms by group name, people by surname, given name and
spelling variant, organisations by acronym, legal suffix and country-less short form, and
long names that differ by a letter.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from extraction.entities_names import (
    demonym_plural,
    lexicon,
    looks_like_demonym,
    norp_country,
    same_person_name,
    similar,
    text_key,
)
from extraction.entities_spans import Candidate
from extraction.gazetteer import Place, get_gazetteer

_PLACE_VOTE = 4  # per mention, in the half-vote units of entities_spans.LABEL_VOTE
_DEMONYM_VOTE = 4
_ORG_HEAD_VOTE = 3
_BIG_CITY = 1_000_000
_SMALL_TOWN = 15_000  # geonames' smaller towns (the gazetteer lists towns from 5,000)
# The last word of an administrative area's name: such areas are GPE (OntoNotes). Not
# "state" or "department", which end the names of bodies ("Islamic State", "State
# Department").
_ADMIN_HEADS = frozenset(
    {"region", "province", "district", "regency", "county", "governorate", "prefecture",
     "oblast", "municipality"}
)  # fmt: skip
_LARGE_CITY = 300_000
_SURNAME_SIMILARITY = 0.85
_LONG_NAME_SIMILARITY = 0.95


class Group:
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


def add_evidence(g: Group, article_countries: frozenset[str] = frozenset()) -> None:
    """Add gazetteer and demonym votes to a group. ``article_countries``: the ISO codes of
    the countries the article names (by name or demonym)."""
    n = len(g.cands)
    place = g.place
    text = g.cands[0].text
    said = {k for k, v in g.raw.items() if v * 2 > n}  # the model's majority label(s)
    if place is not None:
        # The model's PERSON for "Kiev" is overruled by a big city; its ORG for "Xinhua"
        # (also a town) is overruled only by a country, state, continent or sea, a
        # capital or a large city ("Dhaka", "Guayaquil" said as organisations).
        big_city = (
            ("ORG" not in said and place.population >= _BIG_CITY)
            or place.population >= _LARGE_CITY
            or place.capital_of is not None
        )
        dateline = text.isupper() and len(text) >= 5  # "JERUSALEM (AP) —"
        # "Sylhet" or "Gulshan" said as a group: a place name that is no demonym
        not_a_group = said == {"NORP"} and norp_country(text) is None
        a_group = said == {"NORP"} and norp_country(text) is not None  # "Thai", not a town
        # "students from Novi Sad" in an article about Serbia: a town of a country the
        # article is about, never given a title or first name, is that town
        local_town = (
            place.kind == "city"
            and place.country_code in article_countries
            and said <= {"PERSON", "ORG"}
            and not any(c.title or c.votes.get("LOC") for c in g.cands)  # "the Kakuma camp"
        )
        # a small town's name said as a site or region ("Notre Dame" the cathedral, not
        # the Indiana town) stays what the model said
        small_town = place.kind == "city" and place.population < _SMALL_TOWN
        if not a_group and (
            "GPE" in said
            or ("LOC" in said and not small_town)
            or not g.raw
            # a state, town or region said as a person stays a person ("Georgia",
            # "Washington"); a country, continent, sea or listed region never is one
            or (
                place.kind != "city"
                and not (
                    said == {"PERSON"}
                    and place.kind not in ("country", "continent", "sea", "region")
                )
            )
            or big_city
            or dateline
            or not_a_group
            or local_town
        ):
            g.votes[place.entity_type] += _PLACE_VOTE * n
    elif said == {"GPE"} and _code_name(text):
        # "M23", "FDLR", "EU" said as places: a code or acronym no gazetteer knows as a
        # place is the name of a group or body (state acronyms, "DRC", "UAE", are known)
        g.votes["ORG"] += _PLACE_VOTE * n
    elif get_gazetteer().is_people(text):
        g.votes["NORP"] += _DEMONYM_VOTE * n  # "Hindus", "the Tuareg": a people
    elif (
        said == {"NORP"}
        and " " not in text
        and not looks_like_demonym(text)
        and norp_country(text) is None
        and g.place is None
    ):
        # "Hezbollah", "Hamas" read as a group of people: a name with no demonym's shape
        # and no country is an organisation
        g.votes["ORG"] += _DEMONYM_VOTE * n
    elif (
        # the model's labels are place and group, or an odd organisation among them
        # ("a Kuwaiti official" beside "a Kuwaiti flag", "Kuwaiti encroachment")
        (set(g.raw) <= {"NORP", "GPE"} or g.raw["ORG"] * 2 < n - g.raw["PERSON"])
        and not g.raw["PERSON"]
        and looks_like_demonym(text)
        and (
            norp_country(text) is not None
            or (len(g.raw) == 0 and " " not in text)  # "Hakan Fidan" only ends like one
            or g.raw["NORP"] * 2 > n
        )
    ):
        # a demonym of a known country, or a group name the model reads as one in most
        # mentions; not a place name that merely ends like one ("in Moqokori")
        g.votes["NORP"] += _DEMONYM_VOTE * n
    if (
        said in ({"PERSON"}, {"ORG"})
        and looks_like_demonym(text)
        and " " not in text
        and norp_country(text) is not None
    ):
        # "Ugandan", "Moldovan" read as a person: a known country's demonym is a group
        g.votes["NORP"] += _DEMONYM_VOTE * n
    words = text.split()
    if len(words) >= 2 and words[-1].casefold() in lexicon()["loc_heads"] and place is None:
        g.votes["LOC"] += _ORG_HEAD_VOTE * n  # "Durand Line", "Shabelle River"
    elif len(words) >= 2 and words[-1].casefold() in _ADMIN_HEADS:
        g.votes["GPE"] += _ORG_HEAD_VOTE * n  # "Kurdistan Region", "Intan Jaya Regency"
    elif len(words) >= 2 and words[-1].casefold() in lexicon()["facility_heads"]:
        g.votes["LOC"] += _ORG_HEAD_VOTE * n  # "Machala Regional Prison", "Slavija Square"
    if "PERSON" in g.raw and any(c.plural for c in g.cands):
        # "the Houthis", "Los Choneros": a plural name is a group, never one person
        g.votes["ORG"] += _ORG_HEAD_VOTE * n
    if len(words) >= 2 and words[-1].casefold() in lexicon()["org_heads"]:
        # "Tigray People's Liberation Front", "Democratic Party": a name ending in the
        # word for a body is an organisation, whatever the model said.
        g.votes["ORG"] += _ORG_HEAD_VOTE * n
    elif len(words) >= 3 and words[1] == "of" and words[0].casefold() in lexicon()["org_heads"]:
        g.votes["ORG"] += _ORG_HEAD_VOTE * n  # "Bank of Ghana", "Ministry of Defence"
    elif (len(words) >= 2 or "-" in text) and words[0].split("-")[0].casefold() in lexicon()[
        "org_openers"
    ]:
        # "Jaish al-Adl", "Harakat al-Nujaba", "Lashkar-e-Taiba": the Arabic, Persian or
        # Urdu word for an army, movement or party opens the name of a group
        g.votes["ORG"] += _ORG_HEAD_VOTE * n


def _code_name(text: str) -> bool:
    """An acronym or alphanumeric code: "M23", "FDLR", "EU"."""
    compact = text.replace(".", "")
    return (
        " " not in text
        and len(compact) >= 2
        and compact.isalnum()
        and (compact.isupper() or any(ch.isdigit() for ch in compact))
    )


def _place_identity(place: Place) -> tuple[Any, ...]:
    if place.kind == "city":
        # Exact coordinates: "Kiev" and "Kyiv" are one geonames entry, a city and a
        # district of it (near, same country) are two places.
        return ("city", place.country_code, place.lat, place.lon)
    if place.kind == "country":
        return ("country", place.country_code)
    return (place.kind, place.name)


def merge(groups: list[Group], links: list[tuple[str, str]]) -> list[list[Group]]:
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
            code = norp_country(g.cands[0].text)
            # "Philippine" and "Philippines" (adjective), "Russian" and "Russians": one
            # group per country when the demonym leads to one, else by group name.
            ident = ("norp", code or demonym_plural(g.cands[0].text).casefold())
        else:
            continue
        if ident in by_identity:
            union(by_identity[ident], i)
        else:
            by_identity[ident] = i

    _merge_people(groups, union, find)
    _merge_long_names(groups, union)
    _merge_organisations(groups, links, union)

    clusters: dict[int, list[Group]] = {}
    for i, g in enumerate(groups):
        clusters.setdefault(find(i), []).append(g)
    return list(clusters.values())


def _merge_people(groups: list[Group], union: Any, find: Any) -> None:
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
    suffixes = lexicon()["name_suffixes"]
    by_word: dict[str, set[int]] = {}
    for i in full:
        for w in groups[i].words:
            wk = w.casefold().rstrip(".,")
            if len(wk) > 1 and wk not in particles and wk not in suffixes:
                by_word.setdefault(wk, set()).add(find(i))
                head, _, rest = wk.partition("-")
                if rest and head in particles:  # "al-Burhan" is also written "Burhan"
                    by_word.setdefault(rest, set()).add(find(i))
    size: Counter[int] = Counter()
    for i in full:
        size[find(i)] += len(groups[i].cands)
    surnames: dict[str, set[int]] = {}
    for i in full:
        surnames.setdefault(groups[i].words[-1][:2].casefold(), set()).add(i)
    plural_groups = {
        g.words[0].casefold(): i
        for i, g in enumerate(groups)
        if len(g.words) == 1 and g.type == "ORG" and g.words[0].endswith("s")
    }
    for i, g in enumerate(groups):
        if len(g.words) != 1:
            continue
        # Any one-word name but a demonym or a known place may be a short form of a
        # person's name: the model tags "Blinken" GPE or "Trump" ORG now and then.
        if g.place is not None and not g.raw.get("PERSON"):
            continue
        word = g.words[0].casefold()
        if word + "s" in plural_groups:
            # "Houthi officials" beside "the Houthis": the group's adjective, not the
            # surname of its leader Abdul-Malik al-Houthi
            union(plural_groups[word + "s"], i)
            continue
        if g.type == "NORP":
            # "Modi and Yunus discussed": the model's NORP for a surname that no country's
            # demonym explains joins the person when the word is exactly in one name.
            if (
                norp_country(g.words[0]) is not None
                or g.words[0] in lexicon()["compass_adjectives"]
            ):
                continue
            owners = {find(k) for k in by_word.get(word, ())}
            if len(owners) == 1:
                g.votes["PERSON"] += g.votes.pop("NORP", 0)  # the group was a misreading
                union(owners.pop(), i)
            continue
        owners = {find(k) for k in by_word.get(word, ())}
        if not owners:  # "Zelensky" for "Volodymyr Zelenskyy"
            owners = {
                find(k)
                for k in surnames.get(word[:2], ())
                if similar(word, groups[k].words[-1]) >= _SURNAME_SIMILARITY
            }
        if len(owners) > 1:  # "Trump" with "Donald Trump" and "Melania Trump"
            ranked = sorted(owners, key=lambda o: size[o], reverse=True)
            owners = {ranked[0]} if size[ranked[0]] >= 2 * size[ranked[1]] else owners
        if len(owners) == 1:
            union(owners.pop(), i)


def _merge_long_names(groups: list[Group], union: Any) -> None:
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


def _merge_organisations(groups: list[Group], links: list[tuple[str, str]], union: Any) -> None:
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
            # "US State Department", "UN Security Council": a state or an acronymed
            # body qualifies the name its short form leaves out
            qualifier = (
                gaz.lookup(words[0])
                or looks_like_demonym(words[0])
                or (words[0].replace(".", "").isupper() and len(words[0].replace(".", "")) >= 2)
            )
            if len(words) >= 3 and qualifier:
                tails.setdefault(tuple(w.casefold() for w in words[1:]), []).append(i)
    # "Apple Inc." / "Apple", "Ford Motor Co" / "Ford Motor": a legal suffix is not the name.
    suffixes = lexicon()["corporate_suffixes"]
    for i in orgs:
        words = groups[i].words
        if len(words) >= 2 and words[-1].casefold().rstrip(".,") in suffixes:
            base = text_key(" ".join(words[:-1]))
            if base in index and groups[index[base]].type == "ORG":
                union(index[base], i)
    for i, g in enumerate(groups):
        words = g.words
        text = g.cands[0].text
        # The model types an acronym GPE now and then ("the EU" beside "European
        # Union"); any all-caps word that is not a gazetteer place joins the one
        # organisation whose initials it spells.
        letters = text.replace(".", "")  # "U.N." spells "UN"
        if (
            len(words) == 1
            and text.isupper()
            and len(letters) >= 2
            and g.place is None
            and len(initials.get(letters, ())) == 1
        ):
            union(initials[letters][0], i)
        elif g.type == "ORG" and len(tails.get(tuple(w.casefold() for w in words), ())) == 1:
            union(tails[tuple(w.casefold() for w in words)][0], i)
