"""References between a description and what the text named before, run through the
whole engine (entities included): capitals, names shared by two states, numbered
descriptions, stances on acts, signing, titled names, place and group evidence.

Every sentence is written for these rules, not copied from an evaluation article.
"""

from __future__ import annotations

import pytest

from tests.extraction.helpers import entities, events, names, only, result

pytestmark = pytest.mark.slow


def test_a_capital_stands_for_its_state_even_where_an_old_code_listed_it() -> None:
    # geonames still lists Serbia and Montenegro (CS) with Belgrade as its capital
    ev = only(
        events("Serbia's president spoke on Monday. Kosovo accused Belgrade of meddling."), "ACCUSE"
    )
    assert names(ev["recipients"]) == {"Serbia"}


def test_a_name_two_states_share_takes_the_state_of_the_articles_towns() -> None:
    text = "Congo and the rebels resumed talks on Tuesday. Fighting continued near Goma."
    assert "Democratic Republic of the Congo" in entities(text)
    text = "Fighting continued near Brazzaville. Congo said calm had returned to the capital."
    assert "Republic of the Congo" in entities(text)


def test_the_two_men_are_the_pair_named_before() -> None:
    text = (
        "Ghana's President John Mahama flew to Abuja on Monday for talks with Nigerian "
        "President Bola Tinubu. According to a statement, the two men agreed to set up a "
        "joint border commission."
    )
    ev = only(events(text), "AGREE")
    assert names(ev["actors"]) == {"John Mahama", "Bola Tinubu"}


def test_the_three_countries_are_the_states_just_named() -> None:
    text = "Chad, Niger and Sudan said on Friday that the three countries were recalling their ambassadors from Libya."
    ev = only(events(text), "SANCTION")
    assert names(ev["actors"]) == {"Chad", "Niger", "Sudan"}
    assert names(ev["recipients"]) == {"Libya"}


def test_a_numbered_set_never_counts_the_speaker() -> None:
    text = "The African Union welcomed the talks between Chad and Sudan and urged both sides to agree on a truce."
    ev = only(events(text), "REQUEST")
    assert names(ev["recipients"]) == {"Chad", "Sudan"}


def test_condemning_an_act_targets_its_author_not_its_victim() -> None:
    text = "Iran's foreign ministry condemned the aggression by the United States and Israel against Yemen."
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"United States", "Israel"}


def test_condemning_an_earlier_act_targets_its_author() -> None:
    text = "China launched large-scale military drills around Taiwan on Monday. Japan condemned the drills."
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"China"}


def test_welcoming_an_agreement_supports_its_parties() -> None:
    text = "Ethiopia and Eritrea signed a peace agreement on Monday. The African Union welcomed the agreement."
    ev = only(events(text), "SUPPORT")
    assert names(ev["recipients"]) == {"Ethiopia", "Eritrea"}


def test_supporting_nothing_named_is_not_coded() -> None:
    assert not [
        e for e in events("The European Union backed the mediation.") if e["type"] == "SUPPORT"
    ]


def test_a_security_pact_is_an_agreement_and_cooperation_to_come() -> None:
    evs = events("Kenya and Somalia signed a security pact on Monday.")
    assert names(only(evs, "AGREE")["actors"]) == {"Kenya", "Somalia"}
    assert only(evs, "COOPERATE")["modality"] == "planned"


def test_a_title_before_untagged_names_marks_a_person() -> None:
    text = "Soldiers seized power in the capital and detained President Umaro Sissoco Embalo at the palace."
    assert entities(text).get("Umaro Sissoco Embalo") == "PERSON"


def test_agents_from_a_body_act_for_it() -> None:
    text = "Detectives from the Directorate of Criminal Investigations arrested activist Boniface Mwangi on Thursday."
    ev = only(events(text), "COERCE")
    assert names(ev["actors"]) == {"Directorate of Criminal Investigations"}


def test_drills_by_an_armed_body_are_a_mobilisation() -> None:
    ev = only(events("China's military launched drills around Taiwan on Monday."), "MOBILIZE")
    assert names(ev["actors"]) == {"China"}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("M23 fighters shelled positions near Minova on Monday.", "M23", "ORG"),
        ("Al-Shabaab militants attacked a base in Moqokori.", "Moqokori", "GPE"),
        ("Residents of Jowhar fled the fighting on Sunday.", "Jowhar", "GPE"),
    ],
)
def test_the_words_around_an_unknown_name_type_it(text: str, name: str, etype: str) -> None:
    assert entities(text).get(name) == etype


@pytest.mark.parametrize(
    "text",
    [
        "Its spokesman said it would retaliate against the army.",
        "Hamas said its fighters attacked. Its political bureau said it had accepted the truce.",
    ],
)
def test_its_subject_reporting_it_does_not_loop(text: str) -> None:
    # "Its X said it ...": resolving "it" leads to the subject, whose "its" leads back
    assert isinstance(events(text), list)


def test_a_directed_act_with_no_target_faces_the_actors_counterpart() -> None:
    text = (
        "Thai and Cambodian troops exchanged fire near the border on Sunday. Thailand "
        "accused Cambodia of violating the truce. Cambodia also dropped its demand for "
        "international monitors."
    )
    ev = only(events(text), "CONCEDE")
    assert names(ev["recipients"]) == {"Thailand"}


def test_a_byline_names_people_in_any_case() -> None:
    found = entities("BY JANE KAMAU AND PETER OTIENO\n\nNAIROBI, Kenya (AP) - Talks resumed.\n")
    assert found.get("Jane Kamau") == "PERSON" and found.get("Peter Otieno") == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Police blocked Kralja Milana street on Saturday.", "Kralja Milana street", "LOC"),
        (
            "In Ouagadougou, several hundred supporters of the junta rallied at Place de la "
            "Nation on Wednesday.",
            "Place de la Nation",
            "LOC",
        ),
        (
            "Police blocked the street. Students from Novi Sad, Niš and Kragujevac joined "
            "the march in Belgrade, Serbia.",
            "Novi Sad",
            "GPE",
        ),
    ],
)
def test_streets_and_towns_of_the_articles_country(text: str, name: str, etype: str) -> None:
    assert entities(text).get(name) == etype


def test_unnamed_police_are_the_police_force_the_article_names() -> None:
    text = (
        "Kenya's National Police Service deployed officers across Nairobi on Tuesday. "
        "Amnesty International said police officers had fired live ammunition at protesters."
    )
    ev = only(events(text), "ASSAULT")
    assert names(ev["actors"]) == {"National Police Service"}


def test_a_reported_joint_act_with_a_party_is_the_speakers() -> None:
    text = "The US Southern Command said a joint exercise with the Guyana Defence Force would go ahead."
    ev = only(events(text), "COOPERATE")
    assert names(ev["actors"]) == {"US Southern Command"}
    assert names(ev["recipients"]) == {"Guyana Defence Force"}


def test_a_force_that_was_deployed_is_the_actor() -> None:
    text = "A gazette notice showed that the Kenya Defence Forces had been deployed in Nairobi."
    ev = only(events(text), "MOBILIZE")
    assert names(ev["actors"]) == {"Kenya Defence Forces"}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("Los Choneros gunmen attacked a prison in Guayaquil.", "Los Choneros", "ORG"),
        ("Fighting spread along the Durand Line on Sunday.", "Durand Line", "LOC"),
        ("Ugandan troops and Moldovan police took part in the drill.", "Moldovans", "NORP"),
    ],
)
def test_group_place_and_demonym_evidence(text: str, name: str, etype: str) -> None:
    assert entities(text).get(name) == etype


