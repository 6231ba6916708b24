"""``GET /v1/articles/{id}/view`` in a real headless Chromium against a real gunicorn API:
it renders, highlights entities and event triggers, and an article holding ``<script>``
shows it as text without running it."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from extraction import ArticleInput, extract
from storage.articles import ArticleRepository, NewArticle
from storage.db import Database
from tests.conftest import ROOT, service_missing, start_api

HOSTILE_TITLE = "<script>document.title='pwned-title'</script>Summit in Washington"
HOSTILE_TEXT = (
    "Keir Starmer met Donald Trump in Washington on Thursday to discuss Ukraine. "
    "<script>document.title='pwned-text'</script> "
    "<img src=x onerror=\"document.title='pwned-img'\"> "
    "A reader wrote &lt;script&gt;document.title='pwned-entity'&lt;/script&gt; and x < y. "
    "Russia launched missiles at Kyiv on Friday, officials said. "
    "Emmanuel Macron will visit Beijing next month."
)


def store_done_article(
    db: Database, text: str, title: str, published_at: str | None = "2025-02-27"
) -> str:
    """An article with a real engine result, as a worker would have stored it."""
    with db.session() as s:
        sub = ArticleRepository(s).submit(
            NewArticle(text=text, title=title, published_at=published_at)
        )
        article_id = sub.article.id
    with db.session() as s:
        repo = ArticleRepository(s)
        claimed = repo.claim(article_id, 60)
        assert claimed is not None
    result = extract(
        ArticleInput(text=text, published_at=published_at, article_id=article_id)
    ).to_dict()
    with db.session() as s:
        assert ArticleRepository(s).save_result(article_id, result)
    return article_id


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    service_missing("chromium", "run scripts/install-browser.sh (Debian's chromium package)")
    raise AssertionError("unreachable")


def browse(url: str, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", f"--user-data-dir={tmp / 'profile'}",
        *extra, url,
    ]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
def test_article_view_in_headless_chromium(migrated, processes, tmp_path):  # type: ignore[no-untyped-def]
    db = Database(migrated.database_url)
    try:
        article_id = store_done_article(db, HOSTILE_TEXT, HOSTILE_TITLE)
        with db.session() as s:
            result = ArticleRepository(s).get(article_id).result
    finally:
        db.dispose()
    assert result is not None and result["events"] and result["entities"]
    _, base = start_api(processes, migrated)
    url = f"{base}/v1/articles/{article_id}/view"

    run = browse(url, tmp_path, "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    dom = run.stdout
    # The page's own title survived: neither injected script ran.
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1).strip() == f"Eventwire article {article_id}", title
    assert "pwned" not in (title.group(1) if title else "")
    # No script element exists; the hostile markup is there as text.
    assert "<script" not in dom.lower().replace("&lt;script", "")
    assert "<img" not in dom.lower()
    # The cleaner may drop raw tags; whatever markup-like text it keeps is shown as text.
    kept = [
        h
        for h in (
            "<script>document.title='pwned-text'</script>",
            "&lt;script&gt;document.title='pwned-entity'&lt;/script&gt;",
            "x < y",
        )
        if h in result["text"]
    ]
    assert kept, result["text"]
    for fragment in kept:
        assert html.escape(fragment, quote=False) in dom, fragment
    assert "&lt;script&gt;document.title='pwned-title'&lt;/script&gt;Summit" in dom
    # Highlights: entity mentions and event triggers, with their labels.
    marks = re.findall(r'<mark class="(ent|trigger)" data-label="([A-Z_]+)"[^>]*>(.*?)<span', dom)
    ents = {(label, text) for kind, label, text in marks if kind == "ent"}
    triggers = {(label, text) for kind, label, text in marks if kind == "trigger"}
    assert ("PERSON", "Donald Trump") in ents, ents
    assert any(label == "GPE" for label, _ in ents), ents
    assert triggers, marks
    # The events table: one row per event with type and actors.
    table = re.search(r'<table id="events">(.*?)</table>', dom, re.S)
    assert table
    rows = re.findall(r"<tr><td>(v\d+)</td><td>([^<]+)</td>", table.group(1))
    assert len(rows) == len(result["events"])
    assert {r[1].split(" / ")[0] for r in rows} == {e["type"] for e in result["events"]}

    shot = tmp_path / "view.png"
    run = browse(
        url, tmp_path, f"--screenshot={shot}", "--window-size=1280,1400", "--hide-scrollbars"
    )
    assert run.returncode == 0 and shot.exists(), run.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    if os.environ.get("EVENTWIRE_UPDATE_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "article-view.png")


def test_view_headers_escaping_and_states(client, app):  # type: ignore[no-untyped-def]
    db = app.extensions["eventwire.db"]
    with db.session() as s:
        queued = ArticleRepository(s).submit(
            NewArticle(text="Queued <b>article</b>.", title="<i>t</i>")
        )
        queued_id = queued.article.id
    resp = client.get(f"/v1/articles/{queued_id}/view")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    assert "script-src" not in resp.headers["Content-Security-Policy"]
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'none'")
    page = resp.get_data(as_text=True)
    assert 'id="pending"' in page and 'http-equiv="refresh"' in page
    assert "&lt;i&gt;t&lt;/i&gt;" in page and "<i>t</i>" not in page
    body = client.get(f"/v1/articles/{queued_id}").get_json()
    assert body["links"]["view"] == f"/v1/articles/{queued_id}/view"
    missing = client.get("/v1/articles/nope/view")
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
