"""Rule tests for error classes seen on unseen news (own sentences, varied regions).

Each case is written for these rules, not copied from any evaluation text. Entities are
a stand-in built from the model's ``doc.ents`` (the entities stage is tested elsewhere).
"""

from __future__ import annotations

from typing import Any

import pytest

from extraction.events import extract_events
from extraction.types import Entity, EntityIndex, Mention, PartialDate
from tests.extraction.helpers import names

pytestmark = pytest.mark.slow
PUB = PartialDate(2026, 2, 10)  # a Tuesday
TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "LOC", "FAC": "LOC"}


@pytest.fixture(scope="session")
def nlp() -> Any:
    from extraction.nlp import get_nlp

    return get_nlp()


def run(nlp: Any, text: str, pub: PartialDate | None = PUB) -> list[dict[str, Any]]:
    doc = nlp(text)
    by_key: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        key = ent.text.split()[-1].lower()
        e = by_key.setdefault(
            key, Entity(f"e{len(by_key) + 1}", ent.text, TYPES[ent.label_], [ent.text])
        )
        e.mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return extract_events(doc, EntityIndex(list(by_key.values())), pub)


def of_type(evs: list[dict[str, Any]], etype: str) -> list[dict[str, Any]]:
    return [e for e in evs if e["type"] == etype]


# -- class 1: triggers of types the seeds lack ----------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "mode", "actors", "recipients"),
    [
        ("Azerbaijan moved additional troops to the border with Armenia.", "MOBILIZE", "troops",
         {"Azerbaijan"}, {"Armenia"}),
        ("Serbia placed its troops on high alert along the border with Kosovo.", "MOBILIZE",
         "troops", {"Serbia"}, None),
        ("Hamas declared a ceasefire with Israel on Sunday.", "RETREAT", "ceasefire",
         {"Hamas"}, {"Israel"}),
        ("Ethiopia pulled its troops out of Somalia.", "RETREAT", "withdraw", {"Ethiopia"}, None),
        ("Canada raised tariffs on Mexico last month.", "SANCTION", "discontinue", {"Canada"},
         {"Mexico"}),
        ("The African Union suspended Gabon from the bloc.", "SANCTION", "withdraw",
         {"The African Union"}, {"Gabon"}),
        ("Britain froze the assets of Belarus.", "SANCTION", "discontinue", {"Britain"}, None),
        ("Washington dropped Colombia from its sanctions list.", "CONCEDE", None, {"Washington"},
         {"Colombia"}),
        ("Mexico exempted Canada from the new tariffs.", "CONCEDE", None, {"Mexico"},
         {"Canada"}),
        ("Pakistan retaliated with artillery fire on India.", "ASSAULT", "heavy-weapons",
         {"Pakistan"}, None),
        ("Hezbollah fired rockets at northern Israel.", "ASSAULT", "heavy-weapons",
         {"Hezbollah"}, {"Israel"}),
        ("Narendra Modi spoke with Joe Biden on Tuesday.", "CONSULT", None,
         {"Narendra Modi", "Joe Biden"}, set()),
        ("Emmanuel Macron called Olaf Scholz on Tuesday to discuss the crisis.", "CONSULT",
         "phone", {"Emmanuel Macron"}, {"Olaf Scholz"}),
        # a pact signed "with" a party is joint, like one "A and B signed" (since the
        # ninth session of 2026-12-05; 33 of the 43 COOPERATE events of the read gold sets
        # have no recipient)
        ("Kenya signed a security pact with Somalia.", "COOPERATE", None,
         {"Kenya", "Somalia"}, set()),
        ("Brazil and Argentina signed a defence cooperation agreement.", "COOPERATE", None,
         {"Brazil", "Argentina"}, set()),
        ("Thailand and Malaysia began joint patrols along their border with Cambodia.",
         "COOPERATE", None, None, None),
    ],
)  # fmt: skip
def test_missed_trigger_types(
    nlp: Any,
    text: str,
    etype: str,
    mode: str | None,
    actors: set[str] | None,
    recipients: set[str] | None,
) -> None:
    evs = of_type(run(nlp, text), etype)
    assert evs, run(nlp, text)
    ev = evs[0]
    assert ev["mode"] == mode
    if actors is not None:
        assert names(ev["actors"]) == actors
    if recipients is not None:
        assert names(ev["recipients"]) == recipients


