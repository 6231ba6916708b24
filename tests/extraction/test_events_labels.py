"""A label put on an act or a party ("called the ban 'economic coercion'") is a stance,
not a phone call (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "sentence",
    [
        'Kihara called Medvedev\'s remarks "extremely regrettable".',
        "Japan's Chief Cabinet Secretary Minoru Kihara called the export ban \"economic "
        'coercion" and "totally unacceptable."',
    ],
)
def test_a_quoted_label_folded_into_the_object_is_a_label_not_a_phone_call(
    sentence: str,
) -> None:
    types = [e["type"] for e in events("Japan and Russia argue. " + sentence)]
    assert "CONSULT" not in types and "ACCUSE" in types, types


def test_calling_a_quoted_kind_of_strike_is_no_label() -> None:
    text = 'The council has called a "ghost town" general strike across both regions.'
    assert "ACCUSE" not in [e["type"] for e in events(text)]