def test_ships_and_documents_are_no_entities() -> None:
    found = entities("The USS Higgins sailed through the strait. The Constitution was amended.")
    assert not any(n.startswith("USS") or n == "Constitution" for n in found)


def test_a_span_across_a_coordination_of_places_is_one_mention_each() -> None:
    from extraction.entities import _split_coordinations
    from extraction.entities_spans import Candidate

    parts = _split_coordinations([Candidate(0, 28, "Mali, Burkina Faso and Niger", "ORG")])
    assert [(p.text, p.label) for p in parts] == [
        ("Mali", "GPE"),
        ("Burkina Faso", "GPE"),
        ("Niger", "GPE"),
    ]
    whole = _split_coordinations([Candidate(0, 19, "Trinidad and Tobago", "GPE")])
    assert [p.text for p in whole] == ["Trinidad and Tobago"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the time phrase hangs on a day part or on the trigger's own object
        (
            "Detectives from the Directorate of Criminal Investigations arrested activist "
            "Boniface Mwangi on Thursday morning, his wife said.",
            "2026-03-05",
        ),
        (
            "Kosovo Police arrested two Serbian citizens at the Jarinje crossing on Friday.",
            "2026-03-06",
        ),
    ],
)
def test_the_date_of_an_act_reaches_it_through_its_object(text: str, value: str) -> None:
    evs = [e for e in events(text) if e["type"] == "COERCE"]
    assert evs and evs[0]["date"] is not None and evs[0]["date"]["value"] == value


def test_a_dateline_is_never_a_party() -> None:
    text = "GOMA, Congo (AP) — Congo and the M23 rebels resumed talks in Qatar on Tuesday."
    ev = only(events(text), "CONSULT")
    assert names(ev["actors"]) == {"Democratic Republic of the Congo", "M23"}


def test_a_trip_for_talks_with_someone_visits_them() -> None:
    text = "Iranian Foreign Minister Abbas Araghchi travelled to Vienna on Monday for talks with IAEA chief Rafael Grossi."
    ev = only(events(text), "CONSULT")
    assert ev["mode"] == "visit" and names(ev["recipients"]) == {"Rafael Grossi"}


def test_an_attack_on_army_positions_targets_the_army_the_article_names() -> None:
    text = (
        "The Sudanese Armed Forces control the airport. "
        "The RSF shelled army positions in El Fasher on Monday."
    )
    ev = only(events(text), "ASSAULT")
    assert names(ev["recipients"]) == {"Sudanese Armed Forces"}


def test_a_crowd_answering_a_call_protests_for_the_caller_against_its_slogans() -> None:
    text = (
        "In Dakar, hundreds of people answered a call by the Pastef movement and rallied at "
        "Obelisk Square on Monday, chanting slogans against France."
    )
    ev = only(events(text), "PROTEST")
    assert names(ev["actors"]) == {"Pastef"} and names(ev["recipients"]) == {"France"}


def test_the_group_is_not_its_leader() -> None:
    text = (
        "Houthi leader Abdul-Malik al-Houthi spoke on Monday. The Houthis fired missiles at "
        "a ship, according to the official Oman News Agency."
    )
    found = entities(text)
    assert found.get("Houthis") == "ORG" and found.get("Oman News Agency") == "ORG"
    assert found.get("Abdul-Malik al-Houthi") == "PERSON"


@pytest.mark.parametrize(
    ("text", "mode", "modality"),
    [
        ("Japan pledged $10 million in humanitarian aid to Mozambique.", "humanitarian", "planned"),
        ("India extended a $1 billion credit line to Sri Lanka.", "economic", "asserted"),
        ("India gifted two helicopters to the Maldives.", "military", "asserted"),
        ("China donated 500,000 vaccine doses to Nepal.", "humanitarian", "asserted"),
    ],
)
def test_aid_phrasings(text: str, mode: str, modality: str) -> None:
    ev = only(events(text), "AID")
    assert (ev["mode"], ev["modality"]) == (mode, modality)


def test_support_for_a_partys_standing_names_the_party() -> None:
    ev = only(events("Russia recognized the independence of Abkhazia."), "SUPPORT")
    assert names(ev["recipients"]) == {"Abkhazia"}


def test_peoples_stay_groups_and_named_movements_are_organisations() -> None:
    found = entities("Attacks on Hindus rose. Israeli strikes killed 12 Hezbollah fighters.")
    assert found.get("Hindus") == "NORP" and found.get("Hezbollah") == "ORG"


def test_a_state_bombing_a_town_of_its_own_has_no_target() -> None:
    text = "Myanmar's military bombed a school in Sagaing, killing 20 children."
    ev = only(events(text), "ASSAULT")
    assert ev["recipients"] == [] and ev["location"]["name"] == "Sagaing"


def test_refused_content_is_no_act_and_a_decision_names_its_author() -> None:
    evs = events("Hungary vetoed the EU sanctions package against Russia.")
    assert [e["type"] for e in evs] == ["REJECT"]
    ev = only(
        events("Venezuela dismissed the ruling of the International Court of Justice."), "REJECT"
    )
    assert names(ev["recipients"]) == {"International Court of Justice"}


def test_a_spoken_act_hung_on_the_reported_clause_is_the_speakers() -> None:
    ev = only(
        events(
            "The Algerian defence ministry said the aircraft had entered its airspace "
            "and accused Bamako of repeated provocations."
        ),
        "ACCUSE",
    )
    assert {n.casefold() for n in names(ev["actors"])} == {"algerian defence ministry"}


def test_a_spoken_act_hung_on_a_named_reported_clause_is_still_the_speakers() -> None:
    # the parser makes "urged" a conjunct of "funded", inside what UNHCR reported
    ev = only(
        events(
            "UNHCR said this year's Joint Response Plan was only 38 percent funded "
            "and urged Japan to step up."
        ),
        "REQUEST",
    )
    assert names(ev["actors"]) == {"UNHCR"} and names(ev["recipients"]) == {"Japan"}
    # but "A spoke with B and agreed ..., the ministry said": A agreed
    ev = only(
        events(
            "Foreign Minister Giorgos Gerapetritis and his Turkish counterpart Hakan Fidan "
            'spoke by phone and agreed to "keep channels open", the ministry said.'
        ),
        "AGREE",
    )
    assert names(ev["actors"]) == {"Giorgos Gerapetritis", "Hakan Fidan"}


def test_extending_a_curfew_is_imposing_one() -> None:
    ev = only(events("The Haitian government also extended a nighttime curfew."), "COERCE")
    assert names(ev["actors"]) == {"Haitian government"}


def test_drills_launched_around_a_state_face_it() -> None:
    ev = only(
        events("China's military on Monday launched large-scale drills around Taiwan."),
        "MOBILIZE",
    )
    assert names(ev["actors"]) == {"China"} and names(ev["recipients"]) == {"Taiwan"}


def test_a_refusal_of_a_partys_request_targets_that_party() -> None:
    text = (
        "Benin's foreign minister asked Niger to reopen the border on Monday. "
        "Niger's military ruler Abdourahamane Tiani rejected Benin's request on Tuesday."
    )
    ev = only(events(text), "REJECT")
    assert names(ev["recipients"]) == {"Benin"}


def test_calls_by_a_party_name_their_author() -> None:
    text = (
        "President Pedro Castillo said he would stay in office, rejecting calls by the "
        "General Confederation of Workers for him to step down."
    )
    evs = [e for e in events(text) if e["type"] == "REJECT" and e["trigger"]["text"] == "rejecting"]
    assert evs and names(evs[0]["recipients"]) == {"General Confederation of Workers"}


