"""Events read from clause structure: pairs named by a number, acts agreed to happen,
forces flown in."""

from __future__ import annotations

from tests.extraction.helpers import events, names


def test_a_bare_number_subject_is_the_pair_just_named() -> None:
    found = events(
        "Al-Sudani spoke by phone with the Emir of Kuwait, Sheikh Mishal Al-Ahmad Al-Jaber"
        " Al-Sabah, on Tuesday. The two agreed to convene the joint maritime committee in"
        " Baghdad next month."
    )
    agree = [e for e in found if e["type"] == "AGREE"]
    assert agree and names(agree[0]["actors"]) == {
        "Al-Sudani",
        "Mishal Al-Ahmad Al-Jaber Al-Sabah",
    }, found


def test_an_act_agreed_to_happen_is_coded_beside_the_agreement() -> None:
    found = events(
        "Finnish President Alexander Stubb telephoned Estonian President Alar Karis on"
        " Monday. The two presidents agreed that Finland and Estonia would ask the European"
        " Commission to add the ship to the EU's sanctions list."
    )
    agree = [e for e in found if e["type"] == "AGREE"]
    ask = [e for e in found if e["type"] == "REQUEST"]
    assert agree and names(agree[0]["actors"]) == {"Alexander Stubb", "Alar Karis"}, found
    assert ask and names(ask[0]["actors"]) == {"Finland", "Estonia"}, found
    assert names(ask[0]["recipients"]) == {"European Commission"}
    assert ask[0]["modality"] == "planned"


def test_forces_flown_somewhere_are_mobilised_not_a_visit() -> None:
    found = events(
        "The Royal Papua New Guinea Constabulary had flown about 60 mobile squad officers"
        " to Buka on Monday, ahead of the march."
    )
    assert [e["type"] for e in found] == ["MOBILIZE"], found


def test_a_march_called_or_led_is_a_protest_not_a_phone_call() -> None:
    called = events(
        "The National Peasant Federation has called a march to the Brazilian embassy in"
        " Asuncion for 20 June, Brazil's envoy said."
    )
    assert [e["type"] for e in called] == ["PROTEST"], called
    led = events(
        "In Sarajevo, the Social Democratic Party (SDP) led about 2,000 people on a march to"
        " the Presidency building on Thursday, demanding that the state show it exists."
    )
    assert [e["type"] for e in led] == ["PROTEST"], led  # the demand is the march's aim
    assert names(led[0]["actors"]) == {"Social Democratic Party"}, led


def test_a_conjoined_clause_with_its_own_subject_keeps_its_own_polarity() -> None:
    found = events(
        "The country's largest union, the UGTT, did not join the march, but its spokesman"
        " Sami Tahri accused the government of criminalising dissent."
    )
    accuse = [e for e in found if e["type"] == "ACCUSE"]
    assert accuse and accuse[0]["negated"] is False, found


def test_recalling_a_high_commissioner_is_withdrawing_an_envoy() -> None:
    found = events(
        "Kenya and Uganda both claim Migingo Island. Kenya recalled its high commissioner"
        " from Kampala on Wednesday."
    )
    recall = [e for e in found if e["type"] == "SANCTION"]
    assert recall and recall[0]["mode"] == "withdraw", found
    assert names(recall[0]["recipients"]) == {"Uganda"}, found


def test_protesters_blocking_a_road_obstruct_but_police_doing_so_do_not_protest() -> None:
    found = events(
        "Hundreds of members of the Energy Sovereignty Front, a coalition of farmers'"
        " groups and trade unions, blocked the Friendship Bridge on Sunday for six hours."
    )
    assert [(e["type"], e["mode"]) for e in found] == [("PROTEST", "obstruct")], found
    assert names(found[0]["actors"]) == {"Energy Sovereignty Front"}
    assert not [e for e in events("Serbian police blocked the road to the border.")
                if e["type"] == "PROTEST"]  # fmt: skip


def test_a_rally_that_blocks_a_street_is_one_protest() -> None:
    found = events(
        "The rally, organised by the opposition Coalition for Change, blocked Rustaveli"
        " Avenue in Tbilisi for a sixth consecutive night."
    )
    assert [e["type"] for e in found] == ["PROTEST"], found


def test_money_announced_or_approved_to_help_a_party_is_economic_aid() -> None:
    found = events(
        "The World Bank on Tuesday approved a $150 million loan to help Jirama repair"
        " transmission lines."
    )
    aid = [e for e in found if e["type"] == "AID"]
    assert aid and aid[0]["mode"] == "economic", found
    assert names(aid[0]["actors"]) == {"World Bank"}
    assert names(aid[0]["recipients"]) == {"Jirama"}
    relief = events(
        "The European Union announced 60 million euros in new humanitarian aid for Sudan."
    )
    assert [(e["type"], e["mode"]) for e in relief] == [("AID", "humanitarian")], relief


