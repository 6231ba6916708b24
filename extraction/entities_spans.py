"""Mention candidates: spaCy's entity spans, repaired, with the words around them.

``collect_candidates(doc)`` walks ``doc.ents`` once and fixes the small model's usual
span errors before any grouping happens:

- a leading "the" or a hyphenated prefix ("post-Brexit" -> "Brexit") is stripped;
  relational adjectives ("trans-Atlantic") are not mentions of the place;
- a span that swallows a possessive is cut ("Trump’s" -> "Trump", "Trump
  Administration’s Strategy" -> "Trump Administration");
- photo credits joined by slashes are split ("Sputnik/Mikhail Metzel/Reuters");
- a person span that stops at a name particle is extended ("Ursula von der" + "Leyen");
- an organisation name cut at a coordination is extended ("Institute of Russian, Eastern
  European and Central Asian Studies");
- "Washington, D.C." becomes one mention; "Trump administration", "UK government" become
  ORG mentions and "Alaska summit" an EVENT mention (the inner name stays a mention);
- an amount glued to a name is cut ("fined Apple 1.8 billion euros");
- fragments of a job title ("State" in "Secretary of State Marco Rubio"), pure
  punctuation and lowercase junk are dropped.

Each candidate also carries the title written immediately before it ("US President",
"former National Security Adviser"; see ``entities_titles``), used as an alias and as
evidence of a PERSON.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extraction.blocs import is_bloc_name
from extraction.entities_names import (
    POSSESSIVE,
    doc_text,
    lexicon,
    norp_country,
    word_key,
)
from extraction.entities_titles import scan_title
from extraction.gazetteer import get_gazetteer

LABEL_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "NORP": "NORP",
    "LOC": "LOC",
    "FAC": "LOC",
    "EVENT": "EVENT",
}

_HAS_LETTER = re.compile(r"[A-Za-z]")
_COMPOUND = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)+")
_FUNCTION_WORDS = frozenset({"to", "for", "of", "and", "a", "an", "the", "in", "on", "with"})
# Type votes are integers in half-vote units: one model label counts LABEL_VOTE.
LABEL_VOTE = 2
_CONSTRUCTION_VOTE = 6
_BUILDING_VOTE = 3
_INSIDE_VOTE = 3
_CLAUSE_VOTE = 3
_DATELINE_VOTE = 4
_DASHES = frozenset({"-", "–", "—", "--"})
# After these a capital "The" starts a sentence or a dateline's story, not a name.
_LINE_STARTERS = frozenset({":", "|", *_DASHES})


@dataclass
class Candidate:
    """One mention before resolution. ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str
    label: str | None
    votes: Counter[str] = field(default_factory=Counter)
    title: str | None = None  # "US President Donald Trump": the name with its title
    qualifier: str | None = None  # "US" in "US President Donald Trump"
    parts: list[Candidate] = field(default_factory=list)  # "Trump-Putin" -> Trump, Putin
    raw_label: str | None = None
    surface: str | None = None  # "The New York Times" when a sentence-initial "The" was cut
    acronym_of: Candidate | None = None  # "WFP" in "World Food Programme (WFP)"
    optional: bool = False  # kept only when the same name is found elsewhere
    plural: bool = False  # a plural proper noun ("the Houthis", "Los Choneros")


