"""ArticleResult, CONTRACT section 3: the JSON every consumer reads.

These schemas are the single source of the result's shape: the OpenAPI document and
``schemas/json/article_result.schema.json`` are generated from them.
"""

from __future__ import annotations

from marshmallow import INCLUDE, Schema, fields, validate

from schemas.constants import ENTITY_TYPES, EVENT_TYPES, MODALITIES, SCHEMA_VERSION


class _Strict(Schema):
    # Consumers must accept fields added later (CONTRACT: "add fields freely"), so the
    # generated JSON Schema allows additional properties.
    class Meta:
        ordered = True
        unknown = INCLUDE


class ArticleRefSchema(_Strict):
    id = fields.String(required=True, allow_none=True)
    external_id = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.String(
        allow_none=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD"}
    )
    language = fields.String(required=True)
    content_sha256 = fields.String(required=True)


class CleaningStepSchema(_Strict):
    kind = fields.String(
        required=True,
        metadata={"description": "html, mojibake, boilerplate, caption, whitespace, ..."},
    )
    count = fields.Integer(required=True, validate=validate.Range(min=0))
    detail = fields.String(allow_none=True)


class OffsetSchema(_Strict):
    start = fields.Integer(required=True, validate=validate.Range(min=0))
    end = fields.Integer(required=True, validate=validate.Range(min=0))


class MentionSchema(OffsetSchema):
    text = fields.String(required=True)


class EntitySchema(_Strict):
    id = fields.String(required=True)
    name = fields.String(required=True)
    type = fields.String(
        required=True,
        metadata={
            "description": "PERSON, ORG, GPE, NORP, LOC, EVENT (others may be added)",
            "examples": list(ENTITY_TYPES),
        },
    )
    aliases = fields.List(fields.String(), required=True)
    mentions = fields.List(fields.Nested(MentionSchema), required=True)
    salience = fields.Float(required=True, validate=validate.Range(min=0, max=1))
    country_code = fields.String(allow_none=True)
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)


class EntityRefSchema(_Strict):
    entity_id = fields.String(required=True)
    name = fields.String(required=True)


class TriggerSchema(_Strict):
    text = fields.String(required=True)
    lemma = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class LocationSchema(_Strict):
    name = fields.String(required=True)
    entity_id = fields.String(allow_none=True)
    country_code = fields.String(allow_none=True)
    lat = fields.Float(allow_none=True)
    lon = fields.Float(allow_none=True)


class EventDateSchema(_Strict):
    value = fields.String(required=True, metadata={"description": "YYYY, YYYY-MM or YYYY-MM-DD"})
    precision = fields.String(required=True, validate=validate.OneOf(["day", "month", "year"]))
    text = fields.String(allow_none=True)


class EventSchema(_Strict):
    id = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(EVENT_TYPES))
    mode = fields.String(allow_none=True)
    trigger = fields.Nested(TriggerSchema, required=True)
    actors = fields.List(fields.Nested(EntityRefSchema), required=True)
    recipients = fields.List(fields.Nested(EntityRefSchema), required=True)
    location = fields.Nested(LocationSchema, allow_none=True, required=True)
    date = fields.Nested(EventDateSchema, allow_none=True, required=True)
    modality = fields.String(required=True, validate=validate.OneOf(MODALITIES))
    negated = fields.Boolean(required=True)
    reported_by = fields.Nested(EntityRefSchema, allow_none=True)
    sentence = fields.Nested(OffsetSchema, required=True)
    mentions = fields.List(fields.Nested(OffsetSchema), required=True)
    confidence = fields.Float(required=True, validate=validate.Range(min=0, max=1))


class QuoteSchema(_Strict):
    speaker = fields.Nested(EntityRefSchema, allow_none=True, required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class ExtractorSchema(_Strict):
    version = fields.String(required=True)
    model = fields.String(required=True)


class ArticleResultSchema(_Strict):
    schema_version = fields.String(required=True, validate=validate.Equal(SCHEMA_VERSION))
    article = fields.Nested(ArticleRefSchema, required=True)
    text = fields.String(required=True)
    cleaning = fields.List(fields.Nested(CleaningStepSchema), required=True)
    entities = fields.List(fields.Nested(EntitySchema), required=True)
    events = fields.List(fields.Nested(EventSchema), required=True)
    quotes = fields.List(fields.Nested(QuoteSchema), required=True)
    extractor = fields.Nested(ExtractorSchema, required=True)
