# ruff: noqa: E501  (one test sentence per line reads best)
"""Rule tests for the third round of unseen-news error classes (own sentences).

THREATEN readiness/vows, crowd protests, description anaphora ("the junta", "the
group"), armed clashes and AGREE-vs-COOPERATE on one clause. Entities carry their
country codes here (the gazetteer's job in the engine).
"""

from __future__ import annotations

from typing import Any

import pytest

from extraction.events import extract_events
from extraction.types import Entity, EntityIndex, Mention, PartialDate
from tests.extraction.helpers import names

pytestmark = pytest.mark.slow
PUB = PartialDate(2026, 2, 10)


@pytest.fixture(scope="session")
def nlp() -> Any:
    from extraction.nlp import get_nlp

    return get_nlp()


def run(nlp: Any, text: str, ents: list[tuple[str, str, str | None]]) -> list[dict[str, Any]]:
    doc = nlp(text)
    index = []
    for name, etype, cc in ents:
        e = Entity(f"e{len(index) + 1}", name, etype, [name], country_code=cc)
        i = 0
        while (j := text.find(name, i)) >= 0:
            e.mentions.append(Mention(j, j + len(name), name))
            i = j + 1
        index.append(e)
    return extract_events(doc, EntityIndex(index), PUB)


def of_type(evs: list[dict[str, Any]], t: str) -> list[dict[str, Any]]:
    return [e for e in evs if e["type"] == t]


@pytest.mark.parametrize(
    ("text", "ents", "actor", "recipient"),
    [
        (
            "Pakistan said it was ready to use force against India.",
            [("Pakistan", "GPE", "PK"), ("India", "GPE", "IN")],
            "Pakistan",
            "India",
        ),
        (
            "Armenia said it was prepared to retaliate against Azerbaijan.",
            [("Armenia", "GPE", "AM"), ("Azerbaijan", "GPE", "AZ")],
            "Armenia",
            "Azerbaijan",
        ),
        (
            "Iran vowed to retaliate against Israel.",
            [("Iran", "GPE", "IR"), ("Israel", "GPE", "IL")],
            "Iran",
            "Israel",
        ),
    ],
)
def test_readiness_to_use_force_is_a_threat(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], actor: str, recipient: str
) -> None:
    evs = run(nlp, text, ents)
    ev = of_type(evs, "THREATEN")[0]
    assert ev["mode"] == "violence"
    assert names(ev["actors"]) == {actor}
    assert names(ev["recipients"]) == {recipient}
    assert not of_type(evs, "AGREE")


def test_readiness_to_sign_stays_agree(nlp: Any) -> None:
    evs = run(
        nlp,
        "Sudan is ready to sign the deal with Chad.",
        [("Sudan", "GPE", "SD"), ("Chad", "GPE", "TD")],
    )
    assert [e["type"] for e in evs] == ["AGREE"]


def test_unnamed_crowd_is_the_host_country(nlp: Any) -> None:
    evs = run(
        nlp,
        "Members of a fishermen's group rallied outside the embassy of China in Manila.",
        [("Manila", "GPE", "PH"), ("China", "GPE", "CN"), ("Philippines", "GPE", "PH")],
    )
    ev = of_type(evs, "PROTEST")[0]
    assert names(ev["actors"]) == {"Philippines"}
    assert names(ev["recipients"]) == {"China"}


def test_named_organiser_is_the_protest_actor(nlp: Any) -> None:
    evs = run(
        nlp,
        "Supporters of Kilusan rallied outside the embassy of Japan in Seoul.",
        [("Kilusan", "ORG", None), ("Japan", "GPE", "JP"), ("Seoul", "GPE", "KR")],
    )
    ev = of_type(evs, "PROTEST")[0]
    assert names(ev["actors"]) == {"Kilusan"}
    assert names(ev["recipients"]) == {"Japan"}


def test_crowd_without_a_known_place_is_skipped(nlp: Any) -> None:
    evs = run(nlp, "Thousands marched against the new tax law.", [])
    assert not evs


