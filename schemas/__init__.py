"""marshmallow schemas: the public contract (CONTRACT.md) in code.

The OpenAPI document served at ``/openapi.json`` and the JSON Schema files under
``schemas/json/`` are generated from these classes, never written by hand.
"""

from schemas.result import ArticleResultSchema

__all__ = ["ArticleResultSchema"]
