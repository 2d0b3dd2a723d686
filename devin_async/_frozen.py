"""Building frozen attrs instances on hot paths by filling their slots directly.

A frozen class's ``__init__`` sets each field through ``object.__setattr__`` (and
matches keyword arguments first): for the thousands of requests, responses, outcomes
and models of a fan-out, that is a large share of the client's own CPU time.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["filler", "slot_setters"]

T = TypeVar("T")

# What attrs' __init__ may do besides setting fields; a class using any keeps its __init__.
_INIT_HOOKS = ("__attrs_pre_init__", "__attrs_post_init__", "__attrs_cached_hash__")


def slot_setters(cls: type) -> dict[str, Callable[[Any, Any], None]] | None:
    """Each field's slot setter, when filling the slots is all ``cls.__init__`` does;
    ``None`` for a class that validates, converts or post-processes there."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return None
    if any(hasattr(cls, hook) for hook in _INIT_HOOKS):
        return None
    setters = {}
    for field in attrs.fields(cls):
        if not field.init or field.validator or field.converter or field.on_setattr:
            return None
        slot = next((k.__dict__[field.name] for k in cls.__mro__ if field.name in k.__dict__), None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters[field.name] = slot.__set__
    return setters


def filler(cls: type[T]) -> Callable[..., T]:
    """A constructor taking every field positionally, in ``attrs.fields`` order (defaults
    included), that fills the slots; ``cls`` itself when it needs its ``__init__``."""
    setters = slot_setters(cls)
    if setters is None:
        return cls
    env: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def fill({', '.join(setters)}):", "    r = new(cls)"]
    for name, setter in setters.items():
        env[f"s_{name}"] = setter
        lines.append(f"    s_{name}(r, {name})")
    lines.append("    return r")
    exec(compile("\n".join(lines), f"<devin_async fill {cls.__qualname__}>", "exec"), env)
    return env["fill"]  # type: ignore[no-any-return]
