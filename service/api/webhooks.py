"""``/v1/webhooks``: endpoints, secret rotation, the delivery log and replay.

Secrets are shown once (in the POST and rotate-secret answers) and never again; they are
never logged.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort
from marshmallow import RAISE

from schemas.common import PageArgsSchema
from schemas.webhooks import (
    DeliveryListArgsSchema,
    DeliveryPageSchema,
    DeliverySchema,
    ReplayInSchema,
    ReplayOutSchema,
    SecretRotatedSchema,
    WebhookCreatedSchema,
    WebhookInSchema,
    WebhookPageSchema,
    WebhookPatchSchema,
    WebhookSchema,
)
from storage.clock import as_utc
from storage.webhooks import DeliveryView, WebhookEndpoint, WebhookRepository
from workers.address_guard import AddressRefused, check_url
from workers.delivery_tasks import send_deliver
from workers.webhook_sender import new_secret

blp = Blueprint(
    "webhooks", __name__, url_prefix="/v1/webhooks",
    description="Signed webhooks (Standard Webhooks) for finished articles",
)  # fmt: skip


def _db():  # type: ignore[no-untyped-def]
    return current_app.extensions["eventwire.db"]


def _settings():  # type: ignore[no-untyped-def]
    return current_app.extensions["eventwire.settings"]


def _guard(url: str) -> None:
    """422 naming ``url`` when the address guard refuses it."""
    try:
        check_url(url, _settings().webhook_allow_hosts)
    except AddressRefused as exc:
        abort(422, messages={"json": {"url": [str(exc)]}})


def endpoint_view(e: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": e.id, "url": e.url, "event_types": list(e.event_types), "description": e.description,
        "enabled": e.enabled, "disabled_reason": e.disabled_reason,
        "created_at": as_utc(e.created_at), "updated_at": as_utc(e.updated_at),
    }  # fmt: skip


def delivery_view(v: DeliveryView) -> dict[str, Any]:
    d = v.delivery
    return {
        "id": d.id, "message_id": d.message_id, "article_id": v.message.article_id,
        "event_type": v.message.event_type, "status": d.status, "attempts_count": d.attempts,
        "next_attempt_at": as_utc(d.next_attempt_at), "last_status_code": d.last_status_code,
        "last_error": d.last_error, "created_at": as_utc(d.created_at),
        "delivered_at": as_utc(d.delivered_at),
        "attempts": [
            {"attempted_at": as_utc(a.attempted_at), "status_code": a.status_code,
             "duration_ms": a.duration_ms, "error": a.error, "response_body": a.response_body}
            for a in v.attempts
        ],
    }  # fmt: skip


@blp.route("")
class Webhooks(MethodView):
    @blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
    @blp.response(200, WebhookPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """List endpoints, newest first (secrets are never listed)."""
        with _db().session() as s:
            page = WebhookRepository(s).list_endpoints(
                limit=args["limit"], cursor=args.get("cursor")
            )
            return {
                "items": [endpoint_view(e) for e in page.items],
                "next_cursor": page.next_cursor,
            }

    @blp.arguments(WebhookInSchema)
    @blp.response(201, WebhookCreatedSchema)
    @blp.alt_response(422, description="invalid fields, or the address guard refused the url")
    def post(self, data: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Register an endpoint. The answer carries its signing ``secret``, shown only now."""
        _guard(data["url"])
        secret = new_secret()
        with _db().session() as s:
            endpoint = WebhookRepository(s).create_endpoint(
                url=data["url"], event_types=data["event_types"],
                description=data.get("description"), enabled=data["enabled"], secret=secret,
            )  # fmt: skip
            body = endpoint_view(endpoint) | {"secret": secret}
        return body, 201, {"Location": f"/v1/webhooks/{body['id']}"}


