"""Bearer-token authentication.

Tokens come from ``EVENTWIRE_API_TOKENS``. Each presented token is compared with every
configured one in constant time, so response timing tells nothing about a token's prefix.
"""

from __future__ import annotations

import hmac

from flask import Flask, Response, request

from eventwire.config import Settings
from service.errors import problem

PUBLIC_PATHS = frozenset({"/livez", "/readyz", "/metrics", "/openapi.json", "/docs"})


def token_matches(presented: str, tokens: tuple[str, ...]) -> bool:
    given = presented.encode()
    ok = False
    for token in tokens:
        ok |= hmac.compare_digest(given, token.encode())
    return ok


def install_auth(app: Flask, settings: Settings) -> None:
    if not settings.api_tokens:
        return
    tokens = settings.api_tokens

    @app.before_request
    def _check_token() -> Response | None:
        if request.path in PUBLIC_PATHS or request.path.startswith("/docs/"):
            return None
        scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
        if (
            scheme.lower() != "bearer"
            or not presented
            or not token_matches(presented.strip(), tokens)
        ):
            return problem(
                401, "a valid bearer token is required",
                headers={"WWW-Authenticate": 'Bearer realm="eventwire"'},
            )  # fmt: skip
        return None
