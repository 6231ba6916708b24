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
  ORG mentions and "Alaska summit" an EVENT mention;
- fragments of a job title ("State" in "Secretary of State Marco Rubio"), pure
  punctuation and lowercase junk are dropped.

Each candidate also carries the title written immediately before it ("US President",
"former National Security Adviser"), used as an alias and as evidence of a PERSON.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from extraction.entities_names import POSSESSIVE, collapse, doc_text, lexicon, word_key
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
_TITLE_SCAN_LIMIT = 10
# Type votes are integers in half-vote units: one model label counts LABEL_VOTE.
LABEL_VOTE = 2
_PERSON_TITLE_VOTE = 5
_CONSTRUCTION_VOTE = 6
_BUILDING_VOTE = 3


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


def collect_candidates(doc: Any) -> list[Candidate]:
    """Repaired mention candidates of ``doc``, in text order."""
    lex = lexicon()
    full = doc_text(doc)
    out: list[Candidate] = []
    consumed = -1  # token index up to which a previous repair swallowed later ents
    for ent in doc.ents:
        if ent.start < consumed:
            continue
        label = LABEL_MAP.get(ent.label_)
        if label is None:
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
    out.extend(_coordinated_places(doc, out))
    out.extend(_untagged_speakers(doc, full, out))
    out.sort(key=lambda c: (c.start, -c.end))
    out = _join_adjacent_people(full, out)
    _link_parenthetical_acronyms(full, out)
    return out


def _link_parenthetical_acronyms(full: str, cands: list[Candidate]) -> None:
    """ "the World Food Programme (WFP)": the acronym in brackets names the same body."""
    for prev, c in zip(cands, cands[1:], strict=False):
        if (
            prev.label == "ORG"
            and c.text.isupper()
            and 2 <= len(c.text) <= 8
            and full[prev.end : c.start].strip() == "("
            and full[c.end : c.end + 1] == ")"
            and c.text[0] == prev.text[0]
        ):
            c.acronym_of = prev