@blp.route("/<string:webhook_id>")
class WebhookById(MethodView):
    @blp.response(200, WebhookSchema)
    @blp.alt_response(404, description="no such endpoint")
    def get(self, webhook_id: str) -> dict[str, Any]:
        """One endpoint, with ``disabled_reason`` when delivery disabled it."""
        with _db().session() as s:
            return endpoint_view(WebhookRepository(s).get_endpoint(webhook_id))

    @blp.arguments(WebhookPatchSchema)
    @blp.response(200, WebhookSchema)
    @blp.alt_response(404, description="no such endpoint")
    def patch(self, data: dict[str, Any], webhook_id: str) -> dict[str, Any]:
        """Change the url, event types, description or enabled flag."""
        if "url" in data:
            _guard(data["url"])
        with _db().session() as s:
            return endpoint_view(WebhookRepository(s).update_endpoint(webhook_id, data))

    @blp.response(204)
    @blp.alt_response(404, description="no such endpoint")
    def delete(self, webhook_id: str) -> None:
        """Remove the endpoint and its delivery log."""
        with _db().session() as s:
            WebhookRepository(s).delete_endpoint(webhook_id)


@blp.route("/<string:webhook_id>/rotate-secret")
class RotateSecret(MethodView):
    @blp.response(200, SecretRotatedSchema)
    @blp.alt_response(404, description="no such endpoint")
    def post(self, webhook_id: str) -> dict[str, Any]:
        """Issue a new secret. Until ``previous_secret_expires_at`` every message is signed
        with both, so receivers can switch without losing a message."""
        secret = new_secret()
        with _db().session() as s:
            endpoint = WebhookRepository(s).rotate_secret(
                webhook_id, secret, _settings().webhook_rotation_overlap_seconds
            )
            expires = as_utc(endpoint.previous_secret_expires_at)
            return {"id": endpoint.id, "secret": secret, "previous_secret_expires_at": expires}


@blp.route("/<string:webhook_id>/deliveries")
class Deliveries(MethodView):
    @blp.arguments(DeliveryListArgsSchema, location="query", unknown=RAISE)
    @blp.response(200, DeliveryPageSchema)
    @blp.alt_response(404, description="no such endpoint")
    def get(self, args: dict[str, Any], webhook_id: str) -> dict[str, Any]:
        """Deliveries to this endpoint, newest first, each with its attempt log."""
        with _db().session() as s:
            page = WebhookRepository(s).list_deliveries(
                webhook_id,
                status=args.get("status"),
                limit=args["limit"],
                cursor=args.get("cursor"),
            )
            return {
                "items": [delivery_view(v) for v in page.items],
                "next_cursor": page.next_cursor,
            }


def _require_enabled(repo: WebhookRepository, webhook_id: str) -> None:
    endpoint = repo.get_endpoint(webhook_id)
    if not endpoint.enabled:
        abort(
            409,
            message="the endpoint is disabled; enable it (PATCH enabled: true) before replaying",
        )


@blp.route("/<string:webhook_id>/deliveries/<string:delivery_id>/retry")
class RetryDelivery(MethodView):
    @blp.response(202, DeliverySchema)
    @blp.alt_response(404, description="no such endpoint or delivery")
    @blp.alt_response(409, description="the endpoint is disabled")
    def post(self, webhook_id: str, delivery_id: str) -> dict[str, Any]:
        """Send one delivery again now (same ``webhook-id``), from the start of the schedule."""
        with _db().session() as s:
            repo = WebhookRepository(s)
            _require_enabled(repo, webhook_id)
            d = repo.replay(webhook_id, delivery_id)
            message_id = d.message_id
        send_deliver(current_app.extensions["eventwire.celery"], [message_id])
        with _db().session() as s:
            return delivery_view(WebhookRepository(s).get_delivery_view(webhook_id, delivery_id))


@blp.route("/<string:webhook_id>/deliveries/replay")
class ReplayDeliveries(MethodView):
    @blp.arguments(ReplayInSchema)
    @blp.response(202, ReplayOutSchema)
    @blp.alt_response(404, description="no such endpoint")
    @blp.alt_response(409, description="the endpoint is disabled")
    def post(self, data: dict[str, Any], webhook_id: str) -> dict[str, Any]:
        """Send again every delivery created in [since, until) (only dead ones by default)."""
        with _db().session() as s:
            repo = WebhookRepository(s)
            _require_enabled(repo, webhook_id)
            rows = repo.replay_range(webhook_id, since=data["since"], until=data.get("until"),
                                     statuses=data["statuses"])  # fmt: skip
            ids = [d.id for d in rows]
            message_ids = repo.message_ids_of(rows)
        send_deliver(current_app.extensions["eventwire.celery"], message_ids)
        return {"replayed": len(ids), "delivery_ids": ids}
