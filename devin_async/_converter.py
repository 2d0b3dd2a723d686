"""Every wire rule in one place: open enums, kept extras, timestamps, renames.

Models carry no serialization code (the cattrs preconf way). Two converters share
the rules: a fast one for the happy path, and a detailed one that runs only after
a failure, to say which field of which payload was wrong.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._enums import OpenEnum
from ._errors import DecodeError
from ._frozen import fill_source
from .models._base import NO_EXTRA, EpochMillis, Model

__all__ = [
    "converter",
    "from_epoch_millis",
    "structure",
    "structure_hook",
    "to_date",
    "to_datetime",
    "to_epoch",
    "unstructure",
]

T = TypeVar("T")

# Field metadata key for a wire name that differs from the attribute name.
WIRE_NAME = "devin_async.wire_name"


def to_datetime(value: Any) -> datetime:
    """v3 epoch seconds and v1 ISO-8601 strings alike, as aware UTC datetimes."""
    if isinstance(value, bool):
        raise TypeError(f"expected a timestamp, got {value!r}")
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):  # Python 3.10's fromisoformat rejects "Z"
            text = text[:-1] + "+00:00"
        parsed = datetime.fromisoformat(text)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")


def from_epoch_millis(value: Any) -> datetime:
    """An epoch-milliseconds number as an aware UTC datetime (ISO strings pass through)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return to_datetime(value / 1000)
    return to_datetime(value)


def to_date(value: Any) -> date:
    """A calendar date from ``YYYY-MM-DD`` (or a full ISO timestamp's date part)."""
    if not isinstance(value, str):
        raise TypeError(f"expected a YYYY-MM-DD date, got {type(value).__name__}")
    text = value.strip()
    return date.fromisoformat(text) if len(text) == 10 else to_datetime(text).date()


def to_epoch(value: datetime) -> float:
    """Seconds since the epoch; a naive datetime is UTC, as in ``to_datetime``."""
    aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return aware.timestamp()


def _wire_names(cls: type) -> dict[str, str]:
    return {
        a.name: a.metadata.get(WIRE_NAME, a.name) for a in attrs.fields(cls) if a.name != "extra"
    }


def _structure_model_factory(conv: cattrs.Converter) -> Callable[[type], Any]:
    def factory(cls: type[Model]) -> Callable[[Any, Any], Model]:
        names = _wire_names(cls)
        overrides: dict[str, Any] = {
            attr: override(rename=wire) for attr, wire in names.items() if attr != wire
        }
        base = make_dict_structure_fn(cls, conv, extra=override(omit=True), **overrides)
        known = frozenset(names.values())

        def structure_model(data: Any, _: Any) -> Model:
            if not isinstance(data, Mapping):
                raise TypeError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
            if data.keys() <= known:  # the common case: nothing new from the server
                return base(data, cls)
            obj: Model = base({k: v for k, v in data.items() if k in known}, cls)
            # Fields this SDK does not know yet are kept, not dropped.
            object.__setattr__(obj, "extra", {k: v for k, v in data.items() if k not in known})
            return obj

        return structure_model

    return factory


_MISSING = object()
_INLINE_CLASSES = (str, int, float, bool)


def _compiled_model_factory(conv: cattrs.Converter) -> Callable[[type], Any]:
    """The fast converter's structure function for a model, generated as Python source.

    Same rules as the cattrs-made one (which the detailed converter keeps, to explain
    failures): a value whose class is exactly the field's str/int/float/bool type is
    taken as is; anything else goes through the very hooks registered above. Inlining
    those checks halves the cost of a session, the fan-out hot path.
    """

    def factory(cls: type[Model]) -> Callable[[Any, Any], Model]:
        return compile_model(cls, conv, conv.get_structure_hook)

    return factory


@attrs.frozen
class WireFields:
    """How a wire decoder (``_wire.py``) hands a model's fields over: each on attribute
    ``f{i}`` of its object, ``missing`` if absent; unknown fields already refused."""

    missing: object
    exact: frozenset[str]  # fields whose values it already checked as _inline would take them
    defaulted: frozenset[str]  # fields it sets to the model's default when absent


