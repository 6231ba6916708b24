"""Input hygiene that no schema can express, checked before anything parses the request.

- Nesting: Python's ``json`` decoder recurses once per level, so ``[[[[...]]]]`` 10,000
  deep raises RecursionError inside the parser (webargs, Flask): a 500. The depth is
  measured on the raw bytes, without recursion, and answered with 422 first. No field of
  the contract is deeper than a few levels (metadata is bounded at 10).
- NUL characters: PostgreSQL cannot store U+0000 in text or JSONB, so a NUL anywhere in
  the body, the query or the path would fail at the database (a 500). It is refused up
  front: 422 naming the field, or 404 for a path.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, Response, request

from service.errors import problem

MAX_BODY_DEPTH = 64

# A JSON string literal (unrolled loop: linear, no backtracking); brackets inside strings
# do not nest anything.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_AS_SQUARE = bytes.maketrans(b"{}", b"[]")


def json_depth_exceeds(body: bytes, limit: int = MAX_BODY_DEPTH) -> bool:
    """True when ``body`` nests arrays/objects deeper than ``limit``.

    With strings dropped and ``{}`` read as ``[]``, each pass deletes every innermost
    ``[]`` pair, which lowers the depth by exactly one; pairs left after ``limit`` passes
    mean the body is deeper. Openers that are never closed (a truncated body) count too,
    since the parser descends into them before it notices. Passes run in C (bytes.replace), so
    a 2 MiB body costs milliseconds.
    """
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    brackets = _STRING.sub(b"", body).translate(_AS_SQUARE, _NOT_BRACKET)
    passes = 0
    while passes <= limit:
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
        passes += 1
    return passes + brackets.count(b"[") > limit


def nul_fields(value: Any, path: str = "") -> list[str]:
    """Dotted paths of the strings (keys included) in ``value`` that contain U+0000."""
    found: list[str] = []
    if isinstance(value, str):
        if "\x00" in value:
            found.append(path or "body")
    elif isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else str(key)
            if "\x00" in str(key):
                found.append(here.replace("\x00", "\\u0000"))
            found.extend(nul_fields(item, here))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(nul_fields(item, f"{path}.{index}" if path else str(index)))
    return found


NUL_MESSAGE = "must not contain NUL (U+0000) characters"


def install_input_guard(app: Flask) -> None:
    @app.before_request
    def _guard_input() -> Response | None:
        if "\x00" in request.path:
            return problem(404, "no such resource")
        bad_args = sorted({k for k, v in request.args.items(multi=True) if "\x00" in k + v})
        if bad_args:
            return problem(422, "invalid fields: " + ", ".join(bad_args),
                           errors={k: [NUL_MESSAGE] for k in bad_args})  # fmt: skip
        if request.method not in ("POST", "PUT", "PATCH") or not request.is_json:
            return None
        # get_data honours MAX_CONTENT_LENGTH (413 when larger) and caches the body for
        # the parser that runs next.
        raw = request.get_data(cache=True)
        if json_depth_exceeds(raw):
            message = f"the JSON body is nested deeper than {MAX_BODY_DEPTH} levels"
            return problem(422, message, errors={"body": [message]})
        if b"\\u0000" in raw:
            fields = nul_fields(request.get_json(silent=True))
            if fields:
                return problem(422, "invalid fields: " + ", ".join(fields),
                               errors={f: [NUL_MESSAGE] for f in fields})  # fmt: skip
        return None