class _TokenList:
    """The Doc with its tokens built once: ``doc[i]`` creates a new Token object on every
    access, and the repairs below look at neighbours many times. Slices and every other
    attribute go to the Doc itself."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.tokens = list(doc)

    def __getitem__(self, i: Any) -> Any:
        return self.tokens[i] if isinstance(i, int) else self.doc[i]

    def __len__(self) -> int:
        return len(self.tokens)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


def collect_candidates(doc: Any) -> list[Candidate]:
    """Repaired mention candidates of ``doc``, in text order."""
    doc = _TokenList(doc)
    lex = lexicon()
    full = doc_text(doc.doc, doc.tokens)
    out: list[Candidate] = []
    consumed = -1  # token index up to which a previous repair swallowed later ents
    for ent in doc.ents:
        if ent.start < consumed:
            continue
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        body_end = _state_body(doc, ent, lex)
        if body_end is not None:  # "Chinese" + "Foreign Ministry": one ORG
            made, consumed = _repair(doc, full, ent.start, body_end, "ORG", lex)
            out.extend(made)
            continue
        # A span never crosses a line break ("Photo: VCG\nEurope is ramping up").
        seg_start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or (doc[i].is_space and "\n" in doc[i].text):
                if i > seg_start and seg_start >= consumed:
                    made, consumed_to = _repair(doc, full, seg_start, i, label, lex)
                    consumed = max(consumed, consumed_to)
                    out.extend(made)
                seg_start = i + 1
    out.sort(key=lambda c: (c.start, -c.end))
    return out


def _state_body(doc: Any, ent: Any, lex: dict[str, frozenset[str]]) -> int | None:
    """End of an ORG span that a demonym or country right before it belongs to: the model
    splits "Chinese Foreign Ministry" into NORP + ORG. Only for state bodies (ministry,
    army, court ...), so "Russian Gazprom" stays two names."""
    n = len(doc)
    if ent.label_ not in ("NORP", "GPE") or ent.end >= n or doc[ent.end - 1].whitespace_ != " ":
        return None
    if doc[ent.end].ent_iob_ != "B" or doc[ent.end].ent_type_ != "ORG":
        return None
    j = ent.end + 1
    while j < n and doc[j].ent_iob_ == "I":
        j += 1
    return j if doc[j - 1].lower_ in lex["body_heads"] else None


def _repair(
    doc: Any, full: str, s: int, e: int, label: str, lex: dict[str, frozenset[str]]
) -> tuple[list[Candidate], int]:
    n = len(doc)
    while s < e and (doc[s].is_space or (doc[s].is_punct and doc[s].text not in ".")):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    # "Intan Jaya and" (Puncak), "Dam (GERD": a name ends before a dangling conjunction
    # or an unclosed bracket
    while (
        e > s + 1
        and doc[e - 1].is_lower
        and (doc[e - 1].pos_ == "CCONJ" or doc[e - 1].lower_ in _FUNCTION_WORDS)
    ):
        e -= 1  # "National Rally of 'dictating'", "Ivangorod on the east bank"
    bracket = next((i for i in range(s + 1, e) if doc[i].text == "("), None)
    if bracket is not None and not any(doc[i].text == ")" for i in range(bracket, e)):
        e = bracket
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    if label == "ORG" and s > 1 and doc[s - 1].text == "The" and not doc[s - 1].is_sent_start:
        s -= 1  # the model left out the capital "The" of "The Guardian"
    with_the = None
    if s < e and doc[s].lower_ == "the":
        # "according to The Guardian": a capital "The" inside a sentence is part of the name.
        keep = label == "ORG" and doc[s].text == "The" and s > 0 and not doc[s].is_sent_start
        keep = keep and not doc[s - 1].is_space and doc[s - 1].text not in _LINE_STARTERS
        if not keep and doc[s].text == "The" and label == "ORG":
            with_the = doc[s].idx  # sentence-initial: "The New York Times reported"
        s += 0 if keep else 1
    if s >= e:
        return [], e
    # "post-Brexit" -> "Brexit"; "trans-Atlantic" relations are not the Atlantic.
    if e - s >= 3 and doc[s].is_lower and doc[s + 1].text in "-–":
        if doc[s].lower_ in lex["relational_prefixes"]:
            return [], e
        if doc[s].lower_ in lex["adjectival_prefixes"]:
            s += 2
    # "REUTERS/Jane Doe": a name glued to an agency by a slash is a photo credit even when
    # the model tagged only its second half.
    if (
        label == "PERSON"
        and s > 1
        and doc[s - 1].text == "/"
        and not doc[s - 2].whitespace_
        and not doc[s - 1].whitespace_
        and doc[s - 2].is_alpha
        and doc[s - 2].is_upper
    ):
        s -= 2
    if any("/" in t.text for t in doc[s:e]):
        # The photographer's name runs on after the model's span ("REUTERS/Jane" + "Doe").
        while (
            e < n
            and e - s < 12
            and doc[e - 1].whitespace_ == " "
            and doc[e].is_alpha
            and doc[e].is_title
            and not doc[e].ent_type_
        ):
            e += 1
        return _split_credits(doc, full, s, e), e
    # "BRUSSELS - European Union ministers": a spaced dash ends a dateline; a name never
    # crosses it. The part before it is a place when the gazetteer knows it.
    for i in range(s + 1, e - 1):
        if doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            left_text = doc[s:i].text
            place = get_gazetteer().lookup(left_text)
            left_label = place.entity_type if place is not None else label
            left, _ = _repair(doc, full, s, i, left_label, lex)
            for c in left:
                if place is not None and c.text == left_text:
                    c.votes[left_label] += _DATELINE_VOTE
            right, consumed = _repair(doc, full, i + 1, e, label, lex)
            return left + right, max(consumed, e)
    # "fined Apple 1.8 billion euros": an amount glued to a name is not part of it.
    for i in range(s + 1, e - 1):
        if doc[i].like_num and doc[i + 1].is_lower:
            e = i
            break
    # A possessive inside the span: keep the name after it for a person ("Ukraine's
    # President Volodymyr Zelenskyy"), the name before it otherwise.
    tail: tuple[int, int] | None = None
    for i in range(s, e):
        if doc[i].tag_ == "POS" or doc[i].text in ("'s", "’s", "'", "’"):
            if _possessive_inside_name(doc, i, e):
                break  # "National People's Congress", "Workers' Party"
            if label == "PERSON" and i + 1 < e:
                s = i + 1
            else:
                if i + 1 < e and doc[i + 1].is_title:
                    tail = (i + 1, e)  # "Ukraine’s Zelenskiy" tagged as one ORG
                e = i
            break
    if s >= e:
        return [], e
    # "CIA Moscow station chief": an acronym followed by a place is two names.
    if (
        label == "ORG"
        and e - s == 2
        and doc[s].is_upper
        and doc[s].is_alpha
        and len(doc[s].text) >= 2
    ):
        place = get_gazetteer().lookup(doc[s + 1].text)
        if place is not None and place.kind in ("country", "city"):
            first, _ = _repair(doc, full, s, s + 1, "ORG", lex)
            second, _ = _repair(doc, full, s + 1, e, "GPE", lex)
            return first + second, e
    if label == "ORG" and e - s >= 3 and not generation_name(doc, s):
        # "Field Marshal Asim Munir" tagged as an organisation: titled names are people
        k = s
        while k < e - 2 and word_key(doc[k].text) in lex["title_words"]:
            k += 1
        rest = doc[k:e]
        if (
            k > s
            and any(word_key(doc[i].text) in lex["role_words"] for i in range(s, k))
            and all(t.is_title and t.pos_ == "PROPN" for t in rest)
            and word_key(doc[e - 1].text) not in lex["org_heads"]
        ):
            label = "PERSON"
    if label == "PERSON":
        titles = lex["title_words"]
        if s >= 2 and generation_name(doc, s - 2) and doc[s - 1].whitespace_:
            # "Gen Z Madagascar rejected ...": a movement named for a generation, not
            # General Z Madagascar
            return _repair(doc, full, s - 2, e, "ORG", lex)
        while s < e - 1 and (word_key(doc[s].text) in titles or doc[s].text == "."):
            s += 1
        # "Marshal Mahamat" + "Deby": untagged given names the parser attaches to the
        # tagged surname belong to it (title words stop the walk).
        k = 0
        while (
            k < 2
            and s > 0
            and doc[s - 1].is_title
            and doc[s - 1].pos_ == "PROPN"
            and doc[s - 1].dep_ == "compound"
            and s <= doc[s - 1].head.i < e
            and not doc[s - 1].ent_type_
            and doc[s - 1].whitespace_ == " "
            and word_key(doc[s - 1].text) not in titles
            and get_gazetteer().lookup(doc[s - 1].text) is None
        ):
            s, k = s - 1, k + 1
        # "Ursula von der" + "Leyen": a particle cannot end a name; "Abdel Fattah" +
        # "el-Sisi": a particle after a name starts its next part.
        while e < n and doc[e - 1].lower_ in lex["particles"] and doc[e].is_title:
            e += 1
        j = e
        while j < n and (
            (doc[j].is_lower and doc[j].lower_ in lex["particles"]) or doc[j].text == "-"
        ):
            j += 1
        if j > e and j < n and doc[j].is_title and doc[j].ent_type_ not in ("GPE", "ORG", "NORP"):
            e = j + 1
    consumed = e
    if label == "PERSON":
        e = consumed = _close_nickname(doc, s, e)
    if (
        label in ("GPE", "LOC")
        and e - s >= 2
        and doc[e - 1].is_lower
        and doc[e - 1].lower_ in _AREA_HEADS
    ):
        e -= 1  # "Fujian province": the place is "Fujian" (the full form stays an alias)
    if (
        label == "ORG"
        and e - s >= 2
        and doc[e - 1].is_lower
        and doc[e - 1].lower_ in _PARTY_NOUNS
        # "a Yazidi militia": a people's militia has no name of its own to keep
        and not (e - s == 2 and get_gazetteer().is_people(doc[s].text))
    ):
        e -= 1  # "the Isamaa party": the party is "Isamaa" (the full form stays an alias)
    if label == "ORG" and e < n and word_key(doc[e].text) in lex["roles"]:
        split = _portfolio_split(doc, s, e, lex)
        if split is not None:
            # "Indian External Affairs Minister S. Jaishankar": a portfolio inside a
            # title names no body; the demonym before it is still a name
            k, kind = split
            return (_repair(doc, full, s, k, kind, lex)[0] if k > s else []), e
    if label == "ORG" and e - s >= 2 and doc[e - 2].lower_ == "of" and doc[e - 1].is_title:
        e = _extend_coordination(doc, e)
        consumed = e
    if label == "ORG" and e - s >= 3:
        # "a post of the National Gendarmerie in Ndop": the body ends before the town it
        # sits in (a body posted to a country keeps it: "Mission in Afghanistan")
        for i in range(s + 1, e - 1):
            if doc[i].lower_ != "in" or doc[i - 1].lower_ in _POSTED_HEADS:
                continue
            place = get_gazetteer().lookup(doc[i + 1 : e].text)
            if place is None or place.kind != "country":
                seat = _repair(doc, full, i + 1, e, "GPE", lex)[0]  # the town stays a name
                body, _ = _repair(doc, full, s, i, label, lex)
                return body + seat, e
    if e - s >= 2 and (
        label == "ORG" or (doc[e - 1].is_title and doc[e - 1].lower_ in _POSTED_HEADS)
    ):
        # "the UN Assistance Mission" (even read as a place) "in Afghanistan"
        completed = _complete_body_name(doc, e)
        if completed > e:
            e = consumed = completed
            label = "ORG"
    if label == "GPE" and e + 1 < n and doc[e].text == "," and doc[e + 1].ent_iob_ == "B":
        j = e + 2
        while j < n and doc[j].ent_iob_ == "I":
            j += 1
        joined = f"{doc[s:e].text}, {doc[e + 1 : j].text}"
        if doc[e + 1].ent_type_ == "GPE" and get_gazetteer().lookup(joined) is not None:
            e = consumed = j

    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    text = full[start:end]
    last_start = doc[e - 1].idx - start
    m = POSSESSIVE.search(text, last_start)  # "Trump’s" kept as one token
    if m and m.start() > 0:
        end = start + m.start()
        text = full[start:end]
    text_stripped = text.rstrip(" ,;:")
    end -= len(text) - len(text_stripped)
    text = text_stripped
    if not _is_name(doc, full, s, e, text, label, lex):
        return [], consumed

    cand = Candidate(start, end, text, label, raw_label=label)
    cand.votes[label] += LABEL_VOTE
    if with_the is not None and end > with_the:
        cand.surface = full[with_the:end]
    if (
        cand.surface is None
        and label in ("GPE", "LOC", "NORP")
        and e < n
        and doc[e].lower_ in _AREA_HEADS
        and doc[e].lower_ not in ("capital", "city", "town", "village")
    ):
        # "the Sughd region", "Kurdistan Region": the name with its class noun is how the
        # text names the place too (an alias; the bare name stays the name)
        cand.surface = full[start : doc[e].idx + len(doc[e].text)]
        cand.votes["GPE"] += _CLAUSE_VOTE  # an administrative area is a GPE (OntoNotes)
    elif (
        cand.surface is None
        and label == "ORG"
        and e < n
        and doc[e].lower_ in _PARTY_NOUNS
        and not get_gazetteer().is_people(text)  # "a Yazidi militia": a people's, unnamed
    ):
        cand.surface = full[start : doc[e].idx + len(doc[e].text)]  # "Isamaa party"
        cand.votes["ORG"] += _CLAUSE_VOTE
    elif (
        cand.surface is None
        and label in ("GPE", "LOC", "PERSON", "ORG")
        and e < n
        and doc[e].is_lower
        and doc[e].lower_ in _LAND_HEADS
        and doc[e].pos_ == "NOUN"  # "Lawmakers in Kenya pass the bill": a verb
    ):
        # "the Qandil mountains", "the Isfara river": a natural feature, named with its
        # class noun too
        cand.surface = full[start : doc[e].idx + len(doc[e].text)]
        cand.votes["LOC"] += _CLAUSE_VOTE
    made = [cand]
    # "Trump administration", "UK government", "French presidency": the body is an ORG;
    # "this Alaska summit", "the NATO summit": a named meeting is an EVENT. The inner
    # name stays a mention of its own entity.
    body = _function_body_end(doc, s, e, label, lex)
    if e < n and doc[e].is_alpha and word_key(doc[e].text) in lex["institutions"] and e - s <= 3:
        made.append(_widen(doc, full, cand, e, "ORG"))
        consumed = max(consumed, e + 1)
    elif body is not None:
        # "the Chinese foreign ministry", "the Malian transport ministry": a state body
        # named by its function is an organisation (gold: "French presidency")
        # a mission marched to or stood outside is a place; one that speaks, a body
        sited = doc[body].lower_ in _MISSIONS and (
            doc[body].dep_ == "pobj" and doc[body].head.lower_ in lex["locative_preps"]
        )
        made.append(_widen(doc, full, cand, body, "LOC" if sited else "ORG"))
        consumed = max(consumed, body + 1)
        # gold rule: a demonym inside a body's name is no entity of its own unless
        # the article names it elsewhere
        cand.optional = True
    elif _COMPOUND.fullmatch(text):
        cand.parts = _compound_parts(cand)  # a "Trump-Putin summit" is not a named event
    elif (
        label in ("GPE", "LOC", "ORG")
        and e < n
        and (
            (doc[e].is_lower and doc[e].lower_ in lex["event_nouns"])
            or (doc[e].is_title and doc[e].lower_ in lex["titled_event_nouns"])
        )
    ):
        made.append(_widen(doc, full, cand, e, "EVENT"))
        consumed = max(consumed, e + 1)
    _building_votes(doc, s, e, cand, lex)
    scan_title(doc, full, s, cand, lex)
    if cand.title is None:
        _place_votes(doc, e, cand)
    _person_clause_votes(doc, s, e, cand, lex)
    _classifier_votes(doc, s, e, cand, lex)
    if cand.title is None:
        _name_class_votes(cand)
    if tail is not None:
        # The name after the possessive is kept only if the article names it elsewhere
        # (see entities._expand_compounds): "Strategy" in a heading is not a name.
        t_start = doc[tail[0]].idx
        t_end = doc[tail[1] - 1].idx + len(doc[tail[1] - 1].text)
        made.append(Candidate(t_start, t_end, full[t_start:t_end], None, optional=True))
    return made, consumed


def _portfolio_split(
    doc: Any, s: int, e: int, lex: dict[str, frozenset[str]]
) -> tuple[int, str] | None:
    """Where a demonym or country before a portfolio ends, and its label, when the
    words ``s..e`` are that and a portfolio ("South African Home Affairs" -> 2, NORP);
    None when they are not all portfolio words after it ("Border Guard", "Foreign Policy
    Centre")."""
    portfolio = lex["portfolios"] | lex["title_words"]
    for k in range(s, e):
        if not all(word_key(t.text) in portfolio for t in doc[k:e] if not t.is_punct):
            continue
        if k == s:
            return s, "ORG"
        prefix = doc[s:k].text
        if norp_country(prefix) is not None:
            return k, "NORP"
        place = get_gazetteer().lookup(prefix)
        if place is not None and place.kind == "country":
            return k, "GPE"
        return None
    return None


# Nouns that put a ship's name after them: "the research vessel Oruc Reis".
_VESSEL_NOUNS = frozenset(
    {"vessel", "ship", "tanker", "freighter", "carrier", "destroyer", "frigate", "corvette",
     "submarine", "trawler", "cutter", "warship", "flagship", "yacht", "ferry", "boat"}
)  # fmt: skip


def _is_name(
    doc: Any, full: str, s: int, e: int, text: str, label: str, lex: dict[str, frozenset[str]]
) -> bool:
    if len(text) < 2 or not _HAS_LETTER.search(text) or text[0].isdigit() or text == text.lower():
        return False
    words = [word_key(t.text) for t in doc[s:e] if not t.is_punct]
    if words and all(w in lex["title_words"] for w in words):
        return False  # "State" in "Secretary of State", "National Security" in "... Adviser"
    if label == "NORP" and all(w in lex["compass_adjectives"] for w in words):
        return False  # "the Western alliance"
    if label in ("ORG", "PERSON") and len(words) == 1 and words[0] in lex["generic_bodies"]:
        return False  # "Home > Politics", "Parliament", "Customs", "Constitution"
    if label in ("ORG", "PERSON") and len(words) == 1 and words[0] in lex["force_modifiers"]:
        return False  # "Riot police fired tear gas": a kind of police, no name
    if words and words[0] in lex["ship_prefixes"] and len(words) > 1 and text[:2].isupper():
        return False  # "USS Higgins", "JS Takanami": a vessel, none of the six types
    if (
        label in ("PERSON", "ORG")
        and s > 0
        and (
            (doc[s - 1].is_lower and doc[s - 1].lower_ in _VESSEL_NOUNS)
            or (doc[s - 1].text.isupper() and word_key(doc[s - 1].text) in lex["ship_prefixes"])
        )
        and get_gazetteer().lookup(text) is None
    ):
        return False  # "the research vessel Oruc Reis", "the destroyer JS Takanami"
    if label == "ORG" and len(words) == 1 and words[0] in lex["non_org_acronyms"]:
        return False  # "EXPLAINER", "ANALYSIS", "END" labels
    # Headings and table labels ("Challenges to Achieving a Ceasefire"): a title-cased
    # phrase with function words that fills most of a short line without a full stop.
    if e - s >= 3 and any(t.lower_ in _FUNCTION_WORDS and t.is_lower for t in doc[s:e]):
        line_start = full.rfind("\n", 0, doc[s].idx) + 1
        line_end = full.find("\n", doc[e - 1].idx)
        line = full[line_start : line_end if line_end >= 0 else len(full)].strip()
        if (
            len(line) <= 80
            and not line.rstrip("|").rstrip().endswith((".", "?", "!", '"'))
            and len(text) >= 0.5 * len(line)
        ):
            return False
    return True


def _possessive_inside_name(doc: Any, i: int, e: int) -> bool:
    """A possessive that belongs to the name: a plural noun before it and a capitalised
    word after it, as in "National People's Congress" or "Workers' Party" (but not
    "Trump Administration's Strategy")."""
    if i + 1 >= e or i == 0 or not doc[i + 1].is_title:
        return False
    before = doc[i - 1].lower_
    if before in ("people", "women", "men", "children"):
        return True
    if doc[i].text in ("'", "’") and before.endswith("s"):
        return True
    # "The Ombudsman's Office": one word after it, naming a body, and no place before it
    # ("Russia's Foreign Ministry" is Russia + its ministry)
    return (
        i + 2 == e
        and doc[i + 1].lower_ in lexicon()["org_heads"]
        and get_gazetteer().lookup(doc[i - 1].text) is None
    )


def _split_credits(doc: Any, full: str, s: int, e: int) -> list[Candidate]:
    """Photo credits "Agency/Photographer Name/Agency": names of two or more title-cased
    words are people, single words and acronyms are organisations."""
    start = doc[s].idx
    text = full[start : doc[e - 1].idx + len(doc[e - 1].text)]
    out = []
    for m in re.finditer(r"[^/]+", text):
        part = m.group(0)
        lead = len(part) - len(part.lstrip())
        part = part.strip()
        part = re.sub(r"\s+Photos?$", "", part)  # "(AP Photo/Ahn Young-joon)": the agency
        if (
            not part
            or not _HAS_LETTER.search(part)
            or word_key(part) in lexicon()["generic_bodies"]
        ):
            continue  # "CNA/Agencies": no agency named
        words = part.split()
        label = (
            "PERSON"
            if len(words) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in words)
            else "ORG"
        )
        c = Candidate(
            start + m.start() + lead,
            start + m.start() + lead + len(part),
            part,
            label,
            raw_label=label,
        )
        c.votes[label] += LABEL_VOTE
        out.append(c)
    return out


