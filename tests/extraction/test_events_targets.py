"""Recipients read from the sites an attack hits (extraction/events_targets.py)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events, names


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        (
            "Israeli warplanes struck what the Israeli military said were Hezbollah weapons"
            " depots in the Bekaa Valley in eastern Lebanon on Wednesday.",
            {"Hezbollah"},
        ),
        (
            "Pakistani jets and drones hit what the military said were hideouts of the Baloch"
            " Liberation Army (BLA) and the Baloch Liberation Front (BLF) near Saravan, in"
            " Iran's Sistan-Baluchestan province.",
            {"Baloch Liberation Army", "Baloch Liberation Front"},
        ),
        (
            "Iranian missiles and drones struck what Tehran said were camps of the Sunni"
            " militant group Jaish al-Adl near Panjgur in Pakistan.",
            {"Jaish al-Adl"},
        ),
        (
            "Israeli air strikes on Hamas positions in Gaza killed 12 people.",
            {"Hamas"},
        ),
        (
            "US aircraft struck radar sites and a command centre in Hodeidah and at the Ras"
            " Isa oil terminal used by the Houthis.",
            {"Houthis"},
        ),
        (
            "A China Coast Guard ship fired a water cannon at the Bunga Teratai, a supply"
            " vessel chartered by Petronas, on Tuesday evening.",
            {"Petronas"},
        ),
    ],
)
def test_an_attack_on_sites_targets_their_holder_not_the_land(
    text: str, recipients: set[str]
) -> None:
    assault = [e for e in events(text) if e["type"] == "ASSAULT"]
    assert assault, events(text)
    assert names(assault[0]["recipients"]) == recipients


def test_sites_without_a_named_holder_leave_the_target_to_the_clause() -> None:
    found = events("Russian drones hit a power station in Kharkiv, Ukraine's second city.")
    assault = [e for e in found if e["type"] == "ASSAULT"]
    assert assault and assault[0]["recipients"], found  # the clause's own target stays


def test_a_foreign_release_demand_goes_to_the_detaining_state() -> None:
    found = events(
        "Algeria's General Directorate for National Security (DGSN) detained the French"
        " journalist Karim Mansouri in Algiers on Saturday. French Foreign Minister"
        " Jean-Noël Barrot demanded his immediate release."
    )
    demand = [e for e in found if e["type"] == "REQUEST"]
    assert demand and names(demand[0]["recipients"]) == {"Algeria"}, found


def test_a_domestic_release_demand_keeps_the_detaining_body() -> None:
    found = events(
        "Kenyan police detained four activists in Nairobi on Saturday. The Law Society of"
        " Kenya demanded their immediate release."
    )
    demand = [e for e in found if e["type"] == "REQUEST"]
    assert demand and "Kenya" not in names(demand[0]["recipients"]), found


@pytest.mark.parametrize(
    "text",
    [
        "Estonian police detained two men, both Russian citizens, in Tallinn on Monday.",
        "The NBI has banned the captain and two officers, all Russian citizens, from"
        " leaving Finland.",
    ],
)
def test_people_set_off_by_their_nationality_are_that_nationality(text: str) -> None:
    act = [e for e in events(text) if e["type"] == "COERCE"]
    assert act and names(act[0]["recipients"]) == {"Russians"}, events(text)


def test_people_described_earlier_keep_the_nationality_they_were_given() -> None:
    found = events(
        "A boat carrying 12 Vietnamese fishermen sank off Natuna on Friday. Indonesian"
        " police detained the fishermen in Ranai on Sunday, officials said."
    )
    act = [e for e in found if e["type"] == "COERCE"]
    assert act and names(act[0]["recipients"]) == {"Vietnamese"}, found


def test_a_crowd_chanting_free_x_protests_against_the_state_that_holds_x() -> None:
    found = events(
        "Algeria's General Directorate for National Security (DGSN) detained the French"
        " journalist Karim Mansouri in Algiers on Saturday. On Tuesday evening, about 400"
        " people rallied in Paris at the call of the National Union of Journalists (SNJ),"
        ' holding banners reading "Free Karim".'
    )
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["recipients"]) == {"Algeria"}, found


def test_an_embassy_speaks_for_itself_but_a_protest_at_it_targets_its_state() -> None:
    found = events(
        "China and Malaysia are at odds. The Chinese embassy in Kuala Lumpur demanded that"
        " Malaysia free the crew of a Chinese fishing boat. Several dozen members of the"
        " Malaysian Youth Council picketed the Chinese embassy on Friday."
    )
    demand = [e for e in found if e["type"] == "REQUEST"]
    assert demand and names(demand[0]["actors"]) == {"Chinese embassy"}, found
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["recipients"]) == {"China"}, found


def test_a_release_paragraphs_after_the_arrest_gives_back_whom_the_captor_took() -> None:
    found = events(
        "Ugandan police detained 23 Kenyan fishermen near Migingo Island on Saturday. Kenya"
        " protested on Sunday. The fishermen's families gathered in Homa Bay. Kenyan MPs"
        " called the arrests illegal. Traders said business had stopped. Fishing unions"
        " planned a meeting. On Tuesday, Ugandan police released five of the detained"
        " fishermen, all aged under 18."
    )
    release = [e for e in found if e["type"] == "RETREAT"]
    assert release and names(release[0]["recipients"]) == {"Kenyans"}, found


def test_a_label_on_the_blockade_targets_those_who_blocked() -> None:
    found = events(
        "Since Monday, members of the farmers' union Rural Solidarity have blocked the"
        " approaches to the Dorohusk crossing with tractors. Ukraine's ambassador in Warsaw,"
        ' Vasyl Bodnar, called the blockade "a gift to the Kremlin".'
    )
    label = [e for e in found if e["type"] == "ACCUSE"]
    assert label and names(label[0]["recipients"]) == {"Rural Solidarity"}, found


def test_its_neighbour_is_the_other_state_of_the_storys_pair() -> None:
    found = events(
        "Mali and Algeria traded accusations. Mali says Algeria shot down a drone. Algeria"
        " denies it. Bamako has long accused its northern neighbour of giving refuge to"
        " rebels linked to Al-Qaeda."
    )
    accuse = [e for e in found if e["type"] == "ACCUSE"]
    assert accuse and names(accuse[0]["recipients"]) == {"Algeria"}, found


def test_force_used_on_a_crowd_a_few_paragraphs_on_targets_its_protest() -> None:
    found = events(
        "Members of the opposition party Chadema marched in Dar es Salaam on Sunday,"
        " demanding the release of Tundu Lissu. They chanted slogans against the president."
        " Shops closed early. Buses stopped running in the city centre. Many residents"
        " stayed home. The Tanzania Police Force fired tear gas to disperse the marchers in"
        " Kariakoo."
    )
    force = [e for e in found if e["type"] == "ASSAULT"]
    assert force and names(force[0]["recipients"]) == {"Chadema"}, found


def test_people_deported_to_a_country_are_its_people() -> None:
    found = events(
        "Azerbaijani migrants were detained in St Petersburg. Russia is deporting 17 others"
        " to Azerbaijan, its embassy said."
    )
    deport = [e for e in found if e["type"] == "COERCE" and e["mode"] == "deport"]
    assert deport and names(deport[0]["recipients"]) == {"Azerbaijanis"}, found
