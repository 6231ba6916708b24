"""Parties read from the act itself: offers, proposals, refusals, threats, protests,
releases, summonses, support and cooperation, as news reports phrase them."""

from __future__ import annotations

import pytest

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


def test_both_sides_of_a_two_state_story_are_its_two_states() -> None:
    text = (
        "Kyrgyz and Tajik border guards exchanged fire on Monday. Kyrgyzstan accused"
        " Tajikistan of seizing a road, and Tajikistan accused Kyrgyzstan of moving troops."
        " Kyrgyzstan said Tajik forces had shelled two villages. Tajikistan said Kyrgyz"
        " forces opened fire first. Kazakhstan and Uzbekistan offered to host talks. CSTO Secretary-General Imangali Tasmagambetov has called on both sides"
        " to show maximum restraint."
    )
    asks = [e for e in of_type(text, "REQUEST") if "Imangali Tasmagambetov" in names(e["actors"])]
    assert asks and names(asks[0]["recipients"]) == {"Kyrgyzstan", "Tajikistan"}, events(text)


def test_the_resolver_reads_both_sides_as_the_story_pair_not_the_last_pair_named() -> None:
    from extraction.entities import resolve_entities
    from extraction.events_args import ArgumentResolver
    from extraction.nlp import get_nlp, parse

    text = (
        "Kyrgyz and Tajik border guards exchanged fire on Monday. Kyrgyzstan accused"
        " Tajikistan of seizing a road, and Tajikistan accused Kyrgyzstan of moving troops."
        " Tajikistan said Kyrgyz forces opened fire first. Kazakhstan and Uzbekistan offered"
        " to host talks. The CSTO has called on both sides to show maximum restraint."
    )
    doc = parse(get_nlp(), text)
    res = ArgumentResolver(doc, resolve_entities(doc))
    sides = next(t for t in doc if t.lower_ == "sides")
    assert {e.name for e in res.resolve(sides)} == {"Kyrgyzstan", "Tajikistan"}


def test_a_state_that_will_not_lift_its_surcharge_refuses_through_its_speaker() -> None:
    text = (
        "Ecuador imposed a 30 percent surcharge on Colombian imports in March. Foreign"
        " Minister Gabriela Sommerfeld said Quito would not lift the surcharge until Colombian"
        " troops returned to the border."
    )
    refusals = of_type(text, "REJECT")
    assert refusals and names(refusals[0]["actors"]) == {"Gabriela Sommerfeld"}, events(text)


def test_a_ship_not_allowed_to_call_is_a_refusal_a_ship_allowed_in_is_access() -> None:
    refused = of_type(
        "Sri Lanka said on Wednesday that it would not allow the Chinese research ship to"
        " call at Colombo.",
        "REJECT",
    )
    assert refused and names(refused[0]["actors"]) == {"Sri Lanka"}, refused
    allowed = of_type("Iran allowed the vessel to dock at Bandar Abbas on Monday.", "RETREAT")
    assert allowed and allowed[0]["mode"] == "access", allowed


def test_a_town_crossing_closed_is_closed_to_the_state_across_it() -> None:
    text = (
        "Bolivia accused Chile of detaining three Bolivian soldiers in the town of Colchane."
        " Chile closed the Colchane crossing to cargo traffic on Thursday."
    )
    closed = of_type(text, "SANCTION")
    assert closed and names(closed[0]["recipients"]) == {"Bolivia"}, events(text)


def test_a_state_releasing_people_its_police_took_gives_them_back_to_their_people() -> None:
    text = (
        "Tanzanian police arrested 17 Malawian fishermen on Lake Malawi on Sunday. Malawi"
        " summoned Tanzania's high commissioner on Tuesday. Tanzania released the six youngest"
        " fishermen on Thursday."
    )
    freed = [e for e in of_type(text, "RETREAT") if names(e["actors"]) == {"Tanzania"}]
    assert freed and names(freed[0]["recipients"]) == {"Malawians"}, events(text)


def test_some_of_a_crowd_arrested_after_its_protest_stand_for_the_protesting_group() -> None:
    text = (
        "Members of the Negombo Boat Owners' Association demonstrated outside the Maldivian"
        " High Commission in Colombo on Monday, and Sri Lankan police detained three of them."
    )
    held = of_type(text, "COERCE")
    assert held and names(held[0]["recipients"]) == {"Negombo Boat Owners' Association"}, events(
        text
    )


