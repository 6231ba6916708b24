"""Direct quotes and their speakers.

Minimal first version: returns no quotes. The full version follows.
"""

from __future__ import annotations

from typing import Any

from extraction.types import EntityIndex


def extract_quotes(doc: Any, entities: EntityIndex) -> list[dict[str, Any]]:
    """Direct quotes as ``{speaker: ref | None, text, start, end}`` dicts."""
    return []
