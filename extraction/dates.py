"""Event dates: temporal expressions near a trigger, resolved against ``published_at``.

``resolve(text, published_at, future=False)`` turns one expression into a ``PartialDate``
at the precision the text supports:

- "on Thursday" -> the day: the last such weekday on or before publication, or for a
  planned event the next one on or after it;
- "this week" / "last week" / "next week" -> the month, when that week lies in one month;
- "this month" / "last month" -> month; "this year" / "last year" -> year;
- "three years ago", "in 2022", "the 2022 invasion" -> year;
- "February 27, 2025", "Nov. 5", "March 2024" -> day / day / month (via dateparser);
- vague expressions ("recent", "in the coming days", "so far") -> None.

``event_date(trigger, published_at, future)`` finds the expression: a DATE entity whose
head path reaches the trigger without passing through another noun (so "a BBC report on
Thursday" does not date the act the report describes).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from extraction.types import PartialDate

_SAY = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "note", "claim", "predict", "write"}
)
# Parts of a day that head a time phrase: "on Thursday morning", "late on Monday night".
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "midnight", "dawn", "noon"})
# Nouns for a report or statement: their own date is not the reported act's.
_ACCOUNT_NOUNS = frozenset(
    {"report", "statement", "interview", "speech", "article", "post", "broadcast", "briefing",
     "remark", "comment", "address", "communique", "letter", "note", "message", "tweet"}
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1,
            "several": None, "few": None, "couple": None}  # fmt: skip
_VAGUE = re.compile(
    r"\b(recent(ly)?|coming|past|previous(ly)?|so far|historically|lately|soon|earlier|later|"
    r"future|days|weeks|months|decades|years?(?! ago)|time|era|period|season|now|today|"
    r"tonight|daily|weekly)\b",
    re.I,
)
_THIS_DAYPART = re.compile(r"(early |late )?this (morning|afternoon|evening)")
_WEEKEND = re.compile(r"\b(the|this|last|past) weekend\b")
_AGO = re.compile(r"\b(\w+)\s+(day|week|month|year)s?\s+ago\b", re.I)
_REL = re.compile(r"\b(this|last|next|past)\s+(week|month|year)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_MONTH_RE = re.compile(r"\b(" + "|".join(m[:3] for m in _MONTHS) + r")[a-z]*\.?\b", re.I)


def _week_month(day: date) -> PartialDate | None:
    start = day - timedelta(days=day.weekday())
    end = start + timedelta(days=6)
    if start.month == end.month:
        return PartialDate(start.year, start.month)
    return None


def resolve(
    text: str, published_at: PartialDate | None, future: bool = False
) -> PartialDate | None:
    """One temporal expression as a PartialDate, or None when it is vague or unresolvable."""
    t = " ".join(text.split()).lower()
    if not t or len(t) > 60:
        return None
    anchor = published_at.anchor() if published_at else None
    pub_day = published_at is not None and published_at.precision == "day"

    for i, wd in enumerate(_WEEKDAYS):
        if re.search(rf"\b{wd}\b", t):
            if not pub_day or anchor is None:
                return None
            delta = (i - anchor.weekday()) % 7 if future else -((anchor.weekday() - i) % 7)
            d = anchor + timedelta(days=delta)
            return PartialDate(d.year, d.month, d.day)

    m = _AGO.search(t)
    if m:
        n = _NUMBERS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if n is None or anchor is None:
            return None
        unit = m.group(2)
        if unit == "year":
            return PartialDate(anchor.year - n)
        if unit == "month" and published_at and published_at.month:
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            return PartialDate(y, mo + 1)
        if unit in ("week", "day") and pub_day:
            d = anchor - timedelta(days=n * (7 if unit == "week" else 1))
            return PartialDate(d.year, d.month, d.day) if unit == "day" else _week_month(d)
        return None

    m = _REL.search(t)
    if m:
        if anchor is None:
            return None
        which, unit = m.group(1), m.group(2)
        step = {"this": 0, "last": -1, "past": -1, "next": 1}[which]
        if unit == "year":
            return PartialDate(anchor.year + step)
        if published_at is None or published_at.month is None:
            return None
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            return PartialDate(y, mo + 1)
        if not pub_day:  # the week of a month-only date: the month itself when step is 0
            return PartialDate(anchor.year, anchor.month) if step == 0 else None
        return _week_month(anchor + timedelta(days=7 * step))

    if t in ("yesterday", "today", "tonight", "tomorrow") and pub_day and anchor is not None:
        d = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(t, 0))
        return PartialDate(d.year, d.month, d.day)
    if _THIS_DAYPART.fullmatch(t) and pub_day and anchor is not None:
        return PartialDate(anchor.year, anchor.month, anchor.day)  # "this morning"

    if _WEEKEND.search(t) and pub_day and anchor is not None:
        # "over the weekend", "last weekend": the month, when that weekend lies in one
        back = (anchor.weekday() - 5) % 7 or (7 if "last" in t else 0)
        sat = (
            anchor + timedelta(days=(5 - anchor.weekday()) % 7)
            if future
            else anchor - timedelta(days=back)
        )
        sun = sat + timedelta(days=1)
        return PartialDate(sat.year, sat.month) if sat.month == sun.month else None

    year = _YEAR.search(t)
    month = _MONTH_RE.search(t)
    if month:
        return _parse_explicit(t, year is not None, published_at, future)
    if year:
        return PartialDate(int(year.group(1)))
    return None


def _parse_explicit(
    t: str, has_year: bool, published_at: PartialDate | None, future: bool = False
) -> PartialDate | None:
    has_day = re.search(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b", _YEAR.sub("", t)) is not None
    parsed = _dateparse(t, published_at.value if published_at else None)
    if parsed is None:
        return None
    y, mo, d = parsed
    if not has_year and published_at is not None and published_at.month:
        y = published_at.year
        if future and mo < published_at.month:
            y += 1  # "will visit in January" written in November: next January
        elif not future and mo > published_at.month:
            y -= 1  # "in November" written in February means last November
    if has_day:
        return PartialDate(y, mo, d)
    return PartialDate(y, mo)


@lru_cache(maxsize=1024)
def _dateparse(t: str, base: str | None) -> tuple[int, int, int] | None:
    from datetime import datetime

    import dateparser

    settings: dict[str, Any] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        pd = PartialDate.parse(base)
        assert pd is not None
        a = pd.anchor()
        settings["RELATIVE_BASE"] = datetime(a.year, a.month, a.day)
    try:
        dt = dateparser.parse(
            re.sub(r"^(on|in|of|since|by|from|until|during)\s+", "", t),
            languages=["en"],
            settings=settings,
        )
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd input
        return None
    return (dt.year, dt.month, dt.day) if dt else None


def is_vague(text: str) -> bool:
    return bool(_VAGUE.search(text)) and not (
        _AGO.search(text) or _REL.search(text) or _YEAR.search(text)
    )


def event_date(
    trigger: Any,
    published_at: PartialDate | None,
    future: bool = False,
    date_ents: list[Any] | None = None,
) -> tuple[PartialDate, str] | None:
    """The date of the happening ``trigger`` names, with the expression's text.

    ``date_ents``: the document's DATE entities, when the caller has them already
    (``doc.ents`` rebuilds its spans on every access).
    """
    sent = trigger.sent
    if date_ents is None:
        date_ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
    found: list[tuple[int, int, Any]] = []
    for ent in date_ents:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        dist = _path_to(ent.root, trigger)
        if dist is not None:
            found.append((dist, ent.start, ent))
    # the nearest expression that resolves ("at 9 p.m. on Sunday": Sunday)
    for _, _, ent in sorted(found, key=lambda f: (f[0], f[1])):
        resolved = resolve(ent.text, published_at, future=future)
        if resolved is not None:
            return resolved, ent.text
    return None


def _path_to(tok: Any, trigger: Any, limit: int = 5) -> int | None:
    """Steps from a date token up to ``trigger``, None if the path crosses another noun
    or clause (a report's own date, a subordinate event's date)."""
    t = tok
    steps = 0
    crossed = False
    while steps <= limit:
        if t.i == trigger.i:
            return steps
        if steps and t.pos_ in ("NOUN", "PROPN") and t.i != tok.i:
            if t.ent_type_ in ("DATE", "TIME") or t.lower_ in _DAY_PARTS:
                pass  # "on Thursday morning", "Monday night": still the time phrase
            elif trigger.head.i == t.i:
                # the noun that governs the trigger ("plan [to visit] this week") counts
                return steps + 1
            elif (
                not crossed
                and t.lemma_.lower() not in _ACCOUNT_NOUNS
                and t.dep_ in ("dobj", "pobj")
                and (t.head.i == trigger.i or t.head.head.i == trigger.i)
            ):
                # "arrested two men at the crossing on Friday": the small model hangs the
                # time on the nearest noun; an argument of the trigger passes it on
                crossed = True
            else:
                return None
        if t.pos_ in ("VERB", "AUX") and t.i != trigger.i:
            # a date on the verb governing the trigger dates it ("held talks on Monday",
            # "plans to visit this week"); not a reporting verb's date ("said Wednesday")
            if t.lemma_.lower() in _SAY:
                return None
            h = trigger.head
            if trigger.dep_ == "conj" and trigger.pos_ in ("VERB", "AUX"):
                # "met Uganda on Monday and will visit Tanzania": each coordinated
                # clause carries its own time
                return None
            if h.i == t.i:
                return steps + 1
            if h.dep_ in ("prep", "xcomp") and h.head.i == t.i:
                return steps + 2
            return None
        if t.head.i == t.i:
            return None
        t = t.head
        steps += 1
    return None
