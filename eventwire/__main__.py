"""``python -m eventwire`` is the ``eventwire`` command."""

import sys

from eventwire.cli import main

sys.exit(main())
