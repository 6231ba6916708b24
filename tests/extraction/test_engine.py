"""The engine end to end on the seed articles: contract shape, offsets, errors, batching."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

import extraction
from extraction import (
    ArticleInput,
    ArticleResult,
    ExtractionError,
    InvalidInput,
    UnusableInput,
    engine,
    extract,
    extract_many,
)
from extraction.engine import CHUNK_CHARS, _split_long
from schemas import ArticleResultSchema

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(
    os.environ.get("EVENTWIRE_SHARED")
    or next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT)
)
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def published(name: str) -> str | None:
    if not GOLD.exists():
        return None
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["file"] == name:
            return rec["published_at"]
    return None


@pytest.fixture(scope="module")
def seed_results() -> dict[str, dict]:
    inputs = [
        ArticleInput(text=p.read_text(encoding="utf-8"), published_at=published(p.name))
        for p in SEED_FILES
    ]
    results = list(extract_many(inputs))
    assert all(isinstance(r, ArticleResult) for r in results), results
    return {p.name: r.to_dict() for p, r in zip(SEED_FILES, results, strict=True)}


def assert_offsets(result: dict) -> None:
    text = result["text"]
    ids = {e["id"]: e["name"] for e in result["entities"]}
    for ent in result["entities"]:
        for m in ent["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"] : m["end"]] == m["text"], (ent["name"], m)
    for ev in result["events"]:
        trig = ev["trigger"]
        assert text[trig["start"] : trig["end"]] == trig["text"], ev
        for span in [ev["sentence"], *ev["mentions"]]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
        for ref in ev["actors"] + ev["recipients"] + [ev.get("reported_by")]:
            if ref is not None:
                assert ids.get(ref["entity_id"]) == ref["name"], ref
    for q in result["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_result_matches_contract(path: Path, seed_results: dict[str, dict]) -> None:
    result = seed_results[path.name]
    assert ArticleResultSchema().validate(result) == {}
    assert_offsets(result)
    raw = path.read_text(encoding="utf-8")
    assert result["article"]["content_sha256"] == hashlib.sha256(raw.encode()).hexdigest()
    assert result["article"]["published_at"] == published(path.name)
    assert result["extractor"] == {"version": extraction.ENGINE_NAME,
                                   "model": "en_core_web_sm 3.8.0"}  # fmt: skip
    assert result["entities"], "every seed names people and places"
    json.dumps(result)  # JSON-ready


def test_extract_and_extract_many_agree(seed_results: dict[str, dict]) -> None:
    path = SEED_FILES[0]
    one = extract(ArticleInput(text=path.read_text(encoding="utf-8"),
                               published_at=published(path.name)))  # fmt: skip
    assert one.to_dict() == seed_results[path.name]


def test_extract_many_keeps_order_and_yields_errors_in_place() -> None:
    inputs = [
        ArticleInput(text="Germany and France signed a treaty in Berlin on Monday."),
        ArticleInput(text="   "),
        ArticleInput(text="Japan protested to China over the ships.", published_at="nope"),
        ArticleInput(text="Brazil recalled its ambassador from Argentina."),
    ]
    out = list(extract_many(inputs, batch_size=3))
    assert len(out) == 4
    assert isinstance(out[0], ArticleResult) and "Berlin" in out[0].text
    assert isinstance(out[1], UnusableInput)
    assert isinstance(out[2], InvalidInput)
    assert isinstance(out[3], ArticleResult) and out[3].text.startswith("Brazil")


@pytest.mark.parametrize("value", ["2025", "2025-02", "2025-02-27", "2025-02-27T10:00:00Z"])
def test_published_at_precisions(value: str) -> None:
    result = extract(ArticleInput(text="Egypt hosted talks.", published_at=value)).to_dict()
    assert result["article"]["published_at"] == value[:10]


@pytest.mark.parametrize("value", ["yesterday", "2025-13", "2025-02-30"])
def test_bad_published_at_is_invalid_input(value: str) -> None:
    with pytest.raises(InvalidInput):
        extract(ArticleInput(text="Egypt hosted talks.", published_at=value))


@pytest.mark.parametrize(
    "article",
    [
        ArticleInput(),
        ArticleInput(text=""),
        ArticleInput(text=" \n\t "),
        ArticleInput(html="<html><body><script>x()</script></body></html>"),
        ArticleInput(text="\x00\x01\x02" * 50),
        ArticleInput(text="1234 5678 !!!"),
        ArticleInput(text="Bonjour.", language="fr"),
    ],
)
def test_unusable_input(article: ArticleInput) -> None:
    with pytest.raises(UnusableInput) as info:
        extract(article)
    assert "\n" not in str(info.value)


def test_errors_share_one_base() -> None:
    assert issubclass(UnusableInput, ExtractionError)
    assert issubclass(InvalidInput, ExtractionError)


def test_html_input_and_metadata_are_carried() -> None:
    html = "<p>Kenya and Ethiopia agreed to reopen the border, officials said on Friday.</p>"
    article = ArticleInput(
        html=html, url="https://example.org/a", title="T", source="S", external_id="x-1",
        article_id="a1",
    )  # fmt: skip
    result = extract(article).to_dict()
    assert (
        result["text"]
        == "Kenya and Ethiopia agreed to reopen the border, officials said on Friday."
    )
    assert result["article"]["content_sha256"] == hashlib.sha256(html.encode()).hexdigest()
    assert {k: result["article"][k] for k in ("id", "external_id", "url", "title", "source")} == {
        "id": "a1", "external_id": "x-1", "url": "https://example.org/a", "title": "T",
        "source": "S",
    }  # fmt: skip
    assert any(s["kind"] == "html" for s in result["cleaning"])
    assert ArticleResultSchema().validate(result) == {}


def test_from_mapping_ignores_unknown_keys() -> None:
    art = ArticleInput.from_mapping({"text": "t", "metadata": {"a": 1}, "id": "7"})
    assert art.text == "t" and art.article_id == "7"


def test_long_text_is_processed_in_pieces_with_whole_text_offsets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "CHUNK_CHARS", 6_000)  # the real size needs a minute
    para = (
        "Foreign Minister Ana Ruiz of Spain met Prime Minister Jonas Berg of Norway in Oslo "
        "on Monday, and Spain accused Morocco of blocking the talks."
    )
    text = "\n\n".join(f"{para} Item {i}." for i in range(engine.CHUNK_CHARS // len(para) * 3))
    assert len(text) > 2 * engine.CHUNK_CHARS
    result = extract(ArticleInput(text=text)).to_dict()
    assert result["text"] == text
    assert ArticleResultSchema().validate(result) == {}
    assert_offsets(result)
    names = [e["name"] for e in result["entities"]]
    types = [e["type"] for e in result["entities"]]
    assert len(names) == len(set(zip(names, types, strict=True)))
    assert max(m["end"] for e in result["entities"] for m in e["mentions"]) > engine.CHUNK_CHARS
    assert max(ev["trigger"]["end"] for ev in result["events"]) > engine.CHUNK_CHARS


def test_split_long_pieces_rejoin_exactly() -> None:
    text = ("word " * 7000 + "\n\n") * 10 + "x" * 120_000
    pieces = _split_long(text)
    assert "".join(pieces) == text
    assert all(len(p) <= CHUNK_CHARS for p in pieces)


def test_public_api() -> None:
    assert set(extraction.__all__) >= {
        "extract", "extract_many", "ArticleInput", "ArticleResult", "ExtractionError",
        "__version__",
    }  # fmt: skip
    assert isinstance(extraction.__version__, str)