@pytest.mark.parametrize(
    ("text", "ents", "etype", "actor"),
    [
        (
            "Niger expelled the French ambassador. The junta also threatened to suspend ties with France.",
            [("Niger", "GPE", "NE"), ("France", "GPE", "FR")],
            "THREATEN",
            "Niger",
        ),
        (
            "Hezbollah buried a commander in Tyre on Sunday. The group said it fired rockets at Israel.",
            [("Hezbollah", "ORG", None), ("Israel", "GPE", "IL"), ("Tyre", "GPE", "LB")],
            "ASSAULT",
            "Hezbollah",
        ),
        (
            "ECOWAS met in Abuja on Monday. The bloc threatened to impose sanctions on Guinea.",
            [("ECOWAS", "ORG", None), ("Abuja", "GPE", "NG"), ("Guinea", "GPE", "GN")],
            "THREATEN",
            "ECOWAS",
        ),
    ],
)
def test_description_refers_to_a_recent_entity(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], etype: str, actor: str
) -> None:
    evs = [
        e for e in of_type(run(nlp, text, ents), etype) if e["trigger"]["start"] > text.index(".")
    ]
    assert evs and names(evs[0]["actors"]) == {actor}


def test_description_needs_a_compatible_entity(nlp: Any) -> None:
    # a bloc is an organisation: a country named before it is not "the bloc"
    evs = run(
        nlp,
        "Peru recalled its envoy. The bloc threatened to impose sanctions on Chile.",
        [("Peru", "GPE", "PE"), ("Chile", "GPE", "CL")],
    )
    assert not [e for e in of_type(evs, "THREATEN") if names(e["actors"]) == {"Peru"}]


def test_armed_clash_is_an_assault(nlp: Any) -> None:
    evs = run(
        nlp,
        "Thai soldiers clashed with Cambodian troops on Sunday.",
        [("Thai", "NORP", "TH"), ("Cambodian", "NORP", "KH")],
    )
    assert [e["type"] for e in evs] == ["ASSAULT"]


def test_agreed_cooperation_is_the_agreement_and_the_cooperation_to_come(nlp: Any) -> None:
    evs = run(
        nlp,
        "Indonesia and Malaysia agreed to expand joint patrols in the Strait of Malacca.",
        [("Indonesia", "GPE", "ID"), ("Malaysia", "GPE", "MY")],
    )
    assert sorted((e["type"], e["modality"]) for e in evs) == [
        ("AGREE", "asserted"),
        ("COOPERATE", "planned"),
    ]
    assert all(names(e["actors"]) == {"Indonesia", "Malaysia"} for e in evs)


def test_agreed_verb_content_survives_as_the_specific_type(nlp: Any) -> None:
    evs = run(
        nlp,
        "Ethiopia and Sudan agreed to cooperate on border security.",
        [("Ethiopia", "GPE", "ET"), ("Sudan", "GPE", "SD")],
    )
    assert sorted((e["type"], e["modality"]) for e in evs) == [
        ("AGREE", "asserted"),
        ("COOPERATE", "planned"),
    ]


def test_agreed_talks_are_a_planned_meeting(nlp: Any) -> None:
    evs = run(
        nlp,
        "Colombia agreed to resume talks with Ecuador.",
        [("Colombia", "GPE", "CO"), ("Ecuador", "GPE", "EC")],
    )
    talks = of_type(evs, "CONSULT")
    assert [(e["type"], e["modality"]) for e in talks] == [("CONSULT", "planned")]
    assert names(talks[0]["actors"]) | names(talks[0]["recipients"]) == {"Colombia", "Ecuador"}
    assert [e["type"] for e in evs if e["type"] != "CONSULT"] == ["AGREE"]


def test_deployment_to_waters_near_a_country(nlp: Any) -> None:
    evs = run(
        nlp,
        "Venezuela sent warships to waters near Guyana.",
        [("Venezuela", "GPE", "VE"), ("Guyana", "GPE", "GY")],
    )
    ev = of_type(evs, "MOBILIZE")[0]
    assert names(ev["recipients"]) == {"Guyana"}


