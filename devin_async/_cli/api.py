"""``devin-async api METHOD PATH``: any endpoint, through ``AsyncDevin.request``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .. import AsyncDevin
from .exits import OK, UsageError
from .output import Output

__all__ = ["call"]


def _body(data: str | None) -> Any:
    if data is None:
        return None
    if data == "-":
        text = sys.stdin.read()
    elif data.startswith("@"):
        with open(data[1:], encoding="utf-8") as f:
            text = f.read()
    else:
        text = data
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UsageError(f"--data is not JSON: {exc}") from None


def _params(pairs: list[str] | None) -> list[tuple[str, str]]:
    params = []
    for pair in pairs or ():
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--param takes KEY=VALUE, got {pair!r}")
        params.append((key, value))
    return params


async def call(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    answer = await client.request(
        args.method, args.path, params=_params(args.params), json=_body(args.data)
    )
    if answer is not None:
        out.data(answer)
    return OK