def compile_model(
    cls: type[Model],
    conv: cattrs.Converter,
    hook_of: Callable[[Any], Callable[[Any, Any], Any]],
    wire: WireFields | None = None,
) -> Callable[[Any, Any], Model]:
    """``cls``'s structure function from a dict of decoded JSON, or from what a wire
    decoder made of it; both apply the rules of ``_inline``, ``hook_of`` giving the hook
    for a type it does not take apart."""
    hints = typing.get_type_hints(cls, include_extras=True)
    names = _wire_names(cls)
    known = frozenset(names.values())
    env: dict[str, Any] = {
        "cls": cls, "known": known, "Mapping": Mapping,
        "MISSING": _MISSING if wire is None else wire.missing,
        "NO_EXTRA": NO_EXTRA, "from_epoch": datetime.fromtimestamp, "UTC": timezone.utc,
    }  # fmt: skip
    body, args = [], {"extra": "x"}  # field name -> the local holding its value
    read: set[str] = set()  # the wire keys looked up
    for i, field in enumerate(model_fields(cls)):
        if names[field.name] in read:
            raise TypeError(f"{cls.__name__}: two fields read {names[field.name]!r}")
        read.add(names[field.name])
        key = repr(names[field.name])
        if wire is None:
            value, get, found = (
                _inline(hints[field.name], str(i), "v", env, hook_of),
                f"o[{key}]",
                f"o.get({key}, MISSING)",
            )
        else:
            exact = field.name in wire.exact
            value = "v" if exact else _inline(hints[field.name], str(i), "v", env, hook_of)
            get = found = f"o.f{i}"
        default: Any = field.default
        if default is attrs.NOTHING or (wire is not None and field.name in wire.defaulted):
            body += (
                [f"    a{i} = {get}"] if value == "v" else [f"    v = {get}", f"    a{i} = {value}"]
            )
        else:
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                env[f"d{i}"], missing = default.factory, f"d{i}()"
            else:
                env[f"d{i}"], missing = default, f"d{i}"
            body += [
                f"    v = {found}",
                "    if v is MISSING:",
                f"        a{i} = {missing}",
                *(["        gone += 1"] if wire is None else []),
                "    else:",
                f"        a{i} = {value}",
            ]
        args[field.name] = f"a{i}"
    fields = attrs.fields(typing.cast(Any, cls))
    fill = fill_source(cls, [args.get(f.name, "") for f in fields], env)
    if fill is None:  # its __init__ does more than fill the slots: call it by keyword
        call = ", ".join(f"{f.alias}={args[f.name]}" for f in fields if f.name in args)
        make = [f"    return cls({call})"]
    else:  # filled in place, as _frozen.filler would
        make = [*(f"    {line}" for line in fill), "    return obj"]
    if wire is not None:
        source = ["def structure(o, _):", *body, "    x = NO_EXTRA", *make]
    else:
        source = [
            "def structure(o, _):",
            "    if o.__class__ is not dict and not isinstance(o, Mapping):",
            f"        raise TypeError('expected an object for {cls.__name__}, got '"
            "+ type(o).__name__)",
            "    gone = 0",
            *body,
            # Every known field was looked up: the keys not accounted for by those found
            # are the unknown ones (cheaper than comparing key sets). Only a dict is sure
            # to count what get() finds; other mappings are searched key by key.
            f"    if len(o) + gone == {len(read)} and o.__class__ is dict:",
            "        x = NO_EXTRA",
            "    else:  # fields this SDK does not know yet are kept, not dropped",
            # (none, from a mapping that is not a dict: the shared empty one)
            "        x = {k: w for k, w in o.items() if k not in known} or NO_EXTRA",
            *make,
        ]
    kind = "structure" if wire is None else "wire"
    code = compile("\n".join(source), f"<devin_async {kind} {cls.__qualname__}>", "exec")
    exec(code, env)
    return env["structure"]  # type: ignore[no-any-return]


