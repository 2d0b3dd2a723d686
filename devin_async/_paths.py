"""Building request paths from templates, so that no id can address another endpoint."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import quote

from ._errors import ConfigurationError

__all__ = ["build_path"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Ids such as "devin-abc123": nothing to check or encode (the fan-out hot path).
_plain = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9_.~-]*").fullmatch


def _segment(name: str, value: object) -> str:
    if value is None and name == "org_id":
        raise ConfigurationError(
            "this call needs an organization id: pass org_id=..., "
            "or set it on the client (org_id= or DEVIN_ORG_ID)"
        )
    if not isinstance(value, str):
        raise TypeError(f"path parameter {name!r} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"path parameter {name!r} must not be empty")
    if value in (".", "..") or any(ord(c) < 0x20 or c == "\x7f" for c in value):
        raise ValueError(f"path parameter {name!r} is not a valid id: {value!r}")
    # safe="" encodes "/" too: an id such as "../../v1/secrets" stays one segment.
    return quote(value, safe="")


_split: dict[str, tuple[str, ...]] = {}  # template -> literal text (even), names (odd)


def build_path(template: str, params: Mapping[str, object]) -> str:
    """Fill ``template``'s ``{name}`` placeholders with encoded, validated values."""
    parts = _split.get(template)
    if parts is None:  # one entry per template in the code: bounded
        parts = _split[template] = tuple(_PLACEHOLDER.split(template))
    path = parts[0]
    for i in range(1, len(parts), 2):
        value = params[parts[i]]
        if value.__class__ is str and _plain(value):
            path += value + parts[i + 1]
        else:
            path += _segment(parts[i], value) + parts[i + 1]
    return path
