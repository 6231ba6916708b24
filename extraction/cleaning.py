"""Raw article (text or HTML) -> clean text, every repair recorded.

``clean(text, html)`` returns ``Cleaned(text, steps)``; each step is
``{kind, count, detail}`` (CONTRACT section 3, ``cleaning``). In order:

1. control, zero-width and odd line-break characters (first: lxml refuses some of them);
2. markup: an ``html`` field, or text that is mostly markup, goes through trafilatura (full
   pages) or lxml (fragments); plain text loses stray tags and the broken tag fragments
   scrapers leave behind (``… Photo: X" src="…jpg" />Caption …``);
3. mojibake: UTF-8 that was decoded as GBK (``That鈥檚`` -> ``That’s``, see
   ``cleaning_gbk.py``), then ftfy for the Latin-1/cp1252 kind;
4. spaces: no-break and other Unicode spaces, runs of blanks, trailing blanks;
5. boilerplate lines (rules in ``data/boilerplate.json``): paywalls, subscription promos,
   sharing and navigation, bare URLs, FAQ widgets, table-of-contents rows, label and
   title-case heading lines. Photo credits and captions are kept: they name people and
   agencies;
6. hard-wrapped lines joined (a word hyphenated across a line break made whole), blank
   lines collapsed (paragraphs stay ``\\n`` or ``\\n\\n``).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ftfy

from extraction.cleaning_gbk import repair_gbk_mojibake

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class Cleaned:
    text: str
    steps: list[dict[str, Any]] = field(default_factory=list)


class _Steps:
    """Collects repairs; one entry per (kind, detail), counts added up, zeros dropped."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], int] = {}

    def add(self, kind: str, count: int, detail: str) -> None:
        if count > 0:
            self._items[(kind, detail)] = self._items.get((kind, detail), 0) + count

    def as_list(self) -> list[dict[str, Any]]:
        return [{"kind": k, "count": n, "detail": d} for (k, d), n in self._items.items()]


def clean(text: str | None, html: str | None = None) -> Cleaned:
    """Clean one article. ``html`` wins when both are given (it is the richer input)."""
    steps = _Steps()
    if html is not None and html.strip():
        s = _markup_to_text(_remove_invisible(html, steps), steps)
    elif text is None:
        s = ""
    else:
        s = _remove_invisible(text, steps)
        s = _markup_to_text(s, steps) if _looks_like_markup(s) else _strip_tag_debris(s, steps)
    s, n = repair_gbk_mojibake(s)
    steps.add("mojibake", n, "gbk-decoded utf-8")
    s = _ftfy(s, steps)
    s = _normalize_spaces(s, steps)
    lines = _drop_boilerplate(s.split("\n"), steps)
    lines = _unwrap(lines, steps)
    s = "\n".join(lines)
    s, n = re.subn(r"\n{3,}", "\n\n", s)
    steps.add("whitespace", n, "blank lines collapsed")
    return Cleaned(s.strip(), steps.as_list())


# ---------------------------------------------------------------------------- 1. markup

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_PAGE_MARKERS = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_TAGS = frozenset(
    (
        "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "blockquote",
        "body", "br", "button", "caption", "cite", "code", "col", "colgroup", "data", "dd", "del",
        "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption",
        "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link",
        "main", "mark", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "param", "picture", "pre", "progress", "q", "s", "samp", "script",
        "section", "select", "small", "source", "span", "strong", "style", "sub", "summary", "sup",
        "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time",
        "title", "tr", "track", "u", "ul", "var", "video", "wbr",
    )
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    )
)  # fmt: skip
_DROP_CONTENT_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