def model_fields(cls: type[Model]) -> list[attrs.Attribute[Any]]:
    """The fields a model reads from the wire, in order (not ``extra``, nor non-init)."""
    fields = attrs.fields(typing.cast(Any, cls))
    return [f for f in fields if f.name != "extra" and f.init]


def _inline(tp: Any, key: str, var: str, env: dict[str, Any], hook_of: Callable[[Any], Any]) -> str:
    """An expression converting ``var`` to ``tp``: the common wire shape inline, anything
    else through the hook ``h{key}`` (which also raises for what does not fit)."""
    env[f"t{key}"], env[f"h{key}"] = tp, hook_of(tp)
    hook = f"h{key}({var}, t{key})"
    if tp is Any:  # any JSON value, as decoded
        return var
    if tp in _INLINE_CLASSES:
        return f"{var} if {var}.__class__ is {tp.__name__} else {hook}"
    if tp is datetime:  # v3 sends epoch seconds as an int
        return f"from_epoch({var}, UTC) if {var}.__class__ is int else {hook}"
    if _is_open_enum(tp):  # a known value: one dict lookup
        env[f"e{key}"] = tp._value2member_map_.get
        known = f"{var}.__class__ is str and (m := e{key}({var})) is not None"
        return f"m if {known} else {hook}"
    if _is_list(tp) and typing.get_args(tp):
        item = _inline(typing.get_args(tp)[0], key + "_", "x", env, hook_of)
        return f"[{item} for x in {var}] if {var}.__class__ is list else {hook}"
    if _is_optional(tp):
        inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
        return f"None if {var} is None else ({_inline(inner, key + 'o', var, env, hook_of)})"
    return hook


def _as_is(value: Any) -> Any:
    return value


def _unstructure_model_factory(conv: cattrs.Converter) -> Callable[[type], Any]:
    def factory(cls: type[Model]) -> Callable[[Model], dict[str, Any]]:
        names = _wire_names(cls)
        hints = typing.get_type_hints(cls)
        # A field typed Any holds JSON as it was decoded, and goes back as it is: cattrs
        # would walk it a call frame per level, and fail on what nests a few hundred deep.
        overrides: dict[str, Any] = {
            attr: override(
                rename=wire if attr != wire else None,
                unstruct_hook=_as_is if hints[attr] is Any else None,
            )
            for attr, wire in names.items()
            if attr != wire or hints[attr] is Any
        }
        base = make_dict_unstructure_fn(cls, conv, extra=override(omit=True), **overrides)

        def unstructure_model(obj: Model) -> dict[str, Any]:
            return {**obj.extra, **base(obj)}

        return unstructure_model

    return factory


# cattrs' defaults call str()/bool()/int() on whatever arrives, which turns server drift
# into wrong data (None -> "None", "false" -> True, "tags" -> ["t","a","g","s"]). These
# hooks accept only what JSON can mean for the type, so drift becomes a DecodeError.


