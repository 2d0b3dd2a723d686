"""``devin-async api METHOD PATH``: any endpoint, through the client's whole pipeline."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .. import AsyncDevin
from .exits import OK, UsageError
from .output import Output

__all__ = ["call", "send_raw"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


async def send_raw(
    client: AsyncDevin,
    method: str,
    path: str,
    *,
    params: list[tuple[str, str]],
    json: Any = None,
) -> Any:
    """The decoded JSON answer (``None`` for an empty body) to a call the SDK has no method
    for, with its retries, 429 gate, auth and typed errors; ``{org_id}`` in ``path`` is the
    client's organization.

    The one place the command line reaches into the client: until ``client.request``
    (issue 19) exists, it builds the request with the client's core.
    """
    core = client._core
    names = set(_PLACEHOLDER.findall(path))
    if names - {"org_id"}:
        raise UsageError(f"only {{org_id}} is filled in a path, not {sorted(names - {'org_id'})}")
    fill = {"org_id": core.org_id(None)} if names else None
    request = core.request(method, path, path=fill, params=params, json=json)
    return await core.call_json(request, empty_ok=True)


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
    parts = urlsplit(args.path)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        raise UsageError(f"PATH is a path on the API, starting with '/': {args.path!r}")
    params = parse_qsl(parts.query, keep_blank_values=True) + _params(args.params)
    answer = await send_raw(client, args.method, parts.path, params=params, json=_body(args.data))
    if answer is not None:
        out.data(answer)
    return OK
