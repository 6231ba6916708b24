"""Rule tests for extraction.events_merge: one event per happening."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.events_merge import merge_mentions


def ev(
    start: int,
    *,
    type: str = "CONSULT",
    actors: tuple[str, ...] = ("e1",),
    recipients: tuple[str, ...] = ("e2",),
    lemma: str = "meet",
    mode: str | None = None,
    modality: str = "asserted",
    stated: bool = True,
    date: str | None = None,
) -> dict[str, Any]:
    return {
        "type": type,
        "mode": mode,
        "trigger": {"text": lemma, "lemma": lemma, "start": start, "end": start + len(lemma)},
        "actors": [{"entity_id": a, "name": a} for a in actors],
        "recipients": [{"entity_id": r, "name": r} for r in recipients],
        "location": None,
        "date": {"value": date, "precision": "day", "text": date} if date else None,
        "modality": modality,
        "negated": False,
        "reported_by": None,
        "sentence": {"start": start, "end": start + 50},
        "mentions": [{"start": start, "end": start + 50}],
        "confidence": 0.5,
        "_stated": stated,
    }


def test_same_type_actors_recipients_merge_and_ids_renumber() -> None:
    out = merge_mentions([ev(100), ev(0), ev(300, type="ACCUSE", lemma="blame")])
    assert [e["id"] for e in out] == ["v1", "v2"]
    assert [m["start"] for m in out[0]["mentions"]] == [0, 100]
    assert all("_stated" not in e for e in out)


def test_conflicting_dates_stay_apart() -> None:
    out = merge_mentions([ev(0, date="2018-06-12"), ev(100, date="2019-02-27")])
    assert len(out) == 2


@pytest.mark.parametrize(
    ("other_lemma", "other_type", "other_mode", "merged"),
    [
        ("meeting", "CONSULT", None, True),  # campaign type: any trigger
        ("invasion", "ASSAULT", None, True),
        ("cancel", "CONCEDE", None, False),  # different acts towards different parties
        ("blame", "ACCUSE", "allege", True),  # same PLOVER mode
    ],
)
def test_recipientless_mention_folds_into_the_fuller_one(
    other_lemma: str, other_type: str, other_mode: str | None, merged: bool
) -> None:
    full = ev(
        0, type=other_type, lemma="accept" if other_type == "CONCEDE" else "call", mode=other_mode
    )
    bare = ev(100, type=other_type, lemma=other_lemma, recipients=(), mode=other_mode)
    out = merge_mentions([bare, full])
    assert (len(out) == 1) is merged


def test_stated_plan_beats_bare_noun_and_article_voice_beats_report() -> None:
    out = merge_mentions([ev(0, lemma="visit", stated=False), ev(100, modality="planned")])
    assert out[0]["modality"] == "planned"
    out = merge_mentions([ev(0, modality="reported"), ev(100, lemma="meeting", stated=False)])
    assert out[0]["modality"] == "asserted"
