"""Mobilisation read from the many ways news reports it: forces ordered, moved, sent for
a purpose, called up or posted at checkpoints."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extraction.helpers import events, names, result


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Greece moved mobile anti-ship missile batteries to Lesbos last week.", "Greece"),
        ("Eritrea ordered a general call-up of its reservists on Wednesday.", "Eritrea"),
        ("Serbia ordered army units to the highest level of combat readiness.", "Serbia"),
        ("Turkey sent three frigates to escort the research vessel on Monday.", "Turkey"),
        ("Russia raised the combat readiness of its forces on Monday.", "Russia"),
    ],
)
def test_forces_moved_called_up_or_raised_to_readiness_are_mobilised(text: str, actor: str) -> None:
    found = [e for e in events(text) if e["type"] == "MOBILIZE"]
    assert found and names(found[0]["actors"]) == {actor}, events(text)


def test_checkpoints_set_up_are_police_mobilised_now_not_planned() -> None:
    found = events("Serbia set up checkpoints on roads leading to the Brcko district overnight.")
    mob = [e for e in found if e["type"] == "MOBILIZE"]
    assert mob and mob[0]["mode"] == "police" and mob[0]["modality"] == "asserted", found


def test_soldiers_sent_to_support_a_body_are_one_deployment_not_verbal_support() -> None:
    found = events("Poland has also sent 500 soldiers to support the Border Guard, he said.")
    assert [e["type"] for e in found] == ["MOBILIZE"], found


def test_jets_sent_to_strike_are_the_strike_only() -> None:
    found = events(
        "The Royal Thai Air Force said it sent F-16 jets to strike Cambodian artillery positions."
    )
    assert [e["type"] for e in found] == ["ASSAULT"], found


def test_the_force_a_deployment_moves_is_not_whom_it_faces() -> None:
    found = events(
        "President Julius Maada Bio ordered a battalion of the Republic of Sierra Leone"
        " Armed Forces to Kailahun district on Monday."
    )
    mob = [e for e in found if e["type"] == "MOBILIZE"]
    assert mob and names(mob[0]["recipients"]) == set(), found


def test_a_statement_or_motion_of_support_is_verbal_support_money_in_support_is_aid() -> None:
    said = events(
        "The foreign ministers of Sweden, Norway, Finland and Iceland issued a joint"
        " statement of support for Denmark on Monday."
    )
    sup = [e for e in said if e["type"] == "SUPPORT"]
    assert sup and names(sup[0]["recipients"]) == {"Denmark"}, said
    assert names(sup[0]["actors"]) == {"Sweden", "Norway", "Finland", "Iceland"}, said
    given = events("Germany announced 60 million euros in energy support for Moldova.")
    assert [e["type"] for e in given] == ["AID"], given


@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ("The United States designated Viv Ansanm a terrorist organisation in May.",
         "SANCTION", "United States", "Viv Ansanm"),
        ("On Saturday, Ukraine declared Hungary's consul in Berehove persona non grata.",
         "SANCTION", "Ukraine", "Hungary"),
        ("Colombia was suspending its joint anti-drug patrols with Peru, Sanchez said.",
         "SANCTION", "Colombia", "Peru"),
        ("Hungary sent 300 extra police officers to the Zahony border crossing on Tuesday.",
         "MOBILIZE", "Hungary", None),
        ("The Haitian rights group GARR said DGM agents beat several detainees.",
         "ASSAULT", "DGM", None),
        ("Guo Jiakun said China does not accept the demands of Vietnam.",
         "REJECT", "China", "Vietnam"),
    ],
)  # fmt: skip
def test_common_wordings_of_sanctions_deployments_beatings_and_refusals(
    text: str, etype: str, actor: str, recipient: str | None
) -> None:
    found = [e for e in events(text) if e["type"] == etype]
    assert found and names(found[0]["actors"]) == {actor}, events(text)
    if recipient:
        assert names(found[0]["recipients"]) == {recipient}, found


def test_a_denied_acceptance_is_a_refusal_not_a_negated_concession() -> None:
    found = events("Moscow has never recognised the fisheries zone that Norway declared in 1977.")
    assert [(e["type"], e["negated"]) for e in found] == [("REJECT", False)], found


def test_support_owned_by_its_giver_is_aimed_by_the_light_verbs_preposition() -> None:
    found = events(
        "Qatar, in a statement of its foreign ministry, expressed its solidarity with Turkey."
    )
    sup = [e for e in found if e["type"] == "SUPPORT"]
    assert sup and names(sup[0]["actors"]) == {"Qatar"}, found
    assert names(sup[0]["recipients"]) == {"Turkey"}, found


def test_slogans_chanted_anywhere_in_the_protest_clause_name_its_target() -> None:
    found = events(
        "Hundreds of Haitians blocked the bridge on Sunday, burning tyres and chanting"
        " slogans against the Dominican Republic."
    )
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["recipients"]) == {"Dominican Republic"}, found


def test_the_party_an_envoy_is_recalled_or_land_is_seized_from_is_the_target() -> None:
    recall = events(
        "Mali's president Assimi Goita spoke on Monday. Ghazouani has not recalled"
        " Mauritania's ambassador from Bamako."
    )
    sanction = [e for e in recall if e["type"] == "SANCTION"]
    assert sanction and names(sanction[0]["recipients"]) == {"Mali"}, recall
    seized = events("Iranian forces seized the Tunbs from Ras Al Khaimah on November 30, 1971.")
    coerce = [e for e in seized if e["type"] == "COERCE"]
    assert coerce and names(coerce[0]["recipients"]) == {"Ras Al Khaimah"}, seized


def test_a_deployment_to_a_shared_border_faces_the_neighbour() -> None:
    found = events(
        "President Ghazouani ordered two battalions to the Hodh Ech Chargui region along"
        " the border with Mali on Monday evening."
    )
    mob = [e for e in found if e["type"] == "MOBILIZE"]
    assert mob and names(mob[0]["recipients"]) == {"Mali"}, found


def test_force_announced_for_the_future_is_a_threat_at_whoever_would_provoke_it() -> None:
    found = events(
        "Colombia and Peru dispute the island. The Joint Command of the Armed Forces of"
        " Peru said it would respond firmly to any violation of Peruvian territory by"
        " Colombian forces."
    )
    threat = [e for e in found if e["type"] == "THREATEN"]
    assert threat and names(threat[0]["recipients"]) == {"Colombia"}, found
    assert threat[0]["modality"] == "asserted", threat
    assert not [e for e in events("China will respond to the proposal next week.")]


def test_calling_in_an_envoy_is_a_summons() -> None:
    found = events("Fiji's foreign ministry called in New Zealand's High Commissioner on Monday.")
    acc = [e for e in found if e["type"] == "ACCUSE"]
    assert acc and names(acc[0]["recipients"]) == {"New Zealand"}, found


def test_a_rally_against_what_they_called_an_act_by_a_group_is_against_that_group() -> None:
    found = events(
        "Several hundred members of the nationalist Antigua Orden Dominicana rallied on"
        " Sunday against what they called a peaceful invasion by Haitians."
    )
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["recipients"]) == {"Haitians"}, found


def test_a_concession_under_pressure_is_made_to_whoever_pressed() -> None:
    found = events(
        "Brown dropped plans for a separate Cook Islands passport in 2025 under pressure"
        " from New Zealand."
    )
    concede = [e for e in found if e["type"] == "CONCEDE"]
    assert concede and names(concede[0]["recipients"]) == {"New Zealand"}, found


def test_a_crowd_led_by_a_group_marches_for_that_group_even_when_the_parse_drops_it() -> None:
    found = events(
        "The protests began on Wednesday afternoon, when thousands of people led by the CGTP"
        " and university collectives marched from Plaza San Martin toward the Congress"
        " building."
    )
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["actors"]) == {"CGTP"}, found


def test_a_crowd_answering_a_groups_call_to_march_is_that_groups_protest() -> None:
    found = events(
        "Thousands of people answered Chadema's call to march in Dar es Salaam on Sunday."
        " The Tanzania Police Force fired tear gas to disperse the marchers."
    )
    assert [e["type"] for e in found] == ["PROTEST", "ASSAULT"], found
    assert names(found[0]["actors"]) == {"Chadema"}
    assert names(found[1]["recipients"]) == {"Chadema"}, found


@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ('The Alliance of Sahel States said it stood "shoulder to shoulder" with Mali.',
         "SUPPORT", "Alliance of Sahel States", "Mali"),
        ("Hungary's foreign minister said Hungary could stop its electricity exports to"
         " Ukraine if the harassment continues.", "THREATEN", "Hungary", "Ukraine"),
        ("Kaja Kallas called Israel to release the detained activists rapidly.",
         "REQUEST", "Kaja Kallas", "Israel"),
    ],
)  # fmt: skip
def test_solidarity_idioms_conditional_export_stops_and_direct_calls(
    text: str, etype: str, actor: str, recipient: str
) -> None:
    found = events(text)
    hit = [e for e in found if e["type"] == etype]
    assert hit and names(hit[0]["actors"]) == {actor}, found
    assert names(hit[0]["recipients"]) == {recipient}, found


def test_readiness_to_hold_talks_is_an_offer_not_talks_held() -> None:
    found = events("Iran's foreign ministry said Iran was ready to hold talks with the UAE.")
    assert [e["type"] for e in found] == ["AGREE"], found


def test_boats_frigates_and_units_act_for_the_force_they_belong_to() -> None:
    found = events(
        "A patrol boat of the Libyan National Army stopped the Greek trawler and detained"
        " its seven Greek crew. Two frigates of the Turkish Naval Forces were dispatched"
        " on Monday to the Eastern Mediterranean."
    )
    by_type = {e["type"]: names(e["actors"]) for e in found}
    assert by_type.get("COERCE") == {"Libyan National Army"}, found
    assert by_type.get("MOBILIZE") == {"Turkish Naval Forces"}, found


def test_lifting_sanctions_is_a_concession_easing_a_blockade_a_retreat() -> None:
    lifted = events("The United States lifted sanctions on Belavia on Thursday.")
    assert [e["type"] for e in lifted] == ["CONCEDE"], lifted
    assert names(lifted[0]["recipients"]) == {"Belavia"}
    eased = events("Israel eased its blockade of Gaza on Thursday.")
    assert [e["type"] for e in eased] == ["RETREAT"], eased


def test_asking_not_to_be_named_is_no_demand_and_a_consul_general_is_an_envoy() -> None:
    assert not events(
        "We cannot take one more, a BGB commander told The Bay Chronicle, asking not to be named."
    )
    found = events(
        "Hours later, Ouagadougou ordered Ivory Coast's consul general in Bobo-Dioulasso to"
        " leave the country within 72 hours."
    )
    assert [(e["type"], e["mode"]) for e in found] == [("SANCTION", "expel")], found


def test_an_offer_of_readiness_is_the_speakers_and_goes_to_the_parties_of_the_talks() -> None:
    found = events(
        "Brazil's foreign minister, Mauro Vieira, said this evening that Brazil was ready to"
        " host talks between Colombia and Peru in Tabatinga."
    )
    agree = [e for e in found if e["type"] == "AGREE"]
    assert agree and names(agree[0]["actors"]) == {"Mauro Vieira"}, found
    assert names(agree[0]["recipients"]) == {"Colombia", "Peru"}, found


def test_taking_a_party_or_a_case_to_court_is_an_accusation_not_aimed_at_the_court() -> None:
    found = events(
        "Interior Minister Marcin Kierwinski has said Poland could take Germany to the Court"
        " of Justice of the European Union if the returns continue."
    )
    acc = [e for e in found if e["type"] == "ACCUSE"]
    assert acc and names(acc[0]["actors"]) == {"Poland"}, found
    assert names(acc[0]["recipients"]) == {"Germany"}, found
    assert not events("The army took the prisoners to a camp near the border.")


def test_cooperation_agreed_by_leaders_is_carried_out_by_their_states() -> None:
    found = events(
        "Mali's president Assimi Goita and Mauritania's president Mohamed Ould Ghazouani"
        " spoke by phone. The two leaders agreed to resume joint border patrols."
    )
    coop = [e for e in found if e["type"] == "COOPERATE"]
    assert coop and names(coop[0]["actors"]) == {"Mali", "Mauritania"}, found
    agree = [e for e in found if e["type"] == "AGREE"]
    assert agree and names(agree[0]["actors"]) == {"Assimi Goita", "Mohamed Ould Ghazouani"}


def test_joint_patrols_are_cooperation_even_when_joint_modifies_a_compound() -> None:
    found = events(
        "The Philippines and Japan will hold their first joint coast guard patrols in the"
        " South China Sea next month."
    )
    coop = [e for e in found if e["type"] == "COOPERATE"]
    assert coop and names(coop[0]["actors"]) == {"Philippines", "Japan"}, found
    assert coop[0]["modality"] == "planned"


def test_a_joint_body_set_up_is_cooperation_with_whom_it_is_set_up() -> None:
    found = events(
        "Estonia's Police and Border Guard Board set up a joint investigation team with the"
        " NBI this morning."
    )
    coop = [e for e in found if e["type"] == "COOPERATE"]
    assert coop and names(coop[0]["recipients"]) == {"NBI"}, found
    pair = events("Kenya and Uganda set up a joint team of surveyors in 2009.")
    assert [(e["type"], names(e["actors"])) for e in pair] == [
        ("COOPERATE", {"Kenya", "Uganda"})
    ], pair


def test_munitions_act_for_whoever_fired_them_and_shells_landing_are_an_attack() -> None:
    found = events("Rockets fired by Hezbollah hit northern Israel on Monday.")
    assert [(e["type"], names(e["actors"])) for e in found] == [("ASSAULT", {"Hezbollah"})]
    shelled = events(
        "Mortar shells fired by the Myanmar military landed in a Thai border village on Wednesday."
    )
    assert [e["type"] for e in shelled] == ["ASSAULT"], shelled
    assert not events("The plane landed in Kabul on Monday.")


def test_a_border_closed_is_closed_to_the_state_across_it() -> None:
    # a live blog whose many voices leave the closure with no target from the dyads
    path = (
        Path(__file__).parent.parent
        / "evaluation/dev3/articles/001_kyrgyzstan_tajikistan_border_live.txt"
    )
    found = result(path.read_text(encoding="utf-8"))["events"]
    closed = [e for e in found if e["type"] == "SANCTION" and e["trigger"]["lemma"] == "close"]
    assert closed and names(closed[0]["recipients"]) == {"Tajikistan"}, closed


def test_a_demand_made_in_a_call_is_made_to_the_other_side_of_the_call() -> None:
    found = events(
        "Libyan forces seized a Greek trawler. Foreign Minister Giorgos Gerapetritis spoke by"
        " phone with Saddam Haftar this morning and demanded the immediate release of the"
        " fishermen."
    )
    req = [e for e in found if e["type"] == "REQUEST"]
    assert req and names(req[0]["recipients"]) == {"Saddam Haftar"}, found


def test_an_attack_with_no_other_target_is_on_the_people_its_toll_names() -> None:
    found = events(
        "Mortar shells fired by the Myanmar military landed in a border village, wounding"
        " two Thai farmers."
    )
    hit = [e for e in found if e["type"] == "ASSAULT"]
    assert hit and names(hit[0]["recipients"]) == {"Thais"}, found


def test_private_people_held_or_freed_are_their_people_not_their_state() -> None:
    found = events(
        "Colombia protested. Peruvian police released the two Colombian boatmen this evening"
        " in Santa Rosa, their families said."
    )
    freed = [e for e in found if e["type"] == "RETREAT"]
    assert freed and names(freed[0]["recipients"]) == {"Colombians"}, found


def test_people_turned_back_or_returned_across_a_border_are_coerced() -> None:
    turned = events(
        "German Federal Police turned back 140 people at crossings on the Polish border on Tuesday."
    )
    assert [(e["type"], e["mode"]) for e in turned] == [("COERCE", "deport")], turned
    assert names(turned[0]["recipients"]) == set(), turned
    returned = events(
        "The Guardia Civil returned about 900 adults, most of them Moroccan nationals, to"
        " Morocco this morning."
    )
    coerce = [e for e in returned if e["type"] == "COERCE"]
    assert coerce and names(coerce[0]["recipients"]) == {"Moroccans"}, returned
    assert not events("He turned back to the crowd on Tuesday.")
