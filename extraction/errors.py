"""Every error the extraction engine raises on purpose.

Hierarchy::

    ExtractionError                 base of the layer; callers catch this one
    ├── UnusableInput               the article cannot be processed: no text at all, empty
    │                               after cleaning, or binary garbage (a client error)
    ├── InvalidInput (+ValueError)  a field of ArticleInput is malformed, e.g. published_at
    └── StageError                  a stage (cleaning, parse, entities, events, quotes)
                                    failed on usable input: an engine bug, translated at
                                    the boundary with ``raise StageError(...) from exc``

Messages are one line: the service shows them to the client and the CLI prints them.
"""

from __future__ import annotations


class ExtractionError(Exception):
    """Base of every error ``extraction.extract`` raises."""

    def __init__(self, message: str) -> None:
        # One line, always: the message ends up in problem+json and on a terminal.
        super().__init__(" ".join(str(message).split()))

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnusableInput(ExtractionError):
    """The input holds no text the engine can work on."""


class InvalidInput(ExtractionError, ValueError):
    """A field of the input is malformed (not the text itself)."""


class StageError(ExtractionError):
    """A pipeline stage raised on usable input; ``stage`` names it."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage} stage failed: {message}")
        self.stage = stage
