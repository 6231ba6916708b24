"""Small helpers the extraction tests share: run the whole engine on a sentence and read
its entities and events."""

from __future__ import annotations

from typing import Any

from extraction.engine import ArticleInput, extract

PUBLISHED_AT = "2026-03-10"


def result(text: str) -> dict[str, Any]:
    """The ArticleResult of ``text`` as a dict, published on PUBLISHED_AT."""
    return extract(ArticleInput(text=text, published_at=PUBLISHED_AT)).to_dict()


def events(text: str) -> list[dict[str, Any]]:
    return result(text)["events"]


def entities(text: str) -> dict[str, str]:
    """Entity name -> type."""
    return {e["name"]: e["type"] for e in result(text)["entities"]}


def names(refs: list[dict[str, Any]]) -> set[str]:
    return {r["name"] for r in refs}


def only(evs: list[dict[str, Any]], etype: str) -> dict[str, Any]:
    """The one event of ``etype`` (fails, showing all events, when there are none or more)."""
    found = [e for e in evs if e["type"] == etype]
    assert len(found) == 1, evs
    return found[0]
