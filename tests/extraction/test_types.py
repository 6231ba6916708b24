"""Shared engine data: EntityIndex lookups."""

from extraction.types import Entity, EntityIndex, Mention


def test_entities_sharing_a_mention_start_do_not_break_the_index():
    # Regression: sorting (start, end, Entity) tuples compared Entity objects on ties.
    a = Entity("e1", "Economic Community", "ORG", mentions=[Mention(0, 18, "Economic Community")])
    b = Entity("e2", "Economic", "ORG", mentions=[Mention(0, 18, "Economic Community")])
    index = EntityIndex([a, b])
    assert index.at(0, 18) in (a, b)
    assert index.at(30, 40) is None


def test_at_prefers_the_mention_that_contains_the_range():
    outer = Entity("e1", "European Union", "ORG", mentions=[Mention(4, 18, "European Union")])
    inner = Entity("e2", "Europe", "LOC", mentions=[Mention(4, 10, "Europe")])
    index = EntityIndex([outer, inner])
    assert index.at(4, 10) is inner
    assert index.at(4, 18) is outer