def _join_adjacent_people(full: str, cands: list[Candidate]) -> list[Candidate]:
    """Two person spans separated by one space are one name: the model splits "Hassan
    Sheikh" + "Mohamud" at an honorific-looking word."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == c.label == "PERSON"
            and full[prev.end : c.start] == " "
            and not prev.parts
            and not c.parts
        ):
            joined = Candidate(
                prev.start, c.end, full[prev.start : c.end], "PERSON", raw_label="PERSON"
            )
            joined.votes = prev.votes + c.votes
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
    """A proper name the model left untagged as the subject of a speech verb, inside a
    sentence ("..., Kallas said") is a person: organisations and places that speak are
    almost always tagged, and a sentence-initial capital proves nothing."""
    if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
        return []
    import numpy as np

    strings = doc.vocab.strings
    arr = doc.to_array(["POS", "ENT_IOB", "DEP"])  # ENT_IOB: 1 inside, 3 begins an entity
    outside = (arr[:, 1] != 1) & (arr[:, 1] != 3)
    hits = np.nonzero((arr[:, 0] == strings["PROPN"]) & outside & (arr[:, 2] == strings["nsubj"]))[
        0
    ]
    taken = {(c.start, c.end) for c in cands}
    out = []
    gaz = get_gazetteer()
    for i in hits.tolist():
        tok = doc[i]
        if tok.head.lemma_ not in _SPEECH_LEMMAS or tok.is_sent_start or not tok.is_title:
            continue
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].is_title:
            left -= 1
        if doc[left].is_sent_start or doc[left].ent_type_:
            continue
        start, end = doc[left].idx, tok.idx + len(tok.text)
        text = full[start:end]
        if (start, end) in taken or gaz.lookup(text) is not None:
            continue
        cand = Candidate(start, end, text, "PERSON")  # no model label: a weak vote only
        cand.votes["PERSON"] += 1
        out.append(cand)
    return out


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
                new = Candidate(t.idx, t.idx + len(t), t.text, "GPE", raw_label="GPE")
                new.votes["GPE"] += LABEL_VOTE
                taken.add((new.start, new.end))
                out.append(new)
    return out


def _repair(
    doc: Any, full: str, s: int, e: int, label: str, lex: dict[str, frozenset[str]]
) -> tuple[list[Candidate], int]:
    n = len(doc)
    while s < e and (doc[s].is_space or (doc[s].is_punct and doc[s].text not in ".")):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    if label == "ORG" and s > 1 and doc[s - 1].text == "The" and not doc[s - 1].is_sent_start:
        s -= 1  # the model left out the capital "The" of "The Guardian"
    with_the = None
    if s < e and doc[s].lower_ == "the":
        # "according to The Guardian": a capital "The" inside a sentence is part of the name.
        keep = label == "ORG" and doc[s].text == "The" and s > 0 and not doc[s].is_sent_start
        keep = keep and not doc[s - 1].is_space and doc[s - 1].text not in ":|"
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
    if any("/" in t.text for t in doc[s:e]):
        return _split_credits(doc, full, s, e), e
    # A possessive inside the span: keep the name after it for a person ("Ukraine's
    # President Volodymyr Zelenskyy"), the name before it otherwise.
    for i in range(s, e):
        if doc[i].tag_ == "POS" or doc[i].text in ("'s", "’s", "'", "’"):
            if _possessive_inside_name(doc, i, e):
                break  # "National People's Congress", "Workers' Party"
            if label == "PERSON" and i + 1 < e:
                s = i + 1
            else:
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
    if label == "PERSON":
        titles = lex["title_words"]
        while s < e - 1 and (word_key(doc[s].text) in titles or doc[s].text == "."):
            s += 1
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
    if label == "ORG" and e - s >= 2 and doc[e - 2].lower_ == "of" and doc[e - 1].is_title:
        e = _extend_coordination(doc, e)
        consumed = e
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
    made = [cand]
    # "Trump administration", "UK government", "French presidency": the body is an ORG;
    # "this Alaska summit", "the NATO summit": a named meeting is an EVENT. The inner
    # name stays a mention of its own entity.
    if e < n and doc[e].is_alpha and word_key(doc[e].text) in lex["institutions"] and e - s <= 3:
        made.append(_widen(doc, full, cand, e, "ORG"))
        consumed = max(consumed, e + 1)
    elif _COMPOUND.fullmatch(text):
        cand.parts = _compound_parts(cand)  # a "Trump-Putin summit" is not a named event
    elif (
        label in ("GPE", "LOC", "ORG")
        and e < n
        and doc[e].is_lower
        and doc[e].lower_ in lex["event_nouns"]
    ):
        made.append(_widen(doc, full, cand, e, "EVENT"))
        consumed = max(consumed, e + 1)
    _building_votes(doc, s, e, cand, lex)
    _scan_title(doc, full, s, cand, lex)
    return made, consumed


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
    return before in ("people", "women", "men", "children") or (
        doc[i].text in ("'", "’") and before.endswith("s")
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
        if not part or not _HAS_LETTER.search(part):
            continue
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


def _scan_title(
    doc: Any, full: str, s: int, cand: Candidate, lex: dict[str, frozenset[str]]
) -> None:
    """Read the title written right before a name, leftwards, word by word.

    "retired Lt. Gen. Keith Kellogg", "Secretary of State Marco Rubio", "Ukraine's
    President Volodymyr Zelenskyy", "Pentagon spokesperson Pete Hegseth". A title needs a
    role or honorific word; an entity (GPE, NORP, ORG) may qualify it at its left end.
    Stops at determiners, verbs, punctuation and sentence starts.
    """
    roles = lex["role_words"]
    first, has_role, j, steps = None, False, s - 1, 0
    qualifier = None
    while j >= 0 and steps < _TITLE_SCAN_LIMIT:
        t = doc[j]
        steps += 1
        w = word_key(t.text)
        if t.is_space:
            j -= 1
            continue
        if t.text in ("-", "–") and not t.whitespace_ and j > 0 and not doc[j - 1].whitespace_:
            first, j = j, j - 1  # "Secretary-General"
            continue
        if (
            t.text == "."
            and j > 0
            and not doc[j - 1].whitespace_
            and len(doc[j - 1].text) <= 4
            and word_key(doc[j - 1].text) in roles
        ):
            first = j  # "Lt." tokenised as "Lt" + "."
        elif t.text[:1].isalpha() and w in roles:
            has_role, first = True, j
        elif (
            (w in lex["modifiers"] and t.text[:1].isalpha() and t.ent_type_ not in ("GPE", "NORP"))
            or (
                w == "of"
                and first is not None
                and first != s
                and j > 0
                and word_key(doc[j - 1].text) in roles
            )
            or t.tag_ == "POS"
            and has_role
            and j > 0
            and doc[j - 1].ent_type_ in ("GPE", "ORG")
        ):
            first = j
        elif t.ent_type_ in ("GPE", "NORP", "ORG") and has_role and first is not None:
            k = j
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            if doc[k].lower_ == "the":  # "The European Union's foreign policy chief"
                k += 1
            qualifier, first, j = doc[k : j + 1].text, k, k - 1
            while j >= 0 and word_key(doc[j].text) in (
                "former",
                "then",
                "late",
                "retired",
                "acting",
                "ex",
            ):
                first, j = j, j - 1
            break
        elif t.is_title and t.pos_ == "PROPN" and has_role and not t.ent_type_:
            first = j  # "Homeland" in "Secretary of Homeland Security"
        else:
            break
        j -= 1
    if not has_role or first is None:
        return
    while first < s and (doc[first].is_space or doc[first].text in ("of", ".")):
        first += 1  # a title never starts with "of"
    if first >= s:
        return
    cand.title = collapse(full[doc[first].idx : cand.end])
    cand.qualifier = qualifier
    cand.votes["PERSON"] += _PERSON_TITLE_VOTE
