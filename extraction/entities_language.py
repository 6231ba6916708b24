"""Sentences written in another language than English.

Bilingual pages put a Spanish or French summary before the English story ("Edición
Internacional · Frontera ..."). The English model reads their capitalised words as names
("Tras una llamada", "La Cancillería de Bolivia", "Publié"). A name found only in such a
sentence is kept when the gazetteer knows it as a place or the English text names it too.

The test is a count of function words: a sentence is foreign when it holds at least three
function words of one of the languages below and more of them than English ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ENGLISH = _set(
    "the of and to in a an is are was were that for on with as by at from his her its"
    " their this it be has have had not but or which who will would said"
)
_OTHERS = (
    # Spanish and Portuguese
    _set(
        "el la los las del y que por con para una un se su sus es lo como más pero ya"
        " este esta entre cuando sin sobre tras fue han ha o da do dos das os não em uma"
        " pelo pela"
    ),
    # French
    _set(
        "le la les des du et un une est que qui dans pour pas par sur au aux avec ce cette"
        " il elle ont été sont ses leur"
    ),
    # Italian, German, Indonesian and Malay
    _set("il della delle degli che per non gli sono"),
    _set("der die das und ist nicht mit von den dem zu auf für eine ein"),
    _set("yang dan di ke dari dengan untuk ini itu tidak akan pada oleh"),
)


def is_foreign(words: Iterable[str]) -> bool:
    """A sentence's ``words`` read as another language than English. Only words written
    in lower case count: function words are, names ("Al-Sabah", "De Gaulle") are not."""
    seen = [w for w in words if w.isalpha() and w.islower()]
    english = sum(w in _ENGLISH for w in seen)
    return any((n := sum(w in other for w in seen)) >= 3 and n > english for other in _OTHERS)


def foreign_spans(doc: Any) -> list[tuple[int, int]]:
    """(start, end) character offsets of ``doc``'s sentences in another language (none
    when the document has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return []
    return [(s.start_char, s.end_char) for s in doc.sents if is_foreign(t.text for t in s)]


def english_only_names(cands: list[Any], doc: Any, known: Any) -> list[Any]:
    """``cands`` without the names found only inside foreign sentences, except places
    ``known(text)`` recognises ("Colchane" in a Spanish paragraph is still a place)."""
    spans = foreign_spans(doc)
    if not spans:
        return cands

    def inside(c: Any) -> bool:
        return any(a <= c.start < b for a, b in spans)

    english = {c.text.casefold() for c in cands if not inside(c)}
    return [
        c
        for c in cands
        if not inside(c) or c.text.casefold() in english or known(c.text) is not None
    ]
