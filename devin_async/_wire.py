"""A faster lane from a list page's bytes to models, with the converter's own rules.

msgspec reads a page straight into one small wire object per model (no dict per
item), checks in C that each object has no field the model lacks, and leaves every
value as the JSON it was; the model is then made from those values by the very
expressions and hooks ``_converter`` applies to a dict (``compile_model``). The lane
only ever gives up: a body msgspec refuses (an unknown field, which the model must
keep in ``extra``; an item that is not an object; what ``json.loads`` tolerates and
msgspec does not, such as NaN or a lone surrogate; nesting past its recursion limit)
goes the dict way, so what a body means never depends on the lane; so does one nested
deeper than the dict way reads (msgspec follows nesting further on some Pythons), and one
with a number of 19 or more digits (the dict way reads it with the stdlib).
"""

from __future__ import annotations

import threading
import typing
from collections.abc import Callable
from typing import Any

import attrs

from ._converter import (
    WireFields,
    _is_list,
    _is_model,
    _is_optional,
    _wire_names,
    compile_model,
    converter,
    model_fields,
)
from ._converter import structure_hook as dict_hook
from ._decode import MOST_LEVELS, has_long_number, nests_deeper_than
from .models._base import Model

__all__ = ["WireModel", "WirePage", "page_reader", "wire_model"]

# Bounded: one entry per model class (and per list key) the SDK lists.
_models: dict[type, WireModel | None] = {}
_pages: dict[tuple[type, str], WirePage | None] = {}
_by_struct: dict[type, WireModel] = {}
_building: set[type] = set()  # the lanes being made, by the thread holding _making
_making = threading.RLock()

# The page fields ``_pagination`` reads besides the items.
_PAGE_FIELDS = ("end_cursor", "has_next_page", "total")


@attrs.frozen
class WireModel:
    """A model's wire object type, the structure hook that makes the model of one, and
    ``too_deep(obj, most)``: whether JSON in ``obj``, in a position of ``most`` levels
    left (its own included), nests deeper. msgspec follows nesting as far as the C stack
    allows on Python 3.12 and later (as the recursion limit does before); the dict way
    stops past MOST_LEVELS. Only fields read as any JSON can nest far (``can_nest``),
    or wire objects within that have such fields."""

    struct: type
    hook: Callable[[Any, Any], Any]
    too_deep: Callable[[Any, int], bool]
    items_too_deep: Callable[[list[Any], int], bool]
    can_nest: bool


def _depth_check(
    loose: list[str], nested: list[str]
) -> tuple[Callable[[Any, int], bool], Callable[[list[Any], int], bool]]:
    """``WireModel.too_deep`` for a model with these ``loose`` and ``nested`` fields, and
    the same over a page's items, generated: it runs for every item of every page, and
    most values are neither objects nor lists, or ones of nothing else."""
    checks = []
    for name in loose:
        checks += [
            f"v = o.{name}",
            "if v.__class__ is dict or v.__class__ is list:",
            "    for w in (v.values() if v.__class__ is dict else v):",
            "        if (w.__class__ is dict or w.__class__ is list) and deep(v, most - 1):",
            "            return True",
        ]
    for name in nested:
        checks += [f"if within(o.{name}, most - 1):", "    return True"]
    one = ["def too_deep(o, most):", *(f"    {line}" for line in checks), "    return False"]
    many = ["def items_too_deep(items, most):"]
    if checks:  # (a model with nothing that nests: nothing to look at)
        many += ["    for o in items:", *(f"        {line}" for line in checks)]
    many.append("    return False")
    source = "\n".join(line for block in (one, many) for line in (*block, ""))
    env: dict[str, Any] = {"deep": nests_deeper_than, "within": _within_too_deep}
    exec(compile(source, "<devin_async wire depth>", "exec"), env)
    return env["too_deep"], env["items_too_deep"]


def _within_too_deep(value: Any, most: int) -> bool:
    """For a field holding wire objects: the object, a list of them (or of lists), or
    ``None`` / absent."""
    wire = _by_struct.get(value.__class__)
    if wire is not None:
        return wire.too_deep(value, most)
    if value.__class__ is list:
        return any(_within_too_deep(v, most - 1) for v in value)
    return False


def wire_model(cls: Any) -> WireModel | None:
    """``cls``'s lane, or ``None`` for a class that is not a model, or whose lane is being
    made (a model that nests itself takes the dict way there)."""
    if not _is_model(cls):
        return None
    if cls in _models:
        return _models[cls]
    with _making:  # one thread makes the lanes; a nested model's in the same one
        if cls in _building:
            return None
        if cls not in _models:
            _building.add(cls)
            try:
                _models[cls] = _make(cls)
            finally:
                _building.discard(cls)
        return _models[cls]


def _make(cls: type[Model]) -> WireModel:
    import msgspec

    hints = typing.get_type_hints(cls, include_extras=True)
    names = _wire_names(cls)
    fields: list[tuple[Any, ...]] = []
    rename: dict[str, str] = {}
    exact: set[str] = set()
    defaulted: set[str] = set()
    loose: list[str] = []  # read as any JSON: where a value can nest without bound
    nested: list[str] = []  # wire objects that have such fields, alone or in lists
    for i, field in enumerate(model_fields(cls)):
        tp = hints[field.name]
        checked = _exact_type(tp)
        if checked is not None:
            exact.add(field.name)
        read = _wire_type(tp) if checked is None else checked
        if read is Any:
            loose.append(f"f{i}")
        elif checked is None and _through(tp, _nesting, None) is not None:
            nested.append(f"f{i}")
        spec: tuple[Any, ...] = (f"f{i}", read)
        if field.default is not attrs.NOTHING:
            if _fills_as_is(field.default, tp, checked):
                spec = (*spec, field.default)
                defaulted.add(field.name)
            else:
                spec = (*spec, msgspec.UNSET)
        fields.append(spec)
        rename[f"f{i}"] = names[field.name]
    struct = msgspec.defstruct(
        f"_Wire{cls.__name__}",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,  # an unknown field goes the dict way, into extra
        rename=rename,
        gc=False,  # JSON cannot make a cycle: the cyclic GC need not track these
    )
    wire = WireFields(msgspec.UNSET, frozenset(exact), frozenset(defaulted))
    hook = compile_model(cls, converter, _hook_of, wire)
    one, many = _depth_check(loose, nested)
    made = _by_struct[struct] = WireModel(struct, hook, one, many, bool(loose or nested))
    return made


