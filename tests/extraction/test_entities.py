"""Entity resolution rules on hand-built Docs (no model), plus one model-backed check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from extraction.entities import resolve_entities
from extraction.entities_names import demonym_plural, same_person_name, text_key
from extraction.types import EntityIndex

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_title, ...)


def make_doc(spec: str, ents: dict[int, tuple[int, str]] | None = None, **attrs: list) -> Doc:  # type: ignore[type-arg]
    """Words separated by spaces ("_" glues a word to the previous one, "|" is a line
    break); ``ents`` maps a start word index to (end index, label)."""
    words: list[str] = []
    spaces: list[bool] = []
    for raw in spec.split(" "):
        if raw == "|":
            words.append("\n")
            spaces.append(False)
            if spaces:
                spaces[-2] = False
            continue
        glued = raw.startswith("_")
        word = raw[1:] if glued else raw
        if glued and spaces:
            spaces[-1] = False
        words.append(word)
        spaces.append(True)
    spaces[-1] = False
    iob = ["O"] * len(words)
    for start, (end, label) in (ents or {}).items():
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    return Doc(VOCAB, words=words, spaces=spaces, ents=iob, **attrs)


def by_name(index: EntityIndex) -> dict[str, object]:
    return {e.name: e for e in index}


def check_offsets(doc: Doc, index: EntityIndex) -> None:
    for e in index:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_surname_and_org_tag_join_the_full_name() -> None:
    # "Donald Trump met Keir Starmer . Later Trump spoke ." with the model's usual ORG
    doc = make_doc(
        "Donald Trump met Keir Starmer _. Later Trump spoke _.",
        {0: (2, "PERSON"), 3: (5, "PERSON"), 7: (8, "ORG")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    names = by_name(index)
    assert set(names) == {"Donald Trump", "Keir Starmer"}
    trump = names["Donald Trump"]
    assert trump.type == "PERSON"  # type: ignore[attr-defined]
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump"]  # type: ignore[attr-defined]
    assert [e.id for e in index] == ["e1", "e2"]


def test_title_before_name_is_an_alias_and_name_stays_bare() -> None:
    doc = make_doc(
        "US President Donald Trump spoke . Mr. Trump left .",
        {0: (1, "GPE"), 2: (4, "PERSON"), 7: (8, "PERSON")},
    )
    index = resolve_entities(doc)
    trump = by_name(index)["Donald Trump"]
    assert "US President Donald Trump" in trump.aliases  # type: ignore[attr-defined]
    assert "Mr. Trump" in trump.aliases  # type: ignore[attr-defined]
    assert trump.country_code == "US"  # type: ignore[attr-defined]
    assert [m.text for m in trump.mentions] == ["Donald Trump", "Trump"]  # type: ignore[attr-defined]


def test_title_across_line_break_and_abbreviated_rank() -> None:
    doc = make_doc("retired Lt _. Gen. Jane Roe said .", {4: (6, "PERSON")})
    roe = by_name(resolve_entities(doc))["Jane Roe"]
    assert "retired Lt. Gen. Jane Roe" in roe.aliases  # type: ignore[attr-defined]


def test_possessive_is_stripped_with_typographic_apostrophe() -> None:
    doc = make_doc(
        "Anna Lindqvist met Olaf . Lindqvist’s plan failed .", {0: (2, "PERSON"), 5: (6, "PERSON")}
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    anna = by_name(index)["Anna Lindqvist"]
    assert "Lindqvist" in anna.aliases  # type: ignore[attr-defined]
    assert not any(re.search(r"['’]s?$", a) for e in index for a in e.aliases)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Pete Hegseth", "Peter Hegseth"),
    ],
)
def test_spelling_variants_are_one_person(first: str, second: str) -> None:
    assert same_person_name(first.split(), second.split())
    doc = make_doc(f"{first} spoke . Then {second} left .", {0: (2, "PERSON"), 5: (7, "PERSON")})
    assert len(resolve_entities(doc)) == 1


def test_different_people_with_one_surname_stay_apart() -> None:
    assert not same_person_name(["Joe", "Biden"], ["Hunter", "Biden"])
    doc = make_doc(
        "Joe Biden and Hunter Biden spoke . Biden left .",
        {0: (2, "PERSON"), 3: (5, "PERSON"), 7: (8, "PERSON")},
    )
    index = resolve_entities(doc)
    assert {"Joe Biden", "Hunter Biden"} <= set(by_name(index))


def test_country_variants_are_one_gpe_with_canonical_name() -> None:
    doc = make_doc(
        "The US and the U.S. and America and the United States _. UK and Britain .",
        {
            1: (2, "GPE"),
            4: (5, "GPE"),
            6: (7, "GPE"),
            8: (11, "GPE"),
            12: (13, "GPE"),
            14: (15, "GPE"),
        },
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    names = by_name(index)
    assert set(names) == {"United States", "United Kingdom"}
    us = names["United States"]
    assert us.country_code == "US" and len(us.mentions) == 4  # type: ignore[attr-defined]
    assert [m.text for m in us.mentions][-1] == "United States"  # type: ignore[attr-defined]


def test_demonyms_are_norp_named_by_group() -> None:
    doc = make_doc(
        "Russian troops and Russians _, British voters _, Ukrainian farmers .",
        {0: (1, "NORP"), 3: (4, "NORP"), 5: (6, "NORP"), 8: (9, "GPE")},
    )
    names = by_name(resolve_entities(doc))
    assert set(names) == {"Russians", "British", "Ukrainians"}
    assert all(e.type == "NORP" for e in names.values())  # type: ignore[attr-defined]


def test_demonym_plural_rule() -> None:
    assert demonym_plural("Russian") == "Russians"
    assert demonym_plural("North Korean") == "North Koreans"
    assert demonym_plural("Chinese") == "Chinese"
    assert demonym_plural("French") == "French"
    assert demonym_plural("Europeans") == "Europeans"


def test_person_tagged_org_and_place_tagged_person_are_retyped() -> None:
    doc = make_doc(
        "Ms. Okafor said Okafor and Okafor visited Kiev and Kiev .",
        {1: (2, "ORG"), 3: (4, "ORG"), 5: (6, "PERSON"), 7: (8, "PERSON"), 9: (10, "PERSON")},
    )
    names = by_name(resolve_entities(doc))
    assert names["Okafor"].type == "PERSON"  # type: ignore[attr-defined]
    kyiv = names["Kyiv"]
    assert kyiv.type == "GPE" and kyiv.country_code == "UA" and kyiv.lat  # type: ignore[attr-defined]
    assert kyiv.aliases == ["Kiev"]  # type: ignore[attr-defined]


def test_washington_dc_is_one_mention() -> None:
    doc = make_doc("They flew to Washington _, D.C. on Monday .", {3: (4, "GPE"), 5: (6, "GPE")})
    index = resolve_entities(doc)
    check_offsets(doc, index)
    (dc,) = list(index)
    assert dc.name == "Washington, D.C." and dc.mentions[0].text == "Washington, D.C."


def test_body_of_a_person_or_state_is_an_org() -> None:
    doc = make_doc(
        "the Obama administration and the UK government met .", {1: (2, "PERSON"), 5: (6, "GPE")}
    )
    names = by_name(resolve_entities(doc))
    assert names["Obama administration"].type == "ORG"  # type: ignore[attr-defined]
    assert names["UK government"].type == "ORG"  # type: ignore[attr-defined]


def test_junk_and_title_fragments_are_dropped() -> None:
    doc = make_doc(
        "Secretary of State Ann Lee said -- whatever ; |",
        {2: (3, "ORG"), 3: (5, "PERSON"), 6: (7, "ORG"), 7: (8, "ORG")},
    )
    index = resolve_entities(doc)
    assert [e.name for e in index] == ["Ann Lee"]
    assert "Secretary of State Ann Lee" in index.entities[0].aliases


def test_name_particle_extends_person_over_split_entity() -> None:
    doc = make_doc("Ursula von der Leyen spoke .", {0: (3, "PERSON"), 3: (4, "GPE")})
    assert [e.name for e in resolve_entities(doc)] == ["Ursula von der Leyen"]


def test_photo_credit_is_split() -> None:
    # tokens holding slashes, as the tokenizer leaves "Reuters/Mikhail"
    doc = make_doc("Reuters/Mikhail Metzel/AP", {0: (2, "ORG")})
    index = resolve_entities(doc)
    check_offsets(doc, index)
    assert {(e.name, e.type) for e in index} == {
        ("Reuters", "ORG"),
        ("Mikhail Metzel", "PERSON"),
        ("AP", "ORG"),
    }


def test_leading_the_and_adjectival_prefix() -> None:
    doc = make_doc(
        "the White House said a post _- _Brexit deal .", {0: (3, "ORG"), 5: (8, "EVENT")}
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    assert [e.name for e in index] == ["White House", "Brexit"]


def test_ids_salience_and_empty_doc() -> None:
    assert len(resolve_entities(make_doc("nothing here ."))) == 0
    doc = make_doc(
        "Ruth Ode met Lars Ek . Ode left . Ode won .",
        {0: (2, "PERSON"), 3: (5, "PERSON"), 6: (7, "PERSON"), 9: (10, "PERSON")},
    )
    index = resolve_entities(doc)
    assert [e.id for e in index] == ["e1", "e2"]
    sal = {e.name: e.salience for e in index}
    assert sal["Ruth Ode"] == 1.0 and 0 < sal["Lars Ek"] < 1


def test_text_key_is_case_and_punctuation_insensitive() -> None:
    assert text_key("U.S.") == text_key("US") == "u s" or text_key("U.S.") == "u s"
    assert text_key("The Guardian") == text_key("Guardian")


@pytest.mark.slow
def test_seeds_offsets_slice_and_aliases_are_unique(seeds: list[Path]) -> None:
    from extraction.cleaning import clean
    from extraction.nlp import get_nlp

    nlp = get_nlp()
    for path in seeds:
        text = clean(path.read_text(encoding="utf-8"), None).text
        doc = nlp(text)
        index = resolve_entities(doc)
        assert len(index) > 5
        check_offsets(doc, index)
        owners: dict[str, str] = {}
        for e in index:
            assert e.type in ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT")
            assert 0.0 <= e.salience <= 1.0
            for alias in e.aliases:
                key = text_key(alias)
                assert owners.setdefault(key, e.id) == e.id, f"{alias!r} shared in {path.name}"
                assert not re.search(r"['’]s?$", alias)


def test_acronyms_join_their_organisation() -> None:
    doc = make_doc(
        "the World Food Programme ( _WFP _) said . The WFP and the Central Intelligence Agency"
        " and the CIA .",
        {1: (4, "ORG"), 5: (6, "ORG"), 10: (11, "ORG"), 13: (16, "ORG"), 18: (19, "ORG")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    names = by_name(index)
    assert set(names) == {"World Food Programme", "Central Intelligence Agency"}
    assert "WFP" in names["World Food Programme"].aliases  # type: ignore[attr-defined]
    assert "CIA" in names["Central Intelligence Agency"].aliases  # type: ignore[attr-defined]


def test_body_without_its_country_joins_the_qualified_name() -> None:
    doc = make_doc(
        "the US State Department said . Later the State Department added .",
        {1: (4, "ORG"), 8: (10, "ORG")},
    )
    (dept,) = list(resolve_entities(doc))
    assert dept.name == "US State Department" and len(dept.mentions) == 2


def test_inner_name_of_a_summit_stays_a_mention() -> None:
    doc = make_doc("this Alaska summit ended .", {1: (2, "GPE")})
    index = resolve_entities(doc)
    check_offsets(doc, index)
    assert {(e.name, e.type) for e in index} == {("Alaska", "GPE"), ("Alaska summit", "EVENT")}


def test_untagged_later_surname_is_propagated() -> None:
    doc = make_doc(
        "William Ruto spoke . Later Ruto left .",
        {0: (2, "PERSON")},
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "ADV", "PROPN", "VERB", "PUNCT"],
    )
    (ruto,) = list(resolve_entities(doc))
    assert [m.text for m in ruto.mentions] == ["William Ruto", "Ruto"]


def test_untagged_proper_noun_speaking_mid_sentence_is_a_person() -> None:
    # "The plan failed , Kallas said ." with Kallas left untagged by the model
    words = ["The", "plan", "failed", ",", "Kallas", "said", "."]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=[True, True, False, True, True, False, False],
        heads=[1, 2, 5, 5, 5, 5, 5],
        deps=["det", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"],
        pos=["DET", "NOUN", "VERB", "PUNCT", "PROPN", "VERB", "PUNCT"],
        lemmas=["the", "plan", "fail", ",", "Kallas", "say", "."],
    )
    assert [(e.name, e.type) for e in resolve_entities(doc)] == [("Kallas", "PERSON")]


def test_legal_suffix_and_glued_amount_are_not_the_name() -> None:
    doc = make_doc(
        "Acme Corp. said . Regulators fined Acme 1.8 billion euros .",
        {0: (2, "ORG"), 6: (10, "ORG")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    (acme,) = list(index)
    assert acme.name == "Acme Corp." and [m.text for m in acme.mentions] == ["Acme Corp.", "Acme"]


def test_demonym_before_a_state_body_is_part_of_its_name() -> None:
    doc = make_doc(
        "the Chinese Foreign Ministry spokesperson Mao Ning said .",
        {1: (2, "NORP"), 2: (4, "ORG"), 5: (7, "PERSON")},
    )
    names = by_name(resolve_entities(doc))
    assert set(names) == {"Chinese Foreign Ministry", "Mao Ning"}
    mao = names["Mao Ning"]
    assert "Chinese Foreign Ministry spokesperson Mao Ning" in mao.aliases  # type: ignore[attr-defined]
    assert mao.country_code == "CN"  # type: ignore[attr-defined]


WORDS = [
    "Trump", "Mr.", "President", "said", "the", "U.S.", "Kiev", "Russian", "’s", "'s", "“", "”",
    '"', "-", "/", ",", ".", "\n", "von", "der", "Leyen", "Inc.", "1.8", "billion", "summit",
    "administration", "(", ")", "NATO", "CIA", "Washington", "D.C.", "北京", "😀", "\u200f",
]  # fmt: skip


@pytest.mark.slow
def test_any_text_gives_consistent_entities_and_quotes() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from extraction.nlp import get_nlp
    from extraction.quotes import extract_quotes

    nlp = get_nlp()

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=40))
    def check(words: list[str]) -> None:
        text = " ".join(words)
        doc = nlp(text)
        index = resolve_entities(doc)
        check_offsets(doc, index)
        assert [e.id for e in index] == [f"e{i}" for i in range(1, len(index) + 1)]
        for q in extract_quotes(doc, index):
            assert text[q["start"] : q["end"]] == q["text"]

    check()


def test_name_after_a_swallowed_possessive_is_kept_only_when_known() -> None:
    doc = make_doc(
        "Ukraine _’s Zelenskiy spoke . Zelenskiy left . Trump Administration _’s Strategy |",
        {0: (3, "ORG"), 5: (6, "PERSON"), 8: (12, "ORG")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    names = by_name(index)
    assert set(names) == {"Ukraine", "Zelenskiy", "Trump Administration"}
    assert len(names["Zelenskiy"].mentions) == 2  # type: ignore[attr-defined]


def test_reporting_credits_name_people() -> None:
    doc = make_doc(
        "( _Reporting by Dawit Tesfaye in Nairobi _; Editing by Alex Roe and Ann Poe _)",
        {3: (5, "ORG"), 6: (7, "GPE"), 9: (10, "GPE")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    people = {e.name for e in index if e.type == "PERSON"}
    assert people == {"Dawit Tesfaye", "Alex Roe", "Ann Poe"}


def test_name_ending_in_a_body_word_is_an_organisation() -> None:
    doc = make_doc(
        "the Tigray People _'s Liberation Front ( _TPLF _) met .",
        {1: (6, "PERSON"), 7: (8, "ORG")},
    )
    (front,) = list(resolve_entities(doc))
    assert front.type == "ORG" and "TPLF" in front.aliases


def test_person_tag_inside_a_place_phrase_is_a_place() -> None:
    # "Fighting continued in Adigrat ." with the model's PERSON for an unknown town
    doc = Doc(
        VOCAB,
        words=["Fighting", "continued", "in", "Adigrat", "."],
        spaces=[True, True, True, False, False],
        heads=[1, 1, 1, 2, 1],
        deps=["nsubj", "ROOT", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "O", "B-PERSON", "O"],
    )
    assert [(e.name, e.type) for e in resolve_entities(doc)] == [("Adigrat", "GPE")]


def test_role_apposition_and_who_clause_mark_a_person() -> None:
    # "Kaja Kallas , the chief , said ." with the model's ORG for the name
    doc = Doc(
        VOCAB,
        words=["Kaja", "Kallas", ",", "the", "chief", ",", "said", "."],
        spaces=[True, False, True, True, False, True, False, False],
        heads=[1, 6, 1, 4, 1, 1, 6, 6],
        deps=["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PUNCT"],
        ents=["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"],
    )
    assert [(e.name, e.type) for e in resolve_entities(doc)] == [("Kaja Kallas", "PERSON")]


def test_bracketed_acronym_of_a_translated_name_and_office_possessive() -> None:
    doc = make_doc(
        "the Revolutionary Armed Forces of Colombia ( _FARC _) and The Ombudsman _'s Office ,"
        " not the Ministry of Defence ( _UK _) .",
        {1: (6, "ORG"), 7: (8, "ORG"), 10: (14, "ORG"), 17: (20, "ORG"), 21: (22, "GPE")},
    )
    index = resolve_entities(doc)
    check_offsets(doc, index)
    names = by_name(index)
    assert "FARC" in names["Revolutionary Armed Forces of Colombia"].aliases  # type: ignore[attr-defined]
    assert any(n.endswith("Ombudsman's Office") for n in names)
    assert names["United Kingdom"].type == "GPE"  # type: ignore[attr-defined]