def test_people_flown_somewhere_are_transported_not_on_a_visit() -> None:
    found = events(
        "Iraq released the 14 crew members on Tuesday and flew them to Kuwait City, Iraqi"
        " Foreign Minister Fuad Hussein said."
    )
    assert "CONSULT" not in [e["type"] for e in found], found


def test_a_town_or_region_visited_is_where_not_whom() -> None:
    found = events(
        "Papua New Guinea Prime Minister James Marape met Bougainville President Ishmael"
        " Toroama in March. Marape said he would fly to Buka next week to meet Toroama, his"
        " first visit to the region in more than a year."
    )
    trip = [e for e in found if e["type"] == "CONSULT" and e["modality"] == "planned"]
    assert trip and names(trip[0]["recipients"]) == {"Ishmael Toroama"}, found
    assert not [e for e in found if names(e["recipients"]) & {"Buka", "Bougainville"}], found


def test_summoning_an_envoy_to_protest_is_one_diplomatic_protest() -> None:
    found = events(
        "Foreign Minister Ruben Ramirez Lezcano summoned Brazil's ambassador on Saturday to"
        " protest against what he called a lack of good faith at the talks."
    )
    assert [e["type"] for e in found] == ["ACCUSE"], found


def test_a_rally_against_what_they_called_a_partys_act_is_against_that_party() -> None:
    found = events(
        "Kuwait seized an Iraqi boat. Several hundred Iraqis rallied outside the Basra"
        " provincial council on Tuesday evening against what they called Kuwaiti"
        " encroachment, chanting slogans and demanding that parliament cancel the deal."
    )
    protest = [e for e in found if e["type"] == "PROTEST"]
    assert protest and names(protest[0]["recipients"]) == {"Kuwait"}, found
    assert "REQUEST" not in [e["type"] for e in found]  # the demand is the rally's aim


def test_a_refusal_read_from_the_story_is_aimed_at_the_rivals_state() -> None:
    found = events(
        "Sierra Leonean President Julius Maada Bio accused Guinean leader Mamadi Doumbouya"
        " of occupying Yenga, a village that Guinea and Sierra Leone both claim. Doumbouya"
        ' accused Bio of provocation. "We will not give up a single inch of Sierra Leonean'
        ' soil," Bio told reporters in Freetown.'
    )
    refusal = [e for e in found if e["type"] == "REJECT"]
    assert refusal and names(refusal[0]["recipients"]) == {"Guinea"}, found


def test_a_refusal_told_to_someone_is_aimed_at_them_but_not_at_the_press() -> None:
    found = events(
        "Brazilian President Lula telephoned Paraguayan President Santiago Pena on Monday."
        " Pena told Lula that Paraguay would not return to the table until Brazil accepted"
        " the principle of free sale, his office said."
    )
    refusal = [e for e in found if e["type"] == "REJECT"]
    assert refusal and names(refusal[0]["recipients"]) == {"Lula"}, found
    press = events(
        "Territorial Administration Minister Paul Atanga Nji told state broadcaster CRTV on"
        " Monday that Cameroon would never negotiate with the separatists."
    )
    assert not [e for e in press if "CRTV" in names(e["recipients"])], press


def test_an_unattributed_attack_takes_the_group_that_claimed_it_and_its_toll_is_no_event() -> None:
    found = events(
        "Gunmen attacked a position of the Burundian army and a nearby market in Rugombo"
        " commune, Cibitoke province, on Saturday night, killing 14 people, among them five"
        " soldiers, according to the provincial governor. RED-Tabara, a rebel group based"
        " in Congo, claimed the attack on Sunday."
    )
    attacks = [e for e in found if e["type"] == "ASSAULT"]
    assert len(attacks) == 1 and names(attacks[0]["actors"]) == {"RED-Tabara"}, found


def test_a_state_reporting_its_own_people_seized_is_not_the_captor() -> None:
    found = events(
        "Ugandan police detained 23 Kenyan fishermen on Saturday. The fishermen were seized"
        " with their four boats before dawn on Saturday and taken to Jinja, Kenya's foreign"
        " ministry said."
    )
    assert not [e for e in found if names(e["actors"]) & {"Kenya", "Kenyan foreign ministry"}], (
        found
    )
    reported = events(
        "The National Police reported that 68 gang members were arrested in Port-au-Prince."
    )
    assert [names(e["actors"]) for e in reported] == [{"National Police"}], reported
