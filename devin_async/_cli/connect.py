"""The client a command runs with: configured as ``AsyncDevin`` is, or on the fake API."""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import AsyncIterator
from typing import Any

from .. import AsyncDevin
from .exits import UsageError
from .report import NoAPIKey

__all__ = ["open_client", "read_api_key"]


def read_api_key(args: argparse.Namespace) -> str | None:
    """The key from ``--api-key-file`` or a prompt; ``None`` leaves it to ``DEVIN_API_KEY``.

    Never from argv, where ``ps`` and the shell's history would show it.
    """
    if args.api_key_file is not None and args.api_key is not None:
        raise UsageError("pass --api-key-file or --api-key prompt, not both")
    if args.api_key_file is not None:
        with open(args.api_key_file, encoding="utf-8") as f:
            key = f.read().strip()
        if not key:
            raise NoAPIKey(f"the API key file {args.api_key_file!r} is empty")
        return key
    if args.api_key == "prompt":
        import getpass  # reads the terminal with echo off

        key = getpass.getpass("Devin API key: ").strip()
        if not key:
            raise NoAPIKey("no API key entered")
        return key
    if not os.environ.get("DEVIN_API_KEY"):
        raise NoAPIKey(
            "no API key: set DEVIN_API_KEY, or pass --api-key-file PATH or --api-key prompt "
            "(or try --fake)"
        )
    return None


@contextlib.asynccontextmanager
async def open_client(args: argparse.Namespace) -> AsyncIterator[AsyncDevin]:
    """The client for ``args``; with ``--fake``, the bundled fake API runs in this loop."""
    options: dict[str, Any] = {"timeout": args.timeout, "max_retries": args.max_retries}
    if args.org_id is not None:
        options["org_id"] = args.org_id
    if not args.fake:
        key = read_api_key(args)
        async with AsyncDevin(api_key=key, base_url=args.base_url, **options) as client:
            yield client
        return
    if args.base_url is not None or args.api_key is not None or args.api_key_file is not None:
        raise UsageError("--fake serves its own API: drop --base-url and --api-key*")
    from ..testing import FakeDevin  # aiohttp.web: only for --fake

    async with FakeDevin() as fake, fake.client(**options) as client:
        yield client
