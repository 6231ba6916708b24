"""Test-only fault injection for ``tests/faults/``; inert unless a test turns it on.

The fault tests must catch a worker mid-extraction (to SIGKILL it, cut its database or run
past the soft time limit) and need an article that makes extraction raise. Both are cued by
a marker in the article text, and only when ``EVENTWIRE_TEST_SLOW_EXTRACT_SECONDS`` is > 0:

- ``EVENTWIRE-TEST-SLOW``: sleep that many seconds before extracting;
- ``EVENTWIRE-TEST-RAISE``: raise ``InjectedFault`` instead of extracting.

Production never sets the variable, so the markers are then ordinary text.
"""

from __future__ import annotations

import time

from eventwire.config import Settings

SLOW_MARKER = "EVENTWIRE-TEST-SLOW"
RAISE_MARKER = "EVENTWIRE-TEST-RAISE"


class InjectedFault(RuntimeError):
    """The failure a test asked for."""


def inject(settings: Settings, text: str | None) -> None:
    """Sleep or raise as the article's markers ask, when the test hooks are on."""
    if settings.test_slow_extract_seconds <= 0 or not text:
        return
    if RAISE_MARKER in text:
        raise InjectedFault("injected extraction failure (test hook)")
    if SLOW_MARKER in text:
        time.sleep(settings.test_slow_extract_seconds)