# Bodies named with the country they are posted to: "UN Assistance Mission in Afghanistan",
# "U.N. Integrated Office in Haiti", "Delegation of the European Union to Georgia".
_POSTED_HEADS = frozenset(
    {"mission", "office", "delegation", "embassy", "consulate", "command", "operation"}
)


_QUOTES = frozenset({'"', "“", "”"})


def _close_nickname(doc: Any, s: int, e: int) -> int:
    """End of a name the model cut inside a quoted nickname: 'Jimmy "Barbecue' + '"
    Cherizier' is one name, 'Jimmy "Barbecue" Cherizier'."""
    opened = [i for i in range(s, e) if doc[i].text in _QUOTES]
    if len(opened) != 1:
        return e
    n = len(doc)
    q = next((j for j in range(e, min(e + 3, n)) if doc[j].text in _QUOTES), None)
    if q is None or q + 1 >= n or not doc[q + 1].is_title or doc[q + 1].pos_ != "PROPN":
        return opened[0] if opened[0] > s else e  # no surname after it: cut the quote off
    return q + 2


def generation_name(doc: Any, s: int) -> bool:
    """ "Gen Z", "Gen X": the abbreviation of "generation" before a single capital letter,
    never the military title "Gen." (which a name of one letter cannot follow)."""
    return (
        doc[s].text in ("Gen", "Gen.")
        and s + 1 < len(doc)
        and len(doc[s + 1].text) == 1
        and doc[s + 1].text.isupper()
    )


