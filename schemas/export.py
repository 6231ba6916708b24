"""JSON Schema documents generated from the marshmallow schemas.

``python -m schemas.export`` rewrites ``schemas/json/*.schema.json``; a test fails when
the committed files differ from what the schemas generate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema

from schemas.result import ArticleResultSchema
from schemas.webhooks import ArticleFailedDataSchema, WebhookMessageSchema

OUT_DIR = Path(__file__).parent / "json"
DOCUMENTS: dict[str, type[Schema]] = {
    "article_result": ArticleResultSchema,
    "webhook_message": WebhookMessageSchema,
    "article_failed_data": ArticleFailedDataSchema,
}


def json_schema(schema: type[Schema], title: str) -> dict[str, Any]:
    spec = APISpec(title, "1.0", "3.1.0", plugins=[MarshmallowPlugin()])
    spec.components.schema(title, schema=schema)
    defs = spec.to_dict()["components"]["schemas"]
    raw = json.dumps(defs).replace("#/components/schemas/", "#/$defs/")
    defs = json.loads(raw)
    root = defs.pop(title)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://eventwire.invalid/schemas/{title}.schema.json",
        "title": title,
        **root,
        "$defs": defs,
    }


def render(name: str) -> str:
    return json.dumps(json_schema(DOCUMENTS[name], name), indent=2, sort_keys=True) + "\n"


def main() -> int:
    OUT_DIR.mkdir(exist_ok=True)
    for name in DOCUMENTS:
        (OUT_DIR / f"{name}.schema.json").write_text(render(name))
        print(f"wrote {OUT_DIR / name}.schema.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
