"""Building request paths from templates, so that no id can address another endpoint."""

from __future__ import annotations

import functools
import re
from urllib.parse import quote

from ._errors import ConfigurationError

__all__ = ["build_path"]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Ids such as "devin-abc123": nothing to check or encode (the fan-out hot path).
_PLAIN = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9_.~-]*")


def _segment(name: str, value: object) -> str:
    if type(value) is str and _PLAIN.fullmatch(value):
        return value
    if not isinstance(value, str):
        raise TypeError(f"path parameter {name!r} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"path parameter {name!r} must not be empty")
    if value in (".", "..") or any(ord(c) < 0x20 or c == "\x7f" for c in value):
        raise ValueError(f"path parameter {name!r} is not a valid id: {value!r}")
    # safe="" encodes "/" too: an id such as "../../v1/secrets" stays one segment.
    return quote(value, safe="")


@functools.lru_cache(maxsize=512)
def _parts(template: str) -> tuple[str, ...]:
    """``template`` split once into literal text (even indexes) and names (odd indexes)."""
    return tuple(_PLACEHOLDER.split(template))


def build_path(template: str, **params: object) -> str:
    """Fill ``template``'s ``{name}`` placeholders with encoded, validated values."""
    parts = _parts(template)
    out = list(parts)
    for i in range(1, len(parts), 2):
        name = parts[i]
        value = params[name]
        if name == "org_id" and value is None:
            raise ConfigurationError(
                "this call needs an organization id: pass org_id=..., "
                "or set it on the client (org_id= or DEVIN_ORG_ID)"
            )
        out[i] = _segment(name, value)
    return "".join(out)