def test_signing_a_non_material_accord_is_agree_only(nlp: Any) -> None:
    # the gold sets code signing as AGREE; only military, security or economic pacts
    # add the cooperation they set up
    evs = run(nlp, "Chile signed the declaration on press freedom with Peru.")
    assert [e["type"] for e in evs] == ["AGREE"]


def test_test_launch_into_the_sea_is_mobilize(nlp: Any) -> None:
    evs = run(nlp, "North Korea launched two missiles into the sea.")
    assert [e["type"] for e in evs] == ["MOBILIZE"]


# -- class 2: actors ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "actors", "recipients"),
    [
        ("India and Pakistan traded fire. Indian missiles struck Pakistan on Wednesday.",
         "ASSAULT", {"India"}, {"Pakistan"}),
        ("Israel said Israeli warplanes struck Lebanon overnight.", "ASSAULT", {"Israel"},
         {"Lebanon"}),
        ("Egypt, Jordan and Qatar expressed solidarity with Lebanon.", "SUPPORT",
         {"Egypt", "Jordan", "Qatar"}, {"Lebanon"}),
    ],
)  # fmt: skip
def test_actor_choice(
    nlp: Any, text: str, etype: str, actors: set[str], recipients: set[str]
) -> None:
    # ("traded fire" is an ASSAULT by both sides of its own)
    found = [(names(e["actors"]), names(e["recipients"])) for e in of_type(run(nlp, text), etype)]
    assert (actors, recipients) in found


def test_joint_signing_is_one_agreement_and_the_cooperation_it_sets_up(nlp: Any) -> None:
    evs = run(nlp, "Ghana and Togo signed a trade agreement on Monday.")
    assert sorted(e["type"] for e in evs) == ["AGREE", "COOPERATE"]
    for ev in evs:
        assert names(ev["actors"]) == {"Ghana", "Togo"} and not ev["recipients"]
    assert of_type(evs, "AGREE")[0]["modality"] == "asserted"
    assert of_type(evs, "COOPERATE")[0]["modality"] == "planned"


def test_accused_act_is_not_the_accusers(nlp: Any) -> None:
    evs = run(nlp, "Vietnam accused China of supplying drones to Russia.")
    assert [e["type"] for e in evs] == ["ACCUSE"]
    assert names(evs[0]["recipients"]) == {"China"}


# -- class 3: recipients in the content of verbal acts -----------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "recipients"),
    [
        ("China warned that it could impose tariffs on Canada.", "THREATEN", {"Canada"}),
        ("Argentina said Chile might extend the tariffs to Peru, warning Bolivia.", "THREATEN",
         {"Bolivia"}),
        ("Turkey offered to mediate between Armenia and Azerbaijan.", "AGREE",
         {"Armenia", "Azerbaijan"}),
    ],
)  # fmt: skip
def test_content_recipients(nlp: Any, text: str, etype: str, recipients: set[str]) -> None:
    ev = of_type(run(nlp, text), etype)[0]
    assert names(ev["recipients"]) == recipients


# -- class 4: light verbs and idioms ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The foreign ministry of Peru declined to comment.",
        "Peru declined to give details about the talks.",
        "The World Food Programme warned that camps in Chad could run out of food.",
        "Lebanon is struggling to fund reconstruction.",
    ],
)
def test_not_events(nlp: Any, text: str) -> None:
    assert run(nlp, text) == []


def test_insisting_a_position_is_not_a_request(nlp: Any) -> None:
    evs = run(nlp, "Pakistan rejected the statement, insisting that Kashmir is a bilateral matter.")
    assert "REQUEST" not in {e["type"] for e in evs}
    evs = run(nlp, "Pakistan insisted that India must withdraw its troops.")
    assert "REQUEST" in {e["type"] for e in evs}


