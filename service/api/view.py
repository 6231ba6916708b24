"""``GET /v1/articles/{id}/view``: an article's result as a page people can read.

The cleaned text with entity mentions and event triggers highlighted (displaCy's "ent"
look), then the events as a table. Everything from the article is escaped on the way
out (``markupsafe.escape``), and the Content-Security-Policy allows no script at all, so
an article containing ``<script>`` shows it as text and runs nothing.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template_string, url_for

from storage.articles import ArticleRepository
from storage.models import Article

blp = Blueprint("view", __name__)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

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
            spans.append({"start": m["start"], "end": m["end"], "label": entity["type"],
                          "kind": "ent", "title": f"{entity['name']} ({entity['id']})"})  # fmt: skip
    for event in result.get("events") or []:
        trig = event["trigger"]
        spans.append({"start": trig["start"], "end": trig["end"], "label": event["type"],
                      "kind": "trigger", "title": f"event {event['id']}: {event['type']}"})  # fmt: skip
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
        html = render_template_string(PAGE, **context)
    resp = Response(html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = CSP
    resp.headers["Cache-Control"] = "no-store"
    return resp


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{% if refresh %}<meta http-equiv="refresh" content="3">{% endif %}
<title>Eventwire article {{ article.id }}</title>
<style>
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.meta { color: #666; font-size: .9rem; margin-bottom: 1rem; }
.status { font-weight: bold; }
.status-failed { color: #b00020; }
.legend mark { font-size: .8rem; }
.text { line-height: 2.4; white-space: pre-wrap; border: 1px solid #eee; padding: 1rem;
        border-radius: 6px; }
mark { padding: .25em .4em; margin: 0 .15em; border-radius: .35em; line-height: 1; }
mark.trigger { border: 2px solid #c0392b; }
mark .label { font-size: .6em; font-weight: bold; line-height: 1; text-transform: uppercase;
              vertical-align: middle; margin-left: .5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f6f6f6; }
</style>
</head>
<body>
<h1 id="article-title">{{ article.title or "Article " ~ article.id }}</h1>
<div class="meta">
  <span class="status status-{{ article.status }}" id="status">{{ article.status }}</span>
  &middot; id {{ article.id }}
  {% if article.source %}&middot; {{ article.source }}{% endif %}
  {% if article.published_at %}&middot; published {{ article.published_at }}{% endif %}
  {% if article.url and article.url.startswith(("http://", "https://")) %}&middot; <a href="{{ article.url }}" rel="noopener noreferrer nofollow">{{ article.url }}</a>{% endif %}
  &middot; <a href="{{ json_url }}">JSON</a>
</div>
{% if article.error %}<p class="status-failed" id="error">{{ article.error }}</p>{% endif %}
{% if result %}
<div class="legend">
  {% for label, colour in colours.items() %}<mark class="ent" style="background: {{ colour }}">{{ label }}</mark>{% endfor %}
  <mark class="trigger" style="background: {{ trigger_colour }}">event trigger</mark>
</div>
<h2>Text</h2>
<div class="text" id="text">
{%- for seg in segments -%}
{%- if seg.span -%}
<mark class="{{ seg.span.kind }}" data-label="{{ seg.span.label }}" title="{{ seg.span.title }}" style="background: {{ trigger_colour if seg.span.kind == 'trigger' else colours.get(seg.span.label, '#ddd') }}">{{ seg.text }}<span class="label">{{ seg.span.label }}</span></mark>
{%- else -%}{{ seg.text }}{%- endif -%}
{%- endfor -%}
</div>
<h2>Events ({{ events|length }})</h2>
<table id="events">
<thead><tr><th>id</th><th>type</th><th>trigger</th><th>actors</th><th>recipients</th><th>date</th><th>place</th><th>modality</th><th>confidence</th></tr></thead>
<tbody>
{% for ev in events %}<tr><td>{{ ev.id }}</td><td>{{ ev.type }}</td><td>{{ ev.trigger }}</td><td>{{ ev.actors }}</td><td>{{ ev.recipients }}</td><td>{{ ev.date }}{% if ev.date_text %} <small>({{ ev.date_text }})</small>{% endif %}</td><td>{{ ev.place }}</td><td>{{ ev.modality }}</td><td>{{ ev.confidence }}</td></tr>
{% endfor %}
</tbody>
</table>
<h2>Entities ({{ entities|length }})</h2>
<table id="entities">
<thead><tr><th>id</th><th>name</th><th>type</th><th>mentions</th><th>salience</th><th>aliases</th></tr></thead>
<tbody>
{% for e in entities %}<tr><td>{{ e.id }}</td><td>{{ e.name }}</td><td>{{ e.type }}</td><td>{{ e.mentions|length }}</td><td>{{ "%.2f"|format(e.salience or 0) }}</td><td>{{ (e.aliases or [])|join(", ") }}</td></tr>
{% endfor %}
</tbody>
</table>
{% elif article.status != "failed" %}
<p id="pending">Not processed yet; this page reloads every 3 seconds.</p>
{% endif %}
</body>
</html>
"""
