"""``client.request``: any endpoint, the ones the SDK has no method for yet included."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from typing_extensions import Unpack

from .._errors import ConfigurationError
from .._options import RequestOptions
from .._paths import build_path
from .._query import query
from ._base import Resource

__all__ = ["ClientRequests", "Params"]

Params = Mapping[str, object] | Sequence[tuple[str, object]]

_ORG = "{org_id}"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_METHOD = re.compile(r"[A-Z]+").fullmatch
# What a path keeps as it is: RFC 3986's pchar and "/", and percent-escapes already made.
_PATH_SAFE = "/:@!$&'()*+,;=%~"


def _path_and_query(path: str, org_id: str | None) -> tuple[str, list[tuple[str, str]]]:
    """The path to send (``{org_id}`` filled, the rest percent-encoded where it must be)
    and the query written into it."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        raise ConfigurationError(
            f"path must be a path on the API starting with '/', not a URL: {path!r} "
            "(requests go to the client's base URL, the only host that gets the key)"
        )
    if parts.fragment:
        raise ConfigurationError(f"path must not carry a #fragment: {path!r}")
    others = set(_PLACEHOLDER.findall(parts.path)) - {"org_id"}
    if others:
        raise ConfigurationError(
            f"only {{org_id}} is filled in a path, not {sorted(others)}: write the values in"
        )
    pieces = [quote(piece, safe=_PATH_SAFE) for piece in parts.path.split(_ORG)]
    sent = build_path(_ORG, {"org_id": org_id}).join(pieces) if len(pieces) > 1 else pieces[0]
    return sent, parse_qsl(parts.query, keep_blank_values=True)


def _pairs(params: Params | None) -> list[tuple[str, str]]:
    """Query pairs, each value as a filter's is sent (lists repeat the name, ``None`` is
    left out)."""
    if params is None:
        return []
    if isinstance(params, Mapping):
        return query(**params)
    return [pair for name, value in params for pair in query(**{name: value})]


class ClientRequests(Resource):
    """What ``client.request`` and ``client.with_raw_response.request`` run."""

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        cast_to: Any = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """``AsyncDevin.request``, for ``with_raw_response``."""
        return await self._send(method, path, params, json, cast_to, org_id, options)

    async def _send(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: Any,
        cast_to: Any,
        org_id: str | None,
        options: RequestOptions,
    ) -> Any:
        verb = method.upper() if isinstance(method, str) else ""
        if not _METHOD(verb):
            raise ConfigurationError(f"method must be an HTTP method such as 'GET', got {method!r}")
        sent, written = _path_and_query(path, self._core.org_id(org_id))
        request = self._core.request(
            verb, sent, params=[*written, *_pairs(params)], json=json, options=options
        )
        if cast_to is None:
            return await self._core.call_json(request, empty_ok=True)
        return await self._core.call(cast_to, request)
