"""String rules for entity names: keys, possessives, demonyms and spelling variants.

Pure functions over strings; no spaCy. Lexicons come from ``data/entities_titles.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from extraction.gazetteer import get_gazetteer

_TITLES = Path(__file__).parent / "data" / "entities_titles.json"

_NON_WORD = re.compile(r"[\W_]+")
# "Trump's", "Trump’s", "Europeans’": an apostrophe (straight, typographic or modifier
# letter) followed by an optional "s" and then a non-letter or the end.
POSSESSIVE = re.compile(r"['\u2019\u02bc\u2018](?:s|S)?(?![A-Za-z])")
_WS = re.compile(r"\s+")
_TEXT_KEY = "eventwire.text"


def norm(s: str) -> str:
    """Lower-case matching key of a name: possessive and punctuation gone ("the U.S.'s"
    -> "the u s")."""
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"['’]s$", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


def fold_name(name: str) -> str:
    """Accent-free matching key: "Bogotá" and "Bogota", "Vučić" and "Vucic" are one."""
    decomposed = unicodedata.normalize("NFKD", name)
    return norm("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """The word lists of ``entities_titles.json`` as frozensets (loaded once)."""
    raw = json.loads(_TITLES.read_text(encoding="utf-8"))
    out = {k: frozenset(v) for k, v in raw.items() if isinstance(v, list)}
    out["role_words"] = out["roles"] | out["honorifics"]
    out["title_words"] = out["role_words"] | out["modifiers"]
    return out


def doc_text(doc: Any, tokens: list[Any] | None = None) -> str:
    """``doc.text``, read once per Doc: spaCy rebuilds it from every token on each access,
    which costs more than all of entity resolution. Cached in ``doc.user_data``."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or cached[0] != len(doc):  # retokenised since: read again
        text = "".join(t.text_with_ws for t in tokens) if tokens is not None else doc.text
        cached = doc.user_data[_TEXT_KEY] = (len(doc), text)
    return cached[1]  # type: ignore[no-any-return]


def collapse(text: str) -> str:
    """Collapse runs of whitespace (line breaks inside a name) to one space."""
    return _WS.sub(" ", text).strip()


def text_key(text: str) -> str:
    """Case- and punctuation-insensitive key: "U.S." -> "us", "The Guardian" -> "guardian"."""
    key = _NON_WORD.sub(" ", text.casefold()).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def word_key(word: str) -> str:
    """A title word as looked up in the lexicon: "Gen." -> "gen", "President" -> "president"."""
    return word.casefold().rstrip(".")


_DEMONYM_SUFFIX = re.compile(r"(?:an|ian|ean|ese|ish|ch|sh|i|ic|ite|er|ot)s?$")
_UNCHANGED_PLURAL = re.compile(r"(?:ese|ish|ch|sh|ss|x|z|s)$")


def looks_like_demonym(text: str) -> bool:
    """True for adjective-like group names: "Russian", "North Korean", "Chinese", "Israelis"."""
    last = text.split()[-1] if text.split() else ""
    return bool(
        last[:1].isupper()
        and (_DEMONYM_SUFFIX.search(last) or get_gazetteer().demonym_country(last))
    )  # "Kyrgyz", "Uzbek": irregular demonyms the data lists


def demonym_plural(text: str) -> str:
    """The group name of a demonym: "Russian" -> "Russians", "British" and "Chinese" stay.

    The gold convention names a NORP entity by its plural demonym ("Europeans") unless the
    adjective is itself the group name ("the British", "the French", "the Chinese").
    """
    text = collapse(text)
    if _UNCHANGED_PLURAL.search(text):
        return text
    return text + "s"


_DEMONYM_STEMS = (
    (r"ians?$", ("ia", "e", "y", "")),  # Ukrainian -> Ukraine, Italian -> Italy, Russian -> Russia
    (r"eans?$", ("ea", "e", "")),  # Korean -> Korea, European -> Europe
    (r"ans?$", ("a", "", "o")),  # American -> America, Mexican -> Mexico
    (r"ese$", ("a", "", "e")),  # Chinese -> China, Japanese -> Japan
    (r"ish$", ("", "ain", "and", "ey")),  # Polish -> Poland, British -> Britain, Turkish -> Turkey
    (r"is?$", ("",)),  # Iraqi -> Iraq, Israelis -> Israel
    (r"ench$", ("ance",)),  # French -> France
    (r"ch$", ("ce",)),
)


def demonym_places(text: str) -> list[str]:
    """Candidate place names a demonym may come from, to look up in the gazetteer."""
    text = collapse(text)
    out: list[str] = []
    for pattern, endings in _DEMONYM_STEMS:
        m = re.search(pattern, text)
        if m:
            stem = text[: m.start()]
            out.extend(stem + e for e in endings)
    return out


def similar(a: str, b: str) -> float:
    """Similarity ratio 0..1 of two words, case-insensitive."""
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def same_person_name(a: list[str], b: list[str]) -> bool:
    """True when two multi-word person names are spelling variants of one name.

    "Volodymyr Zelensky" / "Volodymyr Zelenskyy"; "Sergei Lavrov" / "Sergey Lavrov";
    "Pete Hegseth" / "Peter Hegseth"; "H. R. McMaster" / "Herbert R. McMaster";
    "von der Leyen" / "Ursula von der Leyen" (one is a tail of the other).
    """
    if len(a) < 2 or len(b) < 2:
        return False
    la, lb = [w.casefold() for w in a], [w.casefold() for w in b]
    short, long_ = (la, lb) if len(la) <= len(lb) else (lb, la)
    if long_[-len(short) :] == short:
        return True
    if similar(la[-1], lb[-1]) < 0.8:
        return False
    fa, fb = la[0].rstrip("."), lb[0].rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:  # an initial
        return fa[0] == fb[0]
    return similar(fa, fb) >= 0.75 or (
        min(len(fa), len(fb)) >= 3 and (fa.startswith(fb) or fb.startswith(fa))
    )


def norp_country(text: str) -> str | None:
    """The country a demonym names: "Russian(s)" -> RU, "Philippine" -> PH (the country
    is named in the plural), "North Korean" -> KP; None for continents and unknowns."""
    gaz = get_gazetteer()
    code = gaz.demonym_country(text)
    if code:
        return code
    stem = text.rstrip("s") if text.endswith(("ans", "is")) else text
    for guess in (*demonym_places(stem), text + "s"):
        place = gaz.lookup(guess)
        if place is not None and place.kind == "country":
            return place.country_code
    return None
