"""General entity rules for news outside the dev seeds: datelines, hyphenated countries,
acronyms, titles folded into names, demonym groups, place evidence, photo credits."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from extraction.entities import resolve_entities
from extraction.entities_merge import _place_identity
from extraction.gazetteer import Place, lookup
from tests.extraction.helpers import entities, result
from tests.extraction.test_entities import VOCAB, check_offsets, make_doc


def pairs(doc: Doc) -> list[tuple[str, str]]:
    index = resolve_entities(doc)
    check_offsets(doc, index)
    return [(e.name, e.type) for e in index]


# 4. datelines --------------------------------------------------------------------------


def test_dateline_city_is_not_merged_into_the_next_name() -> None:
    doc = make_doc("KAMPALA - African Union envoys met on Monday .", {0: (4, "ORG")})
    assert pairs(doc) == [("Kampala", "GPE"), ("African Union", "ORG")]


def test_em_dash_dateline_with_unknown_word_keeps_the_name() -> None:
    doc = make_doc("LAGOS — Nigerian Ports Authority staff struck .", {0: (5, "ORG")})
    got = pairs(doc)
    assert ("Lagos", "GPE") in got and ("Nigerian Ports Authority", "ORG") in got


# 2. hyphenated country names -----------------------------------------------------------


def test_hyphenated_country_split_by_the_model_is_one_place() -> None:
    doc = make_doc(
        "Guinea _- _Bissau and Timor _- _Leste voted .",
        {0: (1, "GPE"), 2: (3, "GPE"), 4: (5, "GPE")},
    )
    got = pairs(doc)
    assert len(got) == 2 and all(t == "GPE" for _, t in got)
    assert got[0][0] == "Guinea-Bissau"
    assert [m.text for e in resolve_entities(doc) for m in e.mentions] == [
        "Guinea-Bissau",
        "Timor-Leste",
    ]


def test_hyphenated_country_tagged_whole_is_not_split_into_parts() -> None:
    doc = make_doc("Guinea _- _Bissau and Guinea met .", {0: (3, "GPE"), 4: (5, "GPE")})
    names = [n for n, _ in pairs(doc)]
    assert names == ["Guinea-Bissau", "Guinea"]


# 8. "Washington state" -----------------------------------------------------------------


def test_washington_state_is_the_state_not_the_capital() -> None:
    doc = make_doc(
        "Fires burned in Washington state and Washington sent aid .", {3: (4, "GPE"), 6: (7, "GPE")}
    )
    ents = list(resolve_entities(doc))
    assert len(ents) == 2
    state, capital = ents
    assert "Washington state" in state.aliases and state.lat is None
    assert capital.lat is not None and state.country_code == capital.country_code == "US"


# 1. acronyms ---------------------------------------------------------------------------


def test_untagged_bracketed_acronym_and_later_bare_use_join_the_name() -> None:
    doc = make_doc(
        "The Southern African Development Community ( _SADC _) met . SADC leaders spoke .",
        {1: (5, "ORG")},
    )
    (org,) = list(resolve_entities(doc))
    assert org.type == "ORG" and org.name == "Southern African Development Community"
    assert "SADC" in org.aliases and len(org.mentions) == 3


def _sentence(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    spaces = [True] * len(words)
    spaces[-1] = spaces[-2] = False
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


def test_bare_acronym_subject_is_an_organisation_but_not_common_acronyms() -> None:
    doc = _sentence(
        ["The", "RSF", "denied", "it", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "PROPN", "VERB", "PRON", "PUNCT"],
    )
    assert pairs(doc) == [("RSF", "ORG")]
    doc = _sentence(
        ["The", "CEO", "denied", "it", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert pairs(doc) == []


def test_bare_acronym_in_an_all_caps_heading_is_not_a_name() -> None:
    doc = _sentence(
        ["WHO", "PAYS", "NOW", "?"],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "advmod", "punct"],
        ["PRON", "VERB", "ADV", "PUNCT"],
    )
    assert pairs(doc) == []


def test_eu_and_european_union_are_one_entity() -> None:
    doc = make_doc("The European Union met and the EU agreed .", {1: (3, "ORG"), 6: (7, "ORG")})
    assert pairs(doc) == [("European Union", "ORG")]


# 3. titles, organisation words, place evidence -----------------------------------------


def test_field_marshal_is_a_title_not_part_of_the_name() -> None:
    # "Field Marshal Abebe Tadesse said ." untagged, a speech-verb subject
    doc = Doc(
        VOCAB,
        words=["Field", "Marshal", "Abebe", "Tadesse", "said", "."],
        spaces=[True, True, True, True, False, False],
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        lemmas=["Field", "Marshal", "Abebe", "Tadesse", "say", "."],
    )
    (person,) = list(resolve_entities(doc))
    assert (person.name, person.type) == ("Abebe Tadesse", "PERSON")
    assert "Field Marshal Abebe Tadesse" in person.aliases


def test_field_marshal_inside_a_person_span_is_stripped() -> None:
    doc = make_doc("Field Marshal Abebe Tadesse spoke .", {0: (4, "PERSON")})
    (person,) = list(resolve_entities(doc))
    assert person.name == "Abebe Tadesse"
    assert "Field Marshal Abebe Tadesse" in person.aliases


def test_body_of_a_country_tagged_person_is_an_organisation() -> None:
    doc = make_doc("Officials at the Bank of Zambia said so .", {3: (6, "PERSON")})
    assert pairs(doc) == [("Bank of Zambia", "ORG")]


def _place_phrase(words: list[str], verb: str, dep: str, label: str) -> Doc:
    n = len(words)
    heads = [1, 1] + ([1, 2] if dep == "pobj" else [1]) + [1]
    deps = ["nsubj", "ROOT"] + (["prep", "pobj"] if dep == "pobj" else ["dobj"]) + ["punct"]
    pos = ["NOUN", "VERB"] + (["ADP", "PROPN"] if dep == "pobj" else ["PROPN"]) + ["PUNCT"]
    ents = ["O"] * n
    ents[n - 2] = f"B-{label}"
    lemmas = [w.lower() for w in words]
    lemmas[1] = verb
    spaces = [True] * n
    spaces[-1] = spaces[-2] = False
    return Doc(
        VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas
    )


def test_known_town_the_model_calls_org_in_a_place_phrase_is_a_place() -> None:
    assert lookup("Goma") is not None
    doc = _place_phrase(["Rebels", "captured", "Goma", "."], "capture", "dobj", "ORG")
    assert pairs(doc) == [("Goma", "GPE")]
    doc = _place_phrase(["Rebels", "gathered", "outside", "Goma", "."], "gather", "pobj", "ORG")
    assert pairs(doc) == [("Goma", "GPE")]


def test_unknown_name_the_model_calls_org_after_a_place_verb_stays_org() -> None:
    doc = _place_phrase(["Rebels", "captured", "Zorblax", "."], "capture", "dobj", "ORG")
    assert pairs(doc) == [("Zorblax", "ORG")]


# 5. demonyms ---------------------------------------------------------------------------


def test_adjective_and_demonym_of_one_country_are_one_norp_group() -> None:
    doc = make_doc(
        "The Philippines said Filipino sailors and Philippine officials left .",
        {1: (2, "GPE"), 3: (4, "NORP"), 6: (7, "NORP")},
    )
    got = pairs(doc)
    assert got == [("Philippines", "GPE"), ("Filipinos", "NORP")]
    norp = list(resolve_entities(doc))[1]
    assert norp.country_code == "PH" and set(norp.aliases) >= {"Filipino", "Philippine"}


def test_irregular_demonym_gets_its_country() -> None:
    doc = make_doc("Dutch troops left .", {0: (1, "NORP")})
    (dutch,) = list(resolve_entities(doc))
    assert (dutch.name, dutch.type, dutch.country_code) == ("Dutch", "NORP", "NL")


# 6. photo credits ----------------------------------------------------------------------


def test_caps_agency_and_three_word_photographer() -> None:
    doc = make_doc("A market . REUTERS _/ _Amina Wanjiru Otieno", {3: (6, "ORG")})
    got = pairs(doc)
    assert ("REUTERS", "ORG") in got and ("Amina Wanjiru Otieno", "PERSON") in got


# 7. a city and a district of it ---------------------------------------------------------


def test_nearby_places_with_different_coordinates_stay_apart() -> None:
    city = Place("Bigtown", "city", "KE", -1.28, 36.82, 4_000_000)
    district = Place("Smalldistrict", "city", "KE", -1.26, 36.80, 300_000)
    same = Place("Bigtown", "city", "KE", -1.28, 36.82, 4_000_000)
    assert _place_identity(city) != _place_identity(district)
    assert _place_identity(city) == _place_identity(same)


def test_person_tagged_after_a_caps_agency_slash_keeps_the_agency() -> None:
    doc = make_doc("A market . AFP _/ _Jean Paul Mbeki", {5: (8, "PERSON")})
    got = pairs(doc)
    assert ("AFP", "ORG") in got and ("Jean Paul Mbeki", "PERSON") in got


def test_surname_with_a_particle_joins_the_full_name() -> None:
    doc = make_doc(
        "Mohamed al-Tayeb arrived . Tayeb spoke .",
        {0: (2, "PERSON"), 4: (5, "ORG")},
    )
    assert pairs(doc) == [("Mohamed al-Tayeb", "PERSON")]


def test_capital_the_after_a_dateline_dash_is_not_part_of_the_name() -> None:
    doc = make_doc("Cairo . | NAIROBI - The Ocean Fishers Association said .", {5: (9, "ORG")})
    assert ("Ocean Fishers Association", "ORG") in pairs(doc)


def test_untagged_dateline_city_is_a_place() -> None:
    doc = make_doc("KAMPALA _, Oct 2 ( _Reuters _) - Police said .", {5: (6, "ORG")})
    assert pairs(doc)[0] == ("Kampala", "GPE")
    doc = make_doc("WIDGETS _, Oct 2 - Sales rose .")
    assert pairs(doc) == []


def test_surname_the_model_calls_norp_joins_the_person() -> None:
    doc = make_doc(
        "Ravi Kumari met officials . Kumari and Russians spoke .",
        {0: (2, "PERSON"), 5: (6, "NORP"), 7: (8, "NORP")},
    )
    assert pairs(doc) == [("Ravi Kumari", "PERSON"), ("Russians", "NORP")]


def test_untagged_given_name_before_a_tagged_surname_joins_it() -> None:
    # "Marshal Amadou Keita said ." with only "Keita" tagged
    doc = Doc(
        VOCAB,
        words=["Marshal", "Amadou", "Keita", "said", "."],
        spaces=[True, True, True, False, False],
        heads=[2, 2, 3, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["O", "O", "B-PERSON", "O", "O"],
    )
    (person,) = list(resolve_entities(doc))
    assert person.name == "Amadou Keita" and "Marshal Amadou Keita" in person.aliases


def test_rank_abbreviation_speaking_is_not_a_person() -> None:
    doc = Doc(
        VOCAB,
        words=["Lt", "said", "."],
        spaces=[True, False, False],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "punct"],
        pos=["PROPN", "VERB", "PUNCT"],
        lemmas=["Lt", "say", "."],
    )
    assert pairs(doc) == []


def test_known_city_tagged_person_coordinated_with_a_place_is_a_place() -> None:
    # "Officials said Pristina and Belgrade would meet ."
    doc = Doc(
        VOCAB,
        words=["Officials", "said", "Pristina", "and", "Belgrade", "would", "meet", "."],
        spaces=[True, True, True, True, True, True, False, False],
        heads=[1, 1, 6, 2, 2, 6, 1, 1],
        deps=["nsubj", "ROOT", "nsubj", "cc", "conj", "aux", "ccomp", "punct"],
        pos=["NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
        ents=["O", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O"],
    )
    assert pairs(doc) == [("Pristina", "GPE"), ("Belgrade", "GPE")]


def test_acronym_the_model_types_gpe_joins_its_organisation() -> None:
    doc = make_doc("The European Union met and the EU agreed .", {1: (3, "ORG"), 6: (7, "GPE")})
    assert pairs(doc) == [("European Union", "ORG")]
    doc = make_doc("The United Kingdom met and the UK agreed .", {1: (3, "GPE"), 6: (7, "GPE")})
    assert pairs(doc) == [("United Kingdom", "GPE")]


def test_typographic_apostrophes_read_as_plain_ones_and_stay_in_the_output() -> None:
    text = (
        "The crisis between Côte d’Ivoire and Burkina Faso deepened on Tuesday when "
        "Burkina Faso’s soldiers seized three gendarmes."
    )
    res = result(text)
    ivory = [e for e in res["entities"] if e["country_code"] == "CI"]
    assert [e["type"] for e in ivory] == ["GPE"], res["entities"]
    mention = ivory[0]["mentions"][0]
    assert mention["text"] == "Côte d’Ivoire" == res["text"][mention["start"] : mention["end"]]


def test_an_untagged_name_before_a_bracketed_acronym_is_the_organisation() -> None:
    text = (
        'Reporters Without Borders (RSF) called on Algeria to free the journalist "without '
        'delay". Three people died, a witness said (AFP).'
    )
    ents = {e["name"]: e for e in result(text)["entities"]}
    assert ents["Reporters Without Borders"]["type"] == "ORG"
    assert "RSF" in ents["Reporters Without Borders"]["aliases"]
    assert "AFP" in ents and "a witness said" not in " ".join(ents)


def test_an_organisations_of_complement_cut_off_by_the_model_is_part_of_its_name() -> None:
    text = (
        "Ecuador's Joint Command of the Armed Forces said it had deployed 4,000 soldiers. "
        "The Border Service of Russia's Federal Security Service detained the crew."
    )
    names = {e["name"] for e in result(text)["entities"]}
    assert "Joint Command of the Armed Forces" in names
    assert not any(n.startswith("Border Service of") for n in names), names


def test_a_country_named_with_and_is_one_place() -> None:
    text = (
        "The ship's flag state, Antigua and Barbuda, said it would cooperate. Bosnia and "
        "Herzegovina protested. France and Germany agreed."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents["Antigua and Barbuda"] == "GPE" and ents["Bosnia and Herzegovina"] == "GPE"
    assert ents["France"] == "GPE" and ents["Germany"] == "GPE"


def test_a_name_opened_by_the_word_for_an_army_or_movement_is_a_group() -> None:
    text = (
        "Iran said Jaish al-Adl claimed the attack. Harakat al-Nujaba said it would freeze "
        "attacks. India blamed Lashkar-e-Taiba."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert [ents.get(n) for n in ("Jaish al-Adl", "Harakat al-Nujaba", "Lashkar-e-Taiba")] == [
        "ORG", "ORG", "ORG"
    ]  # fmt: skip


def test_a_place_name_before_massacre_or_a_capitalised_war_is_a_named_event() -> None:
    text = (
        "Poland and Ukraine argue over history. The exhumations of victims of the Volhynia "
        "massacre began in 2025. British forces retook the islands after the Falklands War."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Volhynia massacre") == "EVENT" and ents.get("Falklands War") == "EVENT"
    assert ents.get("Ukraine") == "GPE", ents


def test_a_name_never_ends_on_a_dangling_preposition() -> None:
    text = (
        "President Abdelmadjid Tebboune accused France's far-right National Rally of "
        '"dictating" French policy towards Algeria.'
    )
    names = {e["name"] for e in result(text)["entities"]}
    assert "National Rally" in names and "National Rally of" not in names, names


def test_a_name_people_fly_to_and_march_through_is_a_place() -> None:
    text = (
        "Thousands of Bougainvilleans marched through Buka on Tuesday. Police had flown 60"
        " officers to Buka on Monday, and Prime Minister James Marape said he would fly to"
        " Buka next week. Marape's visit to Buka is expected to focus on the vote."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Buka") == "GPE", ents


def test_a_full_personal_name_outweighs_its_surname_tagged_as_an_organisation() -> None:
    path = (
        Path(__file__).parent.parent
        / "evaluation/dev7/articles/003_azerbaijan_russia_market_raids.txt"
    )
    text = path.read_text(encoding="utf-8")  # "at Bayramov's request", "called Bayramov"
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Jeyhun Bayramov") == "PERSON", ents


def test_a_name_placed_by_the_country_after_it_or_escorted_to_is_a_place() -> None:
    text = (
        "The dredger anchored near Umm Qasr, Iraq, on Sunday. The navy escorted it to Umm"
        " Qasr, and officials said it would stay in Umm Qasr. The channel is the main route"
        " to Umm Qasr, Iraq's largest port."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Umm Qasr") == "GPE", ents


def test_a_demonym_the_model_calls_a_place_and_once_an_organisation_is_a_group() -> None:
    text = (
        "The Kuwaiti-operated dredger was seized. Iraqi boats turned back a second Kuwaiti"
        " survey vessel, and protesters rallied against what they called Kuwaiti"
        " encroachment and burned a Kuwaiti flag, a Kuwaiti official said."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Kuwaitis") == "NORP" and "Kuwaiti" not in ents, ents


def test_a_posted_mission_read_as_a_place_goes_on_with_its_country() -> None:
    # the model reads "The UN Assistance Mission" in this article as a place
    path = (
        Path(__file__).parent.parent
        / "evaluation/dev6/articles/002_iran_taliban_helmand_border_clash.txt"
    )
    ents = {e["name"]: e["type"] for e in result(path.read_text(encoding="utf-8"))["entities"]}
    assert ents.get("UN Assistance Mission in Afghanistan") == "ORG", ents


def test_gen_z_is_a_generation_not_a_generals_title() -> None:
    text = (
        "Madagascar's president met unions on Monday. Thousands marched at the call of the"
        ' Gen Z Madagascar movement. Gen Z Madagascar rejected the invitation, saying "we'
        ' will not talk", and the army of Madagascar stayed in barracks.'
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Gen Z Madagascar") == "ORG", ents
    assert ents.get("Madagascar") == "GPE", ents


def test_a_country_the_model_leaves_untagged_is_still_a_place() -> None:
    # the small model tags neither "Senegal" here nor its later mention
    text = (
        "Senegal said on Monday that it had placed troops on alert. Officials in"
        " Papua New Guinea and supporters of Gen Z Madagascar were not consulted."
    )
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Senegal") == "GPE", ents
    assert "Guinea" not in ents and "Madagascar" not in ents, ents


def test_an_island_named_with_its_class_noun_is_a_natural_feature() -> None:
    text = "Iraqi boats turned back a Kuwaiti dredger near Warbah island on Sunday."
    ents = {e["name"]: e["type"] for e in result(text)["entities"]}
    assert ents.get("Warbah") == "LOC", ents


def test_a_capital_or_sea_named_with_of_is_one_place_but_not_any_of_phrase() -> None:
    ents = {
        e["name"]: e["type"]
        for e in result(
            "The talks will be held in Port of Spain next month. Tankers crossed the Strait"
            " of Hormuz on Monday. Officials of Spain met officials of France."
        )["entities"]
    }
    assert ents.get("Port of Spain") == "GPE" and ents.get("Strait of Hormuz") == "LOC", ents
    assert ents.get("Spain") == "GPE" and ents.get("France") == "GPE", ents


def test_a_name_after_a_title_with_its_portfolio_is_a_person_who_acts() -> None:
    res = result(
        "UN High Commissioner for Human Rights Volker Türk on Tuesday called on Mexico to"
        " act. Australia's Minister for Pacific Island Affairs, Pat Conroy, agreed."
    )
    ents = {e["name"]: e["type"] for e in res["entities"]}
    assert ents.get("Volker Türk") == "PERSON" and "Island Affairs" not in ents, ents
    req = [e for e in res["events"] if e["type"] == "REQUEST"]
    assert req and {a["name"] for a in req[0]["actors"]} == {"Volker Türk"}, res["events"]


def test_a_titled_name_goes_on_across_hyphens() -> None:
    ents = {
        e["name"]: e["type"]
        for e in result(
            "Haitian Foreign Minister Jean-Victor Harvel Jean-Baptiste accused the Dominican"
            " Republic of collective punishment."
        )["entities"]
    }
    assert ents.get("Jean-Victor Harvel Jean-Baptiste") == "PERSON", ents


def test_a_groups_lower_case_class_noun_is_not_part_of_its_name() -> None:
    res = result(
        "Several hundred members of the Basij militia rallied outside the UAE embassy in"
        " Tehran. A Turkish drone killed two members of a Yazidi militia near Sinjar."
    )
    ents = {e["name"]: e["type"] for e in res["entities"]}
    assert ents.get("Basij") == "ORG" and "Basij militia" not in ents, ents
    assert ents.get("Yazidi") != "ORG", ents


def test_an_untagged_name_people_are_members_of_is_a_group() -> None:
    res = result(
        "In Bujumbura, several thousand members of the Imbonerakure, the youth league of"
        " the ruling party, marched to the Rwandan embassy on Wednesday. Members of the"
        " Cabinet met on Monday."
    )
    ents = {e["name"]: e["type"] for e in res["entities"]}
    assert ents.get("Imbonerakure") == "ORG" and "Cabinet" not in ents, ents
    protest = [e for e in res["events"] if e["type"] == "PROTEST"]
    assert protest and {a["name"] for a in protest[0]["actors"]} == {"Imbonerakure"}


def test_device_and_currency_acronyms_name_no_organisation() -> None:
    ents = {
        e["name"]
        for e in result(
            "The coast guard seized the GPS navigation machine of the vessel, with damage"
            " estimated at more than 600 million VND, the AMP page said."
        )["entities"]
    }
    assert not ents & {"GPS", "VND", "AMP"}, ents


def test_a_capital_named_with_of_is_found_even_in_a_footer() -> None:
    ents = {
        e["name"]: e["type"]
        for e in result(
            "Haiti recalled its envoy on Monday.\n© 2026 Antilles Ledger · Port of Spain ·"
            " All rights reserved"
        )["entities"]
    }
    assert ents.get("Port of Spain") == "GPE" and "Spain" not in ents, ents


def test_a_name_a_camp_or_post_stands_at_is_a_place() -> None:
    ents = {
        e["name"]: e["type"]
        for e in result(
            "Correa broke off diplomatic ties with Bogotá in 2008 after a Colombian air raid"
            " on a FARC camp at Angostura, inside Ecuador, killed the rebel commander."
        )["entities"]
    }
    assert ents.get("Angostura") == "GPE", ents


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        (
            "Fishermen from Malawi and Tanzania clashed on Lake Malawi on Sunday, police said.",
            "Lake Malawi",
            "LOC",
        ),
        (
            "Cyclone Harold destroyed most of the houses on the island in 2020, Vanuatu said.",
            "Cyclone Harold",
            "EVENT",
        ),
        (
            "Indonesian patrol boats were sent to Sebatik Island on Monday, the navy said.",
            "Sebatik Island",
            "LOC",
        ),
    ],
)
def test_a_class_word_written_in_a_name_decides_its_type(text: str, name: str, etype: str) -> None:
    found = entities(text)
    assert found.get(name) == etype, found


def test_a_state_named_with_a_class_word_stays_a_state() -> None:
    found = entities("New Zealand said the Cook Islands had not consulted it on the deal.")
    assert found.get("Cook Islands") == "GPE", found


def test_upper_case_speaker_labels_of_a_transcript_are_read_as_names() -> None:
    text = (
        "SPOKESPERSON (ARIEF NUGROHO): Good afternoon, everyone.\n\n"
        "Q (RIZKY PRATAMA, HARIAN NUSANTARA): Has the minister spoken with his Malaysian"
        " counterpart?\n\n"
        "SPOKESPERSON: Yes, on Tuesday evening."
    )
    found = {n.casefold(): t for n, t in entities(text).items()}
    assert found.get("rizky pratama") == "PERSON", found
    assert not any(n in found for n in ("rizky", "pratama", "harian", "nusantara")), found


def test_model_text_keeps_every_offset_and_leaves_headlines_as_written() -> None:
    from extraction.nlp import model_text

    text = "UAE SUMMONS IRAN ENVOY\nQ (WONG MEI LING, İSTANBUL DAILY): Why?"
    out = model_text(text)
    assert len(out) == len(text)
    assert out.startswith("UAE SUMMONS IRAN ENVOY\nQ (Wong MEI Ling, İstanbul Daily)")
    dateline = "SANTO DOMINGO — Dominican authorities closed the border."
    assert model_text(dateline).startswith("Santo Domingo — ")
    assert model_text("SPOKESPERSON (ARIEF NUGROHO): Yes.").startswith("SPOKESPERSON (Arief")


def test_names_seen_only_in_a_foreign_summary_are_dropped_places_stay() -> None:
    text = (
        "Versión en español: Tras una llamada entre los presidentes, el Ejército de Chile"
        " entregó a dos de los soldados en Arica.\n\n"
        "Chile handed two Bolivian soldiers back to Bolivia on Wednesday night."
    )
    found = entities(text)
    assert "Tras" not in " ".join(found) and "Versión" not in " ".join(found), found
    assert found.get("Arica") == "GPE" and "Chile" in found, found


def test_arabic_name_particles_do_not_make_an_english_sentence_foreign() -> None:
    from extraction.entities_language import is_foreign

    english = (
        "Prime Minister Mohammed Shia al-Sudani spoke by phone with Kuwait 's Emir , Sheikh"
        " Meshal Al-Ahmad Al-Jaber Al-Sabah , on Tuesday night ."
    )
    french = "Un accord a été trouvé dimanche soir pour une réouverture ."
    assert not is_foreign(english.split())
    assert is_foreign(french.split())


def test_a_name_before_waterway_or_canal_is_a_place() -> None:
    found = entities(
        "The Iraqi navy seized a dredger in the Khor Abdullah waterway on Monday, Kuwait said."
    )
    assert found.get("Khor Abdullah") == "LOC", found


def test_a_single_letter_question_label_is_no_name() -> None:
    found = entities(
        "The Maldives detained 22 Sri Lankan fishermen on Sunday.\n\n"
        "Q (Sunday Lanka Observer): The Fisheries Minister, Mr. Ramalingam Chandrasekar, said"
        " on Sunday that Sri Lanka could bar Maldivian-flagged vessels from unloading at Galle."
    )
    assert "Q" not in found, found


def test_two_demonyms_in_a_row_name_one_people() -> None:
    found = entities(
        "Turkish Cypriot police arrested two Greek Cypriot men at the Ledra Palace crossing."
    )
    assert found.get("Greek Cypriots") == "NORP", found
    assert "Greeks" not in found, found


def test_a_body_possessed_by_a_two_word_country_is_that_country() -> None:
    from tests.extraction.helpers import result

    found = result("South Korea's Ministry of Oceans and Fisheries postponed a meeting.")
    body = [e for e in found["entities"] if e["name"] == "Ministry of Oceans and Fisheries"]
    assert body and body[0]["country_code"] == "KR", found["entities"]


def test_a_body_named_by_a_demonym_of_a_plural_country_is_that_country() -> None:
    # "Philippine" is the demonym of a country named in the plural ("the Philippines")
    found = result("The Philippine government resumed talks with the rebels in Oslo.")
    body = [e for e in found["entities"] if e["name"] == "Philippine government"]
    assert body and body[0]["country_code"] == "PH", found["entities"]


def test_a_bloc_office_named_by_its_purpose_is_an_organisation() -> None:
    found = result(
        "The U.N. human rights office called on Ecuador on Wednesday to investigate the"
        " deaths. The UN refugee agency UNHCR urged Chad to keep its border open."
    )
    names = {e["name"]: e["type"] for e in found["entities"]}
    assert names.get("U.N. human rights office") == "ORG", names
    # a named agency ("UNHCR") stays the name; no descriptive duplicate beside it
    assert "UN refugee agency" not in names, names


def test_a_plural_possessive_before_the_head_of_a_body_stays_in_its_name() -> None:
    found = result("The Nigeria Governors' Forum urged the federal government to act.")
    assert "Nigeria Governors' Forum" in {e["name"] for e in found["entities"]}, found["entities"]


def test_a_bare_surname_read_as_a_town_is_the_titled_person() -> None:
    found = result(
        "Foreign Minister Timothy Musa Kabba also called on Guinea to pull its soldiers"
        ' back to "their side of the Makona river".\n\nBio telephoned Guinea\'s president,'
        " Mamadi Doumbouya, on Tuesday evening, according to State House. The two leaders"
        ' agreed that Kabba and Kouyaté would meet in Kenema next week to "calm tempers",'
        " and that surveyors from both countries would jointly mark the disputed stretch of"
        " the border, it said."
    )
    names = {e["name"]: e["type"] for e in found["entities"]}
    assert names.get("Timothy Musa Kabba") == "PERSON" and "Kabba" not in names, names


def test_a_party_whose_acronym_is_a_wire_agency_keeps_its_name() -> None:
    # "PTI" is also the Press Trust of India: a credit only after a dateline
    found = result(
        "Thousands of Pakistan Tehreek-e-Insaf (PTI) supporters clashed with police on the"
        " edge of Islamabad on Wednesday."
    )
    party = [e for e in found["entities"] if e["name"] == "Pakistan Tehreek-e-Insaf"]
    assert party and party[0]["type"] == "ORG", found["entities"]
    assert "PTI" in party[0]["aliases"], party
