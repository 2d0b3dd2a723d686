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


def slot_setters(cls: type) -> dict[str, Callable[[Any, Any], None]] | None:
    """Each field's slot setter, when filling the slots is all ``cls.__init__`` does;
    ``None`` for a class that validates, converts or post-processes there, has slots
    that are not fields (such as attrs' cached hash), or an ``__init__`` of its own."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__:
        return None
    init = getattr(cls.__init__, "__code__", None)
    if init is None or not init.co_filename.startswith("<attrs generated"):
        return None
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    fields = attrs.fields(cls)
    slots = {slot for k in cls.__mro__ for slot in k.__dict__.get("__slots__", ())}
    if slots - {"__weakref__"} != {field.name for field in fields}:
        return None
    setters = {}
    for field in fields:
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
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params = [f"a{i}" for i in range(len(setters))]  # never a field's name: no clash
    lines = [f"def fill({', '.join(params)}):", "    obj = _new(_cls)"]
    for i, setter in enumerate(setters.values()):
        env[f"_s{i}"] = setter
        lines.append(f"    _s{i}(obj, a{i})")
    lines.append("    return obj")
    exec(compile("\n".join(lines), f"<devin_async fill {cls.__qualname__}>", "exec"), env)
    return env["fill"]  # type: ignore[no-any-return]
