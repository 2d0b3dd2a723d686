"""Building request paths from templates, so that no id can address another endpoint."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from urllib.parse import quote

from ._errors import ConfigurationError

__all__ = ["build_path", "path_maker"]

# ``{name}`` fills one path segment; ``{name:path}`` (Starlette's spelling) may span
# several, for a value such as ``github.com/owner/repo`` that the API takes as slashes.
_PLACEHOLDER = re.compile(r"\{(\w+(?::path)?)\}")
_MULTI_SEGMENT = ":path"
# Ids such as "devin-abc123": nothing to check or encode (the fan-out hot path).
_plain = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9_.~-]*").fullmatch


class _PathName(str):
    """The name of a ``{name:path}`` placeholder: equal to the bare name, which looks it up."""

    __slots__ = ()


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
    if "/" in value and name.endswith("_id") and not isinstance(name, _PathName):
        # No Devin id has one. Sent as %2F it would stay one segment here, but a proxy
        # that decodes %2F before routing would send the request elsewhere.
        raise ValueError(f"path parameter {name!r} must not contain '/': {value!r}")
    # A {name:path} value keeps its slashes, each part checked and encoded as an id of
    # its own: "owner/../../v1" or "owner//repo" is refused, not sent to resolve elsewhere.
    parts = value.split("/") if isinstance(name, _PathName) else (value,)
    for part in parts:
        if (
            not part.strip()
            or part in (".", "..")
            or any(ord(c) < 0x20 or c == "\x7f" for c in part)
        ):
            raise ValueError(f"path parameter {name!r} is not a valid id: {value!r}")
    # safe="" encodes "/" too: a name such as "feature/x" stays one segment.
    return "/".join(quote(part, safe="") for part in parts)


_split: dict[str, tuple[str, ...]] = {}  # template -> literal text (even), names (odd)


def _parts(template: str) -> tuple[str, ...]:
    parts = _split.get(template)
    if parts is None:  # one entry per template in the code: bounded
        pieces = _PLACEHOLDER.split(template)
        pieces[1::2] = [
            _PathName(n.removesuffix(_MULTI_SEGMENT)) if n.endswith(_MULTI_SEGMENT) else n
            for n in pieces[1::2]
        ]
        parts = _split[template] = tuple(pieces)
    return parts


def _place(name: str, value: object) -> str:
    return value if value.__class__ is str and _plain(value) else _segment(name, value)


def _fill(parts: tuple[str, ...], params: Mapping[str, object]) -> str:
    path = parts[0]
    for i in range(1, len(parts), 2):
        path += _place(parts[i], params[parts[i]]) + parts[i + 1]
    return path


def build_path(template: str, params: Mapping[str, object]) -> str:
    """Fill ``template``'s ``{name}`` placeholders with encoded, validated values."""
    return _fill(_parts(template), params)


def path_maker(template: str, fixed: Mapping[str, object], each: str) -> Callable[[object], str]:
    """``build_path`` for many values of the one placeholder ``each``, every other one
    filled (and checked) once from ``fixed``."""
    parts = _parts(template)
    at = next(i for i in range(1, len(parts), 2) if parts[i] == each)
    head, tail = _fill(parts[:at], fixed), _fill(parts[at + 1 :], fixed)
    name = parts[at]  # the template's own: it knows whether the value may span segments

    def path_of(value: object) -> str:
        return head + _place(name, value) + tail

    return path_of
