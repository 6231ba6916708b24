"""Who acts when the parser hangs a verb on the wrong clause, and other structural
readings of a sentence."""

from __future__ import annotations

from tests.extraction.helpers import events, names


def of_type(text: str, etype: str) -> list[dict]:
    return [e for e in events(text) if e["type"] == etype]


def test_an_accusation_after_a_quoted_clause_is_the_writers() -> None:
    # "wrote that "<clause>" and accused X": the parser joins "accused" to the quoted
    # clause, whose subject (a soldier) did not accuse anyone
    text = (
        "Peru's Defence Minister Walter Astudillo wrote on X on Friday that \"no Peruvian"
        ' soldier has crossed any border" and accused Ecuador of "inventing a crisis".'
    )
    accusations = of_type(text, "ACCUSE")
    assert accusations, events(text)
    assert names(accusations[0]["actors"]) == {"Walter Astudillo"}, events(text)
    assert names(accusations[0]["recipients"]) == {"Ecuador"}, events(text)


def test_an_accusation_joined_to_a_participle_report_is_the_subjects() -> None:
    # "X rejected the call, saying <clause> and accused Y": "saying" has no subject of its
    # own; the speaker is the subject of the verb it hangs on, not the clause's "sovereignty"
    text = (
        "Moroccan foreign ministry spokesman Karim Alaoui rejected the call on Tuesday"
        " evening, saying Morocco's sovereignty over the territory was \"not a subject for"
        ' negotiation or arbitration", and accused Algeria of "repeating baseless claims".'
    )
    accusations = of_type(text, "ACCUSE")
    assert accusations, events(text)
    assert names(accusations[0]["actors"]) == {"Karim Alaoui"}, events(text)
    assert names(accusations[0]["recipients"]) == {"Algeria"}, events(text)


def test_force_on_a_crowd_is_aimed_at_the_party_that_just_fought_it() -> None:
    # no protest event names the crowd's party, but the clash before does
    text = (
        "Thousands of Awami Front supporters clashed with the Sindh Police in Karachi on"
        " Friday as the party's convoys tried to break through barricades. Police fired"
        " tear gas and rubber bullets at marchers near the toll plaza, witnesses said."
    )
    fired = [e for e in of_type(text, "ASSAULT") if e["trigger"]["text"] == "fired"]
    assert fired, events(text)
    assert names(fired[0]["recipients"]) == {"Awami Front"}, events(text)


def test_unnamed_police_are_the_police_force_that_reports_their_act() -> None:
    # two police forces named: the one that reports the arrests made them
    text = (
        "The Australian Federal Police sent 40 officers to Honiara on Monday to train recruits."
        " Police arrested 23 people after the riot, the Royal Solomon Islands Police Force"
        " said."
    )
    arrests = of_type(text, "COERCE")
    assert arrests, events(text)
    assert names(arrests[0]["actors"]) == {"Royal Solomon Islands Police Force"}, events(text)


def test_unnamed_police_are_the_national_force_among_several() -> None:
    text = (
        "The Zambia Police Service banned the march on Friday. Officers of the Lusaka"
        " Police Division patrolled the city centre. In Zambia, police arrested opposition"
        " leader Peter Mwale at his home on Saturday."
    )
    arrests = [e for e in of_type(text, "COERCE") if e["trigger"]["text"] == "arrested"]
    assert arrests, events(text)
    assert names(arrests[0]["actors"]) == {"Zambia Police Service"}, events(text)


def test_elements_of_a_force_are_that_force() -> None:
    text = (
        'President Irfaan Ali, in a national broadcast on Monday night, blamed "elements of'
        ' the Venezuelan military" for the attack.'
    )
    blame = of_type(text, "ACCUSE")
    assert blame and names(blame[0]["recipients"]) == {"Venezuelan military"}, events(text)


def test_an_object_placed_after_its_label_is_still_the_object() -> None:
    # "rejected as 'null and void' a Greek plan": parsed as the object of "as"
    text = (
        "Algeria closed its airspace on Monday. The Moroccan foreign ministry rejected as"
        ' "null and void" an Algerian border plan that created two new military zones.'
    )
    rejections = of_type(text, "REJECT")
    assert rejections, events(text)
    assert names(rejections[0]["recipients"]) == {"Algeria"}, events(text)


STORY_PY = (
    "Paraguay and Brazil resumed talks on the Itaipu treaty on Monday. Brazilian President"
    " Luiz Inacio Lula da Silva spoke with Paraguayan President Santiago Pena by phone, and"
    " Lula invited Pena to Brasilia. "
)


