"""Plain data passed between the engine's stages.

The stages (cleaning -> parse -> entities -> events/quotes -> result) exchange these
objects; spaCy objects never leave the engine. Every ``start``/``end`` is a character
offset (Unicode code points) into the *cleaned* text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT")

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

MODALITIES = ("asserted", "planned", "possible", "reported")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """One real-world referent of the article, with every place it is mentioned."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    salience: float = 0.0
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    # False when ``country_code`` comes from general knowledge (a listed office-holder)
    # rather than from the article's own words ("Ethiopian Prime Minister ...")
    country_stated: bool = True

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "salience": round(self.salience, 4),
            "country_code": self.country_code,
        }
        if self.lat is not None and self.lon is not None:
            out["lat"], out["lon"] = self.lat, self.lon
        return out

    def titles(self) -> list[str]:
        """What the aliases write before the name: "EU foreign policy chief" of "EU foreign
        policy chief Kaja Kallas"."""
        return [a[: a.find(self.name)] for a in self.aliases if self.name and self.name in a]

    def ref(self) -> dict[str, str]:
        """The ``{entity_id, name}`` form used by events and quotes."""
        return {"entity_id": self.id, "name": self.name}


class EntityIndex:
    """Finds the entity mentioned at a character range of the cleaned text."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._by_id = {e.id: e for e in entities}
        spans = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda s: s[:2]
        )
        self._starts = [s for s, _, _ in spans]
        self._spans = spans

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention best covers ``[start, end)``.

        A mention that contains the range wins over one that merely overlaps it; among
        overlapping ones the largest overlap wins.
        """
        best: Entity | None = None
        best_key = (-1, -1)
        hi = bisect.bisect_left(self._starts, end)
        for s, e, ent in self._spans[max(0, hi - 64) : hi]:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            contains = int(s <= start and e >= end)
            key = (contains, overlap)
            if key > best_key:
                best, best_key = ent, key
        return best

    def for_span(self, span: Any) -> Entity | None:
        """``span`` is a spaCy Span or Token (anything with start/end char offsets)."""
        if hasattr(span, "start_char"):
            return self.at(span.start_char, span.end_char)
        return self.at(span.idx, span.idx + len(span))


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a precision of ``day``, ``month`` or ``year``."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def value(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def anchor(self) -> date:
        """A full date to resolve relative expressions against (middle of the range)."""
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))

    @classmethod
    def parse(cls, value: str | date | None) -> PartialDate | None:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an RFC 3339 timestamp.

        Raises:
            ValueError: the value is not a date of one of those forms.
        """
        if value is None or value == "":
            return None
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        m = _PARTIAL_DATE.match(value.strip()[:10] if "T" in value else value.strip())
        if not m:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range: {value!r}")
        if day is not None:
            date(year, month or 1, day)  # raises ValueError for impossible days
        return cls(year, month, day)
