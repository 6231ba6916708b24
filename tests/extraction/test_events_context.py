"""The article-level recipient fills of extraction.events_context, on hand-made events."""

from __future__ import annotations

from typing import Any

from extraction.events_context import fill_from_dyads, fill_mediation


def _ref(name: str) -> dict[str, str]:
    return {"entity_id": name, "name": name}


def _ev(etype: str, actors: list[str], recipients: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "type": etype,
        "actors": [_ref(a) for a in actors],
        "recipients": [_ref(r) for r in recipients],
        **extra,
    }


def test_a_hostile_act_prefers_the_adversary_to_a_mediator_spoken_with_as_often() -> None:
    # Abiy spoke twice with the mediator Boulos and twice traded accusations with Eritrea
    story = [
        _ev("CONSULT", ["Abiy", "Boulos"], [], mode="phone"),
        _ev("CONSULT", ["Boulos"], ["Abiy"], mode="phone"),
        _ev("ACCUSE", ["Abiy"], ["Eritrea"]),
        _ev("ACCUSE", ["Eritrea"], ["Abiy"]),
    ]
    threat, request = _ev("THREATEN", ["Abiy"], []), _ev("REQUEST", ["Abiy"], [])
    fill_from_dyads([*story, threat, request])
    assert [r["name"] for r in threat["recipients"]] == ["Eritrea"]
    assert request["recipients"] == []  # for a request the two counterparts tie


def test_an_offer_to_mediate_goes_to_the_leading_pair_only() -> None:
    story = [_ev("ACCUSE", ["Chad"], ["Sudan"]), _ev("ACCUSE", ["Sudan"], ["Chad"])]
    offer = _ev("AGREE", ["Qatar"], [], _mediation=True)
    fill_mediation([*story, offer])
    assert {r["name"] for r in offer["recipients"]} == {"Chad", "Sudan"}
    tied = _ev("AGREE", ["Qatar"], [], _mediation=True)
    fill_mediation(
        [*story, _ev("ASSAULT", ["RSF"], ["Darfur"]), _ev("ASSAULT", ["RSF"], ["Darfur"]), tied]
    )
    assert tied["recipients"] == []


def test_a_person_with_no_counterpart_of_their_own_faces_their_states() -> None:
    story = [_ev("ASSAULT", ["India"], ["Pakistan"]), _ev("ACCUSE", ["Pakistan"], ["India"])]
    threat = _ev("THREATEN", ["Munir"], [])
    fill_from_dyads([*story, threat], {"Munir": _ref("Pakistan")})
    assert [r["name"] for r in threat["recipients"]] == ["India"]


def test_a_threat_read_from_the_story_targets_the_rival_state_not_its_leader() -> None:
    story = [
        _ev("ACCUSE", ["Traore"], ["Ouattara"]),
        _ev("CONSULT", ["Traore", "Ouattara"], [], mode="phone"),
    ]
    threat = _ev("THREATEN", ["Traore"], [])
    states = {"Traore": _ref("Burkina Faso"), "Ouattara": _ref("Ivory Coast")}
    fill_from_dyads([*story, threat], states)
    assert [r["name"] for r in threat["recipients"]] == ["Ivory Coast"]
    request = _ev("REQUEST", ["Traore"], [])
    fill_from_dyads([*story, request], states)
    assert [r["name"] for r in request["recipients"]] == ["Ouattara"]