def test_warning_of_a_measure_is_only_a_threat(nlp: Any) -> None:
    evs = run(nlp, "China warned it could impose tariffs on Canada.")
    assert [e["type"] for e in evs] == ["THREATEN"]


# -- class 5: hypothetical and rhetorical clauses ------------------------------------------
def test_condition_of_a_vow_is_not_an_event(nlp: Any) -> None:
    evs = run(nlp, '"We will keep fighting while Israel occupies our land," Hamas said.')
    assert "COERCE" not in {e["type"] for e in evs}


def test_conditional_concession_is_not_asserted(nlp: Any) -> None:
    evs = run(nlp, "Croatia will back the plan if Hungary drops its objections.")
    assert all(e["modality"] != "asserted" for e in of_type(evs, "CONCEDE"))


# -- class 6: headlines ---------------------------------------------------------------------
def test_headline_only_joins_body_events(nlp: Any) -> None:
    text = (
        "Ghana signs trade pact with Togo amid border row\n"
        "Ghana signed a trade agreement with Togo on Monday in Accra.\n"
        "Burkina Faso condemned the deal."
    )
    evs = run(nlp, text)
    signed = of_type(evs, "AGREE")
    assert len(signed) == 1
    assert signed[0]["date"] is not None and signed[0]["modality"] == "asserted"
    assert len(signed[0]["mentions"]) == 2


def test_headline_alone_creates_no_event(nlp: Any) -> None:
    text = "Peru accuses Chile of spying\nThe dispute has simmered for years.\n"
    assert run(nlp, text) == []


# -- class 7: attribution -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Germany criticized Poland over the dispute, according to two people familiar "
        "with the conversation.",
        "Kenya met Somalia in secret, according to officials.",
    ],
)
def test_anonymous_citation_is_reported(nlp: Any, text: str) -> None:
    evs = run(nlp, text)
    assert evs and all(e["modality"] == "reported" for e in evs)


def test_reported_speech_accusation(nlp: Any) -> None:
    ev = of_type(run(nlp, "Seoul said Pyongyang had violated the armistice."), "ACCUSE")[0]
    assert names(ev["actors"]) == {"Seoul"} and names(ev["recipients"]) == {"Pyongyang"}
    assert ev["mode"] == "allege"
    assert run(nlp, "Japan said the talks had been useful.") == []


# -- class 8: dates and places ----------------------------------------------------------------
def test_date_does_not_cross_coordinated_clauses(nlp: Any) -> None:
    evs = run(nlp, "Kenya met Uganda on Monday and Kenya will visit Tanzania later.")
    visit = [e for e in of_type(evs, "CONSULT") if e["mode"] == "visit"][0]
    assert visit["date"] is None
    met = [e for e in of_type(evs, "CONSULT") if e["mode"] != "visit"][0]
    assert met["date"]["value"] == "2026-02-09"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lula will visit Beijing in March.", "2026-03"),
        ("Lula visited Beijing in March.", "2025-03"),
        ("Lula visited Beijing in January.", "2026-01"),
    ],
)
def test_month_names_resolve_by_tense(nlp: Any, text: str, value: str) -> None:
    ev = of_type(run(nlp, text), "CONSULT")[0]
    assert ev["date"]["value"] == value


def test_struck_town_is_the_location_and_its_country_the_target(nlp: Any) -> None:
    from extraction.types import Entity as E

    doc = nlp("Ukraine said Russia launched strikes in Kharkiv overnight.")
    ents = [
        E("e1", "Ukraine", "GPE", ["Ukraine"], country_code="UA"),
        E("e2", "Russia", "GPE", ["Russia"], country_code="RU"),
        E("e3", "Kharkiv", "GPE", ["Kharkiv"], country_code="UA"),
    ]
    for e in ents:
        i = doc.text.find(e.name)
        e.mentions.append(Mention(i, i + len(e.name), e.name))
    evs = of_type(extract_events(doc, EntityIndex(ents), PUB), "ASSAULT")
    assert names(evs[0]["actors"]) == {"Russia"}
    assert names(evs[0]["recipients"]) == {"Ukraine"}
    assert evs[0]["location"]["name"] == "Kharkiv"