def _strict_str(value: Any, _: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # an id sent as a number is still that id
    raise TypeError(f"expected a string, got {type(value).__name__}")


def _strict_bool(value: Any, _: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {type(value).__name__}")


def _strict_int(value: Any, _: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise TypeError(f"expected an integer, got {value!r}"[:80])


def _strict_float(value: Any, _: Any) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise TypeError(f"expected a number, got {type(value).__name__}")


def _is_list(cls: Any) -> bool:
    return cls is list or typing.get_origin(cls) is list


def _structure_items_detailed(
    hook: Callable[[Any, Any], Any], value: list[Any], cls: Any, item: Any
) -> list[Any]:
    """Like the fast path, but every failing index is reported the way cattrs does."""
    out, errors = [], []
    for index, v in enumerate(value):
        try:
            out.append(hook(v, item))
        except Exception as exc:
            note = IterableValidationNote(f"Structuring {cls} @ index {index}", index, item)
            setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
    return out


def _list_factory(conv: cattrs.Converter, detailed: bool) -> Callable[[Any], Any]:
    def factory(cls: Any) -> Callable[[Any, Any], list[Any]]:
        (item,) = typing.get_args(cls) or (Any,)
        hook = conv.get_structure_hook(item)

        def structure_list(value: Any, _: Any) -> list[Any]:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            if not detailed:
                return [hook(v, item) for v in value]
            return _structure_items_detailed(hook, value, cls, item)

        return structure_list

    return factory


def _is_optional(tp: Any) -> bool:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    return (origin is typing.Union or origin is types.UnionType) and (
        len(args) == 2 and type(None) in args
    )


def _structure_optional_factory(conv: cattrs.Converter) -> Callable[[Any], Any]:
    # cattrs' own Optional hook dispatches on the inner type at every call; resolving it
    # once keeps the many ``X | None`` fields of a session cheap on the fan-out hot path.
    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        inner = next(arg for arg in typing.get_args(tp) if arg is not type(None))
        hook = conv.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure_optional

    return factory


def _structure_open_enum(value: Any, cls: type[OpenEnum]) -> OpenEnum:
    # A dict lookup for known values; the strict check and enum machinery for the rest.
    member = cls._value2member_map_.get(value) if isinstance(value, str) else None
    if member is None:
        member = cls(_strict_str(value, cls))
    return member  # type: ignore[return-value]


def _is_model(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Model)


def _is_open_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, OpenEnum)


def make_converter(*, detailed: bool) -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=detailed)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(float, _strict_float)
    # Registered by class too, so it is more specific than the str hook for these str enums.
    conv.register_structure_hook(OpenEnum, _structure_open_enum)
    conv.register_structure_hook_factory(_is_list, _list_factory(conv, detailed))
    conv.register_structure_hook(datetime, lambda v, _: to_datetime(v))
    conv.register_unstructure_hook(datetime, lambda d: d.isoformat())
    conv.register_structure_hook(date, lambda v, _: to_date(v))
    conv.register_unstructure_hook(date, lambda d: d.isoformat())
    conv.register_structure_hook_func(lambda t: t == EpochMillis, lambda v, _: from_epoch_millis(v))
    conv.register_unstructure_hook_func(_is_open_enum, lambda e: e.value)
    conv.register_structure_hook_factory(_is_optional, _structure_optional_factory(conv))
    models = _structure_model_factory if detailed else _compiled_model_factory
    conv.register_structure_hook_factory(_is_model, models(conv))
    conv.register_unstructure_hook_factory(_is_model, _unstructure_model_factory(conv))
    return conv


converter = make_converter(detailed=False)
_detailed = make_converter(detailed=True)
_hooks: dict[Any, Callable[[Any, Any], Any]] = {}  # per model type: bounded


def structure_hook(cls: Any) -> Callable[[Any, Any], Any]:
    """The fast converter's hook for ``cls``, looked up once per type: cattrs' dispatch
    costs a tenth of structuring a session. It raises plain errors; ``structure``
    turns them into a ``DecodeError`` that says what did not fit."""
    hook = _hooks.get(cls)
    if hook is None:
        hook = _hooks[cls] = converter.get_structure_hook(cls)
    return hook


def structure(data: Any, cls: type[T], *, what: object = "") -> T:
    """``data`` (decoded JSON) as ``cls``; a clear ``DecodeError`` if it does not fit.

    ``what`` names the source (say the ``Request``; its ``path``, if it has one, is the
    error's); it is turned into text only on failure, so the happy path of every call
    formats nothing.
    """
    try:
        return structure_hook(cls)(data, cls)  # type: ignore[no-any-return]
    except Exception:
        problems = _explain(data, cls)
    name = getattr(cls, "__name__", str(cls))
    where = str(what)
    raise DecodeError(
        f"{where or 'response'} does not fit {name}: {problems}",
        status_code=None,
        path=getattr(what, "path", where),
    ) from None


def _explain(data: Any, cls: Any) -> str:
    try:
        _detailed.structure(data, cls)
    except Exception as exc:  # the detailed converter says which field, and why
        return "; ".join(cattrs.transform_error(exc)[:5])
    return "unexpected shape"


def unstructure(obj: Any) -> Any:
    return converter.unstructure(obj)
