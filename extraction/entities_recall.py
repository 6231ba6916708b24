"""Second look at the candidates: names the model missed, split or left unlinked.

Runs after ``entities_spans.collect_candidates``:

- a place the model missed next to one it found ("Both Moscow and Kyiv remain ...");
- a proper noun the model left untagged as the subject of a speech verb ("..., Kallas
  said") is a person;
- two person spans separated by one space are one name ("Hassan Sheikh" + "Mohamud");
- an acronym in brackets names the organisation before it ("World Food Programme (WFP)");
- names in reporting credits are people ("Reporting by Jane Doe; Editing by John Roe").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from extraction.entities_names import lexicon, norp_country, word_key
from extraction.entities_spans import (
    LABEL_VOTE,
    OFFICE_WORDS,
    SITE_HEADS,
    Candidate,
    generation_name,
)
from extraction.entities_titles import scan_title
from extraction.gazetteer import get_gazetteer


def complete(doc: Any, full: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` plus the missed places and speakers, joined and linked, in text order."""
    cands = _without_navigation(full, cands)
    cands = _street_names(doc, cands)
    cands = _public_squares(cands)
    cands = _titled_names(doc, full, cands)
    out = cands + _coordinated_places(doc, cands) + _untagged_speakers(doc, full, cands)
    out += _untagged_demonyms(doc, out)
    out += _untagged_countries(doc, out)
    out += _member_groups(doc, out)
    out += _bare_ministries(doc, out)
    out += _bare_governments(doc, out)
    out = _credited_people(full, out)
    out = _copyright_holders(full, out)
    out = _inline_credits(full, out)
    out.sort(key=lambda c: (c.start, -c.end))
    out = _join_adjacent_people(full, out)
    out = _join_hyphenated_places(full, out)
    out = _override(out, _of_places(full, out))
    out = _org_complements(full, out)
    out = _bracketed_acronyms(full, out)
    out = out + _names_before_acronyms(full, out)
    out = out + _bare_acronyms(doc, full, out) + _dateline_places(full, out)
    out.sort(key=lambda c: (c.start, -c.end))
    _link_parenthetical_acronyms(full, out)
    return out


def _voted(start: int, end: int, text: str, label: str, vote: int) -> Candidate:
    """A candidate of ``label`` with ``vote`` for it, as the model would have tagged it."""
    c = Candidate(start, end, text, label, raw_label=label)
    c.votes[label] += vote
    return c


# A breadcrumb trail: "Home / News / Africa / Sahel", "Home > News > Gulf > Yemen".
_BREADCRUMB = re.compile(r"(?m)^[ \t]*Home[ \t]*(?:/|›|»|>|\|)[^\n]*$")


def _without_navigation(full: str, cands: list[Candidate]) -> list[Candidate]:
    """A breadcrumb's section labels ("News", "Politics", "Diplomacy") name no one; the
    regions and countries it files the story under ("Sahel", "Yemen") are still places
    (gold rule: entities in boilerplate count when they name a real entity)."""
    trails = [(m.start(), m.end()) for m in _BREADCRUMB.finditer(full)]
    if not trails:
        return cands
    gaz = get_gazetteer()
    return [
        c
        for c in cands
        if not any(s <= c.start < e for s, e in trails)
        or c.label in ("GPE", "LOC")
        or gaz.lookup(c.text) is not None
    ]


