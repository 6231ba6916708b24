"""A well-known office-holder named by title alone ("Prime Minister Abiy Ahmed") belongs to
their state (data/office_holders.json), for the steps that need a person's state
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from extraction.office_holders import state_of
from tests.extraction.helpers import events, names, only, result

pytestmark = pytest.mark.slow


def test_a_listed_name_gives_its_state_under_any_title_or_spelling() -> None:
    assert state_of(["Abiy", "Prime Minister Abiy Ahmed"]) == "ET"
    assert state_of(["President Aleksandar Vucic"]) == "RS"
    assert state_of(["President Ali"]) is None  # one word of a title is no name
    assert state_of(["Jane Doe"]) is None


def test_a_leader_named_by_title_alone_takes_the_state_of_the_office() -> None:
    text = "Prime Minister Abiy Ahmed addressed parliament on Tuesday."
    people = {e["name"]: e["country_code"] for e in result(text)["entities"]}
    assert people["Abiy Ahmed"] == "ET"


def test_a_leaders_unaddressed_warning_goes_to_the_state_his_own_is_at_odds_with() -> None:
    text = (
        "Eritrea accused Ethiopia of massing troops on the border. Ethiopia rejected "
        "Eritrea's demand to withdraw. Prime Minister Abiy Ahmed warned that if diplomacy "
        'failed, his country would "correct a historic mistake by other means".'
    )
    ev = only(events(text), "THREATEN")
    assert (names(ev["actors"]), names(ev["recipients"])) == ({"Abiy Ahmed"}, {"Eritrea"})


def test_knowing_a_leaders_state_does_not_make_the_state_he_names_his_own_words() -> None:
    text = (
        "Prime Minister Kristen Michal said this morning that Estonia had asked Russia for "
        "an explanation."
    )
    ev = only(events(text), "REQUEST")
    assert names(ev["actors"]) == {"Estonia"}