def _complete_body_name(doc: Any, e: int) -> int:
    """End of an organisation's name the model cut short: a posted body goes on with "in"
    and the country it is posted to; a name cannot end on "of" ("Joint Command of" + "the
    Armed Forces"), nor on a plural possessive before the body's head ("Governors' Forum")."""
    n = len(doc)
    last = doc[e - 1]
    if (
        e + 1 < n
        and doc[e].text in ("'", "’")
        and last.lower_.endswith("s")
        and doc[e + 1].is_title
        and doc[e + 1].lower_ in lexicon()["org_heads"]
    ):
        return e + 2  # "the Nigeria Governors" + "' Forum": a plural possessive in the name
    if last.lower_ == "of" and last.is_lower:
        j = e + 1 if e < n and doc[e].lower_ == "the" else e
        k = j
        while k < n and doc[k].is_title and doc[k].pos_ == "PROPN":
            k += 1
        return k if k > j else e
    if e + 1 < n and last.lower_ in _POSTED_HEADS and doc[e].lower_ in ("in", "to"):
        j = e + 2
        while j < n and doc[j].ent_iob_ == "I":
            j += 1
        place = get_gazetteer().lookup(doc[e + 1 : j].text) if doc[e + 1].ent_iob_ == "B" else None
        if doc[e].is_lower and place is not None and place.kind == "country":
            return j
    return e