def test_a_sentence_initial_it_continues_the_body_the_last_sentence_was_about() -> None:
    text = (
        "Tajikistan's State Committee for National Security said Kyrgyz servicemen had "
        "opened fire first near the border. It accused Bishkek of a deliberate provocation."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["actors"]) == {"State Committee for National Security"}


def test_speaking_by_phone_is_a_call_between_the_speakers() -> None:
    ev = only(
        events(
            "Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon spoke by "
            "phone late on Tuesday."
        ),
        "CONSULT",
    )
    assert ev["mode"] == "phone"
    assert names(ev["actors"]) == {"Sadyr Japarov", "Emomali Rahmon"}


def test_dispatching_frigates_is_a_deployment() -> None:
    ev = only(
        events("The Hellenic Navy dispatched two frigates to the area on Monday."), "MOBILIZE"
    )
    assert names(ev["actors"]) == {"Hellenic Navy"}


def test_the_army_is_the_military_body_the_article_names() -> None:
    text = (
        "Fighting resumed near Goma, where the Armed Forces of the Democratic Republic of "
        "the Congo (FARDC) hold positions. M23 spokesman Lawrence Kanyuka accused the army "
        "of sabotaging the Doha process."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"Armed Forces of the Democratic Republic of the Congo"}


def test_a_plain_adjective_keeps_a_description_bare() -> None:
    text = (
        "ECOWAS imposed new sanctions on Niger on Sunday. Niger's junta leader "
        "Abdourahamane Tiani accused the regional bloc of acting for foreign powers."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"ECOWAS"}


def test_the_capitalised_president_is_the_sitting_one_titled_so() -> None:
    text = (
        "President William Ruto signed the bill on Monday. LSK president Faith Odhiambo "
        "demanded the police chief resign. Former President Uhuru Kenyatta stayed silent. "
        "Opposition leader Kalonzo Musyoka accused the President of presiding over a "
        "killing machine."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"William Ruto"}


def test_a_demand_that_someone_act_is_addressed_to_them() -> None:
    ev = only(
        events(
            "LSK president Faith Odhiambo demanded that Inspector-General of Police Douglas "
            "Kanja resign today."
        ),
        "REQUEST",
    )
    assert names(ev["recipients"]) == {"Douglas Kanja"}
    # a reported past act is no demand on its subject
    evs = events("Kenya demanded on Monday that Uganda withdraw its troops.")
    assert names(only(evs, "REQUEST")["recipients"]) == {"Uganda"}


def test_a_crowds_slogans_and_a_strikes_purpose_name_whom_it_protests() -> None:
    ev = only(
        events(
            "In Bamako, hundreds of people answered a call by the pro-junta Yerewolo "
            "movement and rallied at Independence Square on Monday, waving Malian and "
            "Russian flags and chanting slogans against Algeria."
        ),
        "PROTEST",
    )
    assert names(ev["recipients"]) == {"Algeria"}
    ev = only(
        events(
            "Cameroon will mark its National Day on May 20. The Ambazonia Governing Council "
            "has called a general strike to protest against Yaounde's National Day "
            "celebrations."
        ),
        "PROTEST",
    )
    assert names(ev["recipients"]) == {"Cameroon"}


def test_force_used_on_a_crowd_targets_the_party_whose_protest_it_is() -> None:
    evs = events(
        "Thousands of people answered a call by the National Salvation Front and marched "
        "down the avenue on Tuesday. Tunisian police fired tear gas to disperse the crowd "
        "outside the theatre."
    )
    assert names(only(evs, "ASSAULT")["recipients"]) == {"National Salvation Front"}
    assert only(evs, "PROTEST")["recipients"] == []  # the crackdown is no dyad of the story


def test_refusing_talks_with_a_party_targets_that_party() -> None:
    evs = events(
        "Australian Prime Minister Anthony Albanese called for negotiations on Friday. In "
        "Jakarta, President Prabowo Subianto ruled out any negotiations with the Free Papua "
        "Movement."
    )
    assert names(only(evs, "REJECT")["recipients"]) == {"Free Papua Movement"}


def test_a_trip_to_two_capitals_visits_both_hosts() -> None:
    text = (
        "Egypt and Ethiopia remain at odds over the dam. In Washington, Massad Boulos, the "
        "senior US adviser for Africa, said he would travel to Cairo and Addis Ababa next month."
    )
    ev = only(events(text), "CONSULT")
    assert names(ev["recipients"]) == {"Egypt", "Ethiopia"}


def test_accusing_the_protest_organisers_targets_the_party_that_called_the_protest() -> None:
    evs = events(
        "Thousands of people answered a call by the National Salvation Front and marched "
        "through Tunis on Saturday. President Kais Saied accused the protest organisers of "
        "serving foreign powers."
    )
    assert names(only(evs, "ACCUSE")["recipients"]) == {"National Salvation Front"}


def test_a_rebel_position_belongs_to_the_group_the_article_calls_rebels() -> None:
    evs = events(
        "M23 rebels seized the town last month. Hours later, Congo's army struck a rebel "
        "position in the hills above the town, the rebels said. Kinshasa is expected to "
        "release rebel detainees in return."
    )
    assert names(only(evs, "ASSAULT")["recipients"]) == {"M23"}
    assert names(only(evs, "RETREAT")["recipients"]) == {"M23"}


def test_the_rebels_far_from_their_name_are_the_group_called_rebels() -> None:
    text = (
        "M23 rebels seized the town last month. Aid groups said food was running out. "
        "Prices doubled in the markets. Roads to the north stayed closed. "
        "Congo's army accused the rebels of shelling a camp."
    )
    assert names(only(events(text), "ACCUSE")["recipients"]) == {"M23"}


NICARAGUA = (
    "Nicaragua jails another bishop\n\n"
    "MANAGUA - Nicaragua's police arrested a bishop in Matagalpa on Sunday, the latest "
    "in a string of detentions of clergy in Nicaragua. Church leaders in Managua said "
    "they feared more arrests. "
)


def test_the_authorities_with_no_state_named_near_are_the_state_the_article_is_about() -> None:
    text = NICARAGUA + (
        "Prices of food rose sharply last month. Many families left for Costa Rica. "
        "Amnesty International accused the authorities of persecuting the church."
    )
    assert names(only(events(text), "ACCUSE")["recipients"]) == {"Nicaragua"}


def test_the_authorities_in_a_story_between_two_states_stay_unresolved() -> None:
    text = (
        "India and Pakistan trade fire\n\n"
        "India said Pakistan shelled villages in Kashmir, and Pakistan said India fired "
        "first. New Delhi and Islamabad recalled envoys. Pakistan closed its airspace to "
        "India. Prices rose. Schools shut. Amnesty International accused the authorities "
        "of detaining journalists."
    )
    evs = [e for e in events(text) if e["type"] == "ACCUSE"]
    assert all(not e["recipients"] for e in evs), evs


def test_an_official_announcing_what_the_government_will_do_is_its_actor() -> None:
    text = NICARAGUA + (
        "Interior Minister Julia Mena said on Monday that the government would withdraw "
        "the draft law on religious groups."
    )
    assert names(only(events(text), "CONCEDE")["actors"]) == {"Julia Mena"}
    announced = NICARAGUA + (
        "Finance Minister Julia Mena announced on Monday that the government had dropped "
        "the planned fuel levy."
    )
    assert names(only(events(announced), "CONCEDE")["actors"]) == {"Julia Mena"}


