"""Promise 5: access and input limits. Tokens are compared in constant time; ``serve``
refuses to listen beyond loopback without tokens; body size, field lengths, batch size,
metadata and JSON nesting are bounded with clear 413/422 answers (never 500); text from
articles is escaped wherever it is rendered."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import httpx
import pytest

from service import auth
from service.app import create_app
from storage.migrate import upgrade
from tests.conftest import ROOT, make_settings, start_api

TOKENS = ("first-token-0123456789", "second-token-abcdefghij")
AUTH = {"Authorization": f"Bearer {TOKENS[1]}"}


@pytest.fixture
def guarded(tmp_path):  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path, api_tokens=TOKENS, max_body_bytes=64 * 1024)
    upgrade(settings.database_url)
    app = create_app(settings)
    yield app.test_client()
    app.extensions["eventwire.db"].dispose()


def _problem(resp, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, (resp.status_code, resp.get_data(as_text=True)[:500])
    assert resp.mimetype == "application/problem+json"
    body = resp.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


# -- tokens -------------------------------------------------------------------------------


def test_tokens_are_compared_in_constant_time(guarded, monkeypatch):
    calls: list[tuple[bytes, bytes]] = []
    real = auth.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    # Every configured token is compared with hmac.compare_digest, whichever matches
    # and whatever the presented token's length or prefix: no early exit to time.
    for presented in (TOKENS[0], TOKENS[1], TOKENS[0][:5], TOKENS[1] + "x", "", "z" * 500):
        calls.clear()
        assert auth.token_matches(presented, TOKENS) == (presented in TOKENS)
        assert [b for _, b in calls] == [t.encode() for t in TOKENS], presented
    assert guarded.get("/v1/articles", headers=AUTH).status_code == 200
    for header in (
        "",
        "Bearer",
        f"Bearer {TOKENS[1][:-1]}",
        f"Basic {TOKENS[1]}",
        "Bearer ünïcode",
    ):
        body = _problem(guarded.get("/v1/articles", headers={"Authorization": header}), 401)
        assert TOKENS[1] not in json.dumps(body)
    assert guarded.get("/livez").status_code == 200  # health stays public


def _serve(host: str, tokens: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env["PYTHONPATH"] = str(ROOT)
    if tokens:
        env["EVENTWIRE_API_TOKENS"] = tokens
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "serve", "--host", host, "--port", "9"],
        env=env, capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "example.org"])
def test_serve_refuses_public_address_without_tokens(host):
    done = _serve(host, None)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and "refusing to listen" in lines[0] and "EVENTWIRE_API_TOKENS" in lines[0]
    )


def test_serve_check_passes_for_loopback_or_with_tokens():
    from eventwire.config import load_settings
    from eventwire.processes import check_listen_allowed

    no_tokens = load_settings({})
    with_tokens = load_settings({"EVENTWIRE_API_TOKENS": "a,b"})
    assert check_listen_allowed(no_tokens, "127.0.0.1") is None
    assert check_listen_allowed(no_tokens, "::1") is None
    assert check_listen_allowed(no_tokens, "localhost") is None
    assert check_listen_allowed(with_tokens, "0.0.0.0") is None
    assert check_listen_allowed(no_tokens, "0.0.0.0")


# -- input bounds -------------------------------------------------------------------------


def test_body_larger_than_the_limit_is_413(guarded):
    body = _problem(
        guarded.post("/v1/articles", json={"text": "x" * (65 * 1024)}, headers=AUTH), 413
    )
    assert "65536" in body["detail"]
    _problem(
        guarded.post(
            "/v1/articles/batch", json={"articles": [{"text": "y" * 70_000}]}, headers=AUTH
        ),
        413,
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "a", "title": "t" * 1025}, "title"),
        ({"text": "a", "source": "s" * 257}, "source"),
        ({"text": "a", "external_id": "e" * 513}, "external_id"),
        ({"text": "a", "url": "https://example.org/" + "p" * 2100}, "url"),
        ({"text": "a", "language": "x" * 50}, "language"),
        ({"text": "a", "published_at": "9" * 40}, "published_at"),
        ({"text": "a", "metadata": {"k": "v" * 17_000}}, "metadata"),
        (
            {
                "text": "a",
                "metadata": {
                    "a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": {"k": 1}}}}}}}}}}
                },
            },
            "metadata",
        ),
        ({"text": ""}, "text"),
        ({"text": 5}, "text"),
    ],
)
def test_field_bounds_are_422_naming_the_field(tmp_path, payload, field):
    settings = make_settings(tmp_path, api_tokens=TOKENS)  # default 2 MiB body limit
    upgrade(settings.database_url)
    app = create_app(settings)
    try:
        body = _problem(app.test_client().post("/v1/articles", json=payload, headers=AUTH), 422)
        assert field in body["errors"], body
    finally:
        app.extensions["eventwire.db"].dispose()


def test_text_longer_than_a_million_chars_is_422(tmp_path):
    settings = make_settings(tmp_path, api_tokens=TOKENS, max_body_bytes=4 * 1024 * 1024)
    upgrade(settings.database_url)
    app = create_app(settings)
    try:
        body = _problem(
            app.test_client().post("/v1/articles", json={"text": "w" * 1_000_001}, headers=AUTH),
            422,
        )
        assert "text" in body["errors"]
    finally:
        app.extensions["eventwire.db"].dispose()


def test_batch_size_is_bounded(guarded):
    body = _problem(guarded.post("/v1/articles/batch", json={"articles": [{"text": f"a{i}"} for i in range(101)]},
                                 headers=AUTH), 422)  # fmt: skip
    assert "articles" in body["errors"]
    _problem(guarded.post("/v1/articles/batch", json={"articles": []}, headers=AUTH), 422)
    # Items are checked one by one: the bad one gets its own problem, the good one is in.
    resp = guarded.post(
        "/v1/articles/batch",
        json={"articles": [{"text": "good"}, {"title": "no text"}]},
        headers=AUTH,
    )
    assert resp.status_code == 202
    items = resp.get_json()["items"]
    assert (
        items[0]["id"]
        and items[1]["problem"]["status"] == 422
        and "text" in items[1]["problem"]["errors"]
    )


DEEP = "[" * 10_000 + "]" * 10_000


@pytest.mark.parametrize(
    "raw",
    [
        DEEP,
        '{"text": ' + DEEP + "}",
        '{"text": "a", "metadata": {"a": ' + DEEP + "}}",
        '{"articles": [' + DEEP + "]}",
        '{"articles": [{"text": "a", "metadata": {"m": ' + DEEP + "}}]}",
        '{"a": ' * 5_000 + "1" + "}" * 5_000,
        "[" * 60_000,  # never closed
    ],
    ids=["top", "in-text", "in-metadata", "in-batch", "in-batch-item", "objects", "unclosed"],
)
@pytest.mark.parametrize("path", ["/v1/articles", "/v1/articles/batch"])
def test_deep_json_nesting_is_422_not_500(guarded, raw, path):
    resp = guarded.post(path, data=raw, headers={**AUTH, "Content-Type": "application/json"})
    body = _problem(resp, 422)
    assert "nested deeper" in body["detail"]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("{", 400),
        ('{"text": "a",}', 400),
        (b'{"text": "\xff\xfe"}', 400),
        ("[1, 2]", 422),
        ("null", 422),
        ('"x"', 422),
    ],
)
def test_malformed_or_wrong_shape_json(guarded, raw, status):
    resp = guarded.post(
        "/v1/articles", data=raw, headers={**AUTH, "Content-Type": "application/json"}
    )
    _problem(resp, status)


def test_wrong_media_type_and_idempotency_key(guarded):
    _problem(
        guarded.post(
            "/v1/articles", data="text=hi", headers={**AUTH, "Content-Type": "text/plain"}
        ),
        415,
    )
    body = _problem(
        guarded.post(
            "/v1/articles", json={"text": "k"}, headers={**AUTH, "Idempotency-Key": "k" * 300}
        ),
        422,
    )
    assert "Idempotency-Key" in body["errors"]


# -- escaping -----------------------------------------------------------------------------

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> [bold red]boom[/] [link=https://evil.example]x[/link]'
HOSTILE_TEXT = (
    'France accused <b onmouseover="alert(1)">Russia</b> of attacking a ship near Odessa on '
    "Monday. <script>alert('pwned')</script> Officials in \"Kyiv\" said & confirmed it."
)


def test_article_text_is_never_served_as_raw_html(guarded, tmp_path):
    payload = {"text": HOSTILE_TEXT, "title": HOSTILE, "source": HOSTILE,
               "url": 'https://example.org/"><script>alert(1)</script>'}  # fmt: skip
    resp = guarded.post("/v1/articles", json=payload, headers=AUTH)
    assert resp.status_code == 202, resp.get_data(as_text=True)
    article_id = resp.get_json()["id"]
    # Process it for real (engine + store), in-process, so the page has a result to show.
    from storage.db import Database
    from workers.processing import process_article

    settings = guarded.application.extensions["eventwire.settings"]
    db = Database(settings.database_url)
    try:
        assert process_article(db, settings, article_id).status == "done"
    finally:
        db.dispose()

    # JSON answers: JSON media types only, never sniffed as HTML.
    for url in (f"/v1/articles/{article_id}", "/v1/articles", f"/v1/articles/{HOSTILE}", "/v1/events?type=" + HOSTILE,
                "/v1/entities?q=" + HOSTILE, "/" + HOSTILE):  # fmt: skip
        got = guarded.get(url, headers=AUTH)
        assert got.status_code < 500, (url, got.status_code)
        assert got.mimetype in ("application/json", "application/problem+json"), (url, got.mimetype)
        assert got.headers["X-Content-Type-Options"] == "nosniff"
        json.loads(got.get_data(as_text=True))
    body = guarded.get(f"/v1/articles/{article_id}", headers=AUTH).get_json()
    assert body["title"] == HOSTILE and body["result"]["text"]

    # The HTML page: everything from the article escaped, and no script allowed to run.
    page = guarded.get(f"/v1/articles/{article_id}/view", headers=AUTH)
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    for raw in ("<script>", "<b onmouseover", "<img src=x", "><script>alert(1)"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(" in html
    assert "said &amp; confirmed" in html  # the cleaned text (the engine drops markup)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # title and source, kept as sent
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert "X-Content-Type-Options" in page.headers


def test_submit_cli_prints_names_and_reasons_as_text(tmp_path, processes):
    settings = make_settings(tmp_path / "svc")
    upgrade(settings.database_url)
    _, base = start_api(processes, settings)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "[link=evil:x]clickme.txt").write_text("France accused Russia on Monday.")
    (folder / "[red]empty.txt").write_text("   ")  # rejected by the API: reason printed
    env = {k: v for k, v in os.environ.items() if not k.startswith("EVENTWIRE_")}
    env.update(PYTHONPATH=str(ROOT), COLUMNS="400", TERM="dumb")
    done = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "submit", str(folder), "--api", base],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    out = done.stdout + done.stderr
    assert "[link=evil:x]clickme" in out, out
    assert "[red]empty" in out, out
    assert "\x1b]8;" not in out, "no terminal hyperlink was emitted"
    with httpx.Client(base_url=base) as c:
        assert c.get("/v1/articles").json()["items"]


@pytest.mark.parametrize("path", ["/v1/articles", "/v1/events", "/v1/entities", "/v1/webhooks"])
def test_unknown_query_parameter_is_422(guarded, path):
    body = _problem(guarded.get(path + "?stauts=done&limit=5", headers=AUTH), 422)
    assert body["errors"] == {"stauts": ["Unknown field."]}, body
    assert guarded.get(path + "?limit=5", headers=AUTH).status_code == 200


def test_nul_characters_are_422_naming_the_field(guarded):
    body = _problem(
        guarded.post(
            "/v1/articles", json={"text": "a\x00b", "metadata": {"k\x00": 1}}, headers=AUTH
        ),
        422,
    )
    assert set(body["errors"]) == {"text", "metadata.k\\u0000"}, body
    body = _problem(guarded.get("/v1/events?entity=Fr%00ance", headers=AUTH), 422)
    assert "entity" in body["errors"]
    _problem(guarded.get("/v1/articles/abc%00def", headers=AUTH), 404)
