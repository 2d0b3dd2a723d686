"""Building frozen attrs instances on hot paths without their ``__init__``.

A frozen class's ``__init__`` matches keyword arguments, then sets each field through
``object.__setattr__``: for the thousands of requests, responses, outcomes and models
of a fan-out, that is a large share of the client's own CPU time. A filler instead
builds the object as an instance of a private subclass that adds nothing but plain
attribute assignment, sets the slots the way any mutable object is filled, and then
makes it an instance of the frozen class (``__class__`` assignment, which CPython
allows between classes of the same layout). For a twenty-field model that costs a
third of what setting each slot through its descriptor does. The private subclass,
one per filled class, shows in ``cls.__subclasses__()``; no instance of it outlives
the filler.
"""

from __future__ import annotations

import functools
import keyword
from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["fill_source", "fillable_fields", "filler"]

T = TypeVar("T")


def fillable_fields(cls: type, converted: Collection[str] = ()) -> tuple[str, ...] | None:
    """The field names, in order, when filling the slots is all ``cls.__init__`` does;
    ``None`` for a class that validates, converts or post-processes there, has slots
    that are not fields (such as attrs' cached hash), an ``__init__`` of its own, or
    anything that would notice a subclass being made (a metaclass, ``__init_subclass__``).
    The converters of the fields named in ``converted`` do not count: their values come
    as the converter would leave them."""
    if not attrs.has(cls) or "__slots__" not in cls.__dict__ or type(cls) is not type:
        return None
    init = getattr(cls.__init__, "__code__", None)
    if init is None or not init.co_filename.startswith("<attrs generated"):
        return None
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return None
    if any("__init_subclass__" in k.__dict__ for k in cls.__mro__ if k not in (object, Generic)):
        return None
    fields = attrs.fields(cls)
    slots = {slot for k in cls.__mro__ for slot in k.__dict__.get("__slots__", ())}
    if slots - {"__weakref__"} != {field.name for field in fields}:
        return None
    for field in fields:
        converts = field.converter is not None and field.name not in converted
        if not field.init or field.validator or converts or field.on_setattr:
            return None
        if not field.name.isidentifier() or keyword.iskeyword(field.name):
            return None
    return tuple(field.name for field in fields)


@functools.cache
def _mutable_twin(cls: type) -> type:
    # Same layout as cls (no slots of its own), default attribute setting: assigning
    # its slots is as fast as for any mutable object. Never seen outside a filler.
    return type(
        f"_Filling{cls.__name__}",
        (cls,),
        {"__slots__": (), "__setattr__": object.__setattr__, "__delattr__": object.__delattr__},
    )


def fill_source(
    cls: type, values: Sequence[str], env: dict[str, Any], converted: Collection[str] = ()
) -> list[str] | None:
    """Statements that leave in ``obj`` an instance of ``cls`` whose fields (in
    ``attrs.fields`` order) are the source expressions ``values``; what they refer to
    is added to ``env``. ``None`` when ``cls`` needs its ``__init__``."""
    names = fillable_fields(cls, converted)
    if names is None:
        return None
    env.update(_new=object.__new__, _mutable=_mutable_twin(cls), _cls=cls)
    lines = ["obj = _new(_mutable)"]
    lines += [f"obj.{name} = {value}" for name, value in zip(names, values, strict=True)]
    return [*lines, "obj.__class__ = _cls"]


def filler(cls: type[T], *, converted: Collection[str] = ()) -> Callable[..., T]:
    """A constructor taking every field positionally, in ``attrs.fields`` order (defaults
    included), that fills the slots; ``cls`` itself when it needs its ``__init__``.
    Values of the fields in ``converted`` are taken as already converted."""
    names = fillable_fields(cls, converted)
    if names is None:
        return cls
    env: dict[str, Any] = {}
    params = [f"a{i}" for i in range(len(names))]  # never a field's name: no clash
    body = fill_source(cls, params, env, converted)
    assert body is not None
    lines = [f"def fill({', '.join(params)}):", *(f"    {line}" for line in body), "    return obj"]
    exec(compile("\n".join(lines), f"<devin_async fill {cls.__qualname__}>", "exec"), env)
    return env["fill"]  # type: ignore[no-any-return]