def test_the_holder_named_after_the_body_of_an_office_is_the_one_who_acts() -> None:
    text = (
        "The commander of the Kazakh Border Service, Major-General Nurlan Bekov, and the "
        "head of the Uzbek border troops, Lieutenant-General Rustam Aliev, met at the "
        "Zhibek crossing point this morning and agreed to a ceasefire."
    )
    for etype in ("CONSULT", "AGREE"):
        assert names(only(events(text), etype)["actors"]) == {"Nurlan Bekov", "Rustam Aliev"}


def test_a_document_speaks_for_the_body_that_issued_it() -> None:
    adopted = events(
        "The European Parliament on Thursday adopted a resolution urging the European "
        "Commission to suspend budget support to Egypt."
    )
    assert names(only(adopted, "REQUEST")["actors"]) == {"European Parliament"}
    voted = events(
        "The Ecuadorian Congress voted 80-30 to admit a motion that accuses Daniel Noboa "
        "of abandoning his duties."
    )
    assert names(only(voted, "ACCUSE")["actors"]) == {"Ecuadorian Congress"}


def test_the_report_is_the_report_its_author_released_earlier() -> None:
    text = (
        "Amnesty International released a report on Monday on the war in Sudan. The "
        "report accuses the Rapid Support Forces of looting hospitals in Darfur."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["actors"]) == {"Amnesty International"}
    assert names(ev["recipients"]) == {"Rapid Support Forces"}


def test_the_minister_among_several_is_the_one_named_just_before() -> None:
    text = (
        "Prime Minister Ana Lopes said the cabinet would meet on Friday. Protesters "
        "marched in Lisbon for a third day. Interior Minister Rui Costa defended the "
        "police response. The CGTP union said the minister should resign."
    )
    assert names(only(events(text), "REQUEST")["recipients"]) == {"Rui Costa"}


def test_a_ministry_summoning_an_envoy_to_protest_accuses_the_envoys_side() -> None:
    text = (
        "The Moroccan foreign ministry summoned the head of the European Union delegation "
        "on Monday to protest against what it called interference."
    )
    ev = only(events(text), "ACCUSE")
    assert ev["mode"] == "disapprove"
    assert names(ev["recipients"]) == {"European Union"}
    assert not [e for e in events(text) if e["type"] == "PROTEST"]


def test_a_protest_lodged_beside_a_summons_accuses_the_summoned_envoys_state() -> None:
    text = (
        "Greece and Turkey are at odds. On Tuesday the Greek foreign ministry summoned "
        "Turkey's ambassador, Cagatay Erciyes, and lodged a formal protest over what it "
        'called "an illegal and provocative" survey.'
    )
    assert names(only(events(text), "ACCUSE")["recipients"]) == {"Turkey"}


def test_a_threat_conditional_on_an_earlier_act_targets_that_acts_author() -> None:
    text = (
        "The Taliban banned Afghan women from working for the United Nations in 2022. "
        "UN Secretary-General Antonio Guterres warned in May that the organisation might "
        'have to "reconsider its footprint" in Afghanistan if the ban is enforced.'
    )
    assert names(only(events(text), "THREATEN")["recipients"]) == {"Taliban"}


def test_it_after_a_wire_dateline_is_the_speaker_not_the_agency() -> None:
    text = (
        "Georgia detains protesters\n\n"
        "TBILISI, Feb 3 (Reuters) - Georgia's interior ministry said on Tuesday it had "
        "detained 43 people overnight after tens of thousands of demonstrators marched on "
        "parliament in Tbilisi."
    )
    assert names(only(events(text), "COERCE")["actors"]) == {"Georgia"}


def test_the_army_far_from_its_name_is_the_one_armed_force_the_article_names() -> None:
    text = (
        "The Armed Forces of the Democratic Republic of the Congo (FARDC) shelled rebel "
        "positions near Sake last month. Aid groups said food was running out. Prices "
        "doubled in the markets. M23 spokesman Lawrence Kanyuka accused the army of "
        '"deliberately sabotaging the Doha process".'
    )
    assert names(only(events(text), "ACCUSE")["recipients"]) == {
        "Armed Forces of the Democratic Republic of the Congo"
    }


def test_a_demand_to_free_captives_is_made_of_whoever_holds_them() -> None:
    text = (
        "The China Coast Guard seized two Taiwanese fishing boats near Kinmen on Monday. "
        "Taiwan's Ocean Affairs Council demanded their immediate release."
    )
    assert names(only(events(text), "REQUEST")["recipients"]) == {"China Coast Guard"}


def test_force_used_when_the_crowd_advanced_targets_the_party_whose_protest_it_is() -> None:
    text = (
        "Thousands of supporters of the Popular Front rallied in the capital on Friday. "
        "The National Police fired tear gas when part of the crowd tried to break through a "
        "police line near the market."
    )
    ev = only(events(text), "ASSAULT")
    assert names(ev["recipients"]) == {"Popular Front"}


def test_a_crowd_rallying_at_a_partys_call_is_that_partys_protest() -> None:
    text = (
        "Russia and Estonia are at odds. Several hundred people rallied outside the Russian "
        "embassy in Tallinn this afternoon at the call of the opposition Isamaa party."
    )
    assert names(only(events(text), "PROTEST")["actors"]) == {"Isamaa"}


def test_what_the_speaker_called_y_is_the_object_named_y() -> None:
    text = (
        "Ecuador fights gangs. In Washington, Secretary of State Marco Rubio praised what "
        'he called Ecuador\'s "determined fight against narco-terrorists".'
    )
    assert names(only(events(text), "SUPPORT")["recipients"]) == {"Ecuador"}


def test_an_offer_to_mediate_between_two_capitals_is_made_to_both_states() -> None:
    text = (
        "Chad and Sudan traded accusations. Qatar offered on Wednesday to mediate between "
        "N'Djamena and Khartoum."
    )
    assert names(only(events(text), "AGREE")["recipients"]) == {"Chad", "Sudan"}
    assert len(only(events(text), "AGREE")["recipients"]) == 2


def test_an_offer_to_mediate_naming_no_party_is_made_to_the_articles_two_sides() -> None:
    sides = (
        "Chad accused Sudan of bombing the border town of Tine on Monday. Sudan denied it "
        "and accused Chad of arming the Rapid Support Forces. "
    )
    for offer in ("Qatar offered on Wednesday to mediate.", "Qatar has offered to host talks."):
        ev = only(events(sides + offer), "AGREE")
        assert names(ev["recipients"]) == {"Chad", "Sudan"}, offer
    # with no pair of sides leading, the offer is made to nobody named
    text = "Chad accused Sudan of bombing Tine. Qatar offered on Wednesday to mediate."
    assert only(events(text), "AGREE")["recipients"] == []


def test_a_person_never_targets_the_state_they_serve_or_the_body_their_title_names() -> None:
    text = (
        "Egypt and Ethiopia traded accusations over the dam. In Washington, Massad Boulos, "
        "the senior US adviser for Africa, offered American help in reaching a deal."
    )
    assert only(events(text), "AGREE")["recipients"] == []
    text = (
        "The AES tripled its levy on ECOWAS goods. On Tuesday ECOWAS Commission President "
        'Omar Alieu Touray condemned the increase as "a tax on West African families".'
    )
    assert "ECOWAS" not in names(only(events(text), "ACCUSE")["recipients"])


