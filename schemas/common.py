"""Shared pieces: problem details, pagination arguments, input bounds."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

MAX_LIST_LIMIT = 100
MAX_METADATA_BYTES = 16 * 1024
MAX_JSON_DEPTH = 10


class ProblemSchema(Schema):
    """RFC 9457 problem details; ``errors`` maps each field at fault to its messages."""

    type = fields.String(required=True, metadata={"example": "about:blank"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String()
    instance = fields.String()
    errors = fields.Dict(keys=fields.String(), values=fields.Raw())


class PageArgsSchema(Schema):
    """Base of every list's query arguments. An unknown parameter is 422, not ignored: a
    misspelt filter (``?stauts=done``) would otherwise silently return everything."""

    @validates_schema(pass_original=True)
    def _no_unknown_parameters(self, _: Any, original: Any, **__: Any) -> None:
        known = {f.data_key or name for name, f in self.load_fields.items()}
        unknown = sorted(set(original) - known) if hasattr(original, "keys") else []
        if unknown:
            raise ValidationError({name: ["Unknown field."] for name in unknown})

    limit = fields.Integer(
        load_default=50, validate=validate.Range(min=1, max=MAX_LIST_LIMIT),
        metadata={"description": f"page size, 1 to {MAX_LIST_LIMIT}"},
    )  # fmt: skip
    cursor = fields.String(
        load_default=None, validate=validate.Length(max=512),
        metadata={"description": "next_cursor of the previous page"},
    )  # fmt: skip


def depth(value: Any, level: int = 0) -> int:
    """Nesting depth of a JSON value, stopping early once past the bound."""
    if level > MAX_JSON_DEPTH:
        return level
    if isinstance(value, dict):
        return max((depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((depth(v, level + 1) for v in value), default=level + 1)
    return level


def validate_metadata(value: dict[str, Any]) -> None:
    if depth(value) > MAX_JSON_DEPTH:
        raise ValidationError(f"metadata is nested deeper than {MAX_JSON_DEPTH} levels")
    if len(json.dumps(value, ensure_ascii=False).encode()) > MAX_METADATA_BYTES:
        raise ValidationError(f"metadata is larger than {MAX_METADATA_BYTES} bytes as JSON")


class PublishedAt(fields.String):
    """RFC 3339 timestamp or date (YYYY-MM-DD); YYYY-MM and YYYY are accepted too.

    Stored as the date part at its given precision, which is what extraction resolves
    relative dates against.
    """

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        raw = super()._deserialize(value, attr, data, **kwargs).strip()
        for parse in (_parse_partial, _parse_timestamp):
            parsed = parse(raw)
            if parsed:
                return parsed
        raise ValidationError("not an RFC 3339 timestamp or a date (YYYY-MM-DD, YYYY-MM, YYYY)")


def _parse_partial(raw: str) -> str | None:
    try:
        if len(raw) == 10:
            return date.fromisoformat(raw).isoformat()
        if len(raw) == 7 and raw[4] == "-":
            date.fromisoformat(raw + "-01")
            return raw
        if len(raw) == 4 and raw.isdigit() and raw != "0000":
            return raw
    except ValueError:
        return None
    return None


def _parse_timestamp(raw: str) -> str | None:
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None
