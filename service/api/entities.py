"""``/v1/entities``: entities across all articles, with counts."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.queries import EntityListArgsSchema, EntityPageSchema
from storage.results import ResultQueries

blp = Blueprint(
    "entities", __name__, url_prefix="/v1/entities", description="Entities across articles"
)


@blp.route("")
class Entities(MethodView):
    @blp.arguments(EntityListArgsSchema, location="query")
    @blp.response(200, EntityPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Entities grouped by name and type; ``q`` matches names and aliases."""
        with current_app.extensions["eventwire.db"].session() as s:
            page = ResultQueries(s).entities(
                q=args.get("q"),
                type=args.get("type"),
                limit=args["limit"],
                cursor=args.get("cursor"),
            )
        return {"items": [asdict(e) for e in page.items], "next_cursor": page.next_cursor}
