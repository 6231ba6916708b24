"""``/v1/articles``: submit articles, read their status and results."""

from __future__ import annotations

from typing import Any

from flask import current_app, g, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import ValidationError

from schemas.articles import (
    TEXT_OR_HTML,
    ArticleAcceptedSchema,
    ArticleInSchema,
    ArticleListArgsSchema,
    ArticlePageSchema,
    ArticleSchema,
    BatchInSchema,
    BatchOutSchema,
)
from schemas.common import ProblemSchema
from service.errors import PROBLEM_MIME, problem_body
from service.submission import submit
from storage.articles import ArticleRepository, NewArticle
from storage.clock import as_utc
from storage.models import Article

blp = Blueprint(
    "articles", __name__, url_prefix="/v1/articles", description="Submit articles and read results"
)

_item_schema = ArticleInSchema()


def document(api) -> None:  # type: ignore[no-untyped-def]
    """Register ArticleIn with the constraint its fields cannot express (text or html)."""
    api.spec.components.schema("ArticleIn", dict(TEXT_OR_HTML), schema=ArticleInSchema)


def _links(article_id: str) -> dict[str, str]:
    return {
        "self": url_for("articles.ArticleById", article_id=article_id),
        "view": url_for("view.article_view", article_id=article_id),
    }


def _new_article(data: dict[str, Any], idempotency_key: str | None = None) -> NewArticle:
    return NewArticle(
        text=data.get("text"), html=data.get("html"), url=data.get("url"),
        title=data.get("title"), source=data.get("source"),
        published_at=data.get("published_at"), language=data.get("language") or "en",
        external_id=data.get("external_id"), metadata=data.get("metadata"),
        idempotency_key=idempotency_key, request_id=g.get("request_id"),
    )  # fmt: skip


def article_view(a: Article, with_result: bool = True) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": a.id, "status": a.status, "submitted_at": as_utc(a.submitted_at),
        "started_at": as_utc(a.started_at), "finished_at": as_utc(a.finished_at),
        "attempts": a.attempts, "error": a.error, "external_id": a.external_id, "url": a.url,
        "title": a.title, "source": a.source, "published_at": a.published_at,
        "content_sha256": a.content_sha256, "links": _links(a.id),
    }  # fmt: skip
    if with_result:
        view["result"] = a.result if a.status == "done" else None
    return view


def _db():  # type: ignore[no-untyped-def]
    return current_app.extensions["eventwire.db"]


def _celery():  # type: ignore[no-untyped-def]
    return current_app.extensions["eventwire.celery"]


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleListArgsSchema, location="query")
    @blp.response(200, ArticlePageSchema)
    def get(self, args: dict[str, Any]) -> dict[str, Any]:
        """List articles, newest first, without their results."""
        with _db().session() as s:
            page = ArticleRepository(s).list(
                status=args.get("status"), since=args.get("since"), until=args.get("until"),
                limit=args["limit"], cursor=args.get("cursor"),
            )  # fmt: skip
            return {"items": [article_view(a, with_result=False) for a in page.items],
                    "next_cursor": page.next_cursor}  # fmt: skip

    @blp.arguments(ArticleInSchema)
    @blp.response(202, ArticleAcceptedSchema, description="accepted and queued")
    @blp.alt_response(
        200, schema=ArticleAcceptedSchema, description="already submitted: the existing article"
    )
    @blp.alt_response(409, schema=ProblemSchema, content_type=PROBLEM_MIME,
                      description="Idempotency-Key reused with a different body")  # fmt: skip
    def post(self, data: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Submit one article. The same ``external_id`` (or, without one, the same content),
        or a repeated ``Idempotency-Key``, returns the existing article with 200."""
        key = request.headers.get("Idempotency-Key") or None
        if key is not None and (len(key) > 255 or not key.isprintable()):
            from flask_smorest import abort

            abort(
                422,
                messages={
                    "headers": {"Idempotency-Key": ["must be 1 to 255 printable characters"]}
                },
            )
        (sub,) = submit(_db(), _celery(), [_new_article(data, key)])
        body = {"id": sub.article.id, "status": sub.article.status, "links": _links(sub.article.id)}
        return body, 202 if sub.created else 200, {"Location": body["links"]["self"]}


@blp.route("/batch")
class ArticleBatch(MethodView):
    @blp.arguments(BatchInSchema)
    @blp.response(202, BatchOutSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Submit up to 100 articles; each item is accepted or answered with its own problem."""
        items: list[dict[str, Any]] = []
        valid: list[tuple[int, NewArticle]] = []
        for index, raw in enumerate(data["articles"]):
            try:
                loaded = _item_schema.load(raw)
            except ValidationError as exc:
                errors = (
                    exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
                )
                detail = "invalid fields: " + ", ".join(sorted(errors))
                items.append(
                    {"index": index, "status": "invalid", "id": None, "links": None,
                     "problem": problem_body(422, detail, errors)}
                )  # fmt: skip
                continue
            valid.append((index, _new_article(loaded)))
        subs = submit(_db(), _celery(), [n for _, n in valid]) if valid else []
        for (index, _), sub in zip(valid, subs, strict=True):
            items.append(
                {"index": index, "status": sub.article.status, "id": sub.article.id,
                 "created": sub.created, "links": _links(sub.article.id), "problem": None}
            )  # fmt: skip
        items.sort(key=lambda item: item["index"])
        return {"items": items, "accepted": len(subs), "rejected": len(items) - len(subs)}


@blp.route("/<string:article_id>")
class ArticleById(MethodView):
    @blp.response(200, ArticleSchema)
    @blp.alt_response(
        404, schema=ProblemSchema, content_type=PROBLEM_MIME, description="no such article"
    )
    def get(self, article_id: str) -> dict[str, Any]:
        """Status, timestamps, attempts, the failure reason, and the result when done."""
        with _db().session() as s:
            return article_view(ArticleRepository(s).get(article_id))
