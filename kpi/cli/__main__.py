"""``python -m kpi.cli``: the ``kpi`` command without the console script."""

import sys

from kpi.cli import main

sys.exit(main())
