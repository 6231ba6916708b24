"""Parties of calls and meetings as wire copy and ministry releases phrase them."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events, names


def of_type(text: str, etype: str) -> list[dict]:
    return [e for e in events(text) if e["type"] == etype]


def test_a_call_with_an_office_then_its_holder_is_a_call_with_the_holder() -> None:
    # the parser hangs the name set off after "the Foreign Minister of Chile" on the verb
    text = (
        "Peru's Foreign Minister Hugo de Zela spoke by telephone with the Foreign Minister"
        " of Chile, Dr. Alberto van Klaveren, on Monday evening."
    )
    call = of_type(text, "CONSULT")
    assert call and names(call[0]["recipients"]) == {"Alberto van Klaveren"}, events(text)
    assert names(call[0]["actors"]) == {"Hugo de Zela"}, events(text)


def test_by_telephone_read_as_an_agent_still_marks_a_call() -> None:
    # "by" parsed as a passive agent: the call is still one, from the subject
    text = (
        "The Honourable Minister, Mr. Hugo de Zela, spoke by telephone with the Foreign"
        " Minister of Chile, Dr. Alberto van Klaveren, on Monday evening."
    )
    call = of_type(text, "CONSULT")
    assert call and call[0]["mode"] == "phone", events(text)
    assert names(call[0]["actors"]) == {"Hugo de Zela"}, events(text)


def test_him_as_an_object_is_the_other_person_of_the_sentence_before() -> None:
    text = (
        "Peru's Foreign Minister Hugo de Zela spoke with Chilean Foreign Minister Alberto"
        " van Klaveren on Monday. Van Klaveren assured him that the detained crew members"
        " were being treated humanely."
    )
    pledge = of_type(text, "AGREE")
    assert pledge and names(pledge[0]["recipients"]) == {"Hugo de Zela"}, events(text)


def test_a_ship_named_after_its_class_word_is_a_deployment() -> None:
    text = "France has sent the frigate Vendémiaire from Nouméa to the waters around the islets."
    moves = of_type(text, "MOBILIZE")
    assert moves and names(moves[0]["actors"]) == {"France"}, events(text)


def test_a_state_department_voices_its_own_state_stance() -> None:
    text = "The U.S. State Department said Washington supported Djibouti's sovereignty."
    backing = of_type(text, "SUPPORT")
    assert backing and names(backing[0]["actors"]) == {"U.S. State Department"}, events(text)
    assert names(backing[0]["recipients"]) == {"Djibouti"}, events(text)


def test_a_foreign_body_saying_a_state_acts_does_not_take_its_stance() -> None:
    # a guard: only the state's own body voices the state
    text = "The U.S. State Department said Russia supported the separatists in Donbas."
    backing = of_type(text, "SUPPORT")
    assert all(names(e["actors"]) != {"U.S. State Department"} for e in backing), events(text)


def test_a_meeting_or_visit_postponed_is_a_sanction() -> None:
    text = "Georgia's parliament postponed on Tuesday a delegation visit to Baku."
    moves = of_type(text, "SANCTION")
    assert moves and moves[0]["mode"] == "cancel", events(text)


def test_meetings_of_a_joint_body_suspended_are_a_sanction() -> None:
    text = (
        "Security Secretary Omar García Harfuch said Mexico was suspending the meetings of"
        " the bilateral security implementation group."
    )
    assert of_type(text, "SANCTION"), events(text)


def test_a_state_body_with_no_counterpart_of_its_own_takes_its_state() -> None:
    # the ministry never meets Japan in the text; its state does
    text = (
        "South Korea protested to Japan on Tuesday. South Korea accused Japan of violating"
        " its waters. Japan rejected the protest. South Korea's Ministry of Oceans and"
        " Fisheries postponed a meeting of the bilateral fisheries committee."
    )
    moves = of_type(text, "SANCTION")
    assert moves and names(moves[0]["recipients"]) == {"Japan"}, events(text)


def test_readiness_to_set_up_an_investigation_is_an_offer() -> None:
    text = (
        "Nigeria and Niger traded accusations. But Nigerian Foreign Minister Yusuf Tuggar"
        " said Nigeria was ready to set up a joint investigation with Niger."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["recipients"]) == {"Niger"}, events(text)


def test_a_spokesman_saying_his_state_is_ready_makes_the_offer() -> None:
    # the office-holder's state is known from the office, not stated in the text
    text = 'Kremlin spokesman Dmitry Peskov said Moscow was ready to receive "every compatriot".'
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["actors"]) == {"Dmitry Peskov"}, events(text)


def test_said_coordinated_with_another_verb_has_that_verb_subject() -> None:
    text = (
        "US Secretary of State Marco Rubio praised Malaysia for brokering the agreement and"
        " said the United States stood ready to support the observer mission."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["actors"]) == {"Marco Rubio"}, events(text)


def test_the_body_a_spokesman_is_named_by_is_the_one_they_voice() -> None:
    text = (
        "The Arakan Army clashed with Bangladeshi guards. The AA's spokesman, Khine Thu Kha,"
        " denied firing into Bangladesh and said the group was ready to hold talks with Dhaka."
    )
    offer = of_type(text, "AGREE")
    assert offer and names(offer[0]["actors"]) == {"Khine Thu Kha"}, events(text)


def test_a_closure_ordered_is_the_orderer_sanction_not_a_request() -> None:
    text = (
        "Interior Minister Rihards Kozlovskis ordered the State Border Guard to close the"
        " Terehova crossing to passenger cars from Monday."
    )
    evs = events(text)
    closure = of_type(text, "SANCTION")
    assert closure and names(closure[0]["actors"]) == {"Rihards Kozlovskis"}, evs
    assert not of_type(text, "REQUEST"), evs


def test_citizens_ordered_to_leave_are_expelled_not_asked() -> None:
    text = (
        "The Office of Citizenship and Migration Affairs has ordered about 1,150 Russian"
        " citizens to leave the country by 31 December."
    )
    evs = events(text)
    expulsion = of_type(text, "COERCE")
    assert expulsion and expulsion[0]["mode"] == "deport", evs
    assert not of_type(text, "REQUEST"), evs


def test_a_directed_act_with_no_counterpart_goes_to_the_other_state_of_the_story() -> None:
    # the union shares no event with anyone; the story is between Malawi and Tanzania
    text = (
        "Tanzania detained 17 Malawian fishermen on Lake Malawi on Monday. Malawi's foreign"
        " ministry summoned Tanzania's high commissioner in Lilongwe. Tanzanian officials"
        " said the Malawian boats were in Tanzanian waters. Malawi said the lake was"
        " Malawian. In Karonga, members of the Malawi Fishers' Association marched to the"
        " district office in protest on Wednesday."
    )
    protest = of_type(text, "PROTEST")
    assert protest and names(protest[0]["recipients"]) == {"Tanzania"}, events(text)


def test_an_act_labelled_goes_to_whom_the_passage_attributed_it() -> None:
    text = (
        "A Japanese government survey ship entered waters near Dokdo on Tuesday. Korean"
        " coast guard vessels shadowed it for hours, and Seoul protested to Japan. Ministry"
        " spokesperson Kim Hye-jin"
        ' called the survey "a clear provocation against our sovereignty".'
    )
    label = [e for e in of_type(text, "ACCUSE") if names(e["actors"]) == {"Kim Hye-jin"}]
    assert label and names(label[0]["recipients"]) == {"Japan"}, events(text)


@pytest.mark.parametrize(
    "text",
    [
        "South Korea and Japan held talks in Seoul, in which Tokyo agreed to call off the survey.",
        "Ecuador agreed to lift the surcharge on Colombian goods after talks with Colombia.",
        "Russia agreed to halt its strikes on Ukrainian energy sites.",
    ],
)
def test_agreeing_to_stop_one_own_act_is_a_concession(text: str) -> None:
    assert of_type(text, "CONCEDE") and not of_type(text, "AGREE"), events(text)


def test_two_parties_agreeing_to_reopen_a_crossing_make_a_deal() -> None:
    text = "Niger and Nigeria agreed to reopen the Illela crossing on Tuesday."
    assert of_type(text, "AGREE") and not of_type(text, "CONCEDE"), events(text)


def test_a_protest_a_march_is_in_takes_the_march_target() -> None:
    text = (
        "The United States struck a cartel camp in Sinaloa. Several hundred people marched to"
        " the U.S. Embassy in Mexico City on Wednesday in a protest called by the National"
        " Sovereignty Front."
    )
    protest = of_type(text, "PROTEST")
    assert protest and names(protest[0]["recipients"]) == {"United States"}, events(text)


def test_a_crowd_gathered_at_a_party_call_is_a_protest() -> None:
    text = (
        "Israel intercepted the flotilla on Sunday. Thousands of citizens gathered on Monday"
        " evening in front of the Consulate General of Israel in Istanbul at the call of IHH"
        " and shouted slogans against Israel."
    )
    protest = of_type(text, "PROTEST")
    assert protest and names(protest[0]["actors"]) == {"IHH"}, events(text)


def test_a_crowd_gathered_at_no_one_call_is_no_protest() -> None:
    text = "Thousands of fans gathered on Monday evening in front of the stadium in Istanbul."
    assert not of_type(text, "PROTEST"), events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The IOM gave hot meals and medical care to about 4,000 returnees at the border posts.",
        "The International Organization for Migration said it was providing food and shelter"
        " to 96 of the expelled migrants.",
    ],
)
def test_aid_given_to_people_counted_not_named_is_aid(text: str) -> None:
    aid = of_type(text, "AID")
    assert aid and aid[0]["mode"] == "humanitarian", events(text)


def test_withdrawing_from_a_joint_force_or_dialogue_is_a_sanction() -> None:
    text = "Mali completed its withdrawal from the ECOWAS Standby Force on Sunday."
    evs = events(text)
    assert of_type(text, "SANCTION") and not of_type(text, "RETREAT"), evs


def test_withdrawing_troops_from_a_border_stays_a_retreat() -> None:
    text = "Russia withdrew its troops from the border."
    assert of_type(text, "RETREAT") and not of_type(text, "SANCTION"), events(text)


@pytest.mark.parametrize(
    "text",
    [
        "Juba said on Thursday it had freed 11 Misseriya herders, calling the move a goodwill"
        " gesture.",
        "Hegseth announced the strike on social media, calling it the first of many.",
    ],
)
def test_a_label_on_one_own_act_is_no_accusation(text: str) -> None:
    assert not of_type(text, "ACCUSE"), events(text)


def test_a_label_on_a_condemned_act_is_still_an_accusation() -> None:
    text = "China condemned the transit by the US destroyer, calling it a deliberate provocation."
    assert of_type(text, "ACCUSE"), events(text)


def test_the_government_of_a_leader_acts_for_the_leader_state() -> None:
    text = (
        "Niger closed the border with Nigeria on Tuesday. In a statement read on national"
        " television, the government of General Abdourahamane Tiani blamed the Lakurawa"
        " group for the attack."
    )
    blame = of_type(text, "ACCUSE")
    assert blame and names(blame[0]["actors"]) == {"Niger"}, events(text)


def test_his_ministry_acts_for_the_minister_state() -> None:
    text = (
        "North Macedonia's foreign minister Timčo Mucunski called the veto shameful. His"
        " ministry summoned Bulgaria's charge d'affaires on Wednesday."
    )
    summons = [e for e in of_type(text, "ACCUSE") if e["trigger"]["lemma"] == "summon"]
    assert summons and names(summons[0]["actors"]) == {"North Macedonia"}, events(text)


def test_people_a_participle_says_were_detained_are_not_the_detainers() -> None:
    text = (
        "Polish police released the three Border Defence Movement members detained in"
        " Slubice this afternoon."
    )
    evs = events(text)
    assert all(
        names(e["actors"]) != {"Border Defence Movement"} for e in of_type(text, "COERCE")
    ), evs


def test_someone_who_remained_in_detention_is_not_the_detainer() -> None:
    text = (
        "The SPLM-IO said it would not take part in any talks while Riek Machar remained in"
        " detention."
    )
    evs = events(text)
    assert all(names(e["actors"]) != {"Riek Machar"} for e in of_type(text, "COERCE")), evs


def test_a_boat_acts_for_its_operator_not_its_nation_people() -> None:
    text = (
        "Tanzania says its waters reach the Malawian shore, and the Tanzania Police Force"
        " patrols them. A Tanzanian police patrol boat detained 17 Malawian fishermen on"
        " Monday."
    )
    arrest = of_type(text, "COERCE")
    assert arrest and names(arrest[0]["actors"]) == {"Tanzania Police Force"}, events(text)


def test_an_international_official_voices_the_bloc_stance() -> None:
    text = (
        "CARICOM Secretary-General Carla Barnett said the Caribbean Community stood in full"
        " solidarity with Belize."
    )
    backing = of_type(text, "SUPPORT")
    assert backing and names(backing[0]["actors"]) == {"Carla Barnett"}, events(text)


def test_standing_shoulder_to_shoulder_with_a_state_is_support() -> None:
    text = (
        'NATO Secretary General Mark Rutte said the alliance stood "shoulder to shoulder'
        ' with Estonia".'
    )
    backing = of_type(text, "SUPPORT")
    assert backing and names(backing[0]["recipients"]) == {"Estonia"}, events(text)


def test_respecting_a_state_sovereignty_is_support() -> None:
    text = (
        "China's embassy in Port Vila said Beijing respects Vanuatu's sovereignty and"
        " territorial integrity."
    )
    backing = of_type(text, "SUPPORT")
    assert backing and names(backing[0]["recipients"]) == {"Vanuatu"}, events(text)


def test_a_state_moving_closer_to_another_backs_it_but_troops_advancing_do_not() -> None:
    closer = "Egypt, which has its own dispute with Ethiopia, has moved closer to Eritrea."
    backing = of_type(closer, "SUPPORT")
    assert backing and names(backing[0]["recipients"]) == {"Eritrea"}, events(closer)
    advance = "Russian troops moved closer to Kyiv."
    assert not of_type(advance, "SUPPORT"), events(advance)


def test_an_extradition_goes_to_the_state_that_wants_the_person() -> None:
    text = (
        "Ecuador also extradited a senior Los Lobos commander wanted in the United States"
        " on drug trafficking charges on Friday."
    )
    handover = of_type(text, "COOPERATE")
    assert handover and names(handover[0]["recipients"]) == {"United States"}, events(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ethiopia accused Eritrea of massing troops. Eritrea accused Ethiopia of plotting"
            " an invasion. In the same post, Eritrean Information Minister Yemane Gebremeskel"
            " said Eritrea's sovereignty over Assab is not negotiable, today or tomorrow.",
            "Yemane Gebremeskel",
        ),
        (
            "Japan protested to Russia over the drills. Russia rejected the protest. Russian"
            " Foreign Ministry spokeswoman Maria Zakharova replied on Sunday that Russia's"
            ' sovereignty over the southern Kurils was "not subject to discussion".',
            "Maria Zakharova",
        ),
    ],
)
def test_a_claim_said_to_be_non_negotiable_is_the_speaker_refusal(text: str, speaker: str) -> None:
    refusals = [e for e in of_type(text, "REJECT") if names(e["actors"]) == {speaker}]
    assert refusals and not refusals[0]["negated"], events(text)


def test_opening_fire_on_a_post_is_an_assault_but_who_fired_first_is_a_blame() -> None:
    text = (
        "Djibouti and Eritrea dispute the hill. A Djiboutian soldier was killed when Eritrean"
        " troops opened fire on an army post, the army said."
    )
    assert of_type(text, "ASSAULT"), events(text)
    blame = (
        "Kyrgyzstan and Tajikistan dispute the border. Tajik officials said Kyrgyz"
        " servicemen had opened fire first."
    )
    assert not of_type(blame, "ASSAULT"), events(blame)