def _looks_like_markup(text: str) -> bool:
    """True for a page or fragment sent as text: a page prologue, or mostly tags."""
    head = text[:4000]
    if _PAGE_MARKERS.search(head):
        return True
    sample = text[:200_000]
    tags = [m for m in _TAG.finditer(sample) if m.group(2).lower() in _HTML_TAGS]
    if len(tags) < 3:
        return False
    markup = sum(m.end() - m.start() for m in tags)
    blocks = sum(1 for m in tags if m.group(2).lower() in _BLOCK_TAGS)
    return markup / max(1, len(sample)) > 0.2 or blocks >= 6


def _markup_to_text(markup: str, steps: _Steps) -> str:
    if _PAGE_MARKERS.search(markup[:4000]):
        text = _trafilatura(markup)
        if text:
            steps.add("html", 1, "page to text (trafilatura)")
            return text
    text = _lxml_text(markup)
    stripped = _regex_text(markup)
    # libxml2 gives up on very deep nesting and returns little or nothing: compare with
    # plain tag stripping and keep whichever kept the text.
    if text is not None and len("".join(text.split())) >= 0.5 * len("".join(stripped.split())):
        steps.add("html", 1, "markup to text (lxml)")
        return text
    steps.add("html", 1, "markup to text (tags stripped)")
    return stripped


def _trafilatura(markup: str) -> str | None:
    import trafilatura  # slow import, only needed for pages

    try:
        text = trafilatura.extract(
            markup,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError, LookupError):
        return None
    return text if text and text.strip() else None