def test_a_rally_at_a_town_port_is_held_there_not_against_the_town() -> None:
    text = (
        "Malaysia detained eleven Indonesian fishermen. On Wednesday several hundred members"
        " of the All-Indonesia Fishermen's Association rallied at the port of Nunukan to demand"
        " that Malaysia free their colleagues."
    )
    rally = of_type(text, "PROTEST")
    assert rally and names(rally[0]["recipients"]) == {"Malaysia"}, events(text)


def test_a_demand_for_release_goes_to_the_state_holding_them_not_to_an_expulsion() -> None:
    text = (
        "A Chilean Army patrol detained three Bolivian soldiers near the border on Sunday."
        " Chile said the soldiers had crossed into its territory. Bolivia denied it. The"
        " Bolivian army said the men were on a routine patrol. Residents said the area was"
        " calm. The detentions came a day after Carabineros expelled 140 migrants across"
        " the border into Bolivia. Bolivia's foreign ministry demanded the soldiers' immediate"
        " release on Monday."
    )
    asks = of_type(text, "REQUEST")
    assert asks and names(asks[0]["recipients"]) == {"Chile"}, events(text)


def test_suspending_ones_own_fee_or_expulsions_is_a_concession() -> None:
    text = (
        "Libya's Government of National Unity suspended the transit fee on Tunisian vehicles"
        " on Monday. Chile will suspend expulsions through Colchane while the commission works."
    )
    found = of_type(text, "CONCEDE")
    assert len(found) == 2, events(text)


def test_an_unnamed_official_summoning_an_envoy_summons_for_the_host_state() -> None:
    text = (
        "The Maldives National Defence Force detained 22 Sri Lankan fishermen on Sunday. Sri"
        " Lanka has protested. Yesterday, the Foreign Secretary summoned the High Commissioner"
        " of the Maldives in Colombo to convey the Government's serious concern."
    )
    summons = [e for e in of_type(text, "ACCUSE") if e["trigger"]["lemma"] == "summon"]
    assert summons and names(summons[0]["actors"]) == {"Sri Lanka"}, events(text)
    assert names(summons[0]["recipients"]) == {"Maldives"}, events(text)


def test_a_named_speaker_saying_a_penalty_will_follow_on_a_condition_threatens() -> None:
    text = (
        "The European Union said it would review its budget support to Madagascar if those"
        " responsible for the deaths were not held to account."
    )
    threats = of_type(text, "THREATEN")
    assert threats and names(threats[0]["actors"]) == {"European Union"}, events(text)
    assert names(threats[0]["recipients"]) == {"Madagascar"}, events(text)


def test_unnamed_sources_reporting_a_conditional_penalty_report_no_threat() -> None:
    text = (
        "China signed a policing deal with Solomon Islands. Diplomats in Canberra say"
        " Australia could suspend part of its budget support to Honiara if Chinese officers"
        " take on frontline policing roles."
    )
    assert not of_type(text, "THREATEN"), events(text)
    assert of_type(text, "SANCTION"), events(text)


def test_a_conditional_offer_is_no_threat() -> None:
    text = "Paraguayan President Santiago Peña said Paraguay would attend the summit if invited."
    assert not of_type(text, "THREATEN"), events(text)


def test_a_body_named_possessively_in_the_speakers_title_is_the_speakers_to_voice() -> None:
    text = (
        "Iraq seized a Kuwaiti dredger. The Gulf Cooperation Council's Secretary-General Jasem"
        " Mohamed Albudaiwi said the bloc stood in full solidarity with Kuwait."
    )
    support = of_type(text, "SUPPORT")
    assert support and names(support[0]["actors"]) == {"Jasem Mohamed Albudaiwi"}, events(text)


def test_diplomatic_ties_restored_jointly_or_a_mission_reopened_are_support() -> None:
    text = (
        "Iran and Azerbaijan are neighbours. Azerbaijan reopened its embassy in Tehran in July"
        " 2024. Chad and Sudan restored diplomatic relations in 2010."
    )
    support = of_type(text, "SUPPORT")
    parties = [(names(e["actors"]), names(e["recipients"])) for e in support]
    assert ({"Azerbaijan"}, {"Iran"}) in parties, events(text)
    assert ({"Chad", "Sudan"}, set()) in parties, events(text)