def _bare_ministries(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """ "The interior ministry said ...", "foreign ministry officials": a state body named by
    its function alone is an organisation (gold sets: bodies named by function are ORG, as
    "French presidency" is). A possessive one ("Iran's foreign ministry") is a description
    of the state's body, not a name, and a demonym one ("the Chinese foreign ministry") is
    made by the span repairs; both are left alone."""
    taken = [(c.start, c.end) for c in cands]
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != "ministry" or tok.i == 0:
            continue
        j = tok.i
        while j > 0 and tok.i - j < 2 and doc[j - 1].lower_ in OFFICE_WORDS:
            j -= 1
        before = doc[j - 1] if j > 0 else None
        if j == tok.i or (
            before is not None
            and (before.tag_ == "POS" or before.ent_type_ or before.pos_ in ("PROPN", "ADJ"))
        ):
            continue
        start, end = doc[j].idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        new = _voted(start, end, doc.text[start:end], "ORG", LABEL_VOTE * 2)
        out.append(new)
    return out


# Words that name a government by its term or level rather than its state.
_GOVERNMENT_KINDS = frozenset({"interim", "transitional"})


def _bare_governments(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """ "The interim government banned the party", "urged the federal government to
    reverse the tariff": a government named by its term or level is an organisation (two
    gold sets name it so), unlike a bare "the government", which is the story's state."""
    taken = [(c.start, c.end) for c in cands]
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ != "government" or tok.i < 2:
            continue
        kind, det = doc[tok.i - 1], doc[tok.i - 2]
        if kind.lower_ not in _GOVERNMENT_KINDS or det.lower_ != "the":
            continue
        start, end = kind.idx, tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            continue
        out.append(_voted(start, end, doc.text[start:end], "ORG", LABEL_VOTE * 2))
    return out


_TITLED_VOTE = 4
# Lower-case heads that finish a street or site name: "Kralja Milana street", "the
# Margara crossing".
_STREET_HEADS = frozenset(
    {"street", "avenue", "square", "bridge", "crossing", "road", "boulevard", "highway",
     "lane", "roundabout"}
)  # fmt: skip
# Sites named after a place: "the Hezyaz power station", "the Kakuma refugee camp"; not
# the words that also name a stretch of land or water ("the Kenya border", "the strait").
_SITE_HEADS = SITE_HEADS - {"border", "corridor", "valley", "strait", "field", "mine"}
# Lower-case words that may stand between a name and its site word ("power", "oil").
_SITE_MODIFIERS = frozenset(
    {"power", "oil", "gas", "fuel", "air", "naval", "military", "refugee", "border", "nuclear",
     "research", "water", "ammunition", "army", "police", "detention", "displacement",
     "enrichment", "container", "grain", "electricity", "hydroelectric", "steel"}
)  # fmt: skip
_STREET_VOTE = 4


# Words that open the name of a public square in the languages news copies names from:
# "Place de la Nation", "Plaza San Martín", "Piazza Venezia", "Praça dos Três Poderes".
_SQUARE_OPENERS = frozenset({"Place", "Plaza", "Piazza", "Praça", "Praca", "Plac", "Largo"})


def _public_squares(cands: list[Candidate]) -> list[Candidate]:
    """A name opened by a square word ("Place de la Nation") is that square, a LOC, however
    the model tagged it (it reads "Place de la Nation" as an organisation)."""
    out = []
    for c in cands:
        words = c.text.split()
        if len(words) > 1 and words[0] in _SQUARE_OPENERS and c.label not in ("LOC", "FAC"):
            c = _voted(c.start, c.end, c.text, "LOC", _STREET_VOTE)
        out.append(c)
    return out


def _street_names(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A name followed by a lower-case street or site word is that street or site ("on
    Kralja Milana street", "at the Margara crossing", "the Hezyaz power station"): a LOC
    named with its head word, whatever the model said of the name alone. Not for a known
    town ("a Belgrade street", "the Gaza power plant")."""
    toks = list(doc)
    by_end = {t.idx + len(t.text): t.i for t in toks}
    by_start = {t.idx: t.i for t in toks}
    gaz = get_gazetteer()
    out: list[Candidate] = []
    for c in cands:
        i = by_end.get(c.end)
        nxt = toks[i + 1] if i is not None and i + 1 < len(toks) else None
        k = i + 1 if nxt is not None else None
        while (
            k is not None
            and k + 1 < len(toks)
            and k - i <= 2
            and toks[k].lower_ in _SITE_MODIFIERS
            and toks[k].is_lower
        ):
            k += 1  # "power" in "the Hezyaz power station"
        if k is not None and k < len(toks) and k != i + 1 and toks[k].lower_ in _SITE_HEADS:
            nxt = toks[k]
        first = by_start.get(c.start)
        definite = first is not None and first > 0 and toks[first - 1].lower_ == "the"
        site = nxt is not None and nxt.lower_ in _SITE_HEADS and definite
        if (
            nxt is None
            or not (nxt.lower_ in _STREET_HEADS or site)
            or not nxt.is_lower
            or c.label in ("NORP", "EVENT", None)
            or (gaz.lookup(c.text) is not None and not site)
        ):
            out.append(c)
            continue
        end = nxt.idx + len(nxt.text)
        new = _voted(c.start, end, doc.text[c.start : end], "LOC", _STREET_VOTE)
        if site:
            new.surface = c.text  # the site is also called by its name alone ("Attari")
        out.append(new)
    return out


def _titled_names(doc: Any, full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "detained President Umaro Sissoco Embalo": two to four capitalised proper nouns
    right after a capitalised title or honorific are a person's name, even where the
    model tagged none of it or only a piece (its pieces give way to the whole name)."""
    lex = lexicon()
    titles = lex["roles"] | lex["honorifics"]
    particles = lex["particles"]
    toks = list(doc)
    people = [(c.start, c.end) for c in cands if c.label == "PERSON"]
    out_new: list[Candidate] = []
    i = 0
    while i < len(toks) - 2:
        t = toks[i]
        if not (t.text[:1].isupper() and word_key(t.text) in titles) or generation_name(doc, i):
            i += 1
            continue
        first = _after_portfolio(toks, i + 1, lex)  # "High Commissioner for Human Rights"
        j, words = first, 0
        while j < len(toks) and words < 4:
            if _name_hyphen(toks, j) and j > first:
                j += 1  # "Jean-Victor Harvel Jean-Baptiste": a hyphen inside a name
                continue
            if not (
                toks[j].pos_ == "PROPN"
                and (toks[j].is_title or toks[j].lower_ in particles)
                and word_key(toks[j].text) not in titles
            ):
                break
            j, words = j + 1, words + (not _name_hyphen(toks, j - 1))
        if (
            words < 2
            or toks[j - 1].lower_ in particles
            # "Minister for Pacific Island Affairs": the portfolio goes on, no name yet
            or (first > i + 1 and any(_portfolio_word(t, lex) for t in toks[first:j]))
        ):
            i += 1
            continue
        start, end = toks[first].idx, toks[j - 1].idx + len(toks[j - 1].text)
        if any(s <= start and end <= e for s, e in people):
            i = j
            continue
        if get_gazetteer().lookup(doc.text[start:end]) is not None:
            i = j
            continue
        new = _voted(start, end, doc.text[start:end], "PERSON", _TITLED_VOTE)
        scan_title(doc, full, i + 1, new, lex)
        out_new.append(new)
        i = j
    if not out_new:
        return cands
    spans = [(n.start, n.end) for n in out_new]
    kept = [c for c in cands if not any(s <= c.start and c.end <= e for s, e in spans)]
    return sorted(kept + out_new, key=lambda c: (c.start, -c.end))


# Words of a portfolio written after a title: "High Commissioner for Human Rights",
# "Minister for Foreign Affairs", "Secretary of State".
_PORTFOLIO_EXTRA = frozenset(
    {"human", "rights", "refugees", "state", "peace", "migration", "climate", "humanitarian",
     "disarmament", "policy", "political", "european", "europe", "african", "asian", "pacific",
     "national", "international", "multilateral", "maritime", "and", "the"}
)  # fmt: skip


def _name_hyphen(toks: list[Any], j: int) -> bool:
    """``toks[j]`` is a hyphen with no space around it, between two capitalised words."""
    return (
        0 < j < len(toks) - 1
        and toks[j].text in ("-", "‑")
        and not toks[j - 1].whitespace_
        and not toks[j].whitespace_
        and toks[j + 1].text[:1].isupper()
    )


def _after_portfolio(toks: list[Any], k: int, lex: dict[str, frozenset[str]]) -> int:
    """The index after a "for/of <portfolio>" phrase at ``k`` ("for Human Rights" in
    "High Commissioner for Human Rights Volker Türk"), or ``k`` when there is none."""
    if k >= len(toks) or toks[k].lower_ not in ("for", "of"):
        return k
    j = k + 1
    while j < len(toks) and (toks[j].text[:1].isupper() or toks[j].lower_ in ("and", "the")):
        if not _portfolio_word(toks[j], lex):
            break
        j += 1
    return j if j > k + 1 else k


def _portfolio_word(tok: Any, lex: dict[str, frozenset[str]]) -> bool:
    key = word_key(tok.text)
    return key in lex["portfolios"] or key in OFFICE_WORDS or key in _PORTFOLIO_EXTRA


_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})(?=,| [-–—(]|:)", re.M)
_DATELINE_VOTE = 6


def _dateline_places(full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "KYIV, Oct 2 (Reuters) -", "BRUSSELS — ...": a place in capitals opening a line
    is the dateline city, a GPE mention, even when the model left it untagged."""
    starts = {c.start for c in cands}
    gaz = get_gazetteer()
    out = []
    for m in _DATELINE.finditer(full):
        word = m.group(1)
        if m.start(1) in starts or len(word) < 4:
            continue
        place = gaz.lookup(word)
        if place is None or place.kind not in ("city", "country", "state"):
            continue
        cand = Candidate(m.start(1), m.end(1), word, place.entity_type)
        cand.votes[place.entity_type] += _DATELINE_VOTE
        out.append(cand)
    return out


# "-Bissau", "-Leste"; or " and Barbuda", " and the Grenadines" of a country named with "and"
_HYPHEN_TAIL = re.compile(
    r"(?:-[A-Z][\w']*){1,2}|[ ]and[ ](?:the[ ])?[A-Z][\w']*(?:[ ][A-Z][\w']*)?"
)
_STATE_AFTER = re.compile(r" [Ss]tate\b")


def _join_hyphenated_places(full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "Guinea-Bissau", "Timor-Leste", "Antigua and Barbuda": a place name the gazetteer
    knows across a hyphen (or a country's "and") is one mention (the model often tags
    "Guinea" and "Bissau" apart). "Washington
    state" names the state, not the capital: the word "state" joins the mention."""
    gaz = get_gazetteer()
    out: list[Candidate] = []
    drop_until = -1
    for c in cands:
        if c.start < drop_until and out and c.end <= drop_until:
            continue  # a piece of a joined name
        m = _HYPHEN_TAIL.match(full, c.end)
        joined = None
        if m and c.label in ("GPE", "LOC", "ORG", "PERSON", "NORP", None):
            for k in range(m.end(), c.end, -1):  # longest known form first
                form = full[c.start : k]
                if (
                    full[k - 1] not in "- "
                    and (p := gaz.lookup(form)) is not None
                    and (" and " not in form or p.kind == "country")
                ):
                    joined = k
                    break
        if joined is None and c.label in ("GPE", None):
            st = _STATE_AFTER.match(full, c.end)
            place = gaz.lookup(c.text)
            if st and place is not None and place.capital_of:
                wide = gaz.lookup(full[c.start : st.end()])
                if wide is not None and wide.kind == "state":
                    joined = st.end()
        if joined is None:
            out.append(c)
            continue
        place = gaz.lookup(full[c.start : joined])
        label = place.entity_type if place is not None else "GPE"
        new = _voted(c.start, joined, full[c.start : joined], label, LABEL_VOTE * 2)
        new.title, new.qualifier = c.title, c.qualifier
        out.append(new)
        drop_until = joined
    return out


@lru_cache(maxsize=1)
def _of_place_pattern() -> re.Pattern[str]:
    names = get_gazetteer().of_names()
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _of_places(full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "Port of Spain" in a footer, "the Strait of Hormuz": a country, capital or sea
    named with "of" that the model cut at the "of" (only where a candidate lies inside
    it, so a name it already has is left alone)."""
    if " of " not in full:
        return []
    gaz = get_gazetteer()
    found = []
    for m in _of_place_pattern().finditer(full):
        inside = [c for c in cands if m.start() <= c.start and c.end <= m.end()]
        if not inside or any(c.start == m.start() and c.end == m.end() for c in inside):
            continue
        place = gaz.lookup(m.group(0))
        label = place.entity_type if place is not None else "GPE"
        found.append(_voted(m.start(), m.end(), m.group(0), label, LABEL_VOTE * 2))
    return found


_BRACKETED = re.compile(r"\s*\(([A-Z][A-Z&]{1,7})\)")


def _bracketed_acronyms(full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "the Economic Community of West African States (ECOWAS)": an acronym in brackets
    the model left untagged becomes a candidate (linked to the name by
    ``_link_parenthetical_acronyms``)."""
    starts = {c.start for c in cands}
    out = list(cands)
    for c in cands:
        if c.label not in ("ORG", "PERSON", "GPE", "NORP") or " " not in c.text:
            continue
        m = _BRACKETED.match(full, c.end)
        if m is None or m.start(1) in starts:
            continue
        new = _voted(m.start(1), m.end(1), m.group(1), "ORG", LABEL_VOTE)
        out.append(new)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# "of"/"for" + a capitalised run that goes on an organisation's name ("Joint Command" +
# " of the Armed Forces", "Operational Group" + " of Russian Forces").
_ORG_COMPLEMENT = re.compile(
    r"[ ](?:of|for)[ ](?:the[ ])?[A-Z][\w'’.-]*(?:[ ](?:(?:of|for|the)[ ])*[A-Z][\w'’.-]*)*"
)


def _org_complements(full: str, cands: list[Candidate]) -> list[Candidate]:
    """An organisation's name the model cut before its "of" complement: "Ecuador's Joint
    Command of the Armed Forces", "the Centre of Malvinas Ex-Combatants of La Plata". The
    name takes the complement (and any candidates inside it) when it is headed by an
    organisation word."""
    heads = lexicon()["org_heads"]
    by_start = sorted(cands, key=lambda c: c.start)
    out: list[Candidate] = []
    swallowed: set[int] = set()
    for c in by_start:
        if id(c) in swallowed:
            continue
        words = c.text.split()
        if c.label not in ("ORG", None) or not any(word_key(w) in heads for w in words):
            out.append(c)
            continue
        m = _ORG_COMPLEMENT.match(full, c.end)
        if m is None or "\n" in m.group(0) or re.search(r"['’]s\b", m.group(0)):
            # "Border Service of Russia's Federal Security Service": a possessive names
            # another body
            out.append(c)
            continue
        end = m.end()
        inside = [x for x in by_start if x is not c and c.end <= x.start and x.end <= end]
        if any(x.label == "PERSON" for x in inside):
            out.append(c)  # "the Office of Vladimir Putin" names its holder apart
            continue
        swallowed.update(id(x) for x in inside)
        longer = Candidate(c.start, end, full[c.start : end], c.label, raw_label=c.raw_label)
        longer.votes.update(c.votes)
        out.append(longer)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# A capitalised name run ending just before a bracketed acronym, with the small words
# names carry inside them ("Reporters Without Borders", "Committee to Protect Journalists").
_NAME_BEFORE_BRACKET = re.compile(
    r"((?:[A-Z][\w'’&.-]*|of|for|to|and|the|on|in|de|du|des|la|le|al)"
    r"(?:[ ](?:[A-Z][\w'’&.-]*|of|for|to|and|the|on|in|de|du|des|la|le|al))*)\s*\($"
)


def _names_before_acronyms(full: str, cands: list[Candidate]) -> list[Candidate]:
    """ "Reporters Without Borders (RSF)": the model tagged the acronym in brackets but not
    the name before it; the capitalised run before the bracket is the organisation's
    name (two capitalised words at least), linked to the acronym like any other."""
    out: list[Candidate] = []
    ends = {c.end for c in cands}
    for b in _BRACKETED.finditer(full):
        if get_gazetteer().lookup(b.group(1)) is not None:
            continue  # "(UK)" places the body
        bracket = b.start(1)  # just after the "("
        m = _NAME_BEFORE_BRACKET.search(full, max(0, bracket - 121), bracket)
        if m is None:
            continue
        words = m.group(1).split()
        while words and not words[0][:1].isupper():
            words = words[1:]  # a name opens with a capital
        if words and words[0] == "The":
            words = words[1:]
        while len(words) > 2 and words[1] == "of" and words[0].casefold() in _COUNT_WORDS:
            words = words[2:]  # "Thousands of Pakistan Tehreek-e-Insaf (PTI) supporters"
        while words and not words[-1][:1].isupper():
            words = words[:-1]
        if sum(w[:1].isupper() for w in words) < 2:
            continue
        name = " ".join(words)
        if b.group(1) in _WIRE_AGENCIES and (
            get_gazetteer().lookup(name) is not None or name.isupper()
        ):
            continue  # "NEW DELHI (PTI)": the agency credited after a dateline
        start = m.start(1) + m.group(1).rfind(name)
        end = start + len(name)
        if end in ends or any(x.start <= start < x.end for x in cands):
            continue  # the model tagged (part of) it: the usual linking applies
        out.append(_voted(start, end, name, "ORG", LABEL_VOTE))
    return out


# Words that count or pick out people before a name: "Thousands of ...", "Members of ...".
_COUNT_WORDS = frozenset(
    {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "members",
     "supporters", "leaders", "fighters", "officials", "some", "many", "most", "all"}
)  # fmt: skip


# "RSF", and hyphenated acronyms of factions: "SPLM-IO", "FARC-EP".
_CAPS_WORD = re.compile(r"(?<![\w.&-])(?:[A-Z]{3,6}|[A-Z]{2,6}-[A-Z]{2,4})(?![\w.&-])")
_ROMAN = re.compile(r"[IVXLCDM]+")  # "Henry VIII", "Title IX"
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "conj", "appos", "agent"}
)


def _bare_acronyms(doc: Any, full: str, cands: list[Candidate]) -> list[Candidate]:
    """An all-caps word of 3-6 letters the model left untagged, used as a subject, object
    or possessor in a sentence that is not itself all caps ("The RSF denied it"), is an
    organisation. Places ("USA", "UAE") and common non-name acronyms ("CEO", "GDP") are
    skipped; one regex pass over the text."""
    if not doc.has_annotation("DEP"):
        return []
    gaz = get_gazetteer()
    stop = lexicon()["non_org_acronyms"]
    taken = sorted((c.start, c.end) for c in cands)
    starts = [s for s, _ in taken]
    out = []
    for m in _CAPS_WORD.finditer(full):
        word = m.group(0)
        if word.lower() in stop or _ROMAN.fullmatch(word) or gaz.lookup(word) is not None:
            continue
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and taken[k][1] > m.start():
            continue
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) not in (1, 3):
            continue  # one word, or "SPLM", "-", "IO"
        tok = span.root
        if any(t.ent_type_ for t in span) or tok.dep_ not in _ARGUMENT_DEPS:
            continue
        sent = tok.sent
        if not any(t.is_lower for t in sent if t.is_alpha):
            continue  # a heading or a dateline in capitals
        cand = Candidate(m.start(), m.end(), word, "ORG")  # no model label: a weak vote
        cand.votes["ORG"] += 1
        out.append(cand)
    return out


_NAME = r"[A-Z][\w'’.-]*(?:\s(?:(?:de|da|di|van|von|der|al|bin|el)\s)*[A-Z][\w'’.-]*)+"
_CREDIT = re.compile(
    r"\b(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Pp]hotos?|[Pp]hotographs?|[Cc]ompiled|"
    r"[Pp]roduced|[Gg]raphics|[Rr]esearch|[Ff]act-checking|[Uu]pdates) by "
)
# One credited name, with the place it was filed from: "Duncan Miriri in Nairobi".
_CREDITED = re.compile(
    rf"(?:,\s|\sand\s)?({_NAME})(?:\s(?:in|from)\s[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)?"
)
_CREDIT_VOTE = 5
# "BY JUSTIN KABUMBA AND RUTH ALONGA", "By Jane Doe and John Roe": a byline line names
# people, in any case; a name is two to four capitalised words, never a function word
# ("BY TOMAS MUCHANGA WITH AFP").
_BYWORD = (
    r"(?<![\w'’.-])(?!(?:WITH|AND|IN|FOR|OF|AT|THE|With|And|In|For|Of|At|The)\b)[A-Z][\w'’.-]*"
)
_BYNAME = rf"{_BYWORD}(?:[ \t]{_BYWORD}){{1,3}}"
_BYLINE = re.compile(
    rf"^[ \t]*(?:By|BY)[ \t]+({_BYNAME}(?:(?:,[ \t]+|[ \t]+(?:and|AND|&)[ \t]+){_BYNAME})*)",
    re.M,
)


def _override(cands: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """``cands`` without those overlapping a ``found`` one, plus ``found`` (page furniture
    read by a pattern wins over the model's spans there)."""
    if not found:
        return cands
    kept = [c for c in cands if not any(c.start < f.end and f.start < c.end for f in found)]
    return kept + found


def _credited_people(full: str, cands: list[Candidate]) -> list[Candidate]:
    """Names in reporting credits and bylines are people: "(Reporting by Jane Doe in
    Nairobi; Editing by John Roe and Ann Poe)", "BY JANE DOE AND JOHN ROE". The model
    often tags them ORG or GPE or splits them."""
    found: list[tuple[int, int]] = []
    for m in _CREDIT.finditer(full):
        pos = m.end()
        while (name := _CREDITED.match(full, pos)) is not None and name.end() > pos:
            found.append((name.start(1), name.end(1)))  # "Jane Doe in Nairobi and John Roe"
            pos = name.end()
    for m in _BYLINE.finditer(full):
        for name in re.finditer(_BYNAME, m.group(1)):
            found.append((m.start(1) + name.start(), m.start(1) + name.end()))
    return _override(cands, [_voted(s, e, full[s:e], "PERSON", _CREDIT_VOTE) for s, e in found])


# "© 2026 EastAfrica Ledger. All rights reserved.", "Copyright 2026 Steppe Wire": the
# publisher of the page.
_COPYRIGHT = re.compile(
    r"(?:©|\([Cc]\)|\b[Cc]opyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?"
    r"((?!All\b)[A-Z][\w&'’.-]*(?:[ \t]+(?:of|the|and|&|[A-Z][\w&'’.-]*)){0,5})"
)
_COPYRIGHT_VOTE = 5


def _copyright_holders(full: str, cands: list[Candidate]) -> list[Candidate]:
    """The name in a copyright line is an organisation, the outlet or agency that owns
    the page (gold: outlets named in boilerplate are entities); the model rarely knows a
    small outlet's name."""
    found = []
    for m in _COPYRIGHT.finditer(full):
        name = re.split(r"\.\s", m.group(1))[0].rstrip(".,;: ")  # "Ledger. All rights"
        lead = 4 if name.startswith("The ") else 0
        name = name[lead:]
        if not name or name.endswith((" of", " the", " and", " &")):
            continue
        found.append((m.start(1) + lead, m.start(1) + lead + len(name), name))
    for name in {n for _, _, n in found}:
        # the masthead writes the outlet's name in capitals: "EASTAFRICA LEDGER"
        for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", full, re.I):
            if not any(s == m.start() for s, _, _ in found):
                found.append((m.start(), m.end(), m.group(0)))
    return _override(cands, [_voted(s, e, name, "ORG", _COPYRIGHT_VOTE) for s, e, name in found])


# A photo credit closing a caption: "(AFP/Mourad Jebali)", "Photo: Antara/AFP".
_CREDIT_PART = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"
_INLINE_CREDIT = re.compile(
    rf"(?:\((?=[^)]*/)|\b[Pp]hotos?: ?)({_CREDIT_PART}(?: ?/ ?{_CREDIT_PART})+)(?=\)|\]|$)",
    re.M,
)


_AGENCY_WORDS = frozenset({"images", "pictures", "photos", "news", "press", "media", "wire", "tv"})
# "PHOTO | DENNIS ONSONGO | NATION MEDIA GROUP": a credit line of cells.
_PIPE_CREDIT = re.compile(
    r"(?:^|(?<=[ \t.]))(?:PHOTOS?|Photos?|IMAGE|Image)[ \t]*[|:][ \t]*([^\n]*?\|[^\n]*?)[ \t]*$",
    re.M,
)


def _inline_credits(full: str, cands: list[Candidate]) -> list[Candidate]:
    """The agencies and photographers of a credit closing a caption: one word, an
    acronym or a name ending in an agency word is an agency, two to four capitalised
    words a person (the model tags such runs as one name or not at all)."""
    found: list[Candidate] = []
    matches = [(m, "/") for m in _INLINE_CREDIT.finditer(full)]
    matches += [(m, "|") for m in _PIPE_CREDIT.finditer(full)]
    for m, sep in matches:
        pos = m.start(1)
        for part in m.group(1).split(sep):
            lead = len(part) - len(part.lstrip())
            text = re.sub(r"\s+Photos?$", "", part.strip())  # "AP Photo": the agency
            start = pos + lead
            pos += len(part) + 1
            words = text.split()
            if (
                not text
                or text.casefold() in ("photo", "file", "handout", "pool")
                or word_key(text) in lexicon()["generic_bodies"]  # "CNA/Agencies"
            ):
                continue
            agency = (
                words[-1].casefold() in _AGENCY_WORDS
                or word_key(words[-1]) in lexicon()["org_heads"]
            )  # "Getty Images", "Anadolu Agency", "NATION MEDIA GROUP"
            # a cell of a credit line may be a name in capitals ("DENNIS ONSONGO")
            person = 2 <= len(words) <= 4 and not agency and (sep == "|" or not text.isupper())
            label = "PERSON" if person else "ORG"
            found.append(_voted(start, start + len(text), text, label, _CREDIT_VOTE))
    return _override(cands, found)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


# Wire credits in brackets name the agency, not the body before them.
_WIRE_AGENCIES = frozenset({"AP", "AFP", "UPI", "EFE", "ANSA", "DPA", "PTI", "IANS", "CNA"})


def _spelled_by(acronym: str, name: str) -> bool:
    """The acronym is the name's initials ("Pakistan Tehreek-e-Insaf (PTI)"): no agency
    credit, even where the letters are a wire agency's."""
    return acronym == "".join(p[0] for p in re.split(r"[\s-]+", name) if p[:1].isupper())


def _link_parenthetical_acronyms(full: str, cands: list[Candidate]) -> None:
    """ "the World Food Programme (WFP)": the acronym in brackets names the same body."""
    for prev, c in zip(cands, cands[1:], strict=False):
        if (
            prev.label in ("ORG", "PERSON", "GPE", "NORP")  # the model's label may be wrong
            and c.text.isupper()
            and 2 <= len(c.text) <= 8
            and full[prev.end : c.start].strip() == "("
            and full[c.end : c.end + 1] == ")"
            and get_gazetteer().lookup(c.text) is None  # "Ministry of Defence (UK)"
            and (
                c.text[0] == prev.text[0]
                or sorted(c.text) == sorted(_initials(prev.text))
                or (
                    prev.label == "ORG"
                    and len(set(c.text) & set(_initials(prev.text).upper())) >= 2
                )
                # a body's name in translation, its acronym in the original language:
                # "State Committee for National Security (GKNB)"
                or (prev.label == "ORG" and len(prev.text.split()) >= 3)
            )
            and (c.text not in _WIRE_AGENCIES or _spelled_by(c.text, prev.text))
        ):
            # same initial, or a translated name's letters reordered:
            # "Revolutionary Armed Forces of Colombia (FARC)", "National Liberation
            # Army (ELN)" (Ejército de Liberación Nacional)
            c.acronym_of = prev


def _unknown_word_pair(a: Candidate, b: Candidate) -> bool:
    """ "Jhonatan" + "Ccama" tagged as two places: two adjacent one-word names that are no
    known place, people or group are one personal name split by the model."""
    gaz = get_gazetteer()
    return all(
        c.label in ("PERSON", "GPE", "ORG")
        and " " not in c.text
        and c.text[:1].isupper()
        and not c.text.isupper()
        and gaz.lookup(c.text) is None
        and gaz.demonym_country(c.text) is None
        and word_key(c.text) not in lexicon()["org_heads"]
        for c in (a, b)
    )


def _join_adjacent_people(full: str, cands: list[Candidate]) -> list[Candidate]:
    """Two person spans separated by one space are one name: the model splits "Hassan
    Sheikh" + "Mohamud" at an honorific-looking word."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and full[prev.end : c.start] == " "
            and not prev.parts
            and not c.parts
            and (prev.label == c.label == "PERSON" or _unknown_word_pair(prev, c))
        ):
            joined = Candidate(
                prev.start, c.end, full[prev.start : c.end], "PERSON", raw_label="PERSON"
            )
            joined.votes = prev.votes + c.votes
            if not prev.label == c.label == "PERSON":  # the model's place or group labels
                joined.votes = Counter({"PERSON": sum(joined.votes.values()) + 1})
            joined.title = (
                f"{prev.title[: len(prev.title) - len(prev.text)]}{joined.text}"
                if prev.title
                else None
            )
            joined.qualifier = prev.qualifier
            out[-1] = joined
        else:
            out.append(c)
    return out


_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "note", "claim", "insist", "write", "warn"})


def _untagged_speakers(doc: Any, full: str, cands: list[Candidate]) -> list[Candidate]:
    """A proper noun the model left untagged as the subject of a speech verb ("...,
    Kallas said") is a person: organisations and places that speak are almost always
    tagged, and known places are skipped."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
        return []
    import numpy as np

    strings = doc.vocab.strings
    arr = doc.to_array(["POS", "ENT_IOB", "DEP"])  # ENT_IOB: 1 inside, 3 begins an entity
    outside = (arr[:, 1] != 1) & (arr[:, 1] != 3)
    slots = np.isin(arr[:, 2], [strings[d] for d in ("nsubj", "nsubjpass", "dobj", "pobj")])
    hits = np.nonzero((arr[:, 0] == strings["PROPN"]) & outside & slots)[0]
    taken = {(c.start, c.end) for c in cands}
    out = []
    gaz = get_gazetteer()
    lex = lexicon()
    for i in hits.tolist():
        tok = doc[i]
        speaker = tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH_LEMMAS
        # "Hakan Fidan, the Turkish foreign minister, met ...": a name with an office
        # in apposition
        office = any(c.dep_ == "appos" and c.lower_ in lex["roles"] for c in tok.children)
        if (
            not (speaker or office)
            or not tok.is_title
            or word_key(tok.text) in lex["title_words"]  # "Lt. Gen. X said", "Lt" alone
        ):
            continue
        left = tok.i
        while left > 0 and _name_part_before(doc[left - 1]):
            left -= 1
        if doc[left].ent_type_ or (office and not speaker and left == tok.i):
            continue  # one capitalised word before an office may be a body ("Hamas, the")
        # "Field Marshal Khalifa Haftar said": the title is not part of the name.
        while left < tok.i and word_key(doc[left].text) in lex["title_words"]:
            left += 1
        start, end = doc[left].idx, tok.idx + len(tok.text)
        text = full[start:end]
        if (start, end) in taken or gaz.lookup(text) is not None:
            continue
        cand = Candidate(start, end, text, "PERSON")  # no model label: a weak vote only
        cand.votes["PERSON"] += 3 if office else 1  # a person's office is named beside it
        scan_title(doc, full, left, cand, lex)
        out.append(cand)
    return out


def _untagged_demonyms(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A known demonym the model left untagged (or read as a language) before a noun:
    "freed 14 Bangladeshi fishermen", "the 25 Filipino crew members"; or as a plural
    people noun in an argument slot: "about 4,000 Greenlanders marched"."""
    covered = [(c.start, c.end) for c in cands]
    out = []
    for t in doc:
        modifier = t.dep_ in ("amod", "compound", "nmod") and t.head.pos_ == "NOUN"
        people = t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and t.text.endswith("s")
        if (
            not t.is_title
            or not (modifier or people)
            or t.ent_type_ not in ("", "LANGUAGE", "CARDINAL")
            or any(s <= t.idx < e for s, e in covered)
            or norp_country(t.text) is None
        ):
            continue
        cand = Candidate(t.idx, t.idx + len(t.text), t.text, "NORP")  # no model label
        # a known demonym before a noun outvotes the model's PERSON for the same word
        # elsewhere ("Bangladeshi territory" tagged as a person)
        cand.votes["NORP"] += LABEL_VOTE + 1
        out.append(cand)
    return out


def _untagged_countries(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A country's name the model left untagged: "Senegal, which borders Guinea-Bissau,
    said ...". Only a whole proper-noun run that is a country's name counts, so the
    "Jordan" of "Michael Jordan" or the "Guinea" of "Papua New Guinea" stays out."""
    covered = [(c.start, c.end) for c in cands]
    gaz = get_gazetteer()
    out = []
    i = 0
    while i < len(doc):
        t = doc[i]
        if t.pos_ != "PROPN" or not t.is_title or t.ent_type_:
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and not doc[j + 1].ent_type_:
            j += 1
        span = doc[i : j + 1]
        i = j + 1
        start, end = span.start_char, span.end_char
        if any(s < end and start < e for s, e in covered) or (
            # the tail of a longer name: "Gen Z Madagascar", "Papua New Guinea"
            span.start > 0
            and doc[span.start - 1].text[:1].isupper()
            and doc[span.start - 1].pos_ in ("PROPN", "NOUN", "X")
        ):
            continue
        place = gaz.lookup(span.text)
        if place is None or place.kind != "country":
            continue
        out.append(_voted(start, end, span.text, "GPE", LABEL_VOTE))
    return out


# People who belong to a group: "several thousand members of the Imbonerakure".
_BELONGING_HEADS = frozenset(
    {"member", "fighter", "militant", "supporter", "activist", "leader", "militiaman",
     "cadre", "loyalist", "rebel", "gunman"}
)  # fmt: skip


def _member_groups(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """An untagged capitalised name that people are members, fighters or supporters of
    ("several thousand members of the Imbonerakure marched") is a group; places, known
    demonyms and peoples are left out."""
    covered = [(c.start, c.end) for c in cands]
    gaz = get_gazetteer()
    generic = lexicon()["generic_bodies"]
    out = []
    for t in doc:
        if not (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.lemma_.lower() in _BELONGING_HEADS
            and t.pos_ in ("PROPN", "NOUN")  # the tagger reads an unknown name as a noun
            and t.is_title
            and not t.ent_type_
            and word_key(t.text) not in generic  # "members of the Cabinet"
        ):
            continue
        left = t.left_edge.i
        while left < t.i and not doc[left].is_title:
            left += 1  # "the Imbonerakure": the article is not part of the name
        span = doc[left : t.i + 1]
        if any(not w.is_title and w.lower_ not in ("of", "and", "-") for w in span):
            continue
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        if gaz.lookup(span.text) is not None or gaz.is_people(span.text):
            continue
        if norp_country(span.text) is not None:
            continue
        cand = Candidate(span.start_char, span.end_char, span.text, "ORG")  # no model label
        cand.votes["ORG"] += LABEL_VOTE
        out.append(cand)
    return out


def _name_part_before(t: Any) -> bool:
    """A capitalised word that goes on into the name after it: a compound ("Kaja" in
    "Kaja Kallas"), or a proper noun on the same line the parser cut off as a sentence
    of its own ("Hakan" | "Fidan, the Turkish foreign minister, met")."""
    if not t.is_title or "\n" in t.text_with_ws:
        return False
    return t.dep_ == "compound" or (t.pos_ == "PROPN" and t.dep_ == "ROOT")


def _coordinated_places(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """A place the model missed next to one it found: "Both Moscow and Kyiv remain ..."."""
    taken = {(c.start, c.end) for c in cands}
    out = []
    gaz = get_gazetteer()
    for c in cands:
        if c.label != "GPE":
            continue
        span = doc.char_span(c.start, c.end)
        if span is None:
            continue
        root = span.root
        neighbours = [t for t in root.children if t.dep_ == "conj"]
        if root.dep_ == "conj":
            neighbours.append(root.head)
        for t in neighbours:
            if (
                t.ent_type_
                or not t.is_title
                or t.pos_ != "PROPN"
                or (t.idx, t.idx + len(t)) in taken
            ):
                continue
            place = gaz.lookup(t.text)
            if place is not None and place.entity_type == "GPE":
                new = _voted(t.idx, t.idx + len(t), t.text, "GPE", LABEL_VOTE)
                taken.add((new.start, new.end))
                out.append(new)
    return out
