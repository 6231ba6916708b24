"""Quote spans and speakers on hand-built parsed Docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extraction.entities import resolve_entities
from extraction.quotes import extract_quotes, find_quote_spans

VOCAB = spacy.blank("en").vocab


def parsed(rows: list[tuple[str, bool, int, str, str, str, str]]) -> Doc:
    """rows: (word, space_after, head index, dep, pos, lemma, ent IOB)."""
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        spaces=[r[1] for r in rows],
        heads=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        pos=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        ents=[r[6] for r in rows],
    )


def test_straight_and_typographic_marks_pair_within_a_paragraph() -> None:
    text = 'He said "we will win this" and “they will lose it”. An "open\nquote never closes.'
    spans = [text[s:e] for s, e in find_quote_spans(text)]
    assert spans == ["we will win this", "they will lose it"]


def test_single_typographic_quotes_skip_apostrophes() -> None:
    text = "She said ‘we don’t want war’ and the leaders’ summit went on."
    assert [text[s:e] for s, e in find_quote_spans(text)] == ["we don’t want war"]


def test_subject_of_speech_verb_before_quote() -> None:
    # Kaja Kallas said "we stand with Kyiv ."
    doc = parsed(
        [
            ("Kaja", True, 1, "compound", "PROPN", "Kaja", "B-PERSON"),
            ("Kallas", True, 2, "nsubj", "PROPN", "Kallas", "I-PERSON"),
            ("said", True, 2, "ROOT", "VERB", "say", "O"),
            ('"', False, 6, "punct", "PUNCT", '"', "O"),
            ("we", True, 5, "nsubj", "PRON", "we", "O"),
            ("stand", True, 2, "ccomp", "VERB", "stand", "O"),
            ("together", False, 5, "advmod", "ADV", "together", "O"),
            ('"', False, 2, "punct", "PUNCT", '"', "O"),
            (".", False, 2, "punct", "PUNCT", ".", "O"),
        ]
    )
    quotes = extract_quotes(doc, resolve_entities(doc))
    assert quotes == [
        {
            "speaker": {"entity_id": "e1", "name": "Kaja Kallas"},
            "text": "we stand together",
            "start": 18,
            "end": 35,
        }
    ]
    assert doc.text[18:35] == "we stand together"


def test_inverted_attribution_after_quote() -> None:
    # "Talks will resume soon," said Feng.
    doc = parsed(
        [
            ('"', False, 3, "punct", "PUNCT", '"', "O"),
            ("Talks", True, 3, "nsubj", "NOUN", "talk", "O"),
            ("will", True, 3, "aux", "AUX", "will", "O"),
            ("resume", True, 7, "ccomp", "VERB", "resume", "O"),
            ("soon", False, 3, "advmod", "ADV", "soon", "O"),
            (",", False, 3, "punct", "PUNCT", ",", "O"),
            ('"', True, 7, "punct", "PUNCT", '"', "O"),
            ("said", True, 7, "ROOT", "VERB", "say", "O"),
            ("Feng", False, 7, "nsubj", "PROPN", "Feng", "B-PERSON"),
            (".", False, 7, "punct", "PUNCT", ".", "O"),
        ]
    )
    (quote,) = extract_quotes(doc, resolve_entities(doc))
    assert quote["speaker"]["name"] == "Feng" and quote["text"] == "Talks will resume soon,"


def test_pronoun_speaker_is_the_one_person_before_it() -> None:
    # Olaf Scholz arrived . He said "we want more trade" .
    doc = parsed(
        [
            ("Olaf", True, 1, "compound", "PROPN", "Olaf", "B-PERSON"),
            ("Scholz", True, 2, "nsubj", "PROPN", "Scholz", "I-PERSON"),
            ("arrived", False, 2, "ROOT", "VERB", "arrive", "O"),
            (".", True, 2, "punct", "PUNCT", ".", "O"),
            ("He", True, 5, "nsubj", "PRON", "he", "O"),
            ("said", True, 5, "ROOT", "VERB", "say", "O"),
            ('"', False, 8, "punct", "PUNCT", '"', "O"),
            ("we", True, 8, "nsubj", "PRON", "we", "O"),
            ("want", True, 5, "ccomp", "VERB", "want", "O"),
            ("more", True, 10, "amod", "ADJ", "more", "O"),
            ("trade", False, 8, "dobj", "NOUN", "trade", "O"),
            ('"', False, 5, "punct", "PUNCT", '"', "O"),
            (".", False, 5, "punct", "PUNCT", ".", "O"),
        ]
    )
    (quote,) = extract_quotes(doc, resolve_entities(doc))
    assert quote["speaker"] == {"entity_id": "e1", "name": "Olaf Scholz"}


def test_according_to_and_unknown_speaker() -> None:
    # "The talks were productive," according to Reuters .
    doc = parsed(
        [
            ('"', False, 3, "punct", "PUNCT", '"', "O"),
            ("The", True, 2, "det", "DET", "the", "O"),
            ("talks", True, 3, "nsubj", "NOUN", "talk", "O"),
            ("were", True, 3, "ROOT", "AUX", "be", "O"),
            ("productive", False, 3, "acomp", "ADJ", "productive", "O"),
            (",", False, 3, "punct", "PUNCT", ",", "O"),
            ('"', True, 3, "punct", "PUNCT", '"', "O"),
            ("according", True, 3, "prep", "VERB", "accord", "O"),
            ("to", True, 7, "prep", "ADP", "to", "O"),
            ("Reuters", False, 8, "pobj", "PROPN", "Reuters", "B-ORG"),
            (".", False, 3, "punct", "PUNCT", ".", "O"),
        ]
    )
    (quote,) = extract_quotes(doc, resolve_entities(doc))
    assert quote["speaker"]["name"] == "Reuters"
    # the same quote with no attribution at all
    doc2 = parsed(
        [
            r if r[0] != "Reuters" else ("others", False, 8, "pobj", "NOUN", "other", "O")
            for r in [
                ('"', False, 3, "punct", "PUNCT", '"', "O"),
                ("The", True, 2, "det", "DET", "the", "O"),
                ("talks", True, 3, "nsubj", "NOUN", "talk", "O"),
                ("were", True, 3, "ROOT", "AUX", "be", "O"),
                ("productive", False, 3, "acomp", "ADJ", "productive", "O"),
                (",", False, 3, "punct", "PUNCT", ",", "O"),
                ('"', True, 3, "punct", "PUNCT", '"', "O"),
                ("according", True, 3, "prep", "VERB", "accord", "O"),
                ("to", True, 7, "prep", "ADP", "to", "O"),
                ("Reuters", False, 8, "pobj", "PROPN", "Reuters", "O"),
                (".", False, 3, "punct", "PUNCT", ".", "O"),
            ]
        ]
    )
    (quote2,) = extract_quotes(doc2, resolve_entities(doc2))
    assert quote2["speaker"] is None


def test_scare_quotes_are_not_quotes() -> None:
    doc = parsed(
        [
            ("a", True, 1, "det", "DET", "a", "O"),
            ("“", False, 2, "punct", "PUNCT", "“", "O"),
            ("dictator", False, 2, "ROOT", "NOUN", "dictator", "O"),
            ("”", False, 2, "punct", "PUNCT", "”", "O"),
        ]
    )
    assert extract_quotes(doc, resolve_entities(doc)) == []


def test_unparsed_doc_gives_quotes_without_speaker() -> None:
    doc = Doc(
        VOCAB, words=["“", "we", "will", "win", "”"], spaces=[False, True, True, False, False]
    )
    assert extract_quotes(doc, resolve_entities(doc)) == [
        {"speaker": None, "text": "we will win", "start": 1, "end": 12}
    ]


def test_following_quote_continues_the_speaker() -> None:
    # "We will win this war," Kallas said. "The war is not over yet."
    rows = [
        ('"', False, 4, "punct", "PUNCT", '"', "O"),
        ("We", True, 2, "nsubj", "PRON", "we", "O"),
        ("win", True, 8, "ccomp", "VERB", "win", "O"),
        ("this", True, 4, "det", "DET", "this", "O"),
        ("war", False, 2, "dobj", "NOUN", "war", "O"),
        (",", False, 2, "punct", "PUNCT", ",", "O"),
        ('"', True, 8, "punct", "PUNCT", '"', "O"),
        ("Kallas", True, 8, "nsubj", "PROPN", "Kallas", "B-PERSON"),
        ("said", False, 8, "ROOT", "VERB", "say", "O"),
        (".", True, 8, "punct", "PUNCT", ".", "O"),
        ('"', False, 12, "punct", "PUNCT", '"', "O"),
        ("It", True, 12, "nsubj", "PRON", "it", "O"),
        ("is", True, 12, "ROOT", "AUX", "be", "O"),
        ("not", True, 12, "neg", "PART", "not", "O"),
        ("over", False, 12, "acomp", "ADV", "over", "O"),
        (".", False, 12, "punct", "PUNCT", ".", "O"),
        ('"', False, 12, "punct", "PUNCT", '"', "O"),
    ]
    doc = parsed(rows)
    quotes = extract_quotes(doc, resolve_entities(doc))
    assert [q["text"] for q in quotes] == ["We win this war,", "It is not over."]
    assert [q["speaker"]["name"] for q in quotes] == ["Kallas", "Kallas"]
