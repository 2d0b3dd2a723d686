"""The fast converter's generated decoders give exactly what cattrs' own give, for every model.

Payloads are derived from each model's attrs fields and type hints (nothing per model by
hand), so a model added to ``devin_async.models`` is covered without touching this file.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

import attrs
import pytest

from devin_async import DecodeError, models
from devin_async._converter import _detailed, converter, structure
from devin_async._enums import OpenEnum
from devin_async.models._base import NO_EXTRA, EpochMillis, Model

MODELS = sorted(
    (obj for name in models.__all__ if attrs.has(obj := getattr(models, name))),
    key=lambda cls: cls.__name__,
)
DEPTH = 2  # nested models beyond this get one payload each: enough, and quick
UNKNOWN_ENUM_VALUE = "a_value_from_the_future"
# Wire keys this SDK does not know, "extra" (the attribute that keeps them) among them.
UNKNOWN_FIELDS = {"field_from_the_future": {"nested": [1, None]}, "extra": 5}

# What JSON can carry for each type: accepted as is, or converted by the wire rules.
GOOD: dict[Any, list[Any]] = {
    str: ["text", "", "ünïcødé", 42, 4.5],  # an id sent as a number is still that id
    int: [7, 0, -3, 7.0, 2**70],
    float: [1.5, 2, 0, -0.25, 1e300],
    bool: [True, False],
    datetime: [
        1704067200,
        1704067200.25,
        0,
        "2024-05-06T07:08:09Z",
        "2024-05-06T07:08:09.123456+02:00",
        "2024-05-06T07:08:09",  # naive: read as UTC
    ],
    EpochMillis: [1704067200123, 1704067200123.0, "2024-05-06T07:08:09Z"],
    date: ["2024-05-06", "2024-05-06T07:08:09Z"],
    Any: ["text", 1, None, {"nested": [1, 2]}, [True]],
}
# What no wire rule accepts (None only where the type is not optional).
BAD: dict[Any, list[Any]] = {
    str: [None, True, [], {}],
    int: [7.5, True, "7", None, []],
    float: [True, "1.5", None, {}],
    bool: [1, 0, "true", None],
    datetime: [True, "not a time", None, [], {}, 10**20],
    EpochMillis: [True, "not a time", None, [1]],
    date: [20240506, "2024-13-45", None, {}],
    Any: [],
}
NOT_AN_OBJECT = [None, [], "text", 5, [("a", 1)]]


def _is_optional(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in (
        typing.get_args(tp)
    )


def _inner(tp: Any) -> Any:
    (inner,) = (arg for arg in typing.get_args(tp) if arg is not type(None))
    return inner


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, OpenEnum)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def good_values(tp: Any, depth: int = 0) -> list[Any]:
    """Wire values ``tp`` must accept, the plainest first."""
    if tp in GOOD:
        return GOOD[tp]
    if _is_optional(tp):
        return [*good_values(_inner(tp), depth), None]
    if _is_enum(tp):
        return [*(member.value for member in tp), UNKNOWN_ENUM_VALUE, 5]  # 5: read as "5"
    if _is_model(tp):
        whole = full_payload(tp, depth + 1)
        if depth >= DEPTH:
            return [whole]
        return [whole, required_payload(tp, depth + 1), {**whole, **UNKNOWN_FIELDS}]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list:
        items = good_values(args[0], depth + 1)
        return [[items[0]], [], items]
    if origin is dict:
        items = good_values(args[1], depth + 1)
        return [{"k": items[0]}, {}, {f"k{i}": v for i, v in enumerate(items)}]
    raise AssertionError(f"no wire values known for {tp!r}: add them to GOOD")


def bad_values(tp: Any, depth: int = 0) -> list[Any]:
    """Wire values ``tp`` must reject."""
    if tp in BAD:
        return BAD[tp]
    if _is_optional(tp):
        return [v for v in bad_values(_inner(tp), depth) if v is not None]
    if _is_enum(tp):
        return [None, ["running"], True, {}]
    if _is_model(tp):
        broken = [] if depth >= DEPTH else [p for _, p in bad_payloads(tp, depth + 1)]
        return [*NOT_AN_OBJECT, *broken[:3]]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list:  # a bad item fails the list too
        items = [[item] for item in bad_values(args[0], depth + 1)[:1]]
        return ["abc", {"a": 1}, None, 5, ("a",), *items]
    if origin is dict:
        entries = [{"k": item} for item in bad_values(args[1], depth + 1)[:1]]
        return ["abc", [1], None, *entries]
    raise AssertionError(f"no bad wire values known for {tp!r}: add them to BAD")


def _fields(cls: type) -> Iterator[tuple[attrs.Attribute[Any], Any]]:
    hints = typing.get_type_hints(cls, include_extras=True)
    for field in attrs.fields(cls):
        if field.name != "extra" and field.init:
            yield field, hints[field.name]


def full_payload(cls: type, depth: int = 0) -> dict[str, Any]:
    return {field.name: good_values(tp, depth)[0] for field, tp in _fields(cls)}


def required_payload(cls: type, depth: int = 0) -> dict[str, Any]:
    full = full_payload(cls, depth)
    return {f.name: full[f.name] for f, _ in _fields(cls) if f.default is attrs.NOTHING}


def good_payloads(cls: type) -> Iterator[tuple[str, Any]]:
    full = full_payload(cls)
    yield "every field", full
    yield "required fields only", required_payload(cls)
    yield "unknown fields", {**full, **UNKNOWN_FIELDS}
    yield (
        "optional fields null",
        {f.name: None if _is_optional(tp) else full[f.name] for f, tp in _fields(cls)},
    )
    for label, payload in [("every field", full), ("unknown fields", {**full, **UNKNOWN_FIELDS})]:
        yield f"{label}, as a non-dict mapping", types.MappingProxyType(payload)
    for field, tp in _fields(cls):
        if field.default is not attrs.NOTHING:
            yield f"{field.name} missing", {k: v for k, v in full.items() if k != field.name}
        for i, value in enumerate(good_values(tp)[1:], 1):
            yield f"{field.name} = value #{i} ({value!r:.40})", {**full, field.name: value}


def bad_payloads(cls: type, depth: int = 0) -> Iterator[tuple[str, Any]]:
    full = full_payload(cls, depth)
    for value in NOT_AN_OBJECT:
        yield f"not an object: {value!r}", value
    for field, tp in _fields(cls):
        if field.default is attrs.NOTHING:
            yield f"{field.name} missing", {k: v for k, v in full.items() if k != field.name}
        for value in bad_values(tp, depth):
            yield f"{field.name} = {value!r:.60}", {**full, field.name: value}


def shape(obj: Any) -> Any:
    """Everything that tells two decoded values apart: types at every level, exact values,
    timezones, which enum members are known, and whether ``extra`` is the shared empty one."""
    if isinstance(obj, Model):
        extra = obj.extra
        fields = tuple(
            (f.name, shape(getattr(obj, f.name))) for f in attrs.fields(typing.cast(Any, type(obj)))
        )
        return type(obj), fields, extra is NO_EXTRA, type(extra), shape(dict(extra))
    if isinstance(obj, OpenEnum):
        return type(obj), obj.value, obj.is_known
    if isinstance(obj, datetime):
        return datetime, obj.isoformat(), obj.tzinfo
    if isinstance(obj, list):
        return list, tuple(shape(item) for item in obj)
    if isinstance(obj, Mapping):
        return type(obj), tuple((key, shape(value)) for key, value in obj.items())
    return type(obj), repr(obj)


def _outcome(decode: Any, payload: Any, cls: type) -> Any:
    try:
        return decode(payload, cls)
    except Exception as exc:
        return exc


def test_every_model_is_covered() -> None:
    assert len(MODELS) >= 80  # not silently shrunk by a change to how models are found
    assert all(issubclass(cls, Model) for cls in MODELS)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_the_compiled_decoder_gives_what_cattrs_gives(cls: type) -> None:
    for label, payload in good_payloads(cls):
        fast = _outcome(converter.structure, payload, cls)
        reference = _outcome(_detailed.structure, payload, cls)
        assert not isinstance(reference, Exception), f"{label}: the payload generator is wrong"
        assert not isinstance(fast, Exception), f"{label}: {fast!r}"
        assert shape(fast) == shape(reference), label
        assert fast == reference and repr(fast) == repr(reference), label


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.__name__)
def test_the_compiled_decoder_rejects_what_cattrs_rejects(cls: type) -> None:
    for label, payload in bad_payloads(cls):
        fast = _outcome(converter.structure, payload, cls)
        reference = _outcome(_detailed.structure, payload, cls)
        assert isinstance(reference, Exception), f"{label}: the payload generator is wrong"
        assert isinstance(fast, Exception), f"{label}: accepted as {fast!r}"
        with pytest.raises(DecodeError) as info:
            structure(payload, cls)
        assert "unexpected shape" not in str(info.value), label  # the reference says why


def test_the_payloads_reach_every_kind_of_field() -> None:
    hints = [tp for cls in MODELS for _, tp in _fields(cls)]
    hints += [_inner(tp) for tp in hints if _is_optional(tp)]
    kinds: dict[str, Callable[[Any], bool]] = {
        "nested model": _is_model,
        "list of models": lambda tp: typing.get_origin(tp) is list and _is_model(tp.__args__[0]),
        "open enum": _is_enum,
        "optional": _is_optional,
        "timestamp": lambda tp: tp is datetime,
        "epoch milliseconds": lambda tp: tp == EpochMillis,
        "date": lambda tp: tp is date,
        "dict": lambda tp: typing.get_origin(tp) is dict,
    }
    assert {kind for kind, test in kinds.items() if any(map(test, hints))} == set(kinds)
