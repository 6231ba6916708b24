"""cleaning.clean: markup, mojibake, invisible characters, boilerplate, whitespace.

No model needed. Mojibake cases are made the way the damage happens (UTF-8 bytes decoded
as GBK, invalid bytes dropped), so no seed text is copied here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from extraction.cleaning import clean
from extraction.cleaning_gbk import repair_gbk_mojibake

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(
    os.environ.get("EVENTWIRE_SHARED")
    or next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT)
)
GOLD = SHARED / "gold" / "seeds.jsonl"
SEEDS = SHARED / "seeds"


def gbk_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="ignore")


def kinds(cleaned) -> dict[str, int]:  # type: ignore[no-untyped-def]
    out: dict[str, int] = {}
    for step in cleaned.steps:
        out[step["kind"]] = out.get(step["kind"], 0) + step["count"]
    return out


# ---------------------------------------------------------------------------- mojibake

GBK_CASES = [
    "That’s the message the minister delivered.",
    "He called the governor a “tyrant” who lost the vote.",
    "The vote — delayed by the storm — went ahead.",
    "The farmers’ view was ignored.",
    "She said it was “over,” in an interview.",
    "Prices rose by €5 in a year.",
    "Officials said “we will not move.”",
    "A ‘temporary’ truce held.",
    "The café in Zürich reopened.",
]


@pytest.mark.parametrize("original", GBK_CASES)
def test_gbk_mojibake_is_repaired(original: str) -> None:
    damaged = gbk_mojibake(original)
    assert damaged != original
    cleaned = clean(damaged)
    assert cleaned.text == original
    step = next(s for s in cleaned.steps if s["kind"] == "mojibake")
    assert step["detail"] == "gbk-decoded utf-8" and step["count"] >= 1


def test_gbk_no_break_space_before_dash() -> None:
    damaged = gbk_mojibake("its own interests\u00a0— wielding influence")
    assert clean(damaged).text == "its own interests — wielding influence"


def test_gbk_repair_counts_each_segment() -> None:
    text, n = repair_gbk_mojibake(gbk_mojibake("It’s “fine” and it’s done."))
    assert text == "It’s “fine” and it’s done."
    assert n == 4


@pytest.mark.parametrize(
    "text",
    [
        "我聽說他明天會來北京。",  # real Chinese, including 聽 (a no-break space as GBK)
        "新华社记者在现场报道，会谈于周四结束。",
        "東京は日本の首都です。ｶﾀｶﾅ と ＡＢＣ。",
        "مرحبا بالعالم، هذا نص عربي.",
        "שלום עולם",
        "Привет, мир! Это русский текст.",
        "Emoji stay: 😀 👍🏽 👩‍👩‍👧 🇺🇦.",
        "Ελληνικά κείμενα μένουν ίδια.",
    ],
)
def test_other_scripts_pass_through_unchanged(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.text == text
    assert "mojibake" not in kinds(cleaned)


def test_chinese_name_next_to_mojibake_is_kept() -> None:
    damaged = "新华社" + gbk_mojibake("’s reporters said so.")
    assert clean(damaged).text == "新华社’s reporters said so."


def test_latin1_mojibake_goes_to_ftfy() -> None:
    damaged = "The caf\u00c3\u00a9 reopened, officials said."  # UTF-8 read as Latin-1
    cleaned = clean(damaged)
    assert cleaned.text == "The café reopened, officials said."
    assert any(s["kind"] == "mojibake" and "ftfy" in s["detail"] for s in cleaned.steps)


# ---------------------------------------------------------------------------- markup


def test_broken_leading_tag_fragment_is_removed() -> None:
    raw = (
        'ers arrive in Paris, France, on May 2. Photo: AFP" src="https://example.org/a/b.jpeg" '
        "/>Ministers arrive in Paris, France, on May 2. Photo: AFP\nThe talks began."
    )
    cleaned = clean(raw)
    assert (
        cleaned.text == "Ministers arrive in Paris, France, on May 2. Photo: AFP\nThe talks began."
    )
    assert kinds(cleaned)["html"] == 1


def test_trailing_tag_head_and_stray_tags_are_removed() -> None:
    raw = 'The talks began.<br>They ended <b>late</b> on Friday. <img src="https://x.org/a'
    assert clean(raw).text == "The talks began.\nThey ended late on Friday."


def test_angle_brackets_in_prose_are_not_markup() -> None:
    raw = "Turnout was < 40% and costs > $5m, the <Committee> said."
    assert clean(raw).text == raw


def test_html_page_to_text() -> None:
    page = (
        "<!doctype html><html><head><title>T</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Leaders meet in Geneva</h1>"
        + "".join(
            f"<p>Paragraph {i}: the foreign ministers of France and Germany met in Geneva "
            "on Tuesday to discuss the ceasefire, officials said.</p>"
            for i in range(6)
        )
        + "</article><footer>Copyright</footer></body></html>"
    )
    cleaned = clean(None, html=page)
    assert "foreign ministers of France and Germany" in cleaned.text
    assert "var x" not in cleaned.text
    assert kinds(cleaned)["html"] == 1


def test_html_fragment_in_text_field() -> None:
    raw = "<p>One sentence here.</p><p>Another &amp; more.</p><div>Third line.</div>"
    cleaned = clean(raw)
    lines = [line for line in cleaned.text.split("\n") if line]
    assert lines == ["One sentence here.", "Another & more.", "Third line."]


def test_deeply_nested_html_does_not_crash() -> None:
    raw = "<div>" * 3000 + "Deep text survives." + "</div>" * 3000
    assert "Deep text survives." in clean(None, html=raw).text


# ---------------------------------------------------------------------------- invisible


def test_zero_width_and_control_characters_removed() -> None:
    raw = "Pre\u200bsi\u00addent\ufeff met\x00 the\x07 envoy.\r\nNext\u2028Line."
    cleaned = clean(raw)
    assert cleaned.text == "President met the envoy.\nNext\nLine."
    assert kinds(cleaned)["control"] == 5


def test_whitespace_normalised_and_paragraphs_kept() -> None:
    raw = "  First   line\there.  \n\n\n\nSecond\u00a0paragraph.\n"
    cleaned = clean(raw)
    assert cleaned.text == "First line here.\n\nSecond paragraph."
    assert kinds(cleaned)["whitespace"] >= 3


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "This week the two prime ministers plan to visit the capital in an effort to persuade\n"
        "the president to reconsider his stance on the war.\n"
        "A new line starts here."
    )
    assert clean(raw).text.split("\n") == [
        "This week the two prime ministers plan to visit the capital in an effort to persuade "
        "the president to reconsider his stance on the war.",
        "A new line starts here.",
    ]


def test_caption_ending_in_credit_is_not_joined() -> None:
    raw = (
        "Delegates arrive at the ministry before a meeting in Ankara on May 2, 2024. Photo: AFP\n"
        "Turkey is ramping up its efforts to end the war, officials said on Monday."
    )
    assert clean(raw).text.count("\n") == 1


# ---------------------------------------------------------------------------- boilerplate

ARTICLE = "The foreign minister met her counterpart in Oslo on Monday to discuss the treaty."


@pytest.mark.parametrize(
    "line",
    [
        "You've read 3 of 5 free articles. Subscribe to continue.",
        "Start your subscription today",
        "Subscribe",
        "/subscribe",
        "/world/europe/2024/0512/some-story-slug",
        "https://example.com/news/123",
        "QR Code to Subscription page",
        "Read this article in",
        "Share this article",
        "Share on Facebook",
        "Advertisement",
        "|",
        "---|---|",
        "Sign up for our daily newsletter to get the news first.",
        "Our newsroom was founded in 1950. Join us in this mission by subscribing.",
        "Subscribe to our newsletter",
        "Share: Facebook Twitter Email",
        "Share this article: Facebook, X, WhatsApp",
    ],
)
def test_boilerplate_lines_are_dropped(line: str) -> None:
    cleaned = clean(f"{ARTICLE}\n{line}\n{ARTICLE}")
    assert cleaned.text == f"{ARTICLE}\n{ARTICLE}"
    assert kinds(cleaned)["boilerplate"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe/Reuters",
        "Agence One/John Smith/AP",
        "Photo: Xinhua",
        "image source from:newsagency",
        "Members of parliament attend a session in Oslo, Norway, May 2, 2024. Photo: AFP",
        "Facebook said on Monday it would comply with the new law.",
    ],
)
def test_credits_and_captions_are_kept(line: str) -> None:
    cleaned = clean(f"{line}\n{ARTICLE}")
    assert line in cleaned.text


def test_faq_block_is_dropped() -> None:
    raw = (
        f"{ARTICLE}\nFrequently Asked Questions\nQuestion: Why did they meet?\n"
        "They met to discuss the treaty and its ratification schedule.\n"
        "Question: What comes next?\nA second round of talks in the autumn."
    )
    cleaned = clean(raw)
    assert cleaned.text == ARTICLE
    assert kinds(cleaned)["boilerplate"] == 5


def test_tables_of_contents_dropped_and_prose_rows_kept() -> None:
    raw = (
        f"{ARTICLE}\nArticle Subheadings |\n---|\n1) The Background of the Treaty |\n"
        "2) What Comes Next |\nNo. | Key Points |\n---|---|\n"
        "1 | The minister met her counterpart to discuss the treaty. |\n"
    )
    cleaned = clean(raw)
    assert cleaned.text == f"{ARTICLE}\nThe minister met her counterpart to discuss the treaty."
    assert kinds(cleaned)["table"] == 1


def test_title_case_headings_and_labels_dropped_but_headlines_kept() -> None:
    raw = (
        "Minister heads to Oslo for treaty talks\n"  # a sentence-case headline: kept
        "Why We Wrote This\n"
        f"{ARTICLE}\n"
        "The Road to a Ratified Treaty\n"
        f"{ARTICLE}\nSummary\n{ARTICLE}"
    )
    cleaned = clean(raw)
    assert cleaned.text.split("\n") == [
        "Minister heads to Oslo for treaty talks",
        ARTICLE,
        ARTICLE,
        ARTICLE,
    ]


def test_title_case_headline_above_the_first_paragraph_is_kept() -> None:
    raw = (
        f"Leaders Meet in Oslo for Treaty Talks\n{ARTICLE}\nWhat the Treaty Would Change\n{ARTICLE}"
    )
    assert clean(raw).text.split("\n") == [
        "Leaders Meet in Oslo for Treaty Talks",
        ARTICLE,
        ARTICLE,
    ]


def test_steps_shape() -> None:
    cleaned = clean(gbk_mojibake("That’s   it.") + "\n/subscribe\n")
    assert cleaned.steps
    for step in cleaned.steps:
        assert set(step) == {"kind", "count", "detail"}
        assert isinstance(step["count"], int) and step["count"] > 0
        assert isinstance(step["detail"], str) and step["detail"]


@pytest.mark.parametrize("raw", [None, "", "   \n\t ", "\u200b\u200b"])
def test_empty_input_gives_empty_text(raw: str | None) -> None:
    assert clean(raw).text == ""


# ---------------------------------------------------------------------------- gold


def _gold() -> list[dict]:
    if not GOLD.exists():
        pytest.skip("dev gold not present")
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("record", _gold() if GOLD.exists() else [], ids=lambda r: r["file"][:3])
def test_cleaning_keeps_every_gold_entity_and_evidence(record: dict) -> None:
    """Boilerplate rules must not remove what the gold annotates (captions, credits)."""
    text = clean((SEEDS / record["file"]).read_text(encoding="utf-8")).text
    for ent in record["entities"]:
        assert any(
            re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text) for a in ent["aliases"]
        ), ent["name"]
    squashed = _squash(text)
    for event in record["events"]:
        assert _squash(clean(event["evidence"]).text) in squashed, event["evidence"][:60]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_cleaning_is_idempotent_on_seeds(path: Path) -> None:
    once = clean(path.read_text(encoding="utf-8")).text
    assert clean(once).text == once


@pytest.mark.parametrize(
    "bar", ["Share | Copy link", "Share: Facebook | X | Telegram | VK", "Instagram · WhatsApp"]
)
def test_share_bars_go_but_a_platform_named_in_a_sentence_stays(bar: str) -> None:
    text = f"Border talks resume\n\n{bar}\n\nX said on Monday it would open an office in Kyiv."
    out = clean(text).text
    assert bar not in out
    assert "X said on Monday it would open an office in Kyiv." in out


def test_mojibake_bytes_read_as_invisible_characters_are_repaired_not_dropped() -> None:
    # "í" (C3 AD) read as cp1252 is "Ã" + a soft hyphen; "”" (E2 80 9D) is "â€" + an
    # undefined byte, often saved as a replacement character
    raw = "Foreign Minister Carlos Ramiro Mart\u00c3\u00adnez said \u00e2\u20ac\u0153no\u00e2\u20ac\ufffd."
    assert clean(raw).text == "Foreign Minister Carlos Ramiro Martínez said “no”."
    # a soft hyphen or C1 control elsewhere is still removed
    assert clean("co\u00adoperation in the\u0086 north").text == "cooperation in the north"


def test_a_word_hyphenated_across_a_printed_line_break_is_made_whole() -> None:
    raw = (
        "Georgia's foreign ministry summoned Azerbaijan's ambas-\n"
        "sador on Monday and demanded the release of the six men held near the monas-\n"
        "tery complex.\n"
    )
    out = clean(raw)
    assert "Azerbaijan's ambassador on Monday" in out.text
    assert "near the monastery complex." in out.text
    assert any("hyphenated" in s["detail"] for s in out.steps)
