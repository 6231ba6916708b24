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
