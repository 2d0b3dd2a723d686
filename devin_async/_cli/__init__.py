"""``devin-async``, the command line over the SDK.

Parsing and ``--help`` use the standard library only; a command's module, and with it
the SDK and aiohttp, is imported when that command runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from .exits import USAGE
from .parser import GLOBAL_DEFAULTS, PROG, build_parser

__all__ = ["main"]


def _prog() -> str:
    """How the user called us, for usage lines."""
    if os.path.basename(sys.argv[0]) == "__main__.py":
        return "python -m devin_async"
    return PROG


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` (default: the command line), run the command, return the exit status."""
    args = build_parser(_prog()).parse_args(argv)
    for name, default in GLOBAL_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.handler is None:  # a group without its command: say what it has
        args.usage_of.print_help(sys.stderr)
        return USAGE
    from .runner import run

    return run(args)