def _extend_coordination(doc: Any, e: int) -> int:
    """Extend "Institute of Russian" over ", Eastern European and Central Asian Studies"."""
    n, j, last, saw_conj = len(doc), e, e, False
    while j < n and j - e < 12:
        t = doc[j]
        if t.text in (",", "and", "&"):
            saw_conj = True
        elif t.is_alpha and t.is_title and t.ent_type_ in ("", "NORP", "ORG"):
            last = j + 1
        else:
            break
        j += 1
    return last if saw_conj and last > e else e


# Lower-case function words between a state's name and its body ("foreign ministry").
OFFICE_WORDS = frozenset(
    {"foreign", "defence", "defense", "interior", "home", "commerce", "trade", "finance",
     "justice", "health", "economy", "economic", "energy", "information", "transport",
     "external", "internal", "affairs", "security", "border", "election", "electoral",
     "presidential", "education", "agriculture", "industry", "environment", "labour",
     "labor", "culture", "water", "mining", "oil", "petroleum", "communications"}
)  # fmt: skip
_FUNCTION_BODIES = frozenset({"ministry", "office", "department", "commission", "agency"})
# A state's armed or police body named by its demonym: "the Sudanese army", "Thai police",
# "the Indian navy" (all gold sets of ours type these ORG); "US military support" is not
# one (the noun modifies another), nor "Russian forces" or "Russian troops" (people).
_FORCE_BODIES = frozenset({"army", "military", "navy", "police", "gendarmerie", "junta"})
_FORCE_PAIRS = frozenset({("air", "force"), ("coast", "guard"), ("border", "guard")})
_MISSIONS = frozenset({"embassy", "consulate"})


