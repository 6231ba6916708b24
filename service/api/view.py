"""``GET /v1/articles/{id}/view``: an article's result as a page people can read.

The cleaned text with entity mentions and event triggers highlighted (displaCy's "ent"
look), then the events and entities as tables; the page is ``article_view.html`` beside
this module. Jinja escapes everything from the article, and the Content-Security-Policy
allows no script at all, so an article containing ``<script>`` shows it as text and
runs nothing.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template, url_for

from storage.articles import ArticleRepository
from storage.models import Article

blp = Blueprint("view", __name__, template_folder=".")

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

# displaCy's default entity colours, and one colour for every event trigger.
ENTITY_COLOURS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "NORP": "#c887fb",
    "LOC": "#ff9561",
    "EVENT": "#ffeb80",
}
TRIGGER_COLOUR = "#f4a6a6"


def highlight_spans(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Non-overlapping spans to mark: entity mentions first, then event triggers that do not
    overlap one. Each is ``{start, end, label, kind, title}``, sorted by start."""
    spans: list[dict[str, Any]] = []
    for entity in result.get("entities") or []:
        for m in entity.get("mentions") or []:
            title = f"{entity['name']} ({entity['id']})"
            spans.append(_span(m["start"], m["end"], entity["type"], "ent", title))
    for event in result.get("events") or []:
        trig = event["trigger"]
        title = f"event {event['id']}: {event['type']}"
        spans.append(_span(trig["start"], trig["end"], event["type"], "trigger", title))
    chosen: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for span in spans:  # entities before triggers: a trigger inside a name loses
        if span["end"] <= span["start"]:
            continue
        if any(span["start"] < end and start < span["end"] for start, end in taken):
            continue
        taken.append((span["start"], span["end"]))
        chosen.append(span)
    return sorted(chosen, key=lambda s: s["start"])


def _span(start: int, end: int, label: str, kind: str, title: str) -> dict[str, Any]:
    return {"start": start, "end": end, "label": label, "kind": kind, "title": title}


def text_segments(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain and marked pieces, in order (the template escapes them)."""
    out: list[dict[str, Any]] = []
    pos = 0
    for span in spans:
        if span["start"] > pos:
            out.append({"text": text[pos : span["start"]], "span": None})
        out.append({"text": text[span["start"] : span["end"]], "span": span})
        pos = span["end"]
    if pos < len(text):
        out.append({"text": text[pos:], "span": None})
    return out


def _names(refs: list[dict[str, Any]] | None) -> str:
    return ", ".join(r.get("name") or r.get("entity_id", "") for r in refs or [])


def event_rows(result: dict[str, Any]) -> list[dict[str, str]]:
    rows = []
    for ev in result.get("events") or []:
        date = ev.get("date") or {}
        loc = ev.get("location") or {}
        modality = ev.get("modality") or ""
        if ev.get("negated"):
            modality += " (negated)"
        rows.append({
            "id": ev["id"], "type": ev["type"] + (f" / {ev['mode']}" if ev.get("mode") else ""),
            "trigger": ev["trigger"]["text"], "actors": _names(ev.get("actors")),
            "recipients": _names(ev.get("recipients")),
            "date": date.get("value") or "", "date_text": date.get("text") or "",
            "place": loc.get("name") or "", "modality": modality,
            "confidence": f"{ev.get('confidence', 0):.2f}",
        })  # fmt: skip
    return rows


@blp.get("/v1/articles/<string:article_id>/view")
def article_view(article_id: str) -> Response:
    """The article as HTML: highlighted text and its events (404 problem when unknown)."""
    with current_app.extensions["eventwire.db"].session() as s:
        article: Article = ArticleRepository(s).get(article_id)
        result = article.result if article.status == "done" else None
        context = {
            "article": article,
            "result": result,
            "segments": text_segments(result["text"], highlight_spans(result)) if result else [],
            "events": event_rows(result) if result else [],
            "entities": sorted(result.get("entities") or [], key=lambda e: -e.get("salience", 0))
            if result
            else [],
            "colours": ENTITY_COLOURS,
            "trigger_colour": TRIGGER_COLOUR,
            "json_url": url_for("articles.ArticleById", article_id=article_id),
            "refresh": article.status in ("queued", "processing"),
        }
        html = render_template("article_view.html", **context)
    resp = Response(html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = CSP
    resp.headers["Cache-Control"] = "no-store"
    return resp