def _lxml_text(markup: str) -> str | None:
    """Text of a fragment or page, block elements on their own lines."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(markup)
    except (lxml.etree.LxmlError, ValueError, RecursionError):
        return None
    for el in list(root.iter(*_DROP_CONTENT_TAGS)):
        tail = el.tail
        parent = el.getparent()
        if parent is None:
            continue
        el.clear()
        el.tail = tail
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return "".join(root.itertext())


def _regex_text(markup: str) -> str:
    markup = re.sub(
        r"<(script|style|noscript|template)\b.*?</\1\s*>", " ", markup, flags=re.S | re.I
    )
    out = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK_TAGS else "", markup)
    return html_lib.unescape(out)


# A line that begins inside a tag: the tail of an attribute value, then more attributes,
# then the tag's end. "… Photo: X" src="https://…jpg" />A car carrying …" keeps "A car …".
_LEADING_TAG_TAIL = re.compile(
    r"^[^<>\n]{0,2000}?[\"']\s*(?:[\w:.-]+\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*')\s*)+/?>", re.M
)
# A line that ends inside a tag: '… <img src="…' (no closing '>').
_TRAILING_TAG_HEAD = re.compile(r"<[a-zA-Z][a-zA-Z0-9]*\s[^<>\n]*$", re.M)


def _strip_tag_debris(text: str, steps: _Steps) -> str:
    """Plain text that may hold stray tags or the broken ends of tags."""
    if "<" not in text and ">" not in text:
        return text
    n_tags = 0

    def tag(m: re.Match[str]) -> str:
        nonlocal n_tags
        name = m.group(2).lower()
        if name not in _HTML_TAGS:
            return m.group(0)  # "<Trump>" in prose is not markup
        n_tags += 1
        return "\n" if name in _BLOCK_TAGS else ""

    text, n_tail = _LEADING_TAG_TAIL.subn("", text)
    text, n_head = _TRAILING_TAG_HEAD.subn(
        lambda m: "" if m.group(0)[1:].split()[0].lower() in _HTML_TAGS else m.group(0), text
    )
    text = _TAG.sub(tag, text)
    steps.add("html", n_tail + n_head, "broken tag fragments removed")
    steps.add("html", n_tags, "stray tags removed")
    if n_tail + n_head + n_tags:
        text, n = _ENTITY.subn(lambda m: html_lib.unescape(m.group(0)), text)
        steps.add("html", n, "character references decoded")
    return text


# ---------------------------------------------------------------------------- 2. invisible

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Zero-width and bidi format characters; ZWJ/ZWNJ are handled apart (they matter inside
# emoji sequences and some scripts, and are dropped only next to Latin letters).
# A soft hyphen or C1 control right after a cp1252 reading of a UTF-8 lead byte ("Ã\xad"
# is "í", "â€\x9d" is "”") is part of the mojibake: it is left for ftfy to repair.
_MOJIBAKE_LEAD = r"(?<![\u00c2-\u00df\u20ac])"
_ZERO_WIDTH = re.compile(
    r"[\u200b\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u180e]|"
    + _MOJIBAKE_LEAD
    + r"\u00ad"
)
_JOINERS_NEAR_LATIN = re.compile(r"(?<=[A-Za-z0-9])[\u200c\u200d]|[\u200c\u200d](?=[A-Za-z0-9])")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]|" + _MOJIBAKE_LEAD + r"[\x80-\x84\x86-\x9f]")
# What ftfy left of those: a soft hyphen or C1 control that was no mojibake after all.
_LEFTOVER = re.compile(r"[\u00ad\x80-\x84\x86-\x9f]")
# "â€" then a replacement character: the closing quote "”" (UTF-8 E2 80 9D) read as cp1252,
# whose undefined byte 0x9D was then lost; the one cp1252 reading of a quote that loses a byte.
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac\ufffd")


def _remove_invisible(s: str, steps: _Steps) -> str:
    s, n = _LINE_BREAKS.subn("\n", s)
    steps.add("whitespace", n, "line breaks normalised")
    s, n = _CONTROL.subn("", s)
    steps.add("control", n, "control characters removed")
    s, n1 = _ZERO_WIDTH.subn("", s)
    s, n2 = _JOINERS_NEAR_LATIN.subn("", s)
    steps.add("control", n1 + n2, "zero-width and format characters removed")
    # Unpaired surrogates (from lone UTF-16 halves) cannot be encoded; replace them.
    if any("\ud800" <= ch <= "\udfff" for ch in s):
        s, n = re.subn(r"[\ud800-\udfff]", "\ufffd", s)
        steps.add("control", n, "unpaired surrogates replaced")
    return s


# ---------------------------------------------------------------------------- 3. ftfy

_FTFY = ftfy.TextFixerConfig(
    unescape_html="auto",
    uncurl_quotes=False,  # curly quotes are correct text, not damage
    fix_character_width=False,  # would rewrite CJK full-width punctuation
    fix_line_breaks=False,  # done above
    explain=False,
)
_NON_ASCII_OR_ENTITY = re.compile(r"[^\x00-\x7f]|&[#a-zA-Z]")


def _ftfy(s: str, steps: _Steps) -> str:
    """ftfy, line by line, so the count says how many lines were repaired."""
    if not _NON_ASCII_OR_ENTITY.search(s):
        return s
    out = []
    changed = 0
    for line in s.split("\n"):
        if _NON_ASCII_OR_ENTITY.search(line):
            fixed = ftfy.fix_text(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\x9d", line), config=_FTFY)
            fixed = _LEFTOVER.sub("", fixed)
            if fixed != line:
                changed += 1
                line = fixed.replace("\n", " ")
        out.append(line)
    steps.add("mojibake", changed, "ftfy: lines repaired (latin-1/cp1252 mojibake, entities)")
    return "\n".join(out)


# ---------------------------------------------------------------------------- 4. spaces

_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r" {2,}")
_EDGE_SPACES = re.compile(r"^ +| +$", re.M)


def _normalize_spaces(s: str, steps: _Steps) -> str:
    s, n = _ODD_SPACES.subn(" ", s)
    steps.add("whitespace", n, "tabs, no-break and other Unicode spaces to plain spaces")
    s, n1 = _SPACE_RUNS.subn(" ", s)
    s, n2 = _EDGE_SPACES.subn("", s)
    steps.add("whitespace", n1 + n2, "runs of spaces collapsed, lines trimmed")
    return s


# ---------------------------------------------------------------------------- 5. boilerplate


@dataclass(frozen=True)
class _Rules:
    paywall: tuple[re.Pattern[str], ...]
    promo: tuple[re.Pattern[str], ...]
    promo_max_words: int
    navigation: tuple[re.Pattern[str], ...]
    url_line: tuple[re.Pattern[str], ...]
    labels: frozenset[str]
    faq_headings: frozenset[str]
    question: re.Pattern[str]
    answer: re.Pattern[str]
    minor_words: frozenset[str]
    credit: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = json.loads((DATA_DIR / "boilerplate.json").read_text(encoding="utf-8"))

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.I) for p in raw[key])

    return _Rules(
        paywall=compile_all("paywall"),
        promo=compile_all("promo_phrases"),
        promo_max_words=int(raw["promo_max_words"]),
        navigation=compile_all("navigation"),
        url_line=compile_all("url_line"),
        labels=frozenset(raw["label_lines"]),
        faq_headings=frozenset(raw["faq_headings"]),
        question=re.compile(raw["question_prefix"], re.I),
        answer=re.compile(raw["answer_prefix"], re.I),
        minor_words=frozenset(raw["title_case_minor_words"]),
        credit=compile_all("credit_line"),
    )


_TERMINAL = '.!?:;"”’)»…'
_TABLE_SEPARATOR = re.compile(r"^[\s|:+-]*-{3,}[\s|:+-]*$")
_ENUMERATOR = re.compile(r"^(\(?\d{1,3}[.)]?|[a-z][.)]|no\.?|#|[-*•])$", re.I)
_WORD = re.compile(r"\w[\w'’.-]*")


def _label_key(line: str) -> str:
    return line.strip().rstrip(":.!?").strip().casefold()


def _has_letters(line: str) -> bool:
    return any(ch.isalnum() for ch in line)


def _is_prose(cell: str) -> bool:
    """A sentence: several words and a terminal punctuation mark."""
    return len(_WORD.findall(cell)) >= 5 and cell.rstrip()[-1:] in _TERMINAL


def _is_title_case_heading(line: str, minor: frozenset[str]) -> bool:
    """ "Challenges to Achieving a Ceasefire": 3-12 words, capitalised, no end punctuation."""
    if not line or line[-1] in _TERMINAL or line[-1] in ",|/" or "/" in line:
        return False
    words = line.split()
    if not 3 <= len(words) <= 12 or line.lower().startswith("by "):
        return False
    content = [w for w in words if w.casefold().strip("'’") not in minor]
    if len(content) < 2:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return caps == len(content) and any(w[:1].isalpha() for w in content)


def _table_row(line: str) -> str | None:
    """A markdown-ish table row: its prose cells joined, or "" when it has none.

    ``None`` when the line is not a table row. "2 | Top officials are talking. |" keeps
    "Top officials are talking."; "1) Background |" and "No. | Key Points |" keep nothing.
    """
    stripped = line.strip()
    if not (stripped.startswith("|") or stripped.endswith("|")):
        return None
    cells = [c.strip() for c in stripped.strip("|").split("|")]
    prose = [c for c in cells if c and not _ENUMERATOR.match(c) and _is_prose(c)]
    return " ".join(prose)


def _drop_boilerplate(lines: list[str], steps: _Steps) -> list[str]:
    rules = _rules()
    out: list[str] = []
    in_faq = False
    after_question = False
    seen_prose = False
    counts: dict[str, int] = {}

    def drop(reason: str) -> None:
        counts[reason] = counts.get(reason, 0) + 1

    for i, line in enumerate(lines):
        if not line:
            out.append(line)
            continue
        key = _label_key(line)
        # FAQ widgets: the heading, then question / answer pairs, all dropped. They restate
        # the article ("Question: What is the significance of …?").
        if key in rules.faq_headings:
            in_faq, after_question = True, False
            drop("faq")
            continue
        if in_faq:
            if rules.question.match(line) or rules.answer.match(line) or after_question:
                after_question = bool(rules.question.match(line))
                drop("faq")
                continue
            in_faq = False
        if not _has_letters(line):
            drop("punctuation-only lines")
            continue
        if _TABLE_SEPARATOR.match(line):
            drop("table rows")
            continue
        row = _table_row(line)
        if row is not None:
            if row:
                out.append(row)
                steps.add("table", 1, "table rows flattened to their sentences")
            else:
                drop("table rows")
            continue
        if any(p.search(line) for p in rules.paywall):
            drop("paywall and subscription")
            continue
        if any(p.search(line) for p in rules.promo) and (
            len(line.split()) <= rules.promo_max_words
        ):
            drop("paywall and subscription")
            continue
        if any(p.search(line) for p in rules.navigation):
            drop("sharing and navigation")
            continue
        if any(p.match(line) for p in rules.url_line):
            drop("bare urls")
            continue
        if key in rules.labels:
            drop("labels and headings")
            continue
        if any(p.search(line) for p in rules.credit):
            steps.add("credit", 1, "photo credit lines kept (they name people and agencies)")
            out.append(line)
            continue
        # Subheadings go; a headline above the first paragraph stays ("Leaders Meet in Oslo").
        if (
            seen_prose
            and _is_title_case_heading(line, rules.minor_words)
            and _next_is_prose(lines, i)
        ):
            drop("labels and headings")
            continue
        out.append(line)
        seen_prose = seen_prose or _is_prose(line) or len(line.split()) >= 15
    for reason, n in counts.items():
        steps.add("boilerplate", n, reason)
    return out


def _next_is_prose(lines: list[str], i: int) -> bool:
    for nxt in lines[i + 1 : i + 4]:
        if nxt.strip():
            return _is_prose(nxt) or len(nxt.split()) >= 15
    return False


# ---------------------------------------------------------------------------- 6. line joins

_WRAP_END = re.compile(r"[\w,;%$)\]–-]$")
_WRAP_START = re.compile(r"^[\w\"“‘'(\[]")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
# A word part and a hyphen ending a line: "monas-", "uncondi-" (not "-" alone, "2025-").
_LINE_END_HYPHEN = re.compile(r"(?<![\w-])[^\W\d_]*[a-z]{2}-$")


def _unwrap(lines: list[str], steps: _Steps) -> list[str]:
    """Join hard-wrapped lines: "… to persuade former President" + "Donald Trump to …".

    A line continues on the next one when it ends without sentence punctuation and either
    the next line starts in lower case, or the line is long prose (10+ words) that is not a
    heading and the next line starts with a word.
    """
    minor = _rules().minor_words
    out: list[str] = []
    joined = dehyphenated = 0
    for line in lines:
        if out and out[-1] and line and _WRAP_END.search(out[-1]) and _WRAP_START.match(line):
            prev = out[-1]
            # Words since the last sentence end: "… 2025. Photo: VCG" ends a caption with
            # a credit, it does not run on into the next line.
            tail = _SENTENCE_END.split(prev)[-1]
            long_prose = (
                len(prev.split()) >= 10
                and len(tail.split()) >= 5
                and not _is_title_case_heading(prev, minor)
            )
            if line[0].islower() and _LINE_END_HYPHEN.search(prev):
                # "the line through the monas-" + "tery complex": a word broken by
                # print hyphenation is one word again (a compound broken at its own
                # hyphen, "five-" + "day", loses it: rarer, and harmless to the parse)
                out[-1] = prev[:-1] + line
                dehyphenated += 1
                continue
            if line[0].islower() or long_prose:
                out[-1] = prev + " " + line
                joined += 1
                continue
        out.append(line)
    steps.add("whitespace", joined, "hard-wrapped lines joined")
    steps.add("whitespace", dehyphenated, "words hyphenated across lines joined")
    return out