@pytest.mark.parametrize(
    ("text", "ents", "actor", "target"),
    [
        (
            "Missiles struck Kharkiv on Tuesday. Ukraine blamed the attack on Russia.",
            [("Kharkiv", "GPE", "UA"), ("Ukraine", "GPE", "UA"), ("Russia", "GPE", "RU")],
            "Russia",
            "Ukraine",
        ),
        (
            "A drone hit a hospital in Kabul. Afghanistan blamed Pakistan for the strike.",
            [("Kabul", "GPE", "AF"), ("Afghanistan", "GPE", "AF"), ("Pakistan", "GPE", "PK")],
            "Pakistan",
            "Afghanistan",
        ),
    ],
)
def test_agentless_attack_takes_the_blamed_party(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], actor: str, target: str
) -> None:
    ev = of_type(run(nlp, text, ents), "ASSAULT")[0]
    assert names(ev["actors"]) == {actor}
    assert names(ev["recipients"]) == {target}


@pytest.mark.parametrize(
    "text",
    [
        "Missiles struck Kharkiv on Tuesday. Officials said five people died.",
        "Five soldiers were killed in Kharkiv.",
    ],
)
def test_agentless_attack_without_an_author_is_skipped(nlp: Any, text: str) -> None:
    evs = run(nlp, text, [("Kharkiv", "GPE", "UA"), ("Ukraine", "GPE", "UA")])
    assert not of_type(evs, "ASSAULT")


@pytest.mark.parametrize(
    ("text", "ents", "actor", "target"),
    [
        (
            "India said it would not hesitate to strike Pakistan.",
            [("India", "GPE", "IN"), ("Pakistan", "GPE", "PK")],
            "India",
            "Pakistan",
        ),
        (
            "Eritrea said it could attack Ethiopia.",
            [("Eritrea", "GPE", "ER"), ("Ethiopia", "GPE", "ET")],
            "Eritrea",
            "Ethiopia",
        ),
    ],
)
def test_stated_intention_to_attack_is_a_threat(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], actor: str, target: str
) -> None:
    evs = run(nlp, text, ents)
    assert [e["type"] for e in evs] == ["THREATEN"]
    ev = evs[0]
    assert (ev["mode"], ev["modality"], ev["negated"]) == ("violence", "asserted", False)
    assert names(ev["actors"]) == {actor} and names(ev["recipients"]) == {target}


def test_reported_past_attack_stays_an_assault(nlp: Any) -> None:
    evs = run(
        nlp,
        "Israel said it struck Hezbollah positions in Lebanon.",
        [("Israel", "GPE", "IL"), ("Hezbollah", "ORG", None), ("Lebanon", "GPE", "LB")],
    )
    assert [e["type"] for e in evs] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "ents", "target"),
    [
        (
            "Beijing warned of countermeasures if Manila continued the patrols.",
            [("Beijing", "GPE", "CN"), ("Manila", "GPE", "PH")],
            "Manila",
        ),
        (
            "Canada threatened to retaliate with tariffs on Mexican steel.",
            [("Canada", "GPE", "CA"), ("Mexican", "NORP", "MX")],
            "Mexican",
        ),
    ],
)
def test_threat_target_inside_its_content(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], target: str
) -> None:
    ev = of_type(run(nlp, text, ents), "THREATEN")[0]
    assert target in names(ev["recipients"])


def test_welcomed_accord_between_two_parties(nlp: Any) -> None:
    evs = run(
        nlp,
        "Greece welcomed the agreement between Turkey and Cyprus.",
        [("Greece", "GPE", "GR"), ("Turkey", "GPE", "TR"), ("Cyprus", "GPE", "CY")],
    )
    ev = of_type(evs, "SUPPORT")[0]
    assert names(ev["actors"]) == {"Greece"}
    assert names(ev["recipients"]) == {"Turkey", "Cyprus"}


def test_drills_around_a_country(nlp: Any) -> None:
    evs = run(
        nlp,
        "China conducted military drills around Taiwan.",
        [("China", "GPE", "CN"), ("Taiwan", "GPE", "TW")],
    )
    ev = of_type(evs, "MOBILIZE")[0]
    assert names(ev["recipients"]) == {"Taiwan"}


