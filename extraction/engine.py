"""The engine: ArticleInput -> ArticleResult (CONTRACT section 3).

Stages, in order: ``cleaning.clean`` -> spaCy parse -> ``entities.resolve_entities`` ->
``events.extract_events`` and ``quotes.extract_quotes``. Every offset in the result indexes
the cleaned ``text``. No exception but ``ExtractionError`` leaves ``extract``:

- ``UnusableInput``: nothing to work on (empty, whitespace, binary garbage, not English);
- ``InvalidInput``: a malformed field such as ``published_at``;
- ``StageError``: a stage crashed on usable input (a bug), translated here.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extraction import cleaning
from extraction.errors import ExtractionError, InvalidInput, StageError, UnusableInput
from extraction.nlp import get_nlp, model_label, parse, parse_many
from extraction.types import Entity, EntityIndex, Mention, PartialDate

__version__ = "0.1.0"

# Versioned behaviour name (spaCy's "spacy.Tokenizer.v1" convention): bump it whenever the
# output for the same input changes, so consumers can tell results apart.
ENGINE_NAME = "eventwire.events.v1"
SCHEMA_VERSION = "1.0"

# Texts longer than this are processed in paragraph-aligned pieces (parse and stages),
# whose results are shifted back to text offsets and merged: a 2 MB text then needs
# neither a raised nlp.max_length nor parser memory or stage time beyond one piece's.
CHUNK_CHARS = 100_000


@dataclass
class ArticleInput:
    """One article as a scraper sends it; ``text`` or ``html`` must hold something."""

    text: str | None = None
    html: str | None = None
    published_at: str | date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    language: str = "en"
    external_id: str | None = None
    article_id: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ArticleInput:
        """Build from a request body; unknown keys (``metadata``...) are ignored."""
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        if "id" in data and "article_id" not in data:
            kwargs["article_id"] = data["id"]
        return cls(**kwargs)


@dataclass
class ArticleResult:
    """The engine's output; ``to_dict()`` is the CONTRACT section 3 JSON."""

    article: dict[str, Any]
    text: str
    cleaning: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    extractor: dict[str, str] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "article": dict(self.article),
            "text": self.text,
            "cleaning": [dict(s) for s in self.cleaning],
            "entities": list(self.entities),
            "events": list(self.events),
            "quotes": list(self.quotes),
            "extractor": dict(self.extractor),
        }


# ---------------------------------------------------------------------------- public API


def extract(article: ArticleInput) -> ArticleResult:
    """Run every stage on one article.

    Raises:
        UnusableInput: no usable text.
        InvalidInput: a malformed field (``published_at``).
        StageError: a stage failed on usable input.
    """
    prepared = _prepare(article)
    nlp = get_nlp()
    if len(prepared.cleaned.text) > CHUNK_CHARS:
        return _finish_long(prepared, nlp)
    return _finish(prepared, _parse(nlp, prepared.cleaned.text), nlp)


def extract_many(
    articles: Iterable[ArticleInput], batch_size: int = 16
) -> Iterator[ArticleResult | ExtractionError]:
    """Results in input order, parsed with ``nlp.pipe`` for throughput.

    An article that fails yields its ``ExtractionError`` in its place instead of raising,
    so one bad article does not end the batch.
    """
    batch: list[ArticleInput] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _run_batch(get_nlp(), batch, batch_size)
            batch = []
    if batch:
        yield from _run_batch(get_nlp(), batch, batch_size)


# ---------------------------------------------------------------------------- stages


@dataclass
class _Prepared:
    article: ArticleInput
    published: PartialDate | None
    cleaned: cleaning.Cleaned
    sha256: str


def _prepare(article: ArticleInput) -> _Prepared:
    """Validate the fields and clean the text (everything before the parse)."""
    if not isinstance(article, ArticleInput):
        raise InvalidInput(f"expected ArticleInput, got {type(article).__name__}")
    for name in ("text", "html"):
        value = getattr(article, name)
        if value is not None and not isinstance(value, str):
            raise InvalidInput(f"{name} must be a string, got {type(value).__name__}")
    lang = (article.language or "en").strip().lower().replace("_", "-").split("-")[0]
    if lang != "en":
        raise UnusableInput(f"language {article.language!r} is not supported (English only)")
    try:
        published = PartialDate.parse(article.published_at)
    except (ValueError, TypeError, AttributeError) as exc:
        raise InvalidInput(f"published_at: {exc}") from exc

    raw = article.html if article.html else article.text
    if raw is None or not raw.strip():
        raise UnusableInput("no text: both text and html are empty")
    sha = hashlib.sha256(raw.encode("utf-8", errors="surrogatepass")).hexdigest()
    try:
        cleaned = cleaning.clean(article.text, article.html)
    except ExtractionError:
        raise
    except Exception as exc:  # translated at the boundary, see errors.py
        raise StageError("cleaning", f"{type(exc).__name__}: {exc}") from exc
    _check_usable(cleaned.text)
    return _Prepared(article, published, cleaned, sha)


