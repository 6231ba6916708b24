"""An announced refusal ("we will never accept", "would not return to the bloc") is a
REJECT by the speaker who reports it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events, names, only

pytestmark = pytest.mark.slow


def test_a_refusal_in_reported_speech_is_the_speakers_reject_of_its_object() -> None:
    text = (
        "Mali, Burkina Faso and Niger left the Economic Community of West African States "
        "(ECOWAS) last year. Mali's Foreign Minister Abdoulaye Diop told reporters the "
        'three states would "never return" to ECOWAS.'
    )
    ev = only(events(text), "REJECT")
    assert names(ev["actors"]) == {"Abdoulaye Diop"}
    assert names(ev["recipients"]) == {"Economic Community of West African States"}
    assert (ev["modality"], ev["negated"]) == ("asserted", False)


def test_a_refusal_beside_an_explicit_rejection_is_the_same_act() -> None:
    text = (
        "Hamas leader Khalil al-Hayya rejected the Israeli demand on Sunday, saying the "
        'group would not hand over its weapons "while the occupation continues".'
    )
    assert len([e for e in events(text) if e["type"] == "REJECT"]) == 1


def test_a_refusal_of_nobody_the_article_names_is_not_coded() -> None:
    text = "The opposition leader Ana Duarte said her party would never accept the result."
    assert not [e for e in events(text) if e["type"] == "REJECT"]


def test_rejecting_criticism_refuses_the_critic_and_denying_a_charge_is_not_coded() -> None:
    text = (
        "The European Union condemned the arrests of opposition supporters in Kampala. "
        "Foreign Affairs Minister Jeje Odongo rejected the criticism on Wednesday, saying "
        'Uganda was "a sovereign country".'
    )
    ev = only(events(text), "REJECT")
    assert (names(ev["actors"]), names(ev["recipients"])) == (
        {"Jeje Odongo"}, {"European Union"}
    )  # fmt: skip
    denial = "Ana Duarte rejected the allegation that her party had paid the protesters."
    assert not [e for e in events(denial) if e["type"] == "REJECT"]