@pytest.mark.parametrize(
    ("text", "ents", "target"),
    [
        (
            "Iran freed a French hostage on Friday.",
            [("Iran", "GPE", "IR"), ("French", "NORP", "FR"), ("France", "GPE", "FR")],
            "France",
        ),
        (
            "Azerbaijan released four Armenian prisoners.",
            [("Azerbaijan", "GPE", "AZ"), ("Armenian", "NORP", "AM"), ("Armenia", "GPE", "AM")],
            "Armenia",
        ),
    ],
)
def test_released_prisoners_stand_for_their_state(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], target: str
) -> None:
    ev = run(nlp, text, ents)[0]
    assert names(ev["recipients"]) == {target}


def test_protest_place_is_not_its_target(nlp: Any) -> None:
    evs = run(
        nlp,
        "Hundreds of Pakistani protesters rallied in Lahore.",
        [("Pakistani", "NORP", "PK"), ("Pakistan", "GPE", "PK"), ("Lahore", "GPE", "PK")],
    )
    ev = of_type(evs, "PROTEST")[0]
    assert "Lahore" not in names(ev["recipients"])
    assert ev["location"]["name"] == "Lahore"


@pytest.mark.parametrize(
    ("text", "ents", "mode", "target"),
    [
        (
            "Algeria threatened to expel French diplomats.",
            [("Algeria", "GPE", "DZ"), ("French", "NORP", "FR")],
            "expel",
            "French",
        ),
        (
            "Ankara threatened to boycott Danish products.",
            [("Ankara", "GPE", "TR"), ("Danish", "NORP", "DK")],
            "restrict",
            "Danish",
        ),
    ],
)
def test_threatened_measure_against_a_demonym(
    nlp: Any, text: str, ents: list[tuple[str, str, str | None]], mode: str, target: str
) -> None:
    ev = of_type(run(nlp, text, ents), "THREATEN")[0]
    assert ev["mode"] == mode
    assert names(ev["recipients"]) == {target}


def test_outlet_credit_after_a_dateline_is_not_the_actor(nlp: Any) -> None:
    evs = run(
        nlp,
        "MANILA (Reuters) - Members of a fishermen's group rallied outside the embassy of China in Manila on Monday.",
        [
            ("Manila", "GPE", "PH"),
            ("Philippines", "GPE", "PH"),
            ("Reuters", "ORG", None),
            ("China", "GPE", "CN"),
        ],
    )
    ev = of_type(evs, "PROTEST")[0]
    assert "Reuters" not in names(ev["actors"])


def test_threat_conditional_on_the_target_inside_a_that_clause(nlp: Any) -> None:
    evs = run(
        nlp,
        "Morocco warned that it would take countermeasures if Algeria continued the incursions.",
        [("Morocco", "GPE", "MA"), ("Algeria", "GPE", "DZ")],
    )
    ev = of_type(evs, "THREATEN")[0]
    assert names(ev["actors"]) == {"Morocco"} and names(ev["recipients"]) == {"Algeria"}


def test_capitalised_weapon_noun_is_not_a_party(nlp: Any) -> None:
    evs = run(
        nlp,
        "Drones hit a hospital in Kharkiv. Ukraine blamed Russia for the strike.",
        [
            ("Drones", "ORG", None),
            ("Kharkiv", "GPE", "UA"),
            ("Ukraine", "GPE", "UA"),
            ("Russia", "GPE", "RU"),
        ],
    )
    ev = of_type(evs, "ASSAULT")[0]
    assert names(ev["actors"]) == {"Russia"}


@pytest.mark.parametrize(
    "text",
    [
        "Fans rallied in Madrid after the final.",
        "Stocks rallied in Tokyo on Monday.",
        "Runners marched through Paris for charity.",
    ],
)
def test_crowd_without_a_target_is_no_protest(nlp: Any, text: str) -> None:
    ents = [("Madrid", "GPE", "ES"), ("Tokyo", "GPE", "JP"), ("Paris", "GPE", "FR")]
    assert not run(nlp, text, ents)


@pytest.mark.parametrize(
    "text",
    [
        "Germany said it was ready to act on inflation.",
        "Canada is prepared to respond to the wildfire crisis.",
    ],
)
def test_readiness_without_a_target_is_no_threat(nlp: Any, text: str) -> None:
    assert not run(nlp, text, [("Germany", "GPE", "DE"), ("Canada", "GPE", "CA")])
