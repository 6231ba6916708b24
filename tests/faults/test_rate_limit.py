"""Promise 4b: rate limiting per token, counted in Redis so every API process shares the
budget; a breach is 429 problem+json with Retry-After, and a Redis outage fails open."""

from __future__ import annotations

import pytest
import redis

from service.app import create_app
from storage.migrate import upgrade
from tests.conftest import free_port, make_settings

pytestmark = pytest.mark.redis

ALPHA = {"Authorization": "Bearer alpha-token"}
BETA = {"Authorization": "Bearer beta-token"}


@pytest.fixture
def limited(tmp_path, redis_url):  # type: ignore[no-untyped-def]
    settings = make_settings(
        tmp_path,
        redis_url=redis_url,
        rate_limit="5/minute",
        api_tokens=("alpha-token", "beta-token"),
    )
    upgrade(settings.database_url)
    return settings


def test_rate_limit_per_token_in_redis(limited, redis_url):
    first, second = create_app(limited), create_app(limited)  # two API processes, one budget
    try:
        c1, c2 = first.test_client(), second.test_client()
        for i in range(5):
            client = c1 if i % 2 == 0 else c2
            assert client.get("/v1/articles", headers=ALPHA).status_code == 200
        for client in (c1, c2):
            resp = client.get("/v1/articles", headers=ALPHA)
            assert resp.status_code == 429, resp.text
            assert resp.mimetype == "application/problem+json"
            assert resp.json["status"] == 429 and resp.json["title"] == "Too Many Requests"
            assert 1 <= int(resp.headers["Retry-After"]) <= 61  # the window, rounded up
            assert "alpha-token" not in resp.text
        # Another token has its own budget; health and the docs are never limited;
        # a request without a token is refused before it costs anything.
        assert c1.get("/v1/articles", headers=BETA).status_code == 200
        for _ in range(10):
            assert c1.get("/livez").status_code == 200
        assert c1.get("/openapi.json").status_code == 200
        assert c1.get("/v1/articles").status_code == 401
        keys = [k.decode() for k in redis.Redis.from_url(redis_url).keys("*eventwire-rl*")]
        assert keys, "counters live in Redis"
        assert not any("alpha-token" in k for k in keys), "tokens are hashed in keys"
    finally:
        for app in (first, second):
            app.extensions["eventwire.db"].dispose()


def test_rate_limit_fails_open_when_redis_is_down(limited):
    dead = limited.with_overrides(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    app = create_app(dead)
    try:
        client = app.test_client()
        codes = [client.get("/v1/articles", headers=ALPHA).status_code for _ in range(7)]
        # Falls back to per-process memory: still limited, never a 500.
        assert codes == [200] * 5 + [429] * 2, codes
    finally:
        app.extensions["eventwire.db"].dispose()


def test_bad_rate_limit_fails_at_start(tmp_path):
    from eventwire.config import ConfigError

    with pytest.raises(ConfigError, match="EVENTWIRE_RATE_LIMIT"):
        create_app(make_settings(tmp_path, rate_limit="lots"))
