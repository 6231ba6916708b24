"""Eventwire: news articles in, PLOVER events and entities out.

This package holds what every process shares: settings (``eventwire.config``), logging
(``eventwire.logging``) and the ``eventwire`` command line (``eventwire.cli``).
"""

__version__ = "0.1.0"
