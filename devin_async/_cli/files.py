"""``devin-async attachments upload|download``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from .. import AsyncDevin
from .exits import OK, UsageError
from .output import Output

__all__ = ["download", "upload"]


async def upload(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    for path in args.files:
        if args.scope == "v1":
            url = await client.v1.attachments.upload(path)
            out.item({"name": os.path.basename(path), "url": url})
        else:
            out.item(await client.attachments.upload(path))
    return OK


def _default_path(name: str) -> str:
    path = os.path.basename(name)
    if path in ("", ".", ".."):
        raise UsageError(f"cannot name a file after {name!r}: pass --to PATH")
    if os.path.exists(path):
        raise UsageError(f"{path} exists: pass --to PATH to write there anyway")
    return path


async def download(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    files: Any = client.v1.attachments if args.scope == "v1" else client.attachments
    if args.to == "-":
        sys.stdout.flush()
        await files.download(args.uuid, args.name, to=sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return OK
    path = args.to or _default_path(args.name)
    await files.download(args.uuid, args.name, to=path)
    out.record(_written(path))
    return OK


def _written(path: str) -> dict[str, Any]:
    return {"path": path, "bytes": os.path.getsize(path)}