def _function_body_end(
    doc: Any, s: int, e: int, label: str, lex: dict[str, frozenset[str]]
) -> int | None:
    """Index of the body noun in "<state> <function words> <body>" ("Chinese foreign
    ministry", "Georgian election commission"), or None."""
    if e - s > 3 or (s > 0 and doc[s - 1].tag_ == "POS"):
        return None
    if label == "ORG" and is_bloc_name(doc[s:e].text):
        return _agency_end(doc, e)  # "the U.N. human rights office", "the UN refugee agency"
    if label not in ("NORP", "GPE"):
        return None
    n = len(doc)
    heads = ("compound", "amod", "nmod")  # a body noun that modifies another names no body
    if e < n and doc[e].is_lower and doc[e].dep_ not in heads and doc[e].lower_ in _FORCE_BODIES:
        return e  # "the Sudanese army said"
    if e + 1 < n and (doc[e].lower_, doc[e + 1].lower_) in _FORCE_PAIRS:
        return e + 1  # "the Chinese coast guard", "Chinese coast guard ships"
    if e < n and doc[e].is_lower and doc[e].dep_ not in heads and doc[e].lower_ in _MISSIONS:
        return e  # "the Chinese embassy in Kuala Lumpur demanded", "the Rwandan embassy"
    return _body_after_purpose(doc, e, OFFICE_WORDS, _FUNCTION_BODIES)


def _body_after_purpose(
    doc: Any, e: int, purposes: frozenset[str], heads: frozenset[str]
) -> int | None:
    """Index of a body noun (one of ``heads``) after one or two lower-case purpose words
    from ``purposes`` starting at ``e`` ("foreign ministry", "human rights office"), or
    None."""
    j = e
    while j < len(doc) and j - e < 2 and doc[j].is_lower and doc[j].lower_ in purposes:
        j += 1
    if j == e or j >= len(doc) or doc[j].lower_ not in heads:
        return None
    return j


# What an intergovernmental body's office or agency is for: "the UN human rights office",
# "the U.N. humanitarian office", "the UN refugee agency" (gold names each an ORG).
_AGENCY_WORDS = frozenset(
    {"human", "rights", "humanitarian", "refugee", "migration", "children's", "food",
     "development", "peacekeeping", "political", "nuclear", "health", "anti-drug", "drugs"}
)  # fmt: skip
_AGENCY_HEADS = frozenset({"office", "agency"})


def _agency_end(doc: Any, e: int) -> int | None:
    """Index of "office"/"agency" after one or two purpose words, or None."""
    j = _body_after_purpose(doc, e, _AGENCY_WORDS, _AGENCY_HEADS)
    if j is None:
        return None
    k = j + 1
    while k < len(doc) and doc[k].text in (",", "(", "-", "–", "—"):
        k += 1
    if k < len(doc) and doc[k].ent_type_ == "ORG":
        return None  # "the UN refugee agency UNHCR", "the U.N. mission, UNISFA": named
    return j


def _widen(doc: Any, full: str, cand: Candidate, e: int, label: str) -> Candidate:
    end = doc[e].idx + len(doc[e].text)
    wide = Candidate(cand.start, end, full[cand.start : end], label, raw_label=label)
    wide.votes[label] += _CONSTRUCTION_VOTE
    return wide


def _compound_parts(cand: Candidate) -> list[Candidate]:
    """ "Trump-Putin summit", "U.S.-Russia meeting": the parts, resolved later only when
    each part is known on its own (a hyphenated surname stays whole)."""
    parts, pos = [], cand.start
    for piece in cand.text.split("-"):
        p = Candidate(pos, pos + len(piece), piece, None)
        parts.append(p)
        pos += len(piece) + 1
    return parts


def _building_votes(
    doc: Any, s: int, e: int, cand: Candidate, lex: dict[str, frozenset[str]]
) -> None:
    """A building used as a place ("visit to the White House") is LOC; as a speaker ("the
    White House said") it is ORG."""
    if cand.label not in ("ORG", "LOC", "GPE") or doc[e - 1].lower_ not in lex["buildings"]:
        return
    root = doc[e - 1]
    if root.dep_ == "pobj" and root.head.lower_ in lex["locative_preps"]:
        cand.votes["LOC"] += _BUILDING_VOTE
    elif root.dep_ in ("nsubj", "nsubjpass"):
        cand.votes["ORG"] += LABEL_VOTE


def _person_clause_votes(
    doc: Any, s: int, e: int, cand: Candidate, lex: dict[str, frozenset[str]]
) -> None:
    """A role in apposition ("Redwan Hussien, the government's chief negotiator, said")
    or a "who" clause ("Uhuru Kenyatta, who leads the panel") marks a person. The
    apposition is not an alias (gold rule), only evidence."""
    root = doc[e - 1]
    head = root.head
    if (
        root.dep_ == "appos"
        and head.i < s
        and head.is_lower
        and word_key(head.text) in lex["roles"]
    ):
        cand.votes["PERSON"] += _CLAUSE_VOTE  # "the Taliban's supreme leader, Hibatullah A."
        return
    for child in root.children:
        if child.i < e:
            continue
        if child.dep_ == "appos" and word_key(child.text) in lex["roles"]:
            cand.votes["PERSON"] += _CLAUSE_VOTE
            return
        if child.dep_ == "appos" and word_key(child.text) in lex["org_nouns"]:
            cand.votes["ORG"] += _CLAUSE_VOTE  # "Ecopetrol, the state oil company"
            return
        if child.dep_ == "relcl" and any(
            g.lower_ == "who" and g.dep_ in ("nsubj", "nsubjpass") for g in child.children
        ):
            cand.votes["PERSON"] += _CLAUSE_VOTE
            return


