"""``eventwire extract``: the engine in-process on files or stdin, no service needed."""

from __future__ import annotations

import argparse
import json
import sys


def _read(path: str) -> str:
    """Read a file as UTF-8; undecodable bytes become U+FFFD instead of failing."""
    data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()  # noqa: SIM115
    return data.decode("utf-8", errors="replace")


def run_extract(args: argparse.Namespace) -> int:
    from extraction import ArticleInput, extract
    from extraction.errors import ExtractionError
    from extraction.types import PartialDate

    if args.published_at:
        try:
            PartialDate.parse(args.published_at)
        except ValueError as exc:
            print(f"eventwire extract: --published-at: {exc}", file=sys.stderr)
            return 2
    status = 0
    for path in args.files:
        try:
            raw = _read(path)
        except OSError as exc:
            print(f"eventwire extract: {path}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        article = ArticleInput(
            text=None if args.html else raw,
            html=raw if args.html else None,
            published_at=args.published_at,
            url=args.url,
        )
        try:
            result = extract(article).to_dict()
        except ExtractionError as exc:
            print(f"eventwire extract: {path}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.jsonl:
            print(json.dumps(result, ensure_ascii=False))
        else:
            print(json.dumps(result, ensure_ascii=False, indent=2))
    return status