def test_an_offer_to_host_talks_is_an_offer_to_the_parties_not_a_planned_meeting() -> None:
    text = (
        "Ecuador and Colombia are feuding over tariffs. Brazilian President Luiz Inacio "
        "Lula da Silva telephoned Gustavo Petro on Wednesday and offered to host talks "
        "between the two governments in Brasilia."
    )
    evs = events(text)
    offer = [e for e in evs if e["type"] == "AGREE"]
    assert [names(e["recipients"]) for e in offer] == [{"Ecuador", "Colombia"}], evs
    assert not [e for e in evs if e["type"] == "CONSULT" and e["modality"] == "planned"]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "Azerbaijan and Iran are at odds. Turkish Foreign Minister Hakan Fidan "
            "telephoned his Azerbaijani counterpart, Jeyhun Bayramov, on Thursday to "
            'express Ankara\'s "full support".',
            "Hakan Fidan",
            "Jeyhun Bayramov",
        ),
        (
            "Eritrea and Ethiopia are at odds. President Abdel Fattah al-Sisi received "
            "Eritrean Foreign Minister Osman Saleh in Cairo on Sunday and reaffirmed "
            "Egypt's \"full support for Eritrea's sovereignty\".",
            "Abdel Fattah al-Sisi",
            "Eritrea",
        ),
    ],
)
def test_support_voiced_in_a_call_or_visit_is_the_speakers(
    text: str, actor: str, recipient: str
) -> None:
    ev = only(events(text), "SUPPORT")
    assert (names(ev["actors"]), names(ev["recipients"])) == ({actor}, {recipient})


def test_a_faction_of_a_group_is_that_group() -> None:
    text = (
        "Ethiopia and Eritrea are at odds. Ethiopian officials accuse a faction of the "
        "Tigray People's Liberation Front (TPLF) of colluding with Asmara."
    )
    assert names(only(events(text), "ACCUSE")["recipients"]) == {"Tigray People's Liberation Front"}


def test_a_demand_for_the_return_of_held_land_is_made_of_its_holder() -> None:
    text = (
        "Japan and Russia dispute four islands. Prime Minister Sanae Takaichi on Saturday "
        "demanded the return of the four Russian-held islands off Hokkaido."
    )
    assert names(only(events(text), "REQUEST")["recipients"]) == {"Russia"}


def test_a_note_of_protest_handed_to_a_summoned_envoy_accuses_the_envoys_state() -> None:
    text = (
        "Russia and Finland are at odds. The Finnish foreign ministry summoned Russia's "
        "charge d'affaires this morning and handed him a note of protest over the "
        "incursion."
    )
    ev = only(events(text), "ACCUSE")
    assert (ev["mode"], names(ev["recipients"])) == ("disapprove", {"Russia"})


def test_saying_a_party_will_pay_a_price_threatens_it() -> None:
    text = "Iran's foreign minister said Israel would pay a heavy price for the attack."
    ev = only(events(text), "THREATEN")
    assert (ev["mode"], names(ev["recipients"])) == ("violence", {"Israel"})


def test_a_minister_and_his_counterpart_named_after_the_noun_act_together() -> None:
    text = (
        "Greek Foreign Minister Giorgos Gerapetritis and his Turkish counterpart Hakan "
        "Fidan agreed on Monday to keep channels open."
    )
    assert names(only(events(text), "AGREE")["actors"]) == {
        "Giorgos Gerapetritis", "Hakan Fidan"
    }  # fmt: skip


def test_an_offer_of_good_offices_goes_to_the_parties_the_same_sentence_addresses() -> None:
    text = (
        "Algeria and Mali are at odds. The African Union Commission chairperson, Mahmoud "
        'Ali Youssouf, called on Algeria and Mali to "exercise maximum restraint and give '
        "dialogue a chance\", and offered the AU's good offices."
    )
    assert names(only(events(text), "AGREE")["recipients"]) == {"Algeria", "Mali"}


def test_money_disbursed_with_no_recipient_named_goes_to_the_state_the_article_is_about() -> None:
    text = (
        "Tunisia is under pressure. Tunisian courts jailed critics. Tunisia's president "
        "defended them. The European Commission disbursed a 60 million euro tranche for "
        "migration management in May, a spokesperson said."
    )
    ev = only(events(text), "AID")
    assert (ev["mode"], names(ev["recipients"])) == ("economic", {"Tunisia"})


def test_expelling_people_is_deportation_and_expelling_diplomats_a_sanction() -> None:
    ev = only(events("Pakistan has expelled more than 140,000 Afghans since April."), "COERCE")
    assert ev["mode"] == "deport" and names(ev["actors"]) == {"Pakistan"}
    evs = events("Estonia expelled two Russian diplomats on Monday.")
    assert [e["type"] for e in evs] == ["SANCTION"]


def test_an_officials_warning_with_no_target_faces_the_adversary_of_their_state() -> None:
    text = (
        "India struck nine sites in Pakistan on Monday. Pakistan accused India of killing "
        "civilians. Pakistan's army chief, Field Marshal Asim Munir, warned on Tuesday that "
        'any fresh strike on Pakistani soil would be met with "a swift and decisive response."'
    )
    ev = only(events(text), "THREATEN")
    assert names(ev["actors"]) == {"Asim Munir"} and names(ev["recipients"]) == {"India"}


def test_a_seat_of_government_stands_for_its_state_as_a_capital_does() -> None:
    text = (
        "Benin asked Niger to reopen the border. General Abdourahamane Tiani, Niger's "
        "military ruler, rejected Cotonou's request on Tuesday."
    )
    assert names(only(events(text), "REJECT")["recipients"]) == {"Benin"}


@pytest.mark.parametrize(
    ("text", "etype", "speaker"),
    [
        (
            "Cambodia and Vietnam are at odds over the canal. Chinese foreign ministry "
            "spokesperson Lin Jian said China \"supports Cambodia's right to develop its "
            'economy".',
            "SUPPORT",
            "Lin Jian",
        ),
        (
            "Russian aircraft flew along the coast of Norway. NATO Secretary General Mark "
            'Rutte said this evening the alliance "stands with Norway".',
            "SUPPORT",
            "Mark Rutte",
        ),
    ],
)
def test_a_speaker_voicing_their_own_states_stance_is_its_actor(
    text: str, etype: str, speaker: str
) -> None:
    assert names(only(events(text), etype)["actors"]) == {speaker}


def test_a_speaker_reporting_another_states_stance_is_not_its_actor() -> None:
    text = (
        "Chinese foreign ministry spokesperson Lin Jian said Russia supports Cambodia's "
        "right to develop its waterways."
    )
    assert names(only(events(text), "SUPPORT")["actors"]) == {"Russia"}


def test_an_act_done_in_protest_at_a_measure_is_a_protest_against_its_author() -> None:
    text = (
        "Ecuador raised its security surcharge on imports from Colombia on Wednesday. "
        "Members of the Colombian Truckers' Association blocked both lanes on Thursday in "
        "protest at the surcharge."
    )
    evs = events(text)
    assert names(only(evs, "SANCTION")["actors"]) == {"Ecuador"}
    protest = only(evs, "PROTEST")
    assert names(protest["actors"]) == {"Colombian Truckers' Association"}
    assert names(protest["recipients"]) == {"Ecuador"}


def test_both_countries_are_the_two_states_the_story_is_about() -> None:
    text = (
        "Burkina Faso and Côte d'Ivoire traded accusations on Monday. Côte d'Ivoire "
        "summoned Burkina Faso's ambassador. Burkina Faso accused Côte d'Ivoire of "
        "sheltering plotters. Togo and Ghana offered to help. ECOWAS Commission President Omar Alieu "
        'Touray called on "both brotherly countries" to show restraint.'
    )
    ev = only(events(text), "REQUEST")
    assert {e["name"] for e in ev["recipients"]} == {"Burkina Faso", "Ivory Coast"}


