"""Events on real parses: modality, negation, dates and attribution (loads the model once)."""

from __future__ import annotations

from typing import Any

import pytest

from extraction.events import extract_events
from extraction.types import Entity, EntityIndex, Mention, PartialDate

pytestmark = pytest.mark.slow
PUB = PartialDate(2025, 2, 27)  # a Thursday
TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC", "FAC": "LOC"}


@pytest.fixture(scope="session")
def nlp() -> Any:
    from extraction.nlp import get_nlp

    return get_nlp()


def run(nlp: Any, text: str) -> list[dict[str, Any]]:
    """Parse and index ``doc.ents`` by surface form (a stand-in for the entities stage)."""
    doc = nlp(text)
    by_key: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        key = ent.text.split()[-1].lower()
        e = by_key.setdefault(
            key, Entity(f"e{len(by_key) + 1}", ent.text, TYPES[ent.label_], [ent.text])
        )
        e.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return extract_events(doc, EntityIndex(list(by_key.values())), PUB)


def first(events: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    found = [e for e in events if e["type"] == etype]
    assert found, events
    return found[0]


@pytest.mark.parametrize(
    ("text", "etype", "modality", "negated"),
    [
        ("Germany criticized Poland over the border dispute.", "ACCUSE", "asserted", False),
        ("Germany will criticize Poland over the border dispute.", "ACCUSE", "planned", False),
        (
            "Germany is expected to criticize Poland over the border dispute.",
            "ACCUSE",
            "planned",
            False,
        ),
        ("Germany plans to sanction Poland next month.", "SANCTION", "planned", False),
        ("Germany may sanction Poland next month.", "SANCTION", "possible", False),
        ("If talks fail, Germany could sanction Poland.", "SANCTION", "possible", False),
        (
            "Germany reportedly criticized Poland over the border dispute.",
            "ACCUSE",
            "reported",
            False,
        ),
        (
            "Officials said Germany criticized Poland over the border dispute.",
            "ACCUSE",
            "reported",
            False,
        ),
        ("Germany did not criticize Poland over the border dispute.", "ACCUSE", "asserted", True),
        ("Germany failed to sanction Poland.", "SANCTION", "asserted", True),
    ],
)
def test_modality_and_negation(
    nlp: Any, text: str, etype: str, modality: str, negated: bool
) -> None:
    ev = first(run(nlp, text), etype)
    assert (ev["modality"], ev["negated"]) == (modality, negated)


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Germany criticized Poland on Tuesday.", "2025-02-25", "day"),
        ("Germany will visit Poland on Friday.", "2025-02-28", "day"),
        ("Germany invaded Poland three years ago.", "2022", "year"),
        ("Germany criticized Poland in recent days.", None, None),
    ],
)
def test_event_dates(nlp: Any, text: str, value: str | None, precision: str | None) -> None:
    ev = [e for e in run(nlp, text) if e["type"] in ("ACCUSE", "CONSULT", "ASSAULT")][0]
    if value is None:
        assert ev["date"] is None
    else:
        assert (ev["date"]["value"], ev["date"]["precision"]) == (value, precision)


def test_report_date_is_not_the_event_date(nlp: Any) -> None:
    evs = run(
        nlp,
        "According to a Reuters report on Thursday, Germany criticized Poland over the dispute.",
    )
    ev = first(evs, "ACCUSE")
    assert ev["date"] is None
    assert ev["reported_by"] is not None and ev["reported_by"]["name"] == "Reuters"


def test_observer_fear_is_not_an_event(nlp: Any) -> None:
    assert run(nlp, "European countries are worried that Germany may sanction Poland.") == []


