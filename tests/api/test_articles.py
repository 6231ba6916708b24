"""POST/GET /v1/articles through the Flask app on a real SQLite store."""

from __future__ import annotations

import json

import pytest

PROBLEM = "application/problem+json"


def _problem(resp, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.get_data(as_text=True)
    assert resp.mimetype == PROBLEM
    body = resp.get_json(force=True)
    assert body["status"] == status and body["title"] and body["type"]
    return body


def test_submit_answers_202_with_location(client):
    resp = client.post(
        "/v1/articles",
        json={"text": "Starmer met Trump in Washington.", "published_at": "2025-02-27"},
    )
    assert resp.status_code == 202
    body = resp.get_json()
    assert body["status"] == "queued"
    assert resp.headers["Location"] == f"/v1/articles/{body['id']}" == body["links"]["self"]
    got = client.get(resp.headers["Location"]).get_json()
    assert got["id"] == body["id"] and got["status"] == "queued" and got["result"] is None
    assert got["attempts"] == 0 and got["published_at"] == "2025-02-27"


def test_same_content_returns_same_article(client):
    first = client.post("/v1/articles", json={"text": "Macron visited Washington."})
    again = client.post("/v1/articles", json={"text": "Macron visited Washington."})
    assert first.status_code == 202 and again.status_code == 200
    assert first.get_json()["id"] == again.get_json()["id"]


def test_same_external_id_returns_same_article_even_if_text_changed(client):
    a = client.post("/v1/articles", json={"text": "one", "external_id": "feed-1"})
    b = client.post("/v1/articles", json={"text": "one, corrected", "external_id": "feed-1"})
    assert b.status_code == 200 and a.get_json()["id"] == b.get_json()["id"]


def test_idempotency_key_replay_and_conflict(client):
    h = {"Idempotency-Key": "k-123"}
    a = client.post("/v1/articles", json={"text": "alpha"}, headers=h)
    b = client.post("/v1/articles", json={"text": "alpha"}, headers=h)
    assert a.status_code == 202 and b.status_code == 200
    assert a.get_json()["id"] == b.get_json()["id"]
    _problem(client.post("/v1/articles", json={"text": "beta"}, headers=h), 409)


def test_malformed_json_is_400(client):
    body = _problem(
        client.post("/v1/articles", data="{not json", content_type="application/json"), 400
    )
    assert "JSON" in body["detail"]


def test_missing_text_is_422_naming_the_field(client):
    body = _problem(client.post("/v1/articles", json={"title": "no body"}), 422)
    assert "text" in body["errors"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "x", "published_at": "yesterday"}, "published_at"),
        ({"text": "x", "url": "not a url"}, "url"),
        ({"text": "x", "language": "de"}, "language"),
        ({"text": "x", "title": "t" * 2000}, "title"),
        (
            {
                "text": "x",
                "metadata": {
                    "a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": {"i": {"j": {"k": 1}}}}}}}}}}
                },
            },
            "metadata",
        ),
        ({"text": 5}, "text"),
        ({"text": "x", "unknown_field": 1}, "unknown_field"),
    ],
)
def test_invalid_fields_are_422(client, payload, field):
    body = _problem(client.post("/v1/articles", json=payload), 422)
    assert field in body["errors"], body


def test_body_over_limit_is_413(client):
    big = json.dumps({"text": "x" * (3 * 1024 * 1024)})
    _problem(client.post("/v1/articles", data=big, content_type="application/json"), 413)


def test_text_plain_is_415(client):
    _problem(client.post("/v1/articles", data="just text", content_type="text/plain"), 415)


def test_unknown_id_is_404(client):
    _problem(client.get("/v1/articles/01doesnotexist"), 404)


def test_unknown_route_and_method_are_problems(client):
    _problem(client.get("/v1/nothing-here"), 404)
    body = _problem(client.delete("/v1/articles"), 405)
    assert body["detail"]


def test_list_paginates_with_cursor(client):
    ids = [
        client.post("/v1/articles", json={"text": f"article {i}"}).get_json()["id"]
        for i in range(5)
    ]
    page1 = client.get("/v1/articles?limit=2").get_json()
    assert [a["id"] for a in page1["items"]] == ids[::-1][:2]
    page2 = client.get(f"/v1/articles?limit=2&cursor={page1['next_cursor']}").get_json()
    page3 = client.get(f"/v1/articles?limit=2&cursor={page2['next_cursor']}").get_json()
    seen = [a["id"] for p in (page1, page2, page3) for a in p["items"]]
    assert seen == ids[::-1] and page3["next_cursor"] is None
    assert client.get("/v1/articles?status=done").get_json()["items"] == []
    _problem(client.get("/v1/articles?cursor=%%%"), 422)
    _problem(client.get("/v1/articles?limit=1000"), 422)


def test_batch_accepts_valid_items_and_reports_each_invalid_one(client):
    resp = client.post(
        "/v1/articles/batch",
        json={
            "articles": [
                {"text": "first"},
                {"title": "no text"},
                {"text": "first"},
                {"text": "second"},
            ]
        },
    )
    assert resp.status_code == 202
    body = resp.get_json()
    assert body["accepted"] == 3 and body["rejected"] == 1
    items = body["items"]
    assert [i["index"] for i in items] == [0, 1, 2, 3]
    assert items[1]["status"] == "invalid" and "text" in items[1]["problem"]["errors"]
    assert items[0]["id"] == items[2]["id"] and items[2]["created"] is False
    assert items[3]["created"] is True


def test_batch_over_100_is_422(client):
    _problem(
        client.post(
            "/v1/articles/batch", json={"articles": [{"text": str(i)} for i in range(101)]}
        ),
        422,
    )


def test_openapi_document_describes_the_api(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    for path in (
        "/v1/articles",
        "/v1/articles/batch",
        "/v1/articles/{article_id}",
        "/v1/events",
        "/v1/entities",
    ):
        assert path in spec["paths"], path
    assert "ArticleResult" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_events_and_entities_lists_validate_filters(client):
    assert client.get("/v1/events").get_json() == {"items": [], "next_cursor": None}
    assert client.get("/v1/entities?type=PERSON").get_json() == {"items": [], "next_cursor": None}
    _problem(client.get("/v1/events?type=PARTY"), 422)
    _problem(client.get("/v1/events?since=notadate"), 422)


def test_tokens_required_when_configured(migrated):
    from service.app import create_app

    app = create_app(migrated, api_tokens=("s3cret",))
    c = app.test_client()
    body = _problem(c.post("/v1/articles", json={"text": "x"}), 401)
    assert "token" in body["detail"]
    _problem(c.get("/v1/articles", headers={"Authorization": "Bearer wrong"}), 401)
    assert c.get("/v1/articles", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert c.get("/livez").status_code == 200
    app.extensions["eventwire.db"].dispose()


def test_readyz_reports_each_dependency(client):
    body = client.get("/readyz").get_json()
    assert body["checks"] == {"store": "ok", "broker": "ok"}


def test_readyz_503_names_the_store_when_it_is_down(tmp_path):
    from service.app import create_app
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    app = create_app(settings)
    resp = app.test_client().get("/readyz")
    body = _problem(resp, 503)
    assert body["checks"]["store"].startswith("down") and "store" in body["detail"]
    resp = app.test_client().post("/v1/articles", json={"text": "x"})
    _problem(resp, 503)