def test_coordinated_prepositions_give_every_party() -> None:
    text = (
        "Serbia protested the arrests. Prime Minister Albin Kurti rejected demands from "
        "Belgrade and from the Serb List "
        "to free the three men."
    )
    assert names(only(events(text), "REJECT")["recipients"]) == {"Serbia", "Serb List"}


def test_an_official_introduced_at_a_capital_serves_that_state() -> None:
    text = (
        "Serbia closed two crossings. In Moscow, foreign ministry spokeswoman Maria "
        'Zakharova said Russia "fully supports Serbia\'s legitimate demands".'
    )
    res = result(text)
    person = next(e for e in res["entities"] if e["name"] == "Maria Zakharova")
    assert person["country_code"] == "RU"
    assert names(only(res["events"], "SUPPORT")["actors"]) == {"Maria Zakharova"}
    # a name right after the comma has no title that says whom it serves
    res = result("In Moscow, Irina Volkova met the Serbian envoy.")
    person = next(e for e in res["entities"] if e["name"] == "Irina Volkova")
    assert person["country_code"] is None


def test_a_state_body_using_force_at_home_does_not_target_its_own_state() -> None:
    text = (
        "Nepal and India are at odds over Susta. Earlier on Thursday, Nepal Police used "
        "water cannon in Kathmandu to disperse several hundred young protesters."
    )
    assert "Nepal" not in names(only(events(text), "ASSAULT")["recipients"])


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Norway detained a Russian trawler. Ilya Shestakov, head of Russia's Federal "
            "Agency for Fishery, said this afternoon that Moscow could suspend its work in "
            'the fisheries commission "if Norway continues to behave like a pirate state".',
            "Ilya Shestakov",
            "Norway",
        ),
        (
            "Israeli Defence Minister Israel Katz, for his part, said that Israel "
            '"will act again, at any time" if Iran tries to rebuild its enrichment capacity.',
            "Israel Katz",
            "Iran",
        ),
    ],
)
def test_what_a_party_says_it_would_do_if_another_acts_is_a_threat_to_that_other(
    text: str, actor: str, target: str
) -> None:
    ev = only(events(text), "THREATEN")
    assert names(ev["actors"]) == {actor} and names(ev["recipients"]) == {target}


def test_a_condition_on_a_captives_release_names_no_threatened_party() -> None:
    text = (
        "Serb List leader Zlatan Elek told the crowd that Serb mayors would walk out "
        "of Kosovo institutions unless Milan Jovanovic was released by Monday."
    )
    threats = [e for e in events(text) if e["type"] == "THREATEN"]
    assert all("Milan Jovanovic" not in names(e["recipients"]) for e in threats), threats


def test_banning_a_countrys_produce_is_a_sanction_on_that_country() -> None:
    text = "Ukraine exports wheat through Poland. Poland banned Ukrainian grain in 2023."
    ev = only(events(text), "SANCTION")
    assert names(ev["actors"]) == {"Poland"} and names(ev["recipients"]) == {"Ukraine"}


def test_placing_a_party_under_sanctions_sanctions_that_party() -> None:
    text = "Norway placed the Russian fishing company Norebo under sanctions in July 2025."
    ev = only(events(text), "SANCTION")
    assert names(ev["actors"]) == {"Norway"} and "Norebo" in names(ev["recipients"])


def test_a_release_gives_back_whom_the_same_captor_took() -> None:
    text = (
        "Kenyan police detained three activists of the Law Society of Kenya on Tuesday. "
        "Police released them on Wednesday afternoon."
    )
    ev = only(events(text), "RETREAT")
    assert ev["mode"] == "release" and names(ev["recipients"]) == {"Law Society of Kenya"}


def test_the_label_put_on_an_act_names_no_target() -> None:
    text = (
        "Farmers of Rural Solidarity blocked the border crossings on Monday. Prime "
        'Minister Donald Tusk called the blockade "a gift to Putin".'
    )
    ev = only(events(text), "ACCUSE")
    assert "Vladimir Putin" not in names(ev["recipients"]) and "Putin" not in names(
        ev["recipients"]
    )


def test_a_warning_that_a_partys_act_would_be_answered_targets_that_party() -> None:
    text = (
        "Japan and Russia are at odds over the islands. Dmitry Medvedev, deputy chairman "
        "of Russia's Security Council, warned that any Japanese attempt to take the "
        "islands would be met with a retaliatory strike."
    )
    assert names(only(events(text), "THREATEN")["recipients"]) == {"Japan"}


def test_being_due_in_a_place_to_meet_someone_is_a_planned_visit() -> None:
    text = (
        "Prime Minister Albin Kurti met EU officials. The EU's special representative, "
        "Peter Sørensen, is due in Pristina on Friday to meet Albin Kurti."
    )
    visits = [e for e in events(text) if e["type"] == "CONSULT" and e["mode"] == "visit"]
    assert [(names(e["actors"]), names(e["recipients"]), e["modality"]) for e in visits] == [
        ({"Peter Sørensen"}, {"Albin Kurti"}, "planned")
    ]


def test_an_unattributed_spokesperson_speaks_for_the_body_just_named() -> None:
    text = (
        "The State Department condemned the arrests. A spokesperson also called on "
        "Georgia to release all those detained since the start of the protests."
    )
    assert names(only(events(text), "REQUEST")["actors"]) == {"State Department"}


def test_a_body_voicing_its_states_support_is_the_actor() -> None:
    text = (
        "In Washington, the State Department reaffirmed the United States' \"unwavering "
        "support for Guyana's sovereignty\"."
    )
    ev = only(events(text), "SUPPORT")
    assert names(ev["actors"]) == {"State Department"} and names(ev["recipients"]) == {"Guyana"}


def test_it_after_an_opening_phrase_continues_the_body_just_named() -> None:
    text = (
        "Argentina imposed sanctions on two oil firms. In London, the Foreign Office said "
        "on Thursday that there could be no talks on sovereignty. In the same statement, "
        "it accused Argentina of trying to intimidate legitimate businesses."
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["actors"]) == {"Foreign Office"} and names(ev["recipients"]) == {"Argentina"}


def test_a_label_of_praise_is_no_accusation() -> None:
    text = (
        "Cambodia opened the canal. Chinese Ambassador Wang Wenbin, who attended the "
        'ceremony, called the canal "a model of South-South cooperation".'
    )
    assert not [e for e in events(text) if e["type"] == "ACCUSE"]
    text = 'Cambodia opened the canal. Vietnam called the canal "a threat to the delta".'
    assert [e["type"] for e in events(text)] == ["ACCUSE"]


def test_walking_out_of_talks_is_a_sanction_however_out_is_parsed() -> None:
    text = (
        "Pakistan and Afghanistan held talks in Istanbul. Talks broke down on April 18, "
        "when the Taliban delegation walked out over Pakistan's insistence on a guarantee."
    )
    ev = only(events(text), "SANCTION")
    assert ev["mode"] == "withdraw" and names(ev["actors"]) == {"Taliban"}


