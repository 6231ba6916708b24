"""Articles: what scrapers submit and what the API answers about them."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from schemas.common import PageArgsSchema, ProblemSchema, PublishedAt, validate_metadata
from schemas.constants import ARTICLE_STATUSES
from schemas.result import ArticleResultSchema

MAX_TEXT_CHARS = 1_000_000
MAX_BATCH_ITEMS = 100
# Documented as the pattern "^\s*\S" (some non-space character), checked the same way.
NOT_BLANK = validate.Regexp(r"^\s*\S", error="must contain a non-space character")
# What fields cannot say: one of them is required (added to the OpenAPI document).
TEXT_OR_HTML = {"anyOf": [{"required": ["text"]}, {"required": ["html"]}]}


class ArticleInSchema(Schema):
    """``text`` or ``html`` (one required) and optional metadata about the article."""

    text = fields.String(validate=[validate.Length(min=1, max=MAX_TEXT_CHARS), NOT_BLANK])
    html = fields.String(validate=[validate.Length(min=1, max=MAX_TEXT_CHARS), NOT_BLANK])
    url = fields.Url(require_tld=False, validate=validate.Length(max=2048), allow_none=True)
    title = fields.String(validate=validate.Length(max=1024), allow_none=True)
    source = fields.String(validate=validate.Length(max=256), allow_none=True)
    published_at = PublishedAt(allow_none=True, metadata={"example": "2025-02-27"})
    language = fields.String(
        load_default="en",
        validate=[
            validate.Length(max=16),  # the column's size
            validate.Regexp(r"^en(-[A-Za-z0-9]{1,8})*$", error="only English ('en') is supported"),
        ],
    )
    external_id = fields.String(validate=validate.Length(min=1, max=512), allow_none=True)
    metadata = fields.Dict(keys=fields.String(), allow_none=True, validate=validate_metadata)

    @validates_schema
    def _text_or_html(self, data: dict[str, Any], **_: Any) -> None:
        if not (data.get("text") or "").strip() and not (data.get("html") or "").strip():
            raise ValidationError("one of 'text' or 'html' is required", field_name="text")


class LinksSchema(Schema):
    self = fields.String(required=True)
    view = fields.String()


class ArticleAcceptedSchema(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(ARTICLE_STATUSES))
    links = fields.Nested(LinksSchema, required=True)


class ArticleSchema(Schema):
    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(ARTICLE_STATUSES))
    submitted_at = fields.AwareDateTime(required=True)
    started_at = fields.AwareDateTime(allow_none=True)
    finished_at = fields.AwareDateTime(allow_none=True)
    attempts = fields.Integer(required=True)
    error = fields.String(allow_none=True)
    external_id = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
    content_sha256 = fields.String()
    result = fields.Nested(ArticleResultSchema, allow_none=True)
    links = fields.Nested(LinksSchema, required=True)


class ArticleSummarySchema(ArticleSchema):
    class Meta:
        exclude = ("result",)


class ArticleListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf(ARTICLE_STATUSES))
    since = fields.AwareDateTime(
        default_timezone=None, metadata={"description": "submitted at or after (RFC 3339)"}
    )
    until = fields.AwareDateTime(
        default_timezone=None, metadata={"description": "submitted before"}
    )


class ArticlePageSchema(Schema):
    items = fields.List(fields.Nested(ArticleSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class BatchInSchema(Schema):
    articles = fields.List(
        fields.Dict(),
        required=True,
        validate=validate.Length(min=1, max=MAX_BATCH_ITEMS),
        metadata={"description": f"1 to {MAX_BATCH_ITEMS} articles, each as for POST /v1/articles"},
    )


class BatchItemSchema(Schema):
    index = fields.Integer(required=True)
    status = fields.String(
        required=True,
        metadata={"description": "queued (new), or the existing article's status, or 'invalid'"},
    )
    id = fields.String(allow_none=True)
    created = fields.Boolean()
    links = fields.Nested(LinksSchema, allow_none=True)
    problem = fields.Nested(ProblemSchema, allow_none=True)


class BatchOutSchema(Schema):
    items = fields.List(fields.Nested(BatchItemSchema), required=True)
    accepted = fields.Integer(required=True)
    rejected = fields.Integer(required=True)