# -- class 9: modes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "mode"),
    [
        ("Russia vetoed the resolution on Syria.", "REJECT", "change"),
        ("Iran rejected the demand that it dismantle its nuclear program.", "REJECT", "yield"),
        ("Russia shelled Kharkiv overnight.", "ASSAULT", "heavy-weapons"),
        ("India said Pakistani drones struck Jammu.", "ASSAULT", "heavy-weapons"),
    ],
)
def test_modes(nlp: Any, text: str, etype: str, mode: str) -> None:
    assert of_type(run(nlp, text), etype)[0]["mode"] == mode


# -- AID, PROTEST and pairs ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "etype", "actors", "recipients"),
    [
        ("The United Arab Emirates sent $50 million in humanitarian aid to Sudan.", "AID",
         {"The United Arab Emirates"}, {"Sudan"}),
        ("Japan provided Ukraine with armored vehicles.", "AID", {"Japan"}, {"Ukraine"}),
        # future aid keeps its base type (gold rule: the futurity goes to modality)
        ("The European Union pledged 2 billion euros in aid to Ukraine.", "AID",
         {"The European Union"}, {"Ukraine"}),
        ("Armenia and Azerbaijan traded accusations. Qatar urged both sides to show restraint.",
         "REQUEST", {"Qatar"}, {"Armenia", "Azerbaijan"}),
        ("Bolivia and Chile clashed over water. Peru offered to mediate between the two "
         "countries.", "AGREE", {"Peru"}, {"Bolivia", "Chile"}),
    ],
)  # fmt: skip
def test_aid_and_pairs(
    nlp: Any, text: str, etype: str, actors: set[str], recipients: set[str]
) -> None:
    # ("traded fire" is an ASSAULT by both sides of its own)
    found = [(names(e["actors"]), names(e["recipients"])) for e in of_type(run(nlp, text), etype)]
    assert (actors, recipients) in found


def test_protest_outside_an_embassy(nlp: Any) -> None:
    evs = run(
        nlp, "Hundreds of Pakistani protesters rallied outside the Indian embassy in Islamabad."
    )
    assert [e["type"] for e in evs] == ["PROTEST"]
    ev = evs[0]
    assert ev["actors"] and ev["recipients"]
    assert ev["location"]["name"] == "Islamabad"


def test_protest_aim_is_not_a_separate_request(nlp: Any) -> None:
    evs = run(nlp, "Thousands of Kenyans marched in Nairobi to demand lower taxes.")
    assert [e["type"] for e in evs] == ["PROTEST"]


# -- wire-style sentences ------------------------------------------------------------------------
def test_dateline_is_not_the_subject(nlp: Any) -> None:
    evs = run(nlp, "KHARTOUM (AP) - Sudan's army shelled Omdurman on Sunday.")
    ev = of_type(evs, "ASSAULT")[0]
    assert "AP" not in names(ev["actors"])


def test_two_leaders_are_the_pair_just_named(nlp: Any) -> None:
    evs = run(
        nlp,
        "Ferdinand Marcos spoke with Joe Biden on Wednesday. "
        "The two leaders agreed to hold joint exercises with Japan.",
    )
    # the agreement, and the exercises it sets up, still to come (the gold codes both)
    assert names(of_type(evs, "AGREE")[0]["actors"]) == {"Ferdinand Marcos", "Joe Biden"}
    ev = of_type(evs, "COOPERATE")[0]
    assert names(ev["actors"]) == {"Ferdinand Marcos", "Joe Biden"}
    assert ev["modality"] == "planned"


def test_amount_of_aid_for_a_country(nlp: Any) -> None:
    evs = run(nlp, "Canada announced $200 million in humanitarian aid for Sudan.")
    ev = of_type(evs, "AID")[0]
    assert names(ev["recipients"]) == {"Sudan"} and ev["mode"] == "humanitarian"


def test_object_decides_the_refusal_mode(nlp: Any) -> None:
    evs = run(nlp, "Sudan rejected any talks with Chad until it withdraws its troops.")
    assert of_type(evs, "REJECT")[0]["mode"] == "meet"