def test_summoning_a_charge_d_affaires_is_a_protest_to_their_state() -> None:
    text = (
        "Ukraine criticised Poland. The Polish foreign ministry summoned Ukraine’s chargé "
        "d’affaires on Tuesday over the remark."
    )
    evs = [e for e in events(text) if names(e["actors"]) == {"Polish foreign ministry"}]
    assert [(e["type"], names(e["recipients"])) for e in evs] == [("ACCUSE", {"Ukraine"})]


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Officials in Brussels say the European Commission could open infringement "
            "proceedings against Poland if the ban is still in place.",
            "European Commission",
            "Poland",
        ),
        (
            "The International Criminal Court issued arrest warrants for Chief Justice "
            "Abdul Hakim Haqqani in July 2025.",
            "International Criminal Court",
            "Abdul Hakim Haqqani",
        ),
    ],
)
def test_legal_action_against_a_party_is_an_accusation(text: str, actor: str, target: str) -> None:
    ev = only(events(text), "ACCUSE")
    assert names(ev["actors"]) == {actor} and names(ev["recipients"]) == {target}


def test_an_act_done_at_a_partys_request_answers_a_request_to_the_doer() -> None:
    text = (
        "The Collective Security Treaty Organization will hold an extraordinary session in "
        "Moscow on Thursday at Kyrgyzstan's request, the CSTO said."
    )
    ev = only(events(text), "REQUEST")
    assert names(ev["actors"]) == {"Kyrgyzstan"}
    assert names(ev["recipients"]) == {"Collective Security Treaty Organization"}


def test_a_demand_summing_up_a_clause_was_made_of_that_clauses_subject() -> None:
    text = (
        "Ebrard said Mexico had agreed to raise the North American content required for "
        "tariff-free cars to 80% from 75%, a measure Washington had demanded for months."
    )
    evs = [e for e in events(text) if names(e["actors"]) == {"Washington"}]
    assert [(e["type"], names(e["recipients"])) for e in evs] == [("REQUEST", {"Mexico"})]


def test_a_joint_agreement_is_directed_at_no_one_unless_with_whom_is_said() -> None:
    text = (
        "Cypriot President Nikos Christodoulides and Turkish Cypriot leader Tufan Erhurman "
        "agreed to open two new crossing points on the Green Line, at Mia Milia and "
        "Louroujina, before the end of the year."
    )
    ev = only(events(text), "AGREE")
    assert len(ev["actors"]) == 2 and ev["recipients"] == []


def test_a_named_vessel_or_street_is_no_target() -> None:
    text = (
        "The Norwegian Coast Guard detained the Russian trawler Kapitan Demidov near Bear "
        "Island early this morning."
    )
    assert only(events(text), "COERCE")["recipients"] == []


def test_ordering_diplomats_to_leave_is_their_expulsion() -> None:
    text = (
        "Azerbaijan and Iran are at odds. Tehran responded in kind on Thursday, ordering "
        "two Azerbaijani diplomats to leave the country within 48 hours."
    )
    ev = only(events(text), "SANCTION")
    assert ev["mode"] == "expel" and names(ev["recipients"]) == {"Azerbaijan"}


@pytest.mark.parametrize(
    "text",
    [
        "Moldova's Border Police detained a senior Transnistrian customs official at the "
        "Varnita crossing on September 15 and charged him with smuggling.",
        "Tensions rose after Turkish Cypriot police arrested two Greek Cypriot men at the "
        "Ledra Palace crossing on 9 April, accusing them of photographing a military zone.",
    ],
)
def test_the_charge_an_arrest_is_made_on_is_no_separate_accusation(text: str) -> None:
    assert [e["type"] for e in events(text)] == ["COERCE"]


def test_an_accusation_by_another_actor_beside_an_arrest_stays() -> None:
    text = (
        "Kosovo Police arrested two Serbian citizens at the Jarinje crossing on Friday, and "
        "Prime Minister Albin Kurti accused Serbia of sending provocateurs."
    )
    assert "ACCUSE" in [e["type"] for e in events(text)]


def test_a_hyphenated_acronym_the_model_left_untagged_is_an_organisation() -> None:
    text = "The SPLM-IO said on Wednesday that government aircraft had bombed a market."
    assert entities(text).get("SPLM-IO") == "ORG"


def test_agreeing_that_their_own_people_will_act_is_a_commitment() -> None:
    text = (
        "Sudanese army chief Abdel Fattah al-Burhan telephoned President Abdel Fattah "
        "el-Sisi on Tuesday, and the two leaders agreed that their delegations would "
        "coordinate positions at the Security Council, the Egyptian presidency said."
    )
    ev = only(events(text), "AGREE")
    assert names(ev["actors"]) == {"Abdel Fattah al-Burhan", "Abdel Fattah el-Sisi"}
    assert not [e for e in events("Analysts agree that the war will last years.")]


def test_an_attack_near_a_town_that_killed_a_groups_members_targets_the_group() -> None:
    text = (
        "On Sunday, a Turkish drone hit a vehicle near Sinjar, killing two members of the "
        "Sinjar Resistance Units (YBS), local officials said."
    )
    assert names(only(events(text), "ASSAULT")["recipients"]) == {"Sinjar Resistance Units"}


def test_a_warning_to_answer_an_act_names_the_acts_doer_as_its_target() -> None:
    text = (
        "Finland seized the ship. In Moscow, foreign ministry spokeswoman Maria Zakharova "
        'warned that Russia would respond "with all the means at its disposal" to any further '
        "boarding by Finland of vessels sailing to or from Russian ports."
    )
    ev = only(events(text), "THREATEN")
    assert names(ev["recipients"]) == {"Finland"}


def test_recalling_ones_own_envoy_targets_the_state_it_was_accredited_to() -> None:
    text = (
        "Algeria expelled four French diplomats. President Emmanuel Macron recalled France's "
        "ambassador to Algiers for consultations the same day, the Elysée said."
    )
    recall = next(e for e in events(text) if e["trigger"]["lemma"] == "recall")
    assert (recall["type"], names(recall["recipients"])) == ("SANCTION", {"Algeria"})


def test_a_demand_for_someones_release_is_made_of_the_captor_not_the_captive() -> None:
    text = (
        "Algerian police detained the French journalist Karim Mansouri in Algiers on "
        "Saturday. Foreign Minister Jean-Noël Barrot demanded Mansouri's \"immediate and "
        'unconditional release".'
    )
    ev = only(events(text), "REQUEST")
    assert "Karim Mansouri" not in names(ev["recipients"]) and ev["recipients"]


def test_capturing_fighters_is_an_arrest_and_handing_them_back_a_release() -> None:
    text = (
        "Iran and the Taliban clashed. Iranian border guards captured three Taliban fighters "
        "during Tuesday's clash and handed them back at the Milak crossing on Wednesday."
    )
    found = {(e["type"], e["mode"]) for e in events(text)}
    assert {("COERCE", "arrest"), ("RETREAT", "release")} <= found, found
    assert not events("The minister handed him a note of protest.")


@pytest.mark.parametrize(
    "text",
    [
        "Denmark and the United States are at odds over Greenland. The Danish foreign "
        "ministry summoned US Ambassador Ken Howery on Monday.",
        "Denmark and the United States are at odds over Greenland. Denmark summoned the "
        "American ambassador to the foreign ministry in Copenhagen on Monday.",
    ],
)
def test_summoning_a_named_or_titled_envoy_complains_to_the_envoys_state(text: str) -> None:
    summons = [e for e in events(text) if e["trigger"]["lemma"] == "summon"]
    assert [(e["type"], names(e["recipients"])) for e in summons] == [("ACCUSE", {"United States"})]


