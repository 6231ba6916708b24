"""Rule tests for extraction.dates: expressions resolved against publication dates."""

from __future__ import annotations

import pytest

from extraction.dates import resolve
from extraction.types import PartialDate

THU = PartialDate(2025, 2, 27)  # a Thursday
MON = PartialDate(2025, 2, 24)
MONTH_ONLY = PartialDate(2025, 2)


@pytest.mark.parametrize(
    ("text", "published", "future", "expected"),
    [
        # weekdays: the last one on/before publication, or for planned events the next one
        ("Thursday", THU, False, "2025-02-27"),
        ("on Thursday", THU, True, "2025-02-27"),
        ("on Friday", THU, True, "2025-02-28"),
        ("Wednesday", THU, False, "2025-02-26"),
        ("on Thursday", MON, True, "2025-02-27"),
        ("on Sunday", MON, False, "2025-02-23"),
        # weeks: the month when the week lies in one month
        ("last week", PartialDate(2025, 2, 20), False, "2025-02"),
        ("this week", PartialDate(2025, 2, 19), False, "2025-02"),
        ("this week", MON, False, None),  # Feb 24 - Mar 2 spans two months
        ("next week", PartialDate(2025, 2, 10), True, "2025-02"),
        ("this week", PartialDate(2025, 3, 2), False, None),  # Feb 24 - Mar 2
        ("this week", MONTH_ONLY, False, "2025-02"),
        # parts of today and weekends
        ("this morning", THU, False, "2025-02-27"),
        ("the weekend", THU, False, "2025-02"),  # Sat 22 - Sun 23 February
        ("the weekend", PartialDate(2025, 3, 3), False, "2025-03"),  # Sat 1, Sun 2 March
        ("the weekend", PartialDate(2025, 6, 2), False, None),  # Sat 31 May, Sun 1 June
        # months and years
        ("last month", PartialDate(2025, 2, 20), False, "2025-01"),
        ("this year", THU, False, "2025"),
        ("last year", MONTH_ONLY, False, "2024"),
        ("three years ago", PartialDate(2025, 2, 20), False, "2022"),
        ("2 years ago", PartialDate(2025, 2, 20), False, "2023"),
        ("2022", THU, False, "2022"),
        ("the 2022", THU, False, "2022"),
        # explicit dates keep the precision they are written with
        ("November 5, 2024", MONTH_ONLY, False, "2024-11-05"),
        ("February 27, 2025", None, False, "2025-02-27"),
        ("March 2024", THU, False, "2024-03"),
        ("in November", THU, False, "2024-11"),
        ("on Jan. 3", THU, False, "2025-01-03"),
    ],
)
def test_resolve(
    text: str, published: PartialDate | None, future: bool, expected: str | None
) -> None:
    got = resolve(text, published, future=future)
    assert (got.value if got else None) == expected


@pytest.mark.parametrize(
    "text",
    ["recent", "in recent days", "in the coming days", "so far", "historically", "previous",
     "the past few years", "several weeks ago", ""],
)  # fmt: skip
def test_vague_expressions_give_none(text: str) -> None:
    assert resolve(text, THU) is None


@pytest.mark.parametrize("text", ["Thursday", "yesterday", "two days ago"])
def test_day_expressions_need_a_day_precise_publication(text: str) -> None:
    assert resolve(text, MONTH_ONLY) is None
    assert resolve(text, None) is None


def test_precision_follows_the_text() -> None:
    assert resolve("on Thursday", THU).precision == "day"  # type: ignore[union-attr]
    assert resolve("last week", THU).precision == "month"  # type: ignore[union-attr]
    assert resolve("three years ago", THU).precision == "year"  # type: ignore[union-attr]