def test_trigger_offsets_index_the_text(nlp: Any) -> None:
    text = "Germany and France held talks with Poland in Warsaw. Germany criticized Poland."
    for ev in run(nlp, text):
        t = ev["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]
        s = ev["sentence"]
        assert 0 <= s["start"] < s["end"] <= len(text)


@pytest.mark.parametrize(
    ("text", "etype", "actors", "recipients"),
    [
        (
            "China imposed sanctions on Taiwan over arms purchases.",
            "SANCTION",
            {"China"},
            {"Taiwan"},
        ),
        (
            "Ethiopia accused Eritrea of massing troops near the border.",
            "ACCUSE",
            {"Ethiopia"},
            {"Eritrea"},
        ),
        (
            "Egypt and Qatar called for an immediate ceasefire.",
            "REQUEST",
            {"Egypt", "Qatar"},
            set(),
        ),
        ("Israel launched air strikes on Gaza overnight.", "ASSAULT", {"Israel"}, {"Gaza"}),
        ("Germany urged Poland to reverse the decision.", "REQUEST", {"Germany"}, {"Poland"}),
    ],
)
def test_general_patterns(
    nlp: Any, text: str, etype: str, actors: set[str], recipients: set[str]
) -> None:
    evs = run(nlp, text)
    ev = first(evs, etype)
    assert {a["name"] for a in ev["actors"]} == actors
    assert {r["name"] for r in ev["recipients"]} == recipients


def test_accusation_content_is_not_an_event(nlp: Any) -> None:
    evs = run(nlp, "Ethiopia accused Eritrea of massing troops near the border.")
    assert [e["type"] for e in evs] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "etype", "modality", "negated"),
    [
        ("Lula said that he would visit Beijing next month.", "CONSULT", "planned", False),
        ("The council failed to agree after Russia vetoed the draft.", "REJECT", "asserted", False),
        (
            "Officials said Kyiv was ready, after Washington dropped its demands.",
            "CONCEDE",
            "reported",
            False,
        ),
    ],
)
def test_clause_bounded_modality(
    nlp: Any, text: str, etype: str, modality: str, negated: bool
) -> None:
    ev = first(run(nlp, text), etype)
    assert (ev["modality"], ev["negated"]) == (modality, negated)


def test_recommendation_and_purpose_clause(nlp: Any) -> None:
    assert run(nlp, "Critics argue that Brazil should support Venezuela.") == []
    evs = run(nlp, "Angela Merkel will travel to Paris to meet Emmanuel Macron.")
    assert [e["type"] for e in evs] == ["CONSULT"]


@pytest.mark.parametrize(
    ("text", "etype", "mode", "actors", "recipients"),
    [
        (
            "Germany announced a new package of military aid to Ukraine.",
            "AID",
            None,
            {"Germany"},
            {"Ukraine"},
        ),
        ("Japan protested the missile launches.", "ACCUSE", "disapprove", {"Japan"}, set()),
        (
            "Colombia recalled its ambassador from Venezuela.",
            "SANCTION",
            "withdraw",
            {"Colombia"},
            {"Venezuela"},
        ),
        (
            "North Korea fired two ballistic missiles into the sea.",
            "MOBILIZE",
            "weapons",
            {"North Korea"},
            set(),
        ),
    ],
)
def test_lexicon_frames(
    nlp: Any, text: str, etype: str, mode: str | None, actors: set[str], recipients: set[str]
) -> None:
    ev = first(run(nlp, text), etype)
    assert ev["mode"] == mode
    assert {a["name"] for a in ev["actors"]} == actors
    assert {r["name"] for r in ev["recipients"]} == recipients


def test_organisation_claim_is_reported_but_citation_is_not(nlp: Any) -> None:
    ev = first(run(nlp, "Reuters said that Germany criticized Poland over the dispute."), "ACCUSE")
    assert ev["modality"] == "reported" and ev["reported_by"]["name"] == "Reuters"
    ev = first(
        run(nlp, "According to Reuters, Germany criticized Poland over the dispute."), "ACCUSE"
    )
    assert ev["modality"] == "asserted" and ev["reported_by"]["name"] == "Reuters"
