"""Events and entities across articles (``GET /v1/events``, ``GET /v1/entities``)."""

from marshmallow import Schema, fields, validate

from schemas.common import PageArgsSchema
from schemas.constants import ENTITY_TYPES, EVENT_TYPES
from schemas.result import EventSchema


class EventListArgsSchema(PageArgsSchema):
    type = fields.String(validate=validate.OneOf(EVENT_TYPES))
    entity = fields.String(
        validate=validate.Length(min=1, max=256), metadata={"description": "entity name or alias"}
    )
    since = fields.Date(metadata={"description": "events dated on or after (YYYY-MM-DD)"})
    until = fields.Date(metadata={"description": "events dated on or before (YYYY-MM-DD)"})
    article_id = fields.String(validate=validate.Length(max=64))


class StoredEventSchema(EventSchema):
    article_id = fields.String(required=True)


class EventPageSchema(Schema):
    items = fields.List(fields.Nested(StoredEventSchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class EntityListArgsSchema(PageArgsSchema):
    q = fields.String(
        validate=validate.Length(min=1, max=256), metadata={"description": "name contains"}
    )
    type = fields.String(validate=validate.OneOf(ENTITY_TYPES))


class EntitySummarySchema(Schema):
    name = fields.String(required=True)
    type = fields.String(required=True)
    articles = fields.Integer(required=True, metadata={"description": "articles naming it"})
    mentions = fields.Integer(required=True, metadata={"description": "mentions across them"})
    country_code = fields.String(allow_none=True)


class EntityPageSchema(Schema):
    items = fields.List(fields.Nested(EntitySummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)
