"""The title written right before a person's name, read leftwards word by word.

"US President Donald Trump", "retired Lt. Gen. Keith Kellogg", "Secretary of State Marco
Rubio", "Ukraine's President Volodymyr Zelenskyy", "Pentagon spokesperson Pete Hegseth":
the whole phrase becomes an alias of the person (exactly as printed, whitespace
collapsed), its qualifier ("US", "Russian") gives the person's country, and the presence
of a role or honorific is evidence that the name is a PERSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extraction.entities_names import collapse, word_key

if TYPE_CHECKING:
    from extraction.entities_spans import Candidate

_TITLE_SCAN_LIMIT = 10
PERSON_TITLE_VOTE = 5  # in the half-vote units of entities_spans.LABEL_VOTE


def scan_title(
    doc: Any, full: str, s: int, cand: Candidate, lex: dict[str, frozenset[str]]
) -> None:
    """Read the title written right before a name, leftwards, word by word.

    "retired Lt. Gen. Keith Kellogg", "Secretary of State Marco Rubio", "Ukraine's
    President Volodymyr Zelenskyy", "Pentagon spokesperson Pete Hegseth". A title needs a
    role or honorific word; an entity (GPE, NORP, ORG) may qualify it at its left end.
    Stops at determiners, verbs, punctuation and sentence starts.
    """
    roles = lex["role_words"]
    words = cand.text.split()
    if len(words) >= 2 and words[-1].casefold() in lex["org_heads"]:
        return  # "the official Oman News Agency": an organisation takes no personal title
    first, has_role, j, steps = None, False, s - 1, 0
    qualifier = None
    while j >= 0 and steps < _TITLE_SCAN_LIMIT:
        t = doc[j]
        steps += 1
        w = word_key(t.text)
        if t.is_space:
            if t.text.count("\n") >= 2:
                break  # a paragraph break: a headline's last word is no title
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
            and doc[j - 1].ent_type_ in ("GPE", "ORG", "LOC")
        ):
            first = j
        # "North Macedonia's foreign minister": the model may tag a country LOC; the
        # qualifier counts only where the gazetteer knows it as a country
        elif t.ent_type_ in ("GPE", "NORP", "ORG", "LOC") and has_role and first is not None:
            k = j
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            if t.ent_type_ == "ORG" and k > 0 and doc[k - 1].ent_type_ in ("NORP", "GPE"):
                k -= 1  # "Chinese" + "Foreign Ministry spokesperson Mao Ning"
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
        elif (
            has_role
            and first is not None
            and t.is_lower
            and t.pos_ in ("NOUN", "ADJ")
            and t.dep_ in ("compound", "amod")
            and first <= t.head.i < s
        ):
            first = j  # "competition" in "EU competition chief Margrethe Vestager"
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
    cand.votes["PERSON"] += PERSON_TITLE_VOTE
