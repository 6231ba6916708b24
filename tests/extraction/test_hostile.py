"""Hostile input: the engine returns a valid result or UnusableInput, nothing else."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extraction import ArticleInput, UnusableInput, extract, extract_many
from extraction.cleaning import clean
from schemas import ArticleResultSchema

pytestmark = pytest.mark.slow

SCHEMA = ArticleResultSchema()

# Pieces that break naive code: controls, zero-width and bidi marks, odd line breaks,
# mixed scripts (CJK, RTL, Cyrillic, Devanagari), emoji with joiners, mojibake, markup.
HOSTILE_PIECES = [
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u200b", "\u200c", "\u200d", "\u2060",
    "\ufeff", "\u00ad", "\u202e", "\u2066", "\u2028", "\u2029", "\r\n", "\r", "\t", "\n\n",
    "\ufffd", "\ud800", "\U0010ffff", "\ue000",
    "北京", "鈥檚", "鈥", "聽", "東京", "ｶﾀｶﾅ", "مرحبا", "שלום", "Привет", "नमस्ते",
    "😀", "👩‍👩‍👧", "🇺🇦", "👍🏽", "e\u0301", "ﬁ",
    "<", ">", "&amp;", "&#0;", "<p>", "</div>", '<img src="x" />', '" src="y" />', "<!--",
    "<script>", "|", "---|", "http://x.y/z", "/subscribe", "Photo: AP",
    "Trump", "Putin", "NATO", "Kyiv", "the U.S.", "Mr.", "said", "met", "attacked", ".", ",",
    " ", "  ", "\n",
]  # fmt: skip

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=12)), max_size=60
).map("".join)


def check(article: ArticleInput) -> None:
    """The invariant every input must satisfy."""
    try:
        result = extract(article).to_dict()
    except UnusableInput as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert SCHEMA.validate(result) == {}
    text = result["text"]
    assert text.strip()
    for ent in result["entities"]:
        for m in ent["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
            assert text[m["start"] : m["end"]] == m["text"]
    for ev in result["events"]:
        t = ev["trigger"]
        assert 0 <= t["start"] < t["end"] <= len(text)
        assert text[t["start"] : t["end"]] == t["text"]
        for span in [ev["sentence"], *ev["mentions"]]:
            assert 0 <= span["start"] <= span["end"] <= len(text)
    for q in result["quotes"]:
        assert 0 <= q["start"] <= q["end"] <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_hostile_text(text: str) -> None:
    check(ArticleInput(text=text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, st.integers(min_value=0, max_value=60))
def test_hostile_html(text: str, depth: int) -> None:
    check(ArticleInput(html="<div>" * depth + text + "</div>" * depth))


@settings(max_examples=60, deadline=None)
@given(hostile_text)
def test_cleaning_never_raises_and_leaves_no_invisible_characters(text: str) -> None:
    out = clean(text).text
    assert not any(ch in out for ch in "\x00\x07\u200b\u2060\ufeff\u202e\r")
    assert "\n\n\n" not in out and "  " not in out


def nested(tag: str, depth: int, text: str) -> str:
    return f"<{tag}>" * depth + text + f"</{tag}>" * depth


GARBAGE = bytes(random.Random(7).randrange(256) for _ in range(4000)).decode("latin-1")


@pytest.mark.parametrize(
    "name, article",
    [
        ("100 KB single token", ArticleInput(text="x" * 100_000)),
        ("100 KB token in prose",
         ArticleInput(text="Kenya hosted talks. " + "ab" * 50_000 + " Egypt attended.")),
        ("100 KB of punctuation", ArticleInput(text="Talks began. " + "-." * 50_000)),
        ("deeply nested html", ArticleInput(html=nested("div", 5000, "Chile met Peru."))),
        ("nested html in text", ArticleInput(text=nested("span", 3000, "Chile met Peru."))),
        ("only emoji", ArticleInput(text="😀" * 500)),
        ("right to left", ArticleInput(text="مرحبا بالعالم. هذا نص عربي طويل بعض الشيء.")),
        ("mixed scripts", ArticleInput(text="Putin 会见了 Си in الرياض 😀\u200b\u202e on Friday.")),
        ("binary garbage", ArticleInput(text=GARBAGE)),
        ("nul bytes", ArticleInput(text="\x00" * 1000)),
        ("lone surrogate", ArticleInput(text="Chile met Peru.\ud800 Then Bolivia.")),
        ("one character", ArticleInput(text="a")),
        ("only markup", ArticleInput(text="<div><p></p><br/><img src='x'/></div>" * 20)),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)  # fmt: skip
def test_named_hostile_cases(name: str, article: ArticleInput) -> None:
    check(article)


def test_extract_many_survives_a_hostile_batch() -> None:
    inputs = [ArticleInput(text=t) for t in ["", "Chile met Peru.", "\x00" * 9, "😀", "Ok."]]
    out = list(extract_many(inputs, batch_size=2))
    assert len(out) == 5
    assert all(
        isinstance(r, UnusableInput) or SCHEMA.validate(r.to_dict()) == {}
        for r in out  # type: ignore[union-attr]
    )