def test_a_story_supplied_target_is_the_state_of_the_official() -> None:
    # the freeze names no target; the story's counterpart is a person, whose state it is
    text = STORY_PY + (
        "Pena froze the talks in April 2025 after reports that Brazil's intelligence agency"
        " had hacked the computers of Paraguayan negotiators."
    )
    froze = [e for e in of_type(text, "SANCTION") if e["trigger"]["text"] == "froze"]
    assert froze, events(text)
    assert names(froze[0]["recipients"]) == {"Brazil"}, events(text)


def test_a_target_called_by_title_stays_the_person() -> None:
    text = STORY_PY + 'Pena accused the President of "bad faith" on Tuesday.'
    accusations = [e for e in of_type(text, "ACCUSE") if "Santiago Pena" in names(e["actors"])]
    assert accusations, events(text)
    assert "Brazil" not in names(accusations[0]["recipients"]), events(text)


def test_his_after_a_conjoined_noun_is_that_nouns_not_a_named_man() -> None:
    # "an Armenian lorry driver and his assistant": the driver's assistant, not the
    # official named in the sentence before
    text = (
        "Armenian Deputy Foreign Minister Ruben Rubinyan spoke to reporters in Yerevan."
        " On Saturday, a patrol of the Turkish Gendarmerie detained an Armenian lorry driver"
        " and his assistant at the Alican checkpoint."
    )
    detained = [e for e in of_type(text, "COERCE") if e["trigger"]["text"] == "detained"]
    assert detained, events(text)
    assert "Ruben Rubinyan" not in names(detained[0]["recipients"]), events(text)


def test_his_in_the_place_of_an_arrest_is_the_arrested_mans() -> None:
    text = (
        "President Emmerson Mnangagwa spoke in Harare on Monday. In June 2024, the Zimbabwe"
        " Republic Police arrested opposition politician Jameson Timba and 78 activists at a"
        " gathering at his home."
    )
    arrests = [e for e in of_type(text, "COERCE") if e["trigger"]["text"] == "arrested"]
    assert arrests, events(text)
    assert "Emmerson Mnangagwa" not in names(arrests[0]["recipients"]), events(text)


def test_a_party_in_a_persons_title_is_no_second_target() -> None:
    text = (
        "The Tanzania Police Force detained Chadema vice-chairman John Heche at his home in"
        " Tarime before dawn on Saturday, the party said."
    )
    detained = of_type(text, "COERCE")
    assert detained, events(text)
    assert names(detained[0]["recipients"]) == {"John Heche"}, events(text)


def test_a_border_closure_falls_on_the_neighbour_across_it() -> None:
    # Argentina is no side of the story; of its two neighbours named, Bolivia is the
    # one the article is most about
    text = (
        "Bolivia and Chile traded accusations on Tuesday after Chilean police detained three"
        " Bolivian soldiers. Bolivia summoned Chile's ambassador, and Bolivian truckers"
        " blocked roads near Oruro. Argentina closed its La Quiaca border crossing to trucks"
        " on Wednesday as a precaution."
    )
    closures = of_type(text, "SANCTION")
    assert closures, events(text)
    assert names(closures[0]["recipients"]) == {"Bolivia"}, events(text)


def test_a_state_protest_lodged_with_a_state_is_aimed_at_it() -> None:
    # the recipient is read from "to", not left for the story to fill (here the story
    # would give the outsider who spoke after)
    text = (
        "Japan protested to South Korea. Asked about the standoff, a U.S. State Department"
        " spokesperson urged its two allies to resolve their differences through dialogue."
    )
    protests = of_type(text, "ACCUSE")
    assert protests and names(protests[0]["recipients"]) == {"South Korea"}, events(text)


def test_its_two_allies_are_the_pair_named_before() -> None:
    text = (
        "Japan and South Korea traded protests on Monday over a survey ship near Dokdo."
        " Asked about the standoff, a U.S. State Department spokesperson urged its two"
        " allies to resolve their differences through dialogue."
    )
    urged = of_type(text, "REQUEST")
    assert urged and names(urged[0]["recipients"]) == {"Japan", "South Korea"}, events(text)


def test_a_treaty_signed_with_a_state_has_both_signatories_as_actors() -> None:
    text = (
        "Guatemala has claimed half of Belize's territory since the 19th century, arguing"
        " that the boundary treaty it signed with Britain in 1859 is void."
    )
    signed = [e for e in of_type(text, "AGREE") if e["trigger"]["text"] == "signed"]
    assert signed, events(text)
    assert names(signed[0]["actors"]) == {"Guatemala", "United Kingdom"}, events(text)
    assert signed[0]["recipients"] == [], events(text)


def test_two_ministers_meeting_in_a_third_country_are_nobodys_guests() -> None:
    text = (
        "Bulgarian Foreign Minister Georg Georgiev accused North Macedonia of stalling on"
        " Monday, and Bulgaria blocked the talks again. Bulgaria's veto angered Skopje."
        " Georgiev and Timco Mucunski are expected to meet on the margins of the UN General"
        " Assembly in New York next week, diplomats said."
    )
    meetings = [e for e in of_type(text, "CONSULT") if e["trigger"]["text"] == "meet"]
    assert meetings, events(text)
    assert meetings[0]["recipients"] == [], events(text)


