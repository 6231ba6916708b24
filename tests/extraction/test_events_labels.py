"""Verbs whose complements the parser misplaces: a label put on an act or a party ("called
the ban 'economic coercion'") is a stance, not a phone call; the goal of a motion hung under
the object still counts (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "sentence",
    [
        'Kihara called Medvedev\'s remarks "extremely regrettable".',
        "Japan's Chief Cabinet Secretary Minoru Kihara called the export ban \"economic "
        'coercion" and "totally unacceptable."',
    ],
)
def test_a_quoted_label_folded_into_the_object_is_a_label_not_a_phone_call(
    sentence: str,
) -> None:
    types = [e["type"] for e in events("Japan and Russia argue. " + sentence)]
    assert "CONSULT" not in types and "ACCUSE" in types, types


def test_calling_a_quoted_kind_of_strike_is_no_label() -> None:
    text = 'The council has called a "ghost town" general strike across both regions.'
    assert "ACCUSE" not in [e["type"] for e in events(text)]


def test_a_goal_hung_under_the_objects_conjunct_still_makes_sending_forces_a_deployment() -> None:
    text = (
        "Côte d'Ivoire and Burkina Faso are at odds. Ivorian Defence Minister Téné Birahima "
        "Ouattara said the army had sent two more battalions and a helicopter detachment to "
        "the Bounkani and Tchologo regions."
    )
    found = [e for e in events(text) if e["type"] == "MOBILIZE"]
    assert [{a["name"] for a in e["actors"]} for e in found] == [{"Ivory Coast"}], found


def test_calling_off_a_visit_cancels_it_and_is_no_phone_call() -> None:
    text = (
        "Denmark and the US are at odds. When Prime Minister Mette Frederiksen called it "
        "“absurd”, Trump called off a state visit to Copenhagen."
    )
    found = {(e["type"], e["mode"]) for e in events(text)}
    assert ("SANCTION", "cancel") in found and ("CONSULT", "phone") not in found, found
