"""A meeting whose clause names no place takes the venue the article puts it in: the
place a participant is visiting, else the dateline (gold rule: the venue makes the host
clear). Sentences written for these rules, not copied from an evaluation article."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events, names, only, result

pytestmark = pytest.mark.slow


def test_a_meeting_under_a_dateline_is_hosted_by_the_datelines_country() -> None:
    text = (
        "Ministers meet\n\n"
        "NAIROBI: Kenyan Foreign Minister Musalia Mudavadi and Ethiopian Foreign Minister "
        "Gedion Timothewos held talks on Monday, the ministry said."
    )
    ev = only(events(text), "CONSULT")
    assert ev["mode"] == "visit"
    assert names(ev["actors"]) == {"Gedion Timothewos"}
    assert names(ev["recipients"]) == {"Musalia Mudavadi"}
    assert ev["location"]["name"] == "Nairobi"


def test_a_meeting_on_a_visit_is_hosted_by_the_country_visited() -> None:
    text = (
        "Chinese Foreign Minister Wang Yi arrived in Hanoi on Monday for a two-day trip. "
        "Wang held talks with Vietnamese Foreign Minister Bui Thanh Son on Monday evening."
    )
    meetings = [e for e in events(text) if e["type"] == "CONSULT" and e["recipients"]]
    assert [names(e["actors"]) for e in meetings] == [{"Wang Yi"}], meetings
    assert names(meetings[0]["recipients"]) == {"Bui Thanh Son"}


def test_a_meeting_with_no_venue_anywhere_keeps_every_participant_an_actor() -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi and Ethiopian Foreign Minister Gedion "
        "Timothewos held talks on Monday, the ministry said."
    )
    ev = only(events(text), "CONSULT")
    assert ev["mode"] is None
    assert names(ev["actors"]) == {"Musalia Mudavadi", "Gedion Timothewos"}


def test_a_demonym_title_gives_its_country_not_a_town_of_that_name() -> None:
    got = result("Thai Prime Minister Anutin Charnvirakul spoke on Monday.")["entities"]
    person = next(e for e in got if e["name"] == "Anutin Charnvirakul")
    assert person["country_code"] == "TH"


@pytest.mark.parametrize(
    ("text", "visitor", "host"),
    [
        (  # the guest's country is known and is not the venue's: the other one hosts
            "Turkish Foreign Minister Hakan Fidan met President Ahmed al-Sharaa in "
            "Damascus on Sunday.",
            "Hakan Fidan",
            "Ahmed al-Sharaa",
        ),
        (  # neither country is known: the head of government hosts
            "UN envoy Hanna Tetteh met Prime Minister Abdulhamid Dbeibah in Tripoli on Sunday.",
            "Hanna Tetteh",
            "Abdulhamid Dbeibah",
        ),
    ],
)
def test_the_venue_makes_the_host_clear_when_one_country_is_unknown(
    text: str, visitor: str, host: str
) -> None:
    ev = only(events(text), "CONSULT")
    assert (ev["mode"], names(ev["actors"]), names(ev["recipients"])) == (
        "visit", {visitor}, {host}
    )  # fmt: skip


def test_a_deployment_in_a_country_is_where_it_happens_not_whom_it_faces() -> None:
    text = (
        "NATO's KFOR mission said on Monday it had stepped up patrols in northern Kosovo "
        '"as a precaution".'
    )
    ev = only(events(text), "MOBILIZE")
    assert ev["recipients"] == []


def test_a_deployment_sent_to_watch_a_party_faces_that_party() -> None:
    text = (
        "Tensions between Greece and Turkey rose again this week. The Greek navy dispatched "
        "two frigates on Tuesday to shadow the Turkish research flotilla off Rhodes, "
        "Greece's defence ministry said."
    )
    ev = only(events(text), "MOBILIZE")
    assert names(ev["recipients"]) == {"Turkey"}


def test_where_people_were_arrested_is_no_party_to_the_arrest() -> None:
    text = (
        "Georgia's State Security Service arrested five men in the southern city of Batumi "
        "on Monday, saying they had photographed military sites."
    )
    ev = only(events(text), "COERCE")
    assert ev["recipients"] == []
    assert ev["location"]["name"] == "Batumi"


def test_the_town_where_an_agreement_was_signed_is_its_place_not_a_party() -> None:
    text = (
        "Saudi Arabia has offered to host talks in Jeddah, where Ethiopian Prime "
        "Minister Abiy Ahmed and Eritrean President Isaias Afwerki signed their 2018 "
        "peace agreement."
    )
    signed = [e for e in events(text) if e["trigger"]["lemma"] == "sign"]
    assert [(e["recipients"], e["location"]["name"]) for e in signed] == [([], "Jeddah")]


def test_a_foreign_body_meeting_an_agency_in_its_capital_visits_it() -> None:
    text = (
        "Japan and Russia argue over fish. A Japan Fisheries Agency delegation is due to "
        "begin talks with Russia's Federal Agency for Fishery in Moscow on Tuesday."
    )
    ev = only(events(text), "CONSULT")
    assert (ev["mode"], names(ev["actors"]), names(ev["recipients"])) == (
        "visit", {"Japan Fisheries Agency"}, {"Federal Agency for Fishery"}
    )  # fmt: skip
    bodies = {e["name"]: e["country_code"] for e in result(text)["entities"]}
    assert bodies["Japan Fisheries Agency"] == "JP"


def test_an_armed_group_meeting_a_government_abroad_is_no_host() -> None:
    text = (
        "Negotiators for the Colombian government and the National Liberation Army met "
        "in Caracas on Monday."
    )
    ev = only(events(text), "CONSULT")
    assert ev["mode"] != "visit" or "National Liberation Army" not in names(ev["recipients"])


def test_a_purpose_clause_on_what_was_sent_names_whom_the_deployment_faces() -> None:
    text = (
        "China and Taiwan are at odds. Taiwan dispatched warships, aircraft and "
        "land-based missile systems to monitor the Chinese forces, the MND said."
    )
    assert names(only(events(text), "MOBILIZE")["recipients"]) == {"China"}


def test_a_visit_elsewhere_does_not_make_a_party_of_unknown_country_a_host() -> None:
    text = (
        "French President Emmanuel Macron plans to visit Washington this week. In advance "
        "of the trip, Macron held talks with European Commission President Ursula von der "
        "Leyen."
    )
    talks = [
        e for e in events(text) if "Ursula von der Leyen" in names(e["actors"] + e["recipients"])
    ]
    assert [e["mode"] for e in talks] == [None], talks


def test_a_blocs_own_session_is_a_multilateral_meeting_of_its_members() -> None:
    text = (
        "The African Union's Peace and Security Council will hold an emergency session on "
        "the crisis in Addis Ababa on Friday, the AU said."
    )
    ev = only(events(text), "CONSULT")
    assert (ev["mode"], names(ev["actors"]), ev["recipients"], ev["modality"]) == (
        "multilateral", {"Peace and Security Council"}, [], "planned"
    )  # fmt: skip


def test_a_meeting_of_one_body_that_is_no_bloc_is_not_a_consultation() -> None:
    text = "Kenya's cabinet is divided. The Kenya Revenue Authority held a meeting on Monday."
    assert [e for e in events(text) if e["type"] == "CONSULT"] == []
