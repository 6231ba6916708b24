"""Offers, proposals and stances whose party is named in the offered act itself or in
the call they were made in."""

from __future__ import annotations

from tests.extraction.helpers import events, names


def of_type(text: str, etype: str) -> list[dict]:
    return [e for e in events(text) if e["type"] == etype]


def test_an_offer_to_mediate_goes_to_the_parties_it_stands_between() -> None:
    text = (
        "India and Pakistan exchanged fire on Monday. President Donald Trump offered to"
        " mediate between the two countries on Kashmir, but India rejected Washington's offer."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["recipients"]) == {"India", "Pakistan"}, events(text)


def test_a_role_offered_between_two_capitals_goes_to_both() -> None:
    text = (
        "Iran and Pakistan traded strikes last week. Foreign Minister Wang Yi spoke by phone"
        " with Dar on Tuesday and offered to play a constructive role between Islamabad and"
        " Tehran."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["recipients"]) == {"Iran", "Pakistan"}, events(text)


def test_a_proposal_that_a_party_act_is_made_to_that_party() -> None:
    text = (
        "Rwanda's government spokesperson, Yolande Makolo, proposed that Burundi accept an"
        " investigation of the attack."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["recipients"]) == {"Burundi"}, events(text)