# Place nouns a name can modify: "the Kakuma refugee camp", "the Attari border crossing"
# (sites), "Sa Kaeo province", "the town of Kyaukphyu" (settlements and regions).
SITE_HEADS = frozenset(
    {"camp", "crossing", "valley", "airport", "airbase", "base", "port", "checkpoint",
     "corridor", "border", "refinery", "dam", "mine", "field", "strait", "depot", "prison",
     "station", "terminal", "plant", "reactor", "facility"}
)  # fmt: skip
# Class nouns written lower-case after a party's or group's name: "the opposition Isamaa
# party", "the Basij militia", "the Wagner group".
_PARTY_NOUNS = frozenset(
    {"party", "movement", "militia", "group", "gang", "cartel", "faction", "network", "outfit"}
)
_AREA_HEADS = frozenset(
    {"district", "county", "province", "region", "regency", "village", "town", "city",
     "township", "state", "municipality", "neighbourhood", "neighborhood", "capital", "suburb",
     "governorate", "prefecture", "department"}
)  # fmt: skip
_PLACE_HEADS = SITE_HEADS | _AREA_HEADS
# "residents of X", "the outskirts of X", "the governor of X": X is a place.
_OF_PLACE_HEADS = _AREA_HEADS | frozenset(
    {"resident", "inhabitant", "outskirts", "outskirt", "mayor", "governor", "centre",
     "center", "suburbs", "streets", "heart"}
)  # fmt: skip
# Members and voices of a body: "M23 fighters", "the Hamas spokesman".
_MEMBER_HEADS = frozenset(
    {"fighter", "militant", "rebel", "insurgent", "guerrilla", "gunman", "spokesman",
     "spokeswoman", "spokesperson", "member", "supporter", "cadre", "commander",
     "militiaman", "loyalist"}
)  # fmt: skip
# Group nouns a name can modify: "the Los Lobos gang", "the Wagner group".
_GROUP_HEADS = frozenset(
    {"gang", "group", "militia", "cartel", "faction", "network", "clan", "movement",
     "party", "organisation", "organization", "outfit", "coalition", "alliance", "bloc",
     # media: "the Tasnim news agency", "the El Watan daily"
     "agency", "broadcaster", "newspaper", "daily", "channel", "outlet", "website"}
)  # fmt: skip
# Natural features a name can be followed by: "the Qandil mountains".
_LAND_HEADS = frozenset(
    {"mountains", "mountain", "river", "valley", "desert", "lake", "plateau", "hills",
     "peninsula", "strait", "gulf", "bay", "basin", "plains", "plain", "pass", "ridge",
     "glacier", "heights", "coast", "delta", "forest", "highlands",
     # "the Khor Abdullah waterway", "the Qosh Tepa canal"
     "waterway", "channel", "estuary", "lagoon", "creek", "inlet", "canal",
     # "Abu Musa island", "the Hoang Sa archipelago", "Scarborough shoal"
     "island", "islands", "isle", "islet", "archipelago", "atoll", "reef", "shoal", "shoals"}
)  # fmt: skip


# Capitalised class words inside a name that say what it names: "Lake Malawi", "Cape
# Verde" (features), "Cyclone Harold" (a named storm), "Sebatik Island", "the M1 Road",
# "Ruvuma Region".
_FEATURE_FIRST = frozenset({"lake", "mount", "mt.", "cape"})
_STORM_FIRST = frozenset({"cyclone", "hurricane", "typhoon", "storm"})
_FEATURE_LAST = frozenset(
    {"island", "islands", "isle", "river", "lake", "valley", "mountains", "range",
     "canal", "corridor", "strait", "sea", "ocean", "desert", "plateau", "peninsula",
     "basin", "road", "avenue", "street", "highway", "boulevard"}
)  # fmt: skip
_AREA_LAST = frozenset({"region", "province", "district", "governorate", "prefecture"})


def _name_class_votes(cand: Candidate) -> None:
    """A class word written as part of the name decides its type over the model's
    guess ("Lake Malawi" read as a person, "Cyclone Harold" as a person)."""
    words = cand.text.split()
    if len(words) < 2 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return
    if get_gazetteer().lookup(cand.text) is not None:
        return  # "the Cook Islands", "Cape Verde": the gazetteer knows the state
    first, last = words[0].lower(), words[-1].lower()
    if first in _STORM_FIRST:
        cand.votes["EVENT"] += _CLAUSE_VOTE
    elif (first in _FEATURE_FIRST and len(words) == 2) or last in _FEATURE_LAST:
        cand.votes["LOC"] += _CLAUSE_VOTE
    elif last in _AREA_LAST:
        cand.votes["GPE"] += _CLAUSE_VOTE


def _classifier_votes(
    doc: Any, s: int, e: int, cand: Candidate, lex: dict[str, frozenset[str]]
) -> None:
    """The common noun next to a name says what it names: "the militant group
    Lashkar-e-Taiba", "planemaker Embraer" (an organisation); "the Kakuma refugee
    camp", "the Attari border crossing" (a place, not a person)."""
    if s > 0:
        before = doc[s - 1]
        word = word_key(before.text)
        if (
            before.is_lower
            and before.pos_ not in ("DET", "ADP", "PRON")
            and (word in lex["org_nouns"] or word.endswith("maker"))
        ):
            cand.votes["ORG"] += _CLAUSE_VOTE
            return
    if s > 1 and doc[s - 1].lower_ == "of" and doc[s - 2].lemma_.lower() in _OF_PLACE_HEADS:
        # "the city of El Fasher", "the town of X", "residents of Jowhar"
        cand.votes["GPE"] += _CLAUSE_VOTE
        return
    root = doc[e - 1]
    for child in root.children:  # "Kyaukphyu, the Rakhine town where ..."
        if child.dep_ == "appos" and child.i > root.i and child.lemma_.lower() in _AREA_HEADS:
            cand.votes["GPE"] += _CLAUSE_VOTE
            return
    if root.dep_ == "conj" and root.head.ent_type_:
        # "the Kakuma and Dadaab camps": a coordinated name shares the first one's noun
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
    head = root.head
    if (
        root.dep_ in ("compound", "nmod")
        and head.i >= e
        and head.is_lower
        and head.lemma_.lower() in _GROUP_HEADS
    ):
        cand.votes["ORG"] += _CLAUSE_VOTE  # "the Los Lobos gang", "the Wagner group"
        return
    if (
        root.dep_ in ("compound", "nmod")
        and head.i >= e
        and head.is_lower
        and head.lemma_.lower() in _MEMBER_HEADS
        and cand.label != "NORP"
        and get_gazetteer().lookup(cand.text) is None
    ):
        # "M23 fighters", "the Hamas spokesman": a name whose members or spokespeople
        # act is an organisation (known places and demonyms say "Kenya officials")
        cand.votes["ORG"] += _CLAUSE_VOTE
        return
    if (
        cand.label in ("PERSON", "ORG")
        and e < len(doc)
        and (
            root.dep_ in ("compound", "nmod", "amod")
            and head.i >= e
            and head.is_lower
            and head.lemma_.lower() in _PLACE_HEADS
        )
    ):
        if head.lemma_.lower() in _AREA_HEADS:
            cand.votes["GPE"] += _CLAUSE_VOTE  # "Sa Kaeo province"
        elif cand.label == "PERSON":
            cand.votes["LOC"] += _CLAUSE_VOTE


