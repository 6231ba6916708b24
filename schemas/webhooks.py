"""Webhook endpoints, their deliveries and attempts (``/v1/webhooks``)."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.common import PageArgsSchema

WEBHOOK_EVENT_TYPES = ("article.processed", "article.failed")
DELIVERY_STATUSES = ("pending", "succeeded", "dead")

_event_types = fields.List(
    fields.String(validate=validate.OneOf(WEBHOOK_EVENT_TYPES)),
    validate=validate.Length(min=1, max=len(WEBHOOK_EVENT_TYPES)),
    metadata={"description": "what to receive: article.processed, article.failed"},
)


class WebhookInSchema(Schema):
    """A new endpoint. ``url`` must be https and public (the address guard decides)."""

    # Checked by workers.address_guard (one place for registration and send), which also
    # understands IPv6 literals that a generic URL validator refuses without saying why.
    url = fields.String(
        required=True,
        validate=validate.Length(min=1, max=2048),
        metadata={"example": "https://consumer.example/hooks/eventwire"},
    )
    event_types = fields.List(
        fields.String(validate=validate.OneOf(WEBHOOK_EVENT_TYPES)),
        load_default=lambda: list(WEBHOOK_EVENT_TYPES),
        validate=validate.Length(min=1, max=len(WEBHOOK_EVENT_TYPES)),
        metadata={"description": "what to receive; default both"},
    )
    description = fields.String(
        load_default=None, allow_none=True, validate=validate.Length(max=1024)
    )
    enabled = fields.Boolean(load_default=True)


class WebhookPatchSchema(Schema):
    """Any of the endpoint's fields; enabling it again clears ``disabled_reason``."""

    url = fields.String(validate=validate.Length(min=1, max=2048))
    event_types = _event_types
    description = fields.String(allow_none=True, validate=validate.Length(max=1024))
    enabled = fields.Boolean()

    @validates_schema
    def _not_empty(self, data: dict[str, Any], **_: Any) -> None:
        if not data:
            raise ValidationError("send at least one of url, event_types, description, enabled")


class WebhookSchema(Schema):
    id = fields.String(required=True)
    url = fields.String(required=True)
    event_types = fields.List(fields.String(), required=True)
    description = fields.String(allow_none=True)
    enabled = fields.Boolean(required=True)
    disabled_reason = fields.String(
        allow_none=True, metadata={"description": "why it was disabled"}
    )
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String(
        required=True, metadata={"description": "whsec_… signing secret, shown only in this answer"}
    )


class SecretRotatedSchema(Schema):
    id = fields.String(required=True)
    secret = fields.String(
        required=True, metadata={"description": "the new secret, shown only now"}
    )
    previous_secret_expires_at = fields.AwareDateTime(
        required=True, metadata={"description": "until then messages carry both signatures"}
    )


class WebhookPageSchema(Schema):
    items = fields.List(fields.Nested(WebhookSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class AttemptSchema(Schema):
    attempted_at = fields.AwareDateTime(required=True)
    status_code = fields.Integer(allow_none=True)
    duration_ms = fields.Float(required=True)
    error = fields.String(allow_none=True)
    response_body = fields.String(
        allow_none=True, metadata={"description": "first 20 KB of the answer"}
    )


class DeliverySchema(Schema):
    id = fields.String(required=True)
    message_id = fields.String(required=True, metadata={"description": "the webhook-id header"})
    article_id = fields.String(required=True)
    event_type = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(DELIVERY_STATUSES))
    attempts_count = fields.Integer(required=True)
    next_attempt_at = fields.AwareDateTime(allow_none=True)
    last_status_code = fields.Integer(allow_none=True)
    last_error = fields.String(allow_none=True)
    created_at = fields.AwareDateTime(required=True)
    delivered_at = fields.AwareDateTime(allow_none=True)
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)


class DeliveryListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(DELIVERY_STATUSES))


class DeliveryPageSchema(Schema):
    items = fields.List(fields.Nested(DeliverySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class ReplayInSchema(Schema):
    """Replay the endpoint's deliveries created in [since, until)."""

    since = fields.AwareDateTime(required=True, default_timezone=None)
    until = fields.AwareDateTime(load_default=None, allow_none=True, default_timezone=None)
    statuses = fields.List(
        fields.String(validate=validate.OneOf(("dead", "succeeded"))),
        load_default=lambda: ["dead"], validate=validate.Length(min=1),
        metadata={"description": "which deliveries to send again; default only dead ones"},
    )  # fmt: skip

    @validates_schema
    def _order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("until") and data["until"] <= data["since"]:
            raise ValidationError("until must be after since", field_name="until")


class ArticleFailedDataSchema(Schema):
    """``data`` of an ``article.failed`` message."""

    article_id = fields.String(required=True)
    error = fields.String(required=True, allow_none=True)
    attempts = fields.Integer(required=True)
    external_id = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    submitted_at = fields.String(metadata={"format": "date-time"})
    failed_at = fields.String(metadata={"format": "date-time"})


class WebhookMessageSchema(Schema):
    """The body of every webhook and of every ``eventwire:articles`` stream entry's
    ``payload``. ``data`` is the ArticleResult (article_result.schema.json) for
    ``article.processed`` and an ArticleFailedData for ``article.failed``."""

    type = fields.String(required=True, validate=validate.OneOf(WEBHOOK_EVENT_TYPES))
    timestamp = fields.String(
        required=True, metadata={"format": "date-time", "description": "when the article finished"}
    )
    data = fields.Dict(required=True, keys=fields.String())


class ReplayOutSchema(Schema):
    replayed = fields.Integer(required=True)
    delivery_ids = fields.List(fields.String(), required=True)
