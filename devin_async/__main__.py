"""``devin-async`` and ``python -m devin_async``: the command line (``demo`` among its commands)."""

from __future__ import annotations

import sys

from ._cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
