# ruff: noqa: E501  (hand-written token specs read best one sentence per line)
"""Rule tests for extraction.events on hand-built parses (no model needed).

Each Doc is written as ``word/POS/TAG/dep/head[/lemma]`` tokens (head = absolute index)
with entity spans ``(start, end, type, canonical name, country_code)``, the way spaCy's
own dependency-matcher tests build their Docs.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from extraction.events import extract_events
from extraction.events_lexicon import load_lexicon
from extraction.types import EVENT_TYPES, Entity, EntityIndex, Mention, PartialDate
from tests.extraction.helpers import names, only

VOCAB = spacy.blank("en").vocab
PUB = PartialDate(2025, 2, 27)  # a Thursday


def build(
    spec: str, ents: list[tuple[int, int, str, str, str | None]] = ()
) -> tuple[Doc, EntityIndex]:  # type: ignore[assignment]
    words, pos, tags, deps, heads, lemmas = [], [], [], [], [], []
    for item in spec.split():
        parts = item.split("/")
        words.append(parts[0])
        pos.append(parts[1])
        tags.append(parts[2])
        deps.append(parts[3])
        heads.append(int(parts[4]))
        lemmas.append(parts[5] if len(parts) > 5 else parts[0].lower())
    spaces = [
        i + 1 < len(words) and words[i + 1] not in (".", ",", "'s") for i in range(len(words))
    ]
    doc = Doc(
        VOCAB, words=words, spaces=spaces, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas
    )
    doc.ents = [Span(doc, s, e, label=("FAC" if t == "LOC" else t)) for s, e, t, _, _ in ents]
    by_name: dict[str, Entity] = {}
    for s, e, etype, name, cc in ents:
        span = doc[s:e]
        ent = by_name.get(name)
        if ent is None:
            ent = by_name[name] = Entity(
                f"e{len(by_name) + 1}", name, etype, [], [], country_code=cc
            )
        if span.text not in ent.aliases:
            ent.aliases.append(span.text)
        ent.mentions.append(Mention(span.start_char, span.end_char, span.text))
    return doc, EntityIndex(list(by_name.values()))


# -- lexicon -------------------------------------------------------------------------
def test_every_plover_type_has_a_reviewed_trigger_file() -> None:
    lex = load_lexicon()
    assert set(lex.types) == set(EVENT_TYPES)
    for info in lex.types.values():
        assert info.type in EVENT_TYPES


def test_trigger_files_cite_their_source() -> None:
    import json

    from extraction.events_lexicon import TRIGGER_DIR

    for path in TRIGGER_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "PLOVER" in data["source"] and data["definition"], path.name
        for t in data["triggers"]:
            assert t["pos"] in ("VERB", "NOUN", "ADJ") and t["lemma"], (path.name, t)
            if t.get("mode"):
                assert t["mode"] in data["modes"], (path.name, t)


# -- verbs: subject acts on object ----------------------------------------------------------
RUSSIA_UKRAINE = [(0, 1, "GPE", "Russia", "RU"), (2, 3, "GPE", "Ukraine", "UA")]


@pytest.mark.parametrize(
    ("spec", "etype", "mode"),
    [
        (
            "Russia/PROPN/NNP/nsubj/1 invaded/VERB/VBD/ROOT/1/invade Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "ASSAULT",
            None,
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 annexed/VERB/VBD/ROOT/1/annex Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "COERCE",
            "seize",
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 criticized/VERB/VBD/ROOT/1/criticize Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "ACCUSE",
            "disapprove",
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 blamed/VERB/VBD/ROOT/1/blame Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "ACCUSE",
            "allege",
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 threatened/VERB/VBD/ROOT/1/threaten Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "THREATEN",
            None,
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 sanctioned/VERB/VBD/ROOT/1/sanction Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "SANCTION",
            "discontinue",
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 visited/VERB/VBD/ROOT/1/visit Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "CONSULT",
            "visit",
        ),
        (
            "Russia/PROPN/NNP/nsubj/1 backed/VERB/VBD/ROOT/1/back Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
            "SUPPORT",
            None,
        ),
    ],
)
def test_verb_trigger_subject_is_actor_object_is_recipient(
    spec: str, etype: str, mode: str | None
) -> None:
    doc, idx = build(spec, RUSSIA_UKRAINE)
    ev = only(extract_events(doc, idx, PUB), etype)
    assert names(ev["actors"]) == {"Russia"}
    if etype != "CONSULT":  # a visited country is the place, not a party
        assert names(ev["recipients"]) == {"Ukraine"}
    assert ev["mode"] == mode
    t = ev["trigger"]
    assert doc.text[t["start"] : t["end"]] == t["text"]


def test_event_has_contract_fields() -> None:
    doc, idx = build(
        "Russia/PROPN/NNP/nsubj/1 invaded/VERB/VBD/ROOT/1/invade Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1",
        RUSSIA_UKRAINE,
    )
    (ev,) = extract_events(doc, idx, PUB)
    assert list(ev) == ["id", "type", "mode", "trigger", "actors", "recipients", "location", "date",
                        "modality", "negated", "reported_by", "sentence", "mentions", "confidence"]  # fmt: skip
    assert ev["id"] == "v1" and ev["modality"] == "asserted" and ev["negated"] is False
    assert 0.0 <= ev["confidence"] <= 1.0
    assert ev["actors"] == [{"entity_id": "e1", "name": "Russia"}]


def test_passive_agent_is_actor() -> None:
    # Ukraine was invaded by Russia .
    doc, idx = build(
        "Ukraine/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2/be invaded/VERB/VBN/ROOT/2/invade by/ADP/IN/agent/2 Russia/PROPN/NNP/pobj/3 ./PUNCT/./punct/2",
        [(0, 1, "GPE", "Ukraine", "UA"), (4, 5, "GPE", "Russia", "RU")],
    )
    ev = only(extract_events(doc, idx, PUB), "ASSAULT")
    assert names(ev["actors"]) == {"Russia"} and names(ev["recipients"]) == {"Ukraine"}


def test_no_actor_no_event() -> None:
    # Sanctions were imposed on Russia .
    doc, idx = build(
        "Sanctions/NOUN/NNS/nsubjpass/2/sanction were/AUX/VBD/auxpass/2/be imposed/VERB/VBN/ROOT/2/impose on/ADP/IN/prep/2 Russia/PROPN/NNP/pobj/3 ./PUNCT/./punct/2",
        [(4, 5, "GPE", "Russia", "RU")],
    )
    assert extract_events(doc, idx, PUB) == []


# -- nouns: possessor acts, prepositional object receives -------------------------------------
def test_possessive_noun_trigger() -> None:
    # Russia 's invasion of Ukraine began .
    doc, idx = build(
        "Russia/PROPN/NNP/poss/2 's/PART/POS/case/0 invasion/NOUN/NN/nsubj/5 of/ADP/IN/prep/2 Ukraine/PROPN/NNP/pobj/3 began/VERB/VBD/ROOT/5/begin ./PUNCT/./punct/5",
        [(0, 1, "GPE", "Russia", "RU"), (4, 5, "GPE", "Ukraine", "UA")],
    )
    ev = only(extract_events(doc, idx, PUB), "ASSAULT")
    assert names(ev["actors"]) == {"Russia"} and names(ev["recipients"]) == {"Ukraine"}


def test_light_verb_carries_noun_trigger() -> None:
    # Britain imposed sanctions against Russia .
    doc, idx = build(
        "Britain/PROPN/NNP/nsubj/1 imposed/VERB/VBD/ROOT/1/impose sanctions/NOUN/NNS/dobj/1/sanction against/ADP/IN/prep/2 Russia/PROPN/NNP/pobj/3 ./PUNCT/./punct/1",
        [(0, 1, "GPE", "United Kingdom", "GB"), (4, 5, "GPE", "Russia", "RU")],
    )
    ev = only(extract_events(doc, idx, PUB), "SANCTION")
    assert names(ev["actors"]) == {"United Kingdom"} and names(ev["recipients"]) == {"Russia"}
    assert ev["mode"] == "discontinue"


def test_talks_between_all_parties_are_actors() -> None:
    # talks between Lavrov and Rubio ended .
    doc, idx = build(
        "Talks/NOUN/NNS/nsubj/5/talk between/ADP/IN/prep/0 Lavrov/PROPN/NNP/pobj/1 and/CCONJ/CC/cc/2 Rubio/PROPN/NNP/conj/2 ended/VERB/VBD/ROOT/5/end ./PUNCT/./punct/5",
        [(2, 3, "PERSON", "Sergey Lavrov", None), (4, 5, "PERSON", "Marco Rubio", None)],
    )
    ev = only(extract_events(doc, idx, PUB), "CONSULT")
    assert names(ev["actors"]) == {"Sergey Lavrov", "Marco Rubio"} and ev["recipients"] == []


def test_internal_meeting_is_not_an_event() -> None:
    # Trump held a cabinet meeting .
    doc, idx = build(
        "Trump/PROPN/NNP/nsubj/1 held/VERB/VBD/ROOT/1/hold a/DET/DT/det/4 cabinet/NOUN/NN/compound/4 meeting/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
        [(0, 1, "PERSON", "Donald Trump", "US")],
    )
    assert [e for e in extract_events(doc, idx, PUB) if e["type"] == "CONSULT"] == []


def test_object_control_sent_envoy_for_talks() -> None:
    # Trump sent Rubio to Riyadh for talks with Lavrov .
    doc, idx = build(
        "Trump/PROPN/NNP/nsubj/1 sent/VERB/VBD/ROOT/1/send Rubio/PROPN/NNP/dobj/1 to/ADP/IN/prep/1 Riyadh/PROPN/NNP/pobj/3 "
        "for/ADP/IN/prep/1 talks/NOUN/NNS/pobj/5/talk with/ADP/IN/prep/6 Lavrov/PROPN/NNP/pobj/7 ./PUNCT/./punct/1",
        [(0, 1, "PERSON", "Donald Trump", "US"), (2, 3, "PERSON", "Marco Rubio", "US"),
         (4, 5, "GPE", "Riyadh", "SA"), (8, 9, "PERSON", "Sergey Lavrov", "RU")],
    )  # fmt: skip
    ev = only(extract_events(doc, idx, PUB), "CONSULT")
    assert names(ev["actors"]) == {"Marco Rubio", "Sergey Lavrov"}
    assert ev["location"]["name"] == "Riyadh"
    assert ev["mode"] == "third-party"  # hosted by neither side's country


# -- argument resolution --------------------------------------------------------------------
def test_capital_stands_for_its_government() -> None:
    # Kiev rejected the proposal .  (+ Ukraine mentioned elsewhere)
    doc, idx = build(
        "Kiev/PROPN/NNP/nsubj/1 rejected/VERB/VBD/ROOT/1/reject the/DET/DT/det/3 proposal/NOUN/NN/dobj/1 of/ADP/IN/prep/3 Ukraine/PROPN/NNP/pobj/4 ./PUNCT/./punct/1",
        [(0, 1, "GPE", "Kyiv", "UA"), (5, 6, "GPE", "Ukraine", "UA")],
    )
    ev = only(extract_events(doc, idx, PUB), "REJECT")
    assert names(ev["actors"]) == {"Ukraine"}


def test_demonym_on_officials_names_the_state_and_coordination_expands() -> None:
    # Russian and US diplomats met in Istanbul .
    doc, idx = build(
        "Russian/ADJ/JJ/amod/3/russian and/CCONJ/CC/cc/0 US/PROPN/NNP/conj/0 diplomats/NOUN/NNS/nsubj/4/diplomat met/VERB/VBD/ROOT/4/meet "
        "in/ADP/IN/prep/4 Istanbul/PROPN/NNP/pobj/5 ./PUNCT/./punct/4",
        [
            (0, 1, "NORP", "Russians", "RU"),
            (2, 3, "GPE", "United States", "US"),
            (6, 7, "GPE", "Istanbul", "TR"),
        ],
    )
    # Russia itself is only known through the demonym here: add it as a GPE mention-less entity
    idx = EntityIndex(
        [*idx.entities, Entity("e9", "Russia", "GPE", ["Russia"], [], country_code="RU")]
    )
    ev = only(extract_events(doc, idx, PUB), "CONSULT")
    assert names(ev["actors"]) == {"Russia", "United States"}
    assert ev["location"]["name"] == "Istanbul"


def test_european_leaders_act_as_europe() -> None:
    # European leaders criticized Trump .
    doc, idx = build(
        "European/ADJ/JJ/amod/1/european leaders/NOUN/NNS/nsubj/2/leader criticized/VERB/VBD/ROOT/2/criticize Trump/PROPN/NNP/dobj/2 ./PUNCT/./punct/2",
        [(0, 1, "NORP", "Europeans", None), (3, 4, "PERSON", "Donald Trump", "US")],
    )
    idx = EntityIndex([*idx.entities, Entity("e9", "Europe", "LOC", ["Europe"], [])])
    ev = only(extract_events(doc, idx, PUB), "ACCUSE")
    assert names(ev["actors"]) == {"Europe"} and names(ev["recipients"]) == {"Donald Trump"}


def test_singular_title_with_demonym_is_not_resolved() -> None:
    # The French president criticized Trump .  -> no identifiable actor
    doc, idx = build(
        "The/DET/DT/det/2 French/ADJ/JJ/amod/2/french president/NOUN/NN/nsubj/3 criticized/VERB/VBD/ROOT/3/criticize Trump/PROPN/NNP/dobj/3 ./PUNCT/./punct/3",
        [(1, 2, "NORP", "French", "FR"), (4, 5, "PERSON", "Donald Trump", "US")],
    )
    assert extract_events(doc, idx, PUB) == []


def test_pronoun_actor_resolves_to_last_person_subject() -> None:
    # Trump spoke . He criticized Zelensky .
    doc, idx = build(
        "Trump/PROPN/NNP/nsubj/1 spoke/VERB/VBD/ROOT/1/speak ./PUNCT/./punct/1 "
        "He/PRON/PRP/nsubj/4/he criticized/VERB/VBD/ROOT/4/criticize Zelensky/PROPN/NNP/dobj/4 ./PUNCT/./punct/4",
        [(0, 1, "PERSON", "Donald Trump", "US"), (5, 6, "PERSON", "Volodymyr Zelenskyy", "UA")],
    )
    ev = only(extract_events(doc, idx, PUB), "ACCUSE")
    assert names(ev["actors"]) == {"Donald Trump"} and names(ev["recipients"]) == {
        "Volodymyr Zelenskyy"
    }


# -- modality, negation, filters ------------------------------------------------------------
def test_control_verb_subject_and_planned_modality_and_date() -> None:
    # Starmer is set to meet Trump on Thursday .
    doc, idx = build(
        "Starmer/PROPN/NNP/nsubj/1 is/AUX/VBZ/ROOT/1/be set/VERB/VBN/acomp/1 to/PART/TO/aux/4 meet/VERB/VB/xcomp/2 Trump/PROPN/NNP/dobj/4 "
        "on/ADP/IN/prep/4 Thursday/PROPN/NNP/pobj/6 ./PUNCT/./punct/1",
        [
            (0, 1, "PERSON", "Keir Starmer", "GB"),
            (5, 6, "PERSON", "Donald Trump", "US"),
            (7, 8, "DATE", "Thursday", None),
        ],
    )
    idx = EntityIndex([e for e in idx.entities if e.type != "DATE"])
    ev = only(extract_events(doc, idx, PUB), "CONSULT")
    assert "Keir Starmer" in names(ev["actors"])
    assert ev["modality"] == "planned"
    assert ev["date"] == {"value": "2025-02-27", "precision": "day", "text": "Thursday"}


@pytest.mark.parametrize(
    ("spec", "negated"),
    [
        (
            "Trump/PROPN/NNP/nsubj/3 did/AUX/VBD/aux/3/do not/PART/RB/neg/3 meet/VERB/VB/ROOT/3 Putin/PROPN/NNP/dobj/3 ./PUNCT/./punct/3",
            True,
        ),
        (
            "Trump/PROPN/NNP/nsubj/1 failed/VERB/VBD/ROOT/1/fail to/PART/TO/aux/3 meet/VERB/VB/xcomp/1 Putin/PROPN/NNP/dobj/3 ./PUNCT/./punct/1",
            True,
        ),
        (
            "Trump/PROPN/NNP/nsubj/1 agreed/VERB/VBD/ROOT/1/agree to/PART/TO/aux/3 meet/VERB/VB/xcomp/1 Putin/PROPN/NNP/dobj/3 ./PUNCT/./punct/1",
            False,
        ),
    ],
)
def test_negation(spec: str, negated: bool) -> None:
    doc, idx = build(
        spec, [(0, 1, "PERSON", "Donald Trump", "US"), (4, 5, "PERSON", "Vladimir Putin", "RU")]
    )
    evs = extract_events(doc, idx, PUB)
    assert evs and all(e["negated"] is negated for e in evs)


def test_refusal_is_reject_not_negation() -> None:
    # Kyiv refused to cede territory .
    doc, idx = build(
        "Kyiv/PROPN/NNP/nsubj/1 refused/VERB/VBD/ROOT/1/refuse to/PART/TO/aux/3 cede/VERB/VB/xcomp/1 territory/NOUN/NN/dobj/3 ./PUNCT/./punct/1",
        [(0, 1, "GPE", "Ukraine", "UA")],
    )
    (ev,) = extract_events(doc, idx, PUB)
    assert ev["type"] == "REJECT" and ev["negated"] is False and ev["mode"] == "change"


def test_shared_opinion_is_not_agree() -> None:
    # Britain and France agree that talks are needed .
    doc, idx = build(
        "Britain/PROPN/NNP/nsubj/3 and/CCONJ/CC/cc/0 France/PROPN/NNP/conj/0 agree/VERB/VBP/ROOT/3 that/SCONJ/IN/mark/7 "
        "talks/NOUN/NNS/nsubjpass/7/talk are/AUX/VBP/auxpass/7/be needed/VERB/VBN/ccomp/3/need ./PUNCT/./punct/3",
        [(0, 1, "GPE", "United Kingdom", "GB"), (2, 3, "GPE", "France", "FR")],
    )
    assert [e for e in extract_events(doc, idx, PUB) if e["type"] == "AGREE"] == []


def test_failed_to_get_reassurances_is_negated_agree_by_the_giver() -> None:
    # Macron was unable to get reassurances from Trump .
    doc, idx = build(
        "Macron/PROPN/NNP/nsubj/1 was/AUX/VBD/ROOT/1/be unable/ADJ/JJ/acomp/1 to/PART/TO/aux/4 get/VERB/VB/xcomp/2 "
        "reassurances/NOUN/NNS/dobj/4/reassurance from/ADP/IN/prep/4 Trump/PROPN/NNP/pobj/6 ./PUNCT/./punct/1",
        [(0, 1, "PERSON", "Emmanuel Macron", "FR"), (7, 8, "PERSON", "Donald Trump", "US")],
    )
    ev = only(extract_events(doc, idx, PUB), "AGREE")
    assert names(ev["actors"]) == {"Donald Trump"} and names(ev["recipients"]) == {
        "Emmanuel Macron"
    }
    assert ev["negated"] is True


def test_request_mode_from_requested_content() -> None:
    # Starmer called for security guarantees .
    doc, idx = build(
        "Starmer/PROPN/NNP/nsubj/1 called/VERB/VBD/ROOT/1/call for/ADP/IN/prep/1 security/NOUN/NN/compound/4 guarantees/NOUN/NNS/pobj/2/guarantee ./PUNCT/./punct/1",
        [(0, 1, "PERSON", "Keir Starmer", "GB")],
    )
    (ev,) = extract_events(doc, idx, PUB)
    assert ev["type"] == "REQUEST" and ev["mode"] == "assist"


# -- merging ---------------------------------------------------------------------------
def test_repeated_mentions_merge_into_one_event() -> None:
    # Russia invaded Ukraine . Russia 's invasion of Ukraine began .
    doc, idx = build(
        "Russia/PROPN/NNP/nsubj/1 invaded/VERB/VBD/ROOT/1/invade Ukraine/PROPN/NNP/dobj/1 ./PUNCT/./punct/1 "
        "Russia/PROPN/NNP/poss/6 's/PART/POS/case/4 invasion/NOUN/NN/nsubj/9 of/ADP/IN/prep/6 Ukraine/PROPN/NNP/pobj/7 began/VERB/VBD/ROOT/9/begin ./PUNCT/./punct/9",
        [
            (0, 1, "GPE", "Russia", "RU"),
            (2, 3, "GPE", "Ukraine", "UA"),
            (4, 5, "GPE", "Russia", "RU"),
            (8, 9, "GPE", "Ukraine", "UA"),
        ],
    )
    (ev,) = extract_events(doc, idx, PUB)
    assert len(ev["mentions"]) == 2
    assert ev["mentions"][0]["start"] < ev["mentions"][1]["start"]


def test_different_dates_do_not_merge() -> None:
    # Trump met Putin in 2018 . Trump met Putin in 2025 .
    doc, idx = build(
        "Trump/PROPN/NNP/nsubj/1 met/VERB/VBD/ROOT/1/meet Putin/PROPN/NNP/dobj/1 in/ADP/IN/prep/1 2018/NUM/CD/pobj/3 ./PUNCT/./punct/1 "
        "Trump/PROPN/NNP/nsubj/7 met/VERB/VBD/ROOT/7/meet Putin/PROPN/NNP/dobj/7 in/ADP/IN/prep/7 2025/NUM/CD/pobj/9 ./PUNCT/./punct/7",
        [(0, 1, "PERSON", "Donald Trump", "US"), (2, 3, "PERSON", "Vladimir Putin", "RU"), (4, 5, "DATE", "2018", None),
         (6, 7, "PERSON", "Donald Trump", "US"), (8, 9, "PERSON", "Vladimir Putin", "RU"), (10, 11, "DATE", "2025", None)],
    )  # fmt: skip
    idx = EntityIndex([e for e in idx.entities if e.type != "DATE"])
    evs = extract_events(doc, idx, PUB)
    assert sorted(e["date"]["value"] for e in evs) == ["2018", "2025"]


def test_empty_document() -> None:
    doc = Doc(VOCAB, words=[])
    assert extract_events(doc, EntityIndex([]), None) == []


def test_leader_possessive_government_is_the_government_body() -> None:
    # Starmer 's government imposed sanctions on Russia . ( + "UK government" named elsewhere )
    doc, idx = build(
        "Starmer/PROPN/NNP/poss/2 's/PART/POS/case/0 government/NOUN/NN/nsubj/3 imposed/VERB/VBD/ROOT/3/impose sanctions/NOUN/NNS/dobj/3/sanction "
        "on/ADP/IN/prep/4 Russia/PROPN/NNP/pobj/5 ./PUNCT/./punct/3 The/DET/DT/det/11 UK/PROPN/NNP/compound/11 government/NOUN/NN/ROOT/11 ./PUNCT/./punct/11",
        [
            (0, 1, "PERSON", "Keir Starmer", "GB"),
            (6, 7, "GPE", "Russia", "RU"),
            (10, 12, "ORG", "UK government", None),
        ],
    )
    idx = EntityIndex(
        [*idx.entities, Entity("e9", "United Kingdom", "GPE", ["UK"], [], country_code="GB")]
    )
    ev = only(extract_events(doc, idx, PUB), "SANCTION")
    assert names(ev["actors"]) == {"UK government"} and names(ev["recipients"]) == {"Russia"}


def test_relative_clause_light_verb_gives_actor_and_negation() -> None:
    # tariffs that Trump avoided imposing on Britain
    doc, idx = build(
        "Tariffs/NOUN/NNS/ROOT/0/tariff that/PRON/WDT/nsubj/3 Trump/PROPN/NNP/nsubj/3 avoided/VERB/VBD/relcl/0/avoid "
        "imposing/VERB/VBG/xcomp/3/impose on/ADP/IN/prep/4 Britain/PROPN/NNP/pobj/5 ./PUNCT/./punct/0",
        [(2, 3, "PERSON", "Donald Trump", "US"), (6, 7, "GPE", "United Kingdom", "GB")],
    )
    ev = only(extract_events(doc, idx, PUB), "SANCTION")
    assert names(ev["actors"]) == {"Donald Trump"} and names(ev["recipients"]) == {"United Kingdom"}
    assert ev["negated"] is True


def test_call_for_someone_to_be_included_is_request_meet() -> None:
    # Starmer 's calls for Zelensky to be included in talks
    doc, idx = build(
        "Starmer/PROPN/NNP/poss/2 's/PART/POS/case/0 calls/NOUN/NNS/ROOT/2/call for/SCONJ/IN/mark/7 Zelensky/PROPN/NNP/nsubjpass/7 "
        "to/PART/TO/aux/7 be/AUX/VB/auxpass/7 included/VERB/VBN/advcl/2/include in/ADP/IN/prep/7 talks/NOUN/NNS/pobj/8/talk ./PUNCT/./punct/2",
        [(0, 1, "PERSON", "Keir Starmer", "GB"), (4, 5, "PERSON", "Volodymyr Zelenskyy", "UA")],
    )
    ev = only(extract_events(doc, idx, PUB), "REQUEST")
    assert names(ev["actors"]) == {"Keir Starmer"} and ev["mode"] == "meet"
    assert [e for e in extract_events(doc, idx, PUB) if e["type"] == "CONSULT"] == []


def test_announced_non_cooperation_in_first_person_is_the_speakers_reject() -> None:
    # Trump said I will not meet Putin .
    doc, idx = build(
        "Trump/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/1/say I/PRON/PRP/nsubj/5/I will/AUX/MD/aux/5 not/PART/RB/neg/5 "
        "meet/VERB/VB/ccomp/1 Putin/PROPN/NNP/dobj/5 ./PUNCT/./punct/1",
        [(0, 1, "PERSON", "Donald Trump", "US"), (6, 7, "PERSON", "Vladimir Putin", "RU")],
    )
    (ev,) = extract_events(doc, idx, PUB)
    assert ev["type"] == "REJECT" and ev["negated"] is False
    assert names(ev["actors"]) == {"Donald Trump"}


def test_topic_of_another_trigger_noun_is_not_an_event() -> None:
    # Macron sought reassurances on sanctions against Russia .
    doc, idx = build(
        "Macron/PROPN/NNP/nsubj/1 got/VERB/VBD/ROOT/1/get reassurances/NOUN/NNS/dobj/1/reassurance from/ADP/IN/prep/2 Trump/PROPN/NNP/pobj/3 "
        "on/ADP/IN/prep/2 sanctions/NOUN/NNS/pobj/5/sanction against/ADP/IN/prep/6 Russia/PROPN/NNP/pobj/7 ./PUNCT/./punct/1",
        [
            (0, 1, "PERSON", "Emmanuel Macron", "FR"),
            (4, 5, "PERSON", "Donald Trump", "US"),
            (8, 9, "GPE", "Russia", "RU"),
        ],
    )
    assert [e["type"] for e in extract_events(doc, idx, PUB)] == ["AGREE"]


def test_demanded_content_is_not_an_event_but_condemned_fact_is() -> None:
    # Europe insists that the US must provide guarantees .
    doc, idx = build(
        "Europe/PROPN/NNP/nsubj/1 insists/VERB/VBZ/ROOT/1/insist that/SCONJ/IN/mark/5 the/DET/DT/det/4 US/PROPN/NNP/nsubj/5 "
        "provide/VERB/VB/ccomp/1 aid/NOUN/NN/dobj/5 to/ADP/IN/prep/6 Ukraine/PROPN/NNP/pobj/7 ./PUNCT/./punct/1",
        [
            (0, 1, "LOC", "Europe", None),
            (4, 5, "GPE", "United States", "US"),
            (8, 9, "GPE", "Ukraine", "UA"),
        ],
    )
    assert [e["type"] for e in extract_events(doc, idx, PUB)] == ["REQUEST"]
    # China condemned Russia 's invasion of Ukraine .
    doc, idx = build(
        "China/PROPN/NNP/nsubj/1 condemned/VERB/VBD/ROOT/1/condemn Russia/PROPN/NNP/poss/4 's/PART/POS/case/2 invasion/NOUN/NN/dobj/1 "
        "of/ADP/IN/prep/4 Ukraine/PROPN/NNP/pobj/5 ./PUNCT/./punct/1",
        [
            (0, 1, "GPE", "China", "CN"),
            (2, 3, "GPE", "Russia", "RU"),
            (6, 7, "GPE", "Ukraine", "UA"),
        ],
    )
    assert sorted(e["type"] for e in extract_events(doc, idx, PUB)) == ["ACCUSE", "ASSAULT"]


def test_title_description_resolves_to_the_one_titled_person() -> None:
    # the Ukrainian leader criticized Trump .  (Zelensky is "Ukrainian President Volodymyr Zelensky")
    doc, idx = build(
        "The/DET/DT/det/2 Ukrainian/ADJ/JJ/amod/2/ukrainian leader/NOUN/NN/nsubj/3 criticized/VERB/VBD/ROOT/3/criticize Trump/PROPN/NNP/dobj/3 ./PUNCT/./punct/3",
        [(1, 2, "NORP", "Ukrainians", "UA"), (4, 5, "PERSON", "Donald Trump", "US")],
    )
    zel = Entity(
        "e9",
        "Volodymyr Zelenskyy",
        "PERSON",
        ["Ukrainian President Volodymyr Zelenskyy"],
        [],
        country_code="UA",
    )
    ev = only(extract_events(doc, EntityIndex([*idx.entities, zel]), PUB), "ACCUSE")
    assert names(ev["actors"]) == {"Volodymyr Zelenskyy"}


def test_unparsed_document_has_no_events() -> None:
    doc = Doc(VOCAB, words=["Russia", "invaded", "Ukraine"])
    assert extract_events(doc, EntityIndex([]), PUB) == []


def test_they_resolves_to_the_latest_plural_subject() -> None:
    # Britain and France criticized Russia . They demanded talks .
    doc, idx = build(
        "Britain/PROPN/NNP/nsubj/3 and/CCONJ/CC/cc/0 France/PROPN/NNP/conj/0 criticized/VERB/VBD/ROOT/3/criticize Russia/PROPN/NNP/dobj/3 ./PUNCT/./punct/3 "
        "They/PRON/PRP/nsubj/7/they demanded/VERB/VBD/ROOT/7/demand talks/NOUN/NNS/dobj/7/talk ./PUNCT/./punct/7",
        [
            (0, 1, "GPE", "United Kingdom", "GB"),
            (2, 3, "GPE", "France", "FR"),
            (4, 5, "GPE", "Russia", "RU"),
        ],
    )
    ev = only(extract_events(doc, idx, PUB), "REQUEST")
    assert names(ev["actors"]) == {"United Kingdom", "France"} and ev["mode"] == "meet"


def test_cooperation_needs_a_partner() -> None:
    # France expanded cooperation .  (PLOVER: COOPERATE requires a recipient)
    doc, idx = build(
        "France/PROPN/NNP/nsubj/1 expanded/VERB/VBD/ROOT/1/expand cooperation/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
        [(0, 1, "GPE", "France", "FR")],
    )
    assert extract_events(doc, idx, PUB) == []