def test_switching_recognition_supports_the_state_now_recognised() -> None:
    text = "China and Taiwan compete for allies. Solomon Islands switched recognition to China."
    support = of_type(text, "SUPPORT")
    assert support and names(support[0]["recipients"]) == {"China"}, events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Brazil and China expanded their currency swap arrangement last month.",
        "The Vietnam Coast Guard and the Philippine Coast Guard will hold the second joint"
        " search and rescue exercise off Manila in September.",
    ],
)
def test_joint_exercises_and_swap_lines_are_cooperation_of_both(text: str) -> None:
    coop = of_type(text, "COOPERATE")
    assert coop and len(coop[0]["actors"]) == 2, events(text)


def test_partnerships_that_merely_hold_are_no_cooperation() -> None:
    text = "Japan and Australia said their partnerships held firm."
    assert not of_type(text, "COOPERATE"), events(text)


def test_a_demand_made_at_a_summons_goes_to_the_summoned_envoys_state() -> None:
    text = (
        "Malawi thanked Mozambique for its help. Malawi praised Mozambique again on Monday."
        " Malawi accused Mozambique of delays. Malawi's foreign ministry summoned"
        " Tanzania's high commissioner on Tuesday and asked for the fishermen to be freed"
        " without further delay."
    )
    asks = of_type(text, "REQUEST")
    assert asks and names(asks[0]["recipients"]) == {"Tanzania"}, events(text)


def test_a_release_demanded_of_a_captor_body_of_no_stated_country_goes_to_its_state() -> None:
    text = (
        "Estonia and Russia have argued over the Narva river for years. Officers of the FSB"
        " detained an Estonian border guard on Friday. Russia said he had crossed the border."
        " Estonia denied it. Estonian Foreign Minister Margus Tsahkna demanded the man's"
        " immediate release."
    )
    asks = of_type(text, "REQUEST")
    assert asks and names(asks[0]["recipients"]) == {"Russia"}, events(text)


def test_a_state_recalling_its_own_envoy_recalls_from_the_other_state_of_the_story() -> None:
    text = (
        "Malaysia detained eleven Indonesian fishermen off Ambalat. Malaysia said the boat was"
        " fishing illegally, and Malaysian officials said the crew would face the courts."
        " Indonesia thanked and praised Japan for its help. Indonesia has not recalled its"
        " ambassador, and there is no plan to do so."
    )
    recall = of_type(text, "SANCTION")
    assert recall and names(recall[0]["recipients"]) == {"Malaysia"}, events(text)
    assert recall[0]["negated"], recall


def test_we_in_a_transcript_answer_is_the_speaker_its_label_names() -> None:
    text = (
        "Japan held drills near the islands on Monday.\n\n"
        "Chinese foreign ministry spokesperson Mao Ning held the regular briefing on Tuesday."
        "\n\nMAO NING: We strongly condemn the drills by Japan."
    )
    condemned = of_type(text, "ACCUSE")
    assert condemned and names(condemned[0]["actors"]) == {"Mao Ning"}, events(text)


def test_an_act_said_to_be_unlawful_is_an_accusation_by_whoever_says_so() -> None:
    text = (
        "Tanzanian police detained 17 Malawian fishermen on Monday. Tanzania's foreign ministry"
        " said the fishermen had entered Tanzanian waters without licences."
    )
    accused = of_type(text, "ACCUSE")
    assert accused and names(accused[0]["recipients"]) == {"Malawians"}, events(text)
    assert names(accused[0]["actors"]) == {"Tanzania"}, events(text)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "The European Commission said on 17 June that it would provide 8 million euros"
            " from its aid programme for the Turkish Cypriot community.",
            "economic",
        ),
        (
            "The International Organization for Migration gave hot meals and medical care to"
            " about 4,000 Haitian returnees at the border.",
            "humanitarian",
        ),
    ],
)
def test_money_provided_and_relief_given_are_aid(text: str, mode: str) -> None:
    aid = of_type(text, "AID")
    assert aid and aid[0]["mode"] == mode, events(text)


def test_a_crossing_reopened_is_a_concession_to_the_state_across_it() -> None:
    text = (
        "Iran closed the Mirjaveh-Taftan crossing to Pakistan in May. Pakistan protested."
        " Under Thursday's agreement, Iran will reopen the Mirjaveh-Taftan crossing on"
        " Saturday, Dar said."
    )
    conceded = of_type(text, "CONCEDE")
    assert conceded and names(conceded[0]["recipients"]) == {"Pakistan"}, events(text)
