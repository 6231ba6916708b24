"""Eventwire's extraction engine: article text in, entities and PLOVER events out.

    from extraction import extract, ArticleInput
    result = extract(ArticleInput(text="...", published_at="2025-02-27"))
    result.to_dict()  # CONTRACT section 3

I/O-free: imports spaCy, the standard library and small text libraries only.
"""

from extraction.engine import (
    ENGINE_NAME,
    ArticleInput,
    ArticleResult,
    __version__,
    extract,
    extract_many,
    warm_up,
)
from extraction.errors import ExtractionError, InvalidInput, StageError, UnusableInput

__all__ = [
    "ENGINE_NAME",
    "ArticleInput",
    "ArticleResult",
    "ExtractionError",
    "InvalidInput",
    "StageError",
    "UnusableInput",
    "__version__",
    "extract",
    "extract_many",
    "warm_up",
]
