"""``/v1/events``: events across all articles."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.queries import EventListArgsSchema, EventPageSchema
from storage.results import ResultQueries

blp = Blueprint("events", __name__, url_prefix="/v1/events", description="Events across articles")


@blp.route("")
class Events(MethodView):
    @blp.arguments(EventListArgsSchema, location="query")
    @blp.response(200, EventPageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """Filter by PLOVER ``type``, ``entity`` (name or alias), event date, ``article_id``."""
        with current_app.extensions["eventwire.db"].session() as s:
            page = ResultQueries(s).events(
                type=args.get("type"), entity=args.get("entity"), since=args.get("since"),
                until=args.get("until"), article_id=args.get("article_id"),
                limit=args["limit"], cursor=args.get("cursor"),
            )  # fmt: skip
        return {"items": [{**e.data, "article_id": e.article_id} for e in page.items],
                "next_cursor": page.next_cursor}  # fmt: skip
