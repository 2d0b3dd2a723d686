"""Running a parsed command: its handler, the event loop, Ctrl-C, and the exit status."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from .. import AsyncDevin, DevinError
from .connect import open_client
from .exits import INTERRUPTED, UsageError
from .output import Output
from .report import NoAPIKey, exit_code_for

__all__ = ["ClientHandler", "PlainHandler", "run"]

ClientHandler = Callable[[AsyncDevin, argparse.Namespace, Output], Awaitable[int]]
PlainHandler = Callable[[argparse.Namespace, Output], int]

_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for `... | head`
# What a command reports as its error instead of a traceback: the SDK's errors, wrong
# arguments, and files that cannot be read or written.
_EXPECTED = (DevinError, UsageError, NoAPIKey, OSError, ValueError)


def handler_of(name: str) -> Any:
    """The function ``"module:function"`` names in this package."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; returns the exit status."""
    out = Output(args.format, sys.stdout, sys.stderr, progress=args.progress)
    if args.verbose:
        logging.basicConfig(format="devin-async: %(message)s", stream=sys.stderr)
        logging.getLogger("devin_async").setLevel(logging.DEBUG)
    handler = handler_of(args.handler)
    try:
        if not args.client:
            return int(handler(args, out))
        return asyncio.run(_run_with_client(handler, args, out))
    except KeyboardInterrupt:
        print("devin-async: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more can be said on stdout, and Python
        # would complain again while flushing it at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _BROKEN_PIPE


async def _run_with_client(handler: ClientHandler, args: argparse.Namespace, out: Output) -> int:
    try:
        try:
            async with open_client(args) as client:
                return await handler(client, args, out)
        finally:
            out.close()
    except _EXPECTED as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        out.error(exc)
        return exit_code_for(exc)
