"""Identifiers sort in creation order, also within one millisecond (cursor pagination and
batch order rely on it)."""

from __future__ import annotations

from storage.ids import new_id


def test_ids_made_in_a_burst_sort_in_creation_order() -> None:
    ids = [new_id() for _ in range(2000)]  # many share a millisecond
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 26 for i in ids)