_EXACT = (str, int, float, bool)


def _exact_type(tp: Any) -> Any:
    """What msgspec checks in C exactly as ``_inline`` takes a value as is (a JSON string
    for ``str``, a number for ``float``, ...), a list or an optional of it; ``None`` for
    a type that needs the converter."""
    return _through(tp, lambda leaf: leaf if leaf in _EXACT else None, None)


def _fills_as_is(default: Any, tp: Any, checked: Any) -> bool:
    """Whether msgspec may fill an absent field with ``default`` itself: what the model's
    expression then makes of it is ``default`` again (``None`` for an optional or any
    JSON; a plain value for a field taken as is)."""
    if default is None:
        return tp is Any or _is_optional(tp)
    return checked is not None and type(default) in _EXACT


def _nesting(leaf: Any) -> Any:
    """``leaf`` if it is a model with fields that can nest without bound, else ``None``."""
    wire = wire_model(leaf)
    return leaf if wire is not None and wire.can_nest else None


def _wire_type(tp: Any) -> Any:
    """What msgspec reads for a field of type ``tp`` the converter makes: a model's wire
    object where ``_inline`` calls a model's hook (alone, in a list, or optional), any
    JSON elsewhere."""

    def struct(leaf: Any) -> Any:
        wire = wire_model(leaf)  # None for what is not a model
        return Any if wire is None else wire.struct

    return _through(tp, struct, Any)


def _through(tp: Any, leaf: Callable[[Any], Any], nothing: Any) -> Any:
    """``leaf``'s type for ``tp``, through the lists and optionals ``_inline`` takes apart
    (``nothing`` wherever ``leaf`` gives it)."""
    if _is_list(tp) and typing.get_args(tp):
        item = _through(typing.get_args(tp)[0], leaf, nothing)
        return nothing if item is nothing else list[item]  # type: ignore[valid-type]
    if _is_optional(tp):
        inner = next(a for a in typing.get_args(tp) if a is not type(None))
        inner = _through(inner, leaf, nothing)
        return nothing if inner is nothing else typing.Optional[inner]  # noqa: UP045
    return leaf(tp)


def _hook_of(tp: Any) -> Callable[[Any, Any], Any]:
    """The hook ``_inline`` calls for ``tp``: a model's wire hook where ``_wire_type``
    reads its wire object, the converter's own elsewhere (never reached for a list or
    an optional of wire objects: those ``_inline`` takes apart first)."""
    wire = wire_model(tp)
    return dict_hook(tp) if wire is None else wire.hook


@attrs.frozen
class WirePage:
    """A list page of one model read the wire way: ``decode`` gives the dict
    ``_pagination`` parses, its items wire objects (``None``: the dict way instead), and
    ``hook`` makes an item's model."""

    decode: Callable[[bytes], dict[str, Any] | None]
    hook: Callable[[Any, Any], Any]


def page_reader(item_type: Any, items_key: str) -> WirePage | None:
    """How to read a list page of ``item_type`` (its items under ``items_key``) the wire
    way; ``None`` if there is none (``item_type`` is not a model)."""
    key = (item_type, items_key)
    if key not in _pages:
        with _making:
            if key not in _pages:
                _pages[key] = _page_reader(item_type, items_key)
    return _pages[key]


def _page_reader(item_type: Any, items_key: str) -> WirePage | None:
    wire = wire_model(item_type)
    if wire is None:
        return None
    import msgspec

    fields: list[tuple[Any, ...]] = [("items", list[wire.struct])]  # type: ignore[name-defined]
    fields += [(name, Any, msgspec.UNSET) for name in _PAGE_FIELDS]
    page = msgspec.defstruct(
        f"_WirePageOf{item_type.__name__}",
        fields,
        kw_only=True,
        rename={"items": items_key},
        forbid_unknown_fields=True,  # skipped unread, it could nest past the dict way's bound
    )
    decoder = msgspec.json.Decoder(page)
    unset = msgspec.UNSET
    items_too_deep = wire.items_too_deep

    def decode(body: bytes) -> dict[str, Any] | None:
        # The stdlib reads such a body for the dict way, and its nesting bound is the
        # recursion limit's, not MOST_LEVELS: it alone decides.
        if has_long_number(body):
            return None
        try:
            answer: Any = decoder.decode(body)
        except (msgspec.MsgspecError, RecursionError):
            return None
        # Nested past the dict way's bound: it says so, for the whole page.
        if items_too_deep(answer.items, MOST_LEVELS - 2):  # the page, its list, an item
            return None
        data = {items_key: answer.items}
        for name in _PAGE_FIELDS:
            value = getattr(answer, name)
            if value is not unset:
                if nests_deeper_than(value, MOST_LEVELS - 1):
                    return None
                data[name] = value
        return data

    return WirePage(decode, wire.hook)