@pytest.mark.parametrize(
    ("text", "crowd"),
    [
        (
            "Denmark and the US are at odds. On Saturday about 4,000 Greenlanders marched "
            "from the city centre to the US consulate, waving flags.",
            "Greenlanders",
        ),
        (
            "In Nairobi, several hundred South Sudanese gathered outside the embassy on "
            'Wednesday, chanting "Free Machar".',
            "South Sudanese",
        ),
    ],
)
def test_a_crowd_named_by_its_demonym_is_the_protests_actor(text: str, crowd: str) -> None:
    assert names(only(events(text), "PROTEST")["actors"]) == {crowd}


def test_a_penalty_announced_on_a_condition_is_the_speakers_threat() -> None:
    text = (
        "Tanzania detained opposition leaders. In London, Foreign Secretary Yvette Cooper "
        'told parliament on Monday that Britain "would not hesitate" to impose targeted '
        "sanctions on Tanzania if the detained opposition leaders were not freed."
    )
    ev = only(events(text), "THREATEN")
    assert (ev["mode"], names(ev["actors"]), ev["negated"]) == (
        "restrict", {"Yvette Cooper"}, False
    )  # fmt: skip
    assert not [e for e in events(text) if e["type"] == "SANCTION"]
    # reported by others, a possible penalty stays a possible penalty
    text = (
        "The EU criticised Tunisia. Two EU diplomats said the European Commission could "
        "freeze aid to Tunisia if more opposition figures are jailed."
    )
    assert not [e for e in events(text) if e["type"] == "THREATEN"]


def test_what_a_demand_asks_for_is_no_event_of_its_own() -> None:
    text = (
        "Algerian police detained the French journalist Karim Mansouri. The Committee to "
        "Protect Journalists called on Algeria to free Mansouri without delay and to drop "
        "all charges against him."
    )
    assert sorted(e["type"] for e in events(text)) == ["COERCE", "REQUEST"]


def test_a_name_set_off_by_commas_after_a_description_is_the_actor() -> None:
    text = (
        "Iran deported Afghans. The UN refugee agency, UNHCR, urged Iran to halt forced "
        "returns during the summer heat."
    )
    assert names(only(events(text), "REQUEST")["actors"]) == {"UNHCR"}


def test_a_protest_note_handed_to_an_envoy_accuses_the_envoys_state() -> None:
    text = (
        "Guatemala and Belize are at odds. On Sunday Belize handed Guatemala's ambassador in "
        'Belmopan a protest note calling the blockade "a violation of Belize\'s sovereignty".'
    )
    ev = only(events(text), "ACCUSE")
    assert (names(ev["actors"]), names(ev["recipients"])) == ({"Belize"}, {"Guatemala"})


def test_an_order_to_suspend_networks_is_the_orderers_censorship() -> None:
    text = (
        "The Tanzania Communications Regulatory Authority (TCRA) ordered operators to "
        "suspend mobile data in Dar es Salaam on Sunday morning."
    )
    ev = only(events(text), "COERCE")
    assert (ev["mode"], names(ev["actors"])) == (
        "censor", {"Tanzania Communications Regulatory Authority"}
    )  # fmt: skip
    assert not [e for e in events(text) if e["type"] == "REQUEST"]
    # an order to another party to stop its own act stays a demand
    assert not [
        e
        for e in events("The court ordered Israel to halt its offensive.")
        if e["type"] == "COERCE"
    ]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "Tanzania votes in October. In April 2025, the Independent National Electoral "
            "Commission barred Chadema from the election.",
            "ban",
        ),
        (
            "Finland suspects sabotage. Finnish Border Guard special forces took control of the "
            "ship south of Porvoo on Tuesday.",
            "seize",
        ),
    ],
)
def test_barring_a_party_and_taking_control_of_a_ship_are_coercion(text: str, mode: str) -> None:
    assert only(events(text), "COERCE")["mode"] == mode
    plan = "Under the plan the Lebanese army would take control of all weapons."
    assert not [e for e in events(plan) if e["type"] == "COERCE"]


@pytest.mark.parametrize("label", ["it", "the decision"])
def test_a_label_on_the_act_just_reported_targets_its_author(label: str) -> None:
    text = (
        "Ecuador imposed a 30 percent surcharge on Colombian imports on Monday. Colombian "
        f'President Gustavo Petro called {label} "an economic aggression".'
    )
    ev = only(events(text), "ACCUSE")
    assert names(ev["recipients"]) == {"Ecuador"}


def test_a_person_arrested_at_their_home_is_still_the_one_arrested() -> None:
    text = (
        "Tunisia arrested Nadia Ferchichi, a former lawmaker. Ferchichi was detained by "
        "officers of the National Guard at her home in La Marsa on Saturday."
    )
    detained = next(e for e in events(text) if e["trigger"]["lemma"] == "detain")
    assert names(detained["recipients"]) == {"Nadia Ferchichi"}


def test_an_invitation_is_an_offer_to_meet_and_saying_one_will_attend_accepts_it() -> None:
    text = (
        "Saudi Arabia has offered to host talks between Ethiopia and Eritrea in Jeddah. "
        "Ethiopia said it would attend; Eritrea has not responded."
    )
    attend = next(e for e in events(text) if e["trigger"]["lemma"] == "attend")
    assert (attend["type"], names(attend["recipients"])) == ("AGREE", {"Saudi Arabia"})
    text = (
        "Rubio struck a softer tone on Tuesday and invited Danish Foreign Minister Lars "
        "Løkke Rasmussen to Washington."
    )
    ev = only(events(text), "AGREE")
    assert names(ev["recipients"]) == {"Lars Løkke Rasmussen"}
    assert not events("Lula attended the ceremony in Brasilia on Monday.")


def test_telephoning_two_leaders_is_two_calls() -> None:
    text = (
        "Tanzanian President Samia Suluhu Hassan telephoned Burundi's President Évariste "
        "Ndayishimiye and Rwandan President Paul Kagame on Wednesday."
    )
    calls = [e for e in events(text) if e["type"] == "CONSULT"]
    assert sorted(tuple(names(e["recipients"])) for e in calls) == [
        ("Paul Kagame",), ("Évariste Ndayishimiye",)
    ]  # fmt: skip


def test_a_reported_it_is_the_speaking_it() -> None:
    text = (
        "Iran struck targets in Pakistan. Pakistan's foreign ministry condemned the strikes. "
        "In the same statement, it said it was recalling its ambassador from Tehran."
    )
    recall = next(e for e in events(text) if e["trigger"]["lemma"] == "recall")
    assert (names(recall["actors"]), names(recall["recipients"])) == ({"Pakistan"}, {"Iran"})


def test_an_appeal_to_both_sides_goes_to_the_two_parties_the_story_is_about() -> None:
    text = (
        "Iran struck camps in Pakistan on Friday. Pakistan retaliated with strikes in Iran "
        "on Sunday. Pakistan recalled its ambassador from Iran. Iran accused Pakistan of "
        "sheltering militants. On Monday China and Russia discussed the region. Chinese "
        "foreign ministry spokesperson Guo Jiakun urged both sides to show restraint."
    )
    ev = only(events(text), "REQUEST")
    assert names(ev["recipients"]) == {"Iran", "Pakistan"}


def test_leaders_who_have_not_spoken_are_a_negated_meeting_with_no_venue() -> None:
    text = (
        "PARIS - France and Algeria are at odds. Macron and Tebboune have not spoken since "
        "the crisis began, an Elysée official said."
    )
    ev = only(events(text), "CONSULT")
    assert (ev["negated"], ev["mode"], ev["recipients"]) == (True, None, [])
    assert not events("Macron spoke to Reuters on Monday.")