def _check_usable(text: str) -> None:
    """Raise UnusableInput unless ``text`` holds some words.

    Binary garbage decoded as text is mostly replacement, private-use and unassigned
    characters; a real article, in any script, is mostly letters.
    """
    if not text.strip():
        raise UnusableInput("no text left after cleaning")
    sample = text[:20_000]
    letters = junk = visible = 0
    for ch in sample:
        if ch.isspace():
            continue
        visible += 1
        if ch.isalpha():
            letters += 1
        elif ch == "\ufffd" or unicodedata.category(ch) in ("Co", "Cn", "Cs"):
            junk += 1
    if letters == 0:
        raise UnusableInput("no words in the text (only symbols, digits or punctuation)")
    if junk / visible > 0.3 or letters / visible < 0.25:
        raise UnusableInput("text looks like binary data, not an article")


def _split_long(text: str, limit: int | None = None) -> list[str]:
    """Pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts after a paragraph break when there is one in the second half of the window, else
    after a line break or a space, else (one enormous token) anywhere.
    """
    limit = limit or CHUNK_CHARS
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos : pos + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = window.rfind(sep, limit // 2)
            if i != -1:
                cut = i + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(window[:cut])
        pos += cut
    pieces.append(text[pos:])
    return pieces


def _parse(nlp: Language, text: str) -> Doc:
    try:
        return parse(nlp, text)
    except Exception as exc:
        raise StageError("parse", f"{type(exc).__name__}: {exc}") from exc


def _run_batch(
    nlp: Language, batch: list[ArticleInput], batch_size: int
) -> Iterator[ArticleResult | ExtractionError]:
    prepared: list[_Prepared | ExtractionError] = []
    for article in batch:
        try:
            prepared.append(_prepare(article))
        except ExtractionError as exc:
            prepared.append(exc)
    short = [p for p in prepared if isinstance(p, _Prepared) and len(p.cleaned.text) <= CHUNK_CHARS]
    docs: Iterator[Doc] | None
    try:
        docs = iter(list(parse_many(nlp, [p.cleaned.text for p in short], batch_size)))
    except Exception:  # one bad text spoils the whole nlp.pipe batch: parse one by one
        docs = None
    for p in prepared:
        if isinstance(p, ExtractionError):
            yield p
            continue
        try:
            if len(p.cleaned.text) > CHUNK_CHARS:
                yield _finish_long(p, nlp)
                continue
            doc = next(docs) if docs is not None else _parse(nlp, p.cleaned.text)
            yield _finish(p, doc, nlp)
        except ExtractionError as exc:
            yield exc


def _finish(p: _Prepared, doc: Doc, nlp: Language) -> ArticleResult:
    """Entities, events and quotes on the parsed doc, assembled into the result."""
    entities, events, quotes = _stages_on(doc, p.published)
    return _assemble(p, nlp, entities, events, quotes)


def _stages_on(
    doc: Doc, published: PartialDate | None
) -> tuple[list[Entity], list[dict[str, Any]], list[dict[str, Any]]]:
    resolve_entities, extract_events, extract_quotes = _stages()
    index: EntityIndex = _run_stage("entities", resolve_entities, doc)
    events = _run_stage("events", extract_events, doc, index, published)
    quotes = _run_stage("quotes", extract_quotes, doc, index)
    return list(index), list(events), list(quotes)


def _assemble(
    p: _Prepared,
    nlp: Language,
    entities: list[Entity],
    events: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
) -> ArticleResult:
    a = p.article
    return ArticleResult(
        article={
            "id": a.article_id,
            "external_id": a.external_id,
            "url": a.url,
            "title": a.title,
            "source": a.source,
            "published_at": p.published.value if p.published else None,
            "language": a.language or "en",
            "content_sha256": p.sha256,
        },
        text=p.cleaned.text,
        cleaning=list(p.cleaned.steps),
        entities=[e.to_dict() for e in entities],
        events=events,
        quotes=quotes,
        extractor={"version": ENGINE_NAME, "model": model_label(nlp)},
    )


def _finish_long(p: _Prepared, nlp: Language) -> ArticleResult:
    """A long text, piece by piece: parse and stages per piece, results merged.

    Entities with the same type and name in different pieces become one; events and
    quotes keep their piece's findings (a happening told in two distant pieces stays two
    events). Offsets are shifted back to the whole text.
    """
    pieces = _split_long(p.cleaned.text)
    merged = _Merger()
    offset = 0
    try:
        for piece, doc in zip(pieces, parse_many(nlp, pieces, 4), strict=True):
            entities, events, quotes = _stages_on(doc, p.published)
            merged.add(offset, entities, events, quotes)
            offset += len(piece)
    except ExtractionError:
        raise
    except Exception as exc:
        raise StageError("parse", f"{type(exc).__name__}: {exc}") from exc
    return _assemble(p, nlp, merged.entities, merged.events, merged.quotes)


class _Merger:
    """Joins per-piece results: shifts offsets, merges entities, renumbers ids."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.events: list[dict[str, Any]] = []
        self.quotes: list[dict[str, Any]] = []
        self._by_key: dict[tuple[str, str], Entity] = {}

    def add(
        self,
        offset: int,
        entities: list[Entity],
        events: list[dict[str, Any]],
        quotes: list[dict[str, Any]],
    ) -> None:
        ids: dict[str, Entity] = {}
        for e in entities:
            shifted = [Mention(m.start + offset, m.end + offset, m.text) for m in e.mentions]
            target = self._by_key.get((e.type, e.name))
            if target is None:
                target = Entity(
                    id=f"e{len(self.entities) + 1}", name=e.name, type=e.type,
                    aliases=list(e.aliases), mentions=shifted, salience=e.salience,
                    country_code=e.country_code, lat=e.lat, lon=e.lon,
                )  # fmt: skip
                self._by_key[(e.type, e.name)] = target
                self.entities.append(target)
            else:
                target.aliases += [a for a in e.aliases if a not in target.aliases]
                target.mentions += shifted
                target.salience = max(target.salience, e.salience)
            ids[e.id] = target
        for ev in events:
            ev = dict(ev, id=f"v{len(self.events) + 1}")
            for key in ("trigger", "sentence"):
                if isinstance(ev.get(key), dict):
                    ev[key] = _shift(ev[key], offset)
            ev["mentions"] = [_shift(m, offset) for m in ev.get("mentions") or []]
            for key in ("actors", "recipients"):
                ev[key] = [_remap(r, ids) for r in ev.get(key) or []]
            if ev.get("reported_by"):
                ev["reported_by"] = _remap(ev["reported_by"], ids)
            loc = ev.get("location")
            if isinstance(loc, dict) and loc.get("entity_id") in ids:
                ev["location"] = dict(loc, entity_id=ids[loc["entity_id"]].id)
            self.events.append(ev)
        for q in quotes:
            q = _shift(q, offset)
            if q.get("speaker"):
                q["speaker"] = _remap(q["speaker"], ids)
            self.quotes.append(q)


def _shift(span: dict[str, Any], offset: int) -> dict[str, Any]:
    out = dict(span)
    for key in ("start", "end"):
        if isinstance(out.get(key), int):
            out[key] += offset
    return out


def _remap(ref: dict[str, Any], ids: dict[str, Entity]) -> dict[str, Any]:
    target = ids.get(ref.get("entity_id"))  # type: ignore[arg-type]
    return target.ref() if target is not None else dict(ref)


def _run_stage(name: str, fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except ExtractionError:
        raise
    except Exception as exc:
        raise StageError(name, f"{type(exc).__name__}: {exc}") from exc


# ---------------------------------------------------------------------------- stage lookup


def _stages() -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
    """The three stage functions (imported here to keep module import light)."""
    from extraction.entities import resolve_entities
    from extraction.events import extract_events
    from extraction.quotes import extract_quotes

    return resolve_entities, extract_events, extract_quotes


def warm_up() -> None:
    """Load everything the engine needs (model, gazetteer, lexicons, date parser) now.

    A worker calls this once per process at start, so no article pays for the loading.
    """
    extract(ArticleInput(text="Warm-up: the minister met the president in Paris on Monday."))