def test_delegations_meeting_abroad_have_no_host() -> None:
    text = (
        "Kenya has tried to mediate between Mogadishu and Jubaland. President William Ruto"
        " of Kenya spoke to both sides, and Kenya offered talks. Delegations led by Somalia's"
        " Interior Minister Ali Yusuf Hosh and Jubaland's Vice President Mohamud Sayid Aden"
        " are expected to meet in Nairobi on Monday."
    )
    meetings = [e for e in of_type(text, "CONSULT") if e["trigger"]["text"] == "meet"]
    assert meetings, events(text)
    assert meetings[0]["recipients"] == [], events(text)


def test_vice_president_is_a_title_not_a_place() -> None:
    # "Vice" is also a town in Peru: the title's first word names no country
    from tests.extraction.helpers import result

    text = "Vice President Mohamud Sayid Aden arrived in Kismayo on Monday."
    people = [e for e in result(text)["entities"] if e["name"] == "Mohamud Sayid Aden"]
    assert people and people[0].get("country_code") != "PE", result(text)["entities"]


def test_hosting_an_office_or_refugees_is_no_meeting() -> None:
    text = (
        "Qatar, which hosts the Taliban's political office, has not followed suit. Northern"
        " Cote d'Ivoire now hosts more than 60,000 Burkinabe refugees."
    )
    assert not of_type(text, "CONSULT"), events(text)


def test_hosting_a_minister_is_a_visit_to_the_host() -> None:
    text = (
        "Uzbek Foreign Minister Bakhtiyor Saidov hosted Taliban Foreign Minister Amir Khan"
        " Muttaqi in Termez on Tuesday for talks on the canal."
    )
    visits = of_type(text, "CONSULT")
    assert visits and names(visits[0]["recipients"]) == {"Bakhtiyor Saidov"}, events(text)


def test_troops_arriving_are_no_visit() -> None:
    text = (
        "The first foreign soldiers of the new Gang Suppression Force arrived in Haiti's"
        " capital on Tuesday. Kenyan President William Ruto arrived in Port-au-Prince on"
        " Wednesday for talks."
    )
    visits = of_type(text, "CONSULT")
    assert [names(v["actors"]) for v in visits] == [{"William Ruto"}], events(text)


def test_a_threat_goes_to_the_adversary_before_a_friendly_caller() -> None:
    text = (
        "Burundi closed its border with Rwanda on Monday and accused Rwanda of backing"
        " rebels. Rwanda denied the charge. Burundian President Evariste Ndayishimiye spoke"
        " by phone with Tanzanian President Samia Suluhu Hassan on Tuesday and met her in"
        " Dodoma. Speaking in Ngozi on Wednesday, Ndayishimiye warned that Burundi would"
        ' "defend itself by every means" if attacks from across the border continued.'
    )
    threats = [e for e in of_type(text, "THREATEN") if e["trigger"]["text"] == "warned"]
    assert threats, events(text)
    assert names(threats[0]["recipients"]) == {"Rwanda"}, events(text)


def test_a_story_counterpart_the_sentence_names_comes_first() -> None:
    # Orban's counterparts: the EU (a refusal) and Poland (an accusation each way); the
    # demand's sentence names the EU
    text = (
        "Hungarian Prime Minister Viktor Orban blocked the European Union's new sanctions"
        " package against Russia on Monday. Polish Foreign Minister Radoslaw Sikorski"
        " criticised Orban on Tuesday, and Orban accused Poland of hypocrisy. Orban has"
        " demanded that three businessmen be removed from the EU's list of sanctioned"
        " individuals before he considers the package."
    )
    demands = of_type(text, "REQUEST")
    assert demands, events(text)
    assert names(demands[0]["recipients"]) == {"European Union"}, events(text)


def test_police_releasing_named_reporters_is_a_release() -> None:
    # the objects are named people whose plural title ("photographers") says what they are
    text = (
        "Police detained three journalists at the protest on Monday. Istanbul police"
        " released photographers Murat Yildiz and Ece Tunali and reporter Hakan Bozkurt"
        " without charge on Tuesday."
    )
    releases = of_type(text, "RETREAT")
    assert releases, events(text)


def test_an_interim_government_acts_as_itself() -> None:
    from tests.extraction.helpers import entities

    text = (
        "Bangladesh will vote in February. The interim government banned all activities of"
        " the Awami League in May last year."
    )
    assert entities(text).get("interim government") == "ORG", entities(text)
    bans = of_type(text, "COERCE")
    assert bans and names(bans[0]["actors"]) == {"interim government"}, events(text)