_INSIDE_PREPS = frozenset(
    {"in", "near", "across", "inside", "throughout", "around", "outside", "through"}
)
# Movement whose "to" phrase is a destination: "would fly to Buka", "a visit to Buka",
# "had flown officers to Buka" (people are flown or sent, not flown "to").
_MOTION_LEMMAS = frozenset(
    {"fly", "travel", "go", "return", "head", "move", "march", "sail", "drive", "deploy",
     "flee", "arrive", "visit", "trip", "journey", "relocate", "redeploy", "airlift",
     "escort", "tow", "transfer", "deport", "route", "road", "flight", "ferry"}
)  # fmt: skip
# Movement between places: "moved batteries to Lesbos, Chios and Samos".
_TO_FROM_PREPS = frozenset({"to", "from", "at", "into", "towards", "toward"})
# Verbs whose object is a place when the gazetteer knows the name ("captured El Fasher").
_PLACE_VERBS = frozenset(
    {"capture", "recapture", "seize", "enter", "shell", "storm", "besiege", "overrun", "bomb"}
)


# Sites whose "at" phrase is the place they stand in ("an army post at Léré").
_SITE_AT = SITE_HEADS | frozenset({"post", "position", "outpost", "garrison", "barracks"})


def _settlement(name: str) -> Any:
    """The town, state or country the gazetteer knows by ``name``, or None."""
    place = get_gazetteer().lookup(name)
    return place if place is not None and place.kind in ("city", "state", "country") else None


def _is_place_token(tok: Any) -> bool:
    """The model or the gazetteer takes this name word for a town, state or country."""
    return tok.ent_type_ in ("GPE", "LOC") or (
        tok.pos_ == "PROPN" and _settlement(tok.text) is not None
    )


def _before_its_country(doc: Any, e: int) -> bool:
    """The name at tokens ``[.., e)`` is followed by ", <country>" and no possessive
    ("near Umm Qasr, Iraq, on Sunday"; not "Smith, Britain's envoy")."""
    if e + 1 >= len(doc) or doc[e].text != ",":
        return False
    country = doc[e + 1]
    end = e + 2
    while end < len(doc) and doc[end].pos_ == "PROPN" and end - e <= 3:
        end += 1  # "Sri Lanka", "South Sudan"
    place = get_gazetteer().lookup(doc[e + 1 : end].text)
    if place is None or place.kind != "country" or not country.text[:1].isupper():
        return False
    return not (end < len(doc) and doc[end].tag_ == "POS")


def _place_votes(doc: Any, e: int, cand: Candidate) -> None:
    """What the model calls a person (or a group, without a demonym's shape) but sits
    inside a place phrase ("fighting in Adigrat", "talks in Addis Ababa") is a place:
    people are met, not stood in."""
    root = doc[e - 1]
    if cand.label in ("PERSON", "ORG") and _before_its_country(doc, e):
        # "anchored near Umm Qasr, Iraq": a name placed by the country after it
        cand.votes["GPE"] += _INSIDE_VOTE
        return
    if cand.label == "PERSON" and (
        (root.dep_ == "conj" and root.head.ent_type_ == "GPE")
        or any(c.dep_ == "conj" and c.ent_type_ == "GPE" for c in root.children)
    ):
        # "Pristina and Belgrade would meet": a known city coordinated with a place.
        place = _settlement(cand.text)
        if place is not None:
            cand.votes[place.entity_type] += _INSIDE_VOTE
            return
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "to Lesbos, Chios and Samos": the list's first member
    if (
        cand.label == "PERSON"
        and " " not in cand.text  # "Tom Smith" has a person's shape
        and first.dep_ == "pobj"
        and first.head.lower_ in _INSIDE_PREPS | _TO_FROM_PREPS
        and any(_is_place_token(p) for p in partners)
    ):
        # "raids in Guayaquil and Duran": a name coordinated with a place, both inside
        # one place phrase, is a place too, known to the gazetteer or not
        cand.votes["GPE"] += _INSIDE_VOTE
        return
    locative = root.dep_ == "pobj" and (
        root.head.lower_ in _INSIDE_PREPS
        # "a Malian army post at Léré": a site is "at" a place
        or (root.head.lower_ == "at" and root.head.head.lemma_.lower() in _SITE_AT)
        or (root.head.lower_ in ("to", "into") and root.head.head.lemma_.lower() in _MOTION_LEMMAS)
    )
    taken = root.dep_ == "dobj" and root.head.lemma_ in _PLACE_VERBS
    if not (locative or taken):
        return
    # Any name the model calls a person "in Adigrat" (not "outside"): people are not
    # stood in, even when the gazetteer does not know the town.
    if (
        locative
        and root.head.lower_ != "outside"
        and (
            cand.label == "PERSON"
            # "in Gulshan", "near Chaman": a group name no country's demonym explains
            or (cand.label == "NORP" and norp_country(cand.text) is None)
        )
    ):
        cand.votes["GPE"] += _INSIDE_VOTE
        return
    if (
        locative
        and cand.label == "ORG"
        and root.head.lower_ in ("in", "near", "around")
        and e - 1 == doc[e - 1].left_edge.i  # no determiner or modifier: "in Minova"
        and not cand.text.isupper()
        and " " not in cand.text
    ):
        cand.votes["GPE"] += _INSIDE_VOTE  # a bare unknown name people are "near" or "in"
        return
    if cand.label in ("PERSON", "ORG"):
        # A name the gazetteer knows as a city, state or country, in a place phrase
        # ("outside Goma", "captured El Fasher"), is that place whatever the model said.
        place = _settlement(cand.text)
        if place is not None:
            cand.votes[place.entity_type] += _INSIDE_VOTE