def test_diplomatic_protest_is_an_accusation(nlp: Any) -> None:
    evs = run(nlp, "Vietnam lodged a diplomatic protest with China.")
    assert [e["type"] for e in evs] == ["ACCUSE"]


def test_its_refers_to_the_state(nlp: Any) -> None:
    evs = run(nlp, "Canada reaffirmed its commitment to defend Latvia.")
    ev = of_type(evs, "AGREE")[0]
    assert names(ev["actors"]) == {"Canada"} and names(ev["recipients"]) == {"Latvia"}


@pytest.mark.parametrize(
    ("text", "etype", "mode", "actors", "recipients"),
    [
        ("Sharif vowed to avenge the strikes on Pakistan.", "THREATEN", "violence",
         {"Sharif"}, None),
        ("Pakistan expelled military advisers of India and suspended trade with India.",
         "SANCTION", None, {"Pakistan"}, {"India"}),
        ("Donald Trump paused the tariffs on Mexico for one month.", "CONCEDE", None,
         {"Donald Trump"}, {"Mexico"}),
        ("The United States imposed tariffs on $30 billion of goods from Brazil.", "SANCTION",
         "discontinue", {"The United States"}, None),
        ("Turkish drones struck three villages in Syria.", "ASSAULT", "heavy-weapons", None,
         {"Syria"}),
    ],
)  # fmt: skip
def test_more_frames(
    nlp: Any,
    text: str,
    etype: str,
    mode: str | None,
    actors: set[str] | None,
    recipients: set[str] | None,
) -> None:
    evs = of_type(run(nlp, text), etype)
    assert evs, run(nlp, text)
    if mode is not None:
        assert evs[0]["mode"] == mode
    if actors is not None:
        assert names(evs[0]["actors"]) == actors
    if recipients is not None:
        assert names(evs[0]["recipients"]) == recipients


def test_officials_from_both_countries(nlp: Any) -> None:
    evs = run(
        nlp,
        "India and Pakistan exchanged fire on Monday. Marco Rubio spoke by phone with "
        "officials from both countries.",
    )
    reached = set().union(*(names(ev["recipients"]) for ev in of_type(evs, "CONSULT")))
    assert reached == {"India", "Pakistan"}


def test_object_pronoun_is_the_other_person(nlp: Any) -> None:
    evs = run(nlp, "Olaf Scholz met Viktor Orban in Berlin and urged him to lift the veto.")
    ev = of_type(evs, "REQUEST")[0]
    assert names(ev["recipients"]) == {"Viktor Orban"}


def test_coordinated_act_is_not_the_content_of_the_first(nlp: Any) -> None:
    evs = run(nlp, "Viktor Orban denounced the decision and said Hungary would veto the package.")
    assert {"ACCUSE", "REJECT"} <= {e["type"] for e in evs}


def test_country_name_beats_a_person_alias(nlp: Any) -> None:
    from extraction.types import Entity as E

    text = "Ayman Safadi met Israel Katz in Amman. Safadi will travel to Israel next week."
    doc = nlp(text)
    katz = E("e1", "Israel Katz", "PERSON", ["Israel Katz", "Israel"])
    safadi = E("e2", "Ayman Safadi", "PERSON", ["Ayman Safadi", "Safadi"], country_code="JO")
    israel = E("e3", "Israel", "GPE", ["Israel"], country_code="IL")
    amman = E("e4", "Amman", "GPE", ["Amman"], country_code="JO")
    spans = [
        (katz, text.find("Israel Katz"), len("Israel Katz")),
        (safadi, 0, len("Ayman Safadi")),
        (amman, text.find("Amman"), 5),
        (safadi, text.rfind("Safadi"), 6),
        (katz, text.rfind("Israel"), 6),  # a wrong link of the country name to the person
    ]
    for e, a, n in spans:
        e.mentions.append(Mention(a, a + n, text[a : a + n]))
    evs = extract_events(doc, EntityIndex([katz, safadi, israel, amman]), PUB)
    visits = [e for e in of_type(evs, "CONSULT") if e["trigger"]["text"] == "travel"]
    assert visits and "Israel Katz" not in names(visits[0]["recipients"])
