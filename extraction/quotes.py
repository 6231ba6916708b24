"""Direct quotes and their speakers (``eventwire.quotes.v1``).

A quote is text between paired quotation marks (straight ``"`` or typographic ``“ ”``)
within one paragraph, of at least ``MIN_WORDS`` words: scare quotes around one word
("a “dictator”") are the author's, not speech. Its speaker is, in order of preference:

1. the subject of the nearest speech verb outside the quote in the same sentence or the
   attribution clause right after it: ``Trump said "I'm not going ..."``, ``"...", said
   Feng.``, ``Feng Zhongping, director of ..., told the Global Times``;
2. the object of "according to" in that sentence (``"...," according to Reuters``);
3. for a pronoun subject ("he said"), the most recent PERSON mentioned before it in the
   same or the previous sentence, when only one person is mentioned there or one of them
   was a subject;
4. a quote following another within a short gap, with no other person named between
   them, continues that quote's speaker;
5. otherwise None.

Offsets (``start``/``end``) delimit the quoted text without the marks, in the cleaned text.
"""

from __future__ import annotations

import re
from typing import Any

from extraction.entities_names import doc_text
from extraction.types import Entity, EntityIndex

VERSION = "eventwire.quotes.v1"
MIN_WORDS = 3
MAX_QUOTE_CHARS = 2000

SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "note", "claim", "insist", "state", "declare", "announce",
        "stress", "warn", "argue", "explain", "write", "ask", "reply", "respond", "answer",
        "acknowledge", "admit", "suggest", "predict", "describe", "reiterate", "repeat",
        "emphasize", "emphasise", "underline", "underscore", "complain", "urge", "promise",
        "vow", "pledge", "recall", "confirm", "deny", "assert", "contend", "maintain",
        "observe", "remark", "comment", "tweet", "post", "report", "continue", "conclude",
        "call", "quip", "joke", "shout", "whisper", "testify", "concede", "agree", "caution",
    }
)  # fmt: skip
PRONOUNS = frozenset({"he", "she"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OPENERS = {"“": "”", '"': '"', "„": "“", "«": "»", "‘": "’"}
# A typographic single quote closes only where no letter follows: "don’t" and "Trump’s"
# are apostrophes, "‘we will win’ he said" closes.
_MARKS = re.compile(r"[\"“”„«»‘]|’(?![^\W\d_])")


def extract_quotes(doc: Any, entities: EntityIndex) -> list[dict[str, Any]]:
    """Direct quotes as ``{speaker: ref | None, text, start, end}`` dicts, in text order."""
    text = doc_text(doc)
    out = []
    previous: tuple[Entity | None, int] = (None, -1)
    for start, end in find_quote_spans(text):
        quote = text[start:end]
        if len(quote.split()) < MIN_WORDS:
            continue
        speaker, attributed = _speaker(doc, entities, start, end)
        if speaker is None and not attributed and previous[0] is not None:
            speaker = _continued(entities, previous[0], previous[1], start)
        previous = (speaker, end)
        out.append(
            {
                "speaker": speaker.ref() if speaker is not None else None,
                "text": quote,
                "start": start,
                "end": end,
            }
        )
    return out


_CONTINUATION_GAP = 160


def _continued(entities: EntityIndex, speaker: Entity, prev_end: int, start: int) -> Entity | None:
    """A quote right after another one, with no new attribution, continues the same
    speaker: '"We will win," he said. "The war is not over."'."""
    if prev_end < 0 or start - prev_end > _CONTINUATION_GAP:
        return None
    for e in entities:
        if (
            e is not speaker
            and e.type == "PERSON"
            and any(prev_end <= m.start < start for m in e.mentions)
        ):
            return None  # someone else is named in between
    return speaker


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted text (marks excluded, surrounding spaces trimmed).

    Marks pair up within a paragraph: a typographic “ closes at the next ”, a straight "
    at the next straight ". An unclosed mark at a line break is dropped.
    """
    spans = []
    open_at, closer = -1, ""
    for m in _MARKS.finditer(text):
        ch, pos = m.group(0), m.start()
        if open_at >= 0 and "\n" in text[open_at:pos]:
            open_at = -1  # the paragraph ended without a closing mark
        if open_at < 0:
            if ch in _OPENERS:
                open_at, closer = pos, _OPENERS[ch]
            continue
        if ch == closer or (closer == '"' and ch == "”") or (closer == "”" and ch == '"'):
            s, e = open_at + 1, pos
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and e - s <= MAX_QUOTE_CHARS:
                spans.append((s, e))
            open_at = -1
    return spans


def _speaker(doc: Any, entities: EntityIndex, start: int, end: int) -> tuple[Entity | None, bool]:
    """The speaker of the quote at ``[start, end)`` and whether any attribution was found."""
    tokens = _context_tokens(doc, start, end)
    if not tokens:
        return None, False
    verbs = [
        t
        for t in tokens
        if t.lemma_.lower() in SPEECH_VERBS
        and t.pos_ in ("VERB", "AUX")
        and not start <= t.idx < end
    ]
    verbs.sort(key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))
    attributed = False  # a speech verb with a subject: "a farmer said" names no entity
    for verb in verbs:
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is None or start <= subj.idx < end:
            continue
        if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "Mr. Trump, who said Wednesday that ..."
        attributed = True
        if subj.lower_ in PRONOUNS:
            return _resolve_pronoun(doc, entities, subj), True
        found = _entity_of(entities, subj)
        if found is not None:
            return found, True
    for t in tokens:  # "..., according to Reuters"
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), doc[t.i + 2])
            found = _entity_of(entities, obj)
            if found is not None:
                return found, True
    return None, attributed


def _context_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """Tokens of the sentences the quote touches, plus the next sentence when the quote
    ends its sentence (the parser often cuts '"...," said Feng.' after the quote)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return []
    first = span[0].sent.start
    last = span[-1].sent.end
    if last < len(doc) and last - span.end <= 2:
        last = doc[last].sent.end
    if first > 0 and span.start - first <= 2:
        first = doc[first - 1].sent.start
    return list(doc[first:last])


def _entity_of(entities: EntityIndex, token: Any) -> Entity | None:
    """The entity named by a subject token or by the name phrase it heads."""
    found = entities.at(token.idx, token.idx + len(token))
    if found is not None:
        return found
    if token.pos_ != "PROPN":  # "The French president, Emmanuel Macron, said"
        appos = next((c for c in token.children if c.dep_ == "appos"), None)
        return entities.at(appos.idx, appos.idx + len(appos)) if appos is not None else None
    left = min((c.idx for c in token.subtree if c.dep_ in ("compound", "poss")), default=token.idx)
    return entities.at(left, token.idx + len(token)) if left < token.idx else None


def _resolve_pronoun(doc: Any, entities: EntityIndex, pronoun: Any) -> Entity | None:
    """The most recent PERSON before ``pronoun`` in its own or the previous sentence,
    when one person is mentioned there, or else the last one that was a subject."""
    sent = pronoun.sent
    begin = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    lo, hi = doc[begin].idx, pronoun.idx
    people: list[tuple[int, Entity, bool]] = []
    for e in entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            if lo <= m.start < hi:
                tok = doc.char_span(m.start, m.end, alignment_mode="expand")
                is_subj = tok is not None and tok.root.dep_ in _SUBJECT_DEPS
                people.append((m.start, e, is_subj))
    if not people:
        return None
    people.sort(key=lambda p: p[0])
    if len({p[1].id for p in people}) == 1:
        return people[-1][1]
    subjects = [p for p in people if p[2]]
    return subjects[-1][1] if subjects else None
