"""``eventwire submit``: send files or folders of articles to a running API.

Files go through ``POST /v1/articles/batch`` in chunks, with a progress bar; ``.html``
and ``.htm`` files are sent as ``html``, everything else as ``text``. The summary lists
every article's id and every failure with its reason.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

CHUNK = 50
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm"}


def collect(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(
                sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            )
        elif p.is_file():
            files.append(p)
        else:
            raise FileNotFoundError(raw)
    return files


def _payload(path: Path, published_at: str | None) -> dict[str, Any]:
    body = path.read_bytes().decode("utf-8", errors="replace")
    key = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    item: dict[str, Any] = {key: body, "title": path.stem}
    if published_at:
        item["published_at"] = published_at
    return item


def run_submit(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    try:
        files = collect(args.paths)
    except FileNotFoundError as exc:
        console.print(f"[red]eventwire submit: no such file or folder: {escape(str(exc))}[/red]")
        return 2
    if not files:
        console.print("[yellow]eventwire submit: no article files found[/yellow]")
        return 1
    headers = {"Authorization": f"Bearer {args.token}"} if args.token else {}
    results: list[tuple[Path, str | None, str]] = []  # (file, id, status or error)
    with httpx.Client(base_url=args.api, headers=headers, timeout=60) as client, Progress(
        TextColumn("[bold]submitting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console,
    ) as progress:  # fmt: skip
        task = progress.add_task("submit", total=len(files))
        for start in range(0, len(files), CHUNK):
            chunk = files[start : start + CHUNK]
            try:
                resp = client.post(
                    "/v1/articles/batch",
                    json={"articles": [_payload(f, args.published_at) for f in chunk]},
                )
            except httpx.HTTPError as exc:
                reason = f"cannot reach {escape(args.api)}: {escape(str(exc))}"
                console.print(f"[red]eventwire submit: {reason}[/red]")
                return 2
            if resp.status_code != 202:
                detail = _detail(resp)
                results.extend((f, None, f"HTTP {resp.status_code}: {detail}") for f in chunk)
            else:
                for item in resp.json()["items"]:
                    f = chunk[item["index"]]
                    if item.get("id"):
                        results.append(
                            (
                                f,
                                item["id"],
                                "new" if item.get("created") else f"existing ({item['status']})",
                            )
                        )
                    else:
                        results.append(
                            (f, None, (item.get("problem") or {}).get("detail", "rejected"))
                        )
            progress.advance(task, len(chunk))
        final: dict[str, str] = {}
        if args.wait:
            final = _wait(client, [r[1] for r in results if r[1]], args.timeout, progress)
    table = Table(title="eventwire submit")
    table.add_column("file")
    table.add_column("id")
    table.add_column("result")
    for f, article_id, status in results:
        # File names, server details and failure reasons are data, not rich markup.
        table.add_row(
            escape(str(f)), article_id or "-", escape(final.get(article_id or "", status))
        )
    Console().print(table)
    failed = sum(1 for _, article_id, _ in results if not article_id)
    failed_processing = sum(1 for s in final.values() if s.startswith("failed"))
    console.print(
        f"{len(results) - failed} accepted, {failed} rejected"
        + (
            f"; {sum(1 for s in final.values() if s == 'done')} done, {failed_processing} failed"
            if final
            else ""
        )
    )
    return 1 if failed or failed_processing else 0


def _wait(
    client: httpx.Client, ids: list[str], timeout: float, progress: Progress
) -> dict[str, str]:
    task = progress.add_task("processing", total=len(ids))
    pending = set(ids)
    final: dict[str, str] = {}
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        for article_id in list(pending):
            resp = client.get(f"/v1/articles/{article_id}")
            if resp.status_code == 200 and resp.json()["status"] in ("done", "failed"):
                body = resp.json()
                final[article_id] = body["status"] + (
                    f": {body['error']}" if body.get("error") else ""
                )
                pending.discard(article_id)
                progress.advance(task)
        if pending:
            time.sleep(0.5)
    for article_id in pending:
        final[article_id] = "still processing (timed out waiting)"
    return final


def _detail(resp: httpx.Response) -> str:
    try:
        return str(resp.json().get("detail") or resp.text[:200])
    except ValueError:
        return resp.text[:200]
