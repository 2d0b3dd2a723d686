"""``devin-async self``: who the API key belongs to."""

from __future__ import annotations

import argparse

from .. import AsyncDevin
from .exits import OK
from .output import Output

__all__ = ["whoami"]


async def whoami(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    out.record(await client.self.get())
    return OK
