"""Every public method refuses an argument of the wrong type, by name, before it sends.

The annotations are the rule: ``sessions.create(12345)`` raises ``TypeError: Sessions.
create() argument 'prompt' must be str, got int`` rather than sending ``{"prompt": 12345}``,
and ``limit="5"`` does not end in a comparison error deep inside. What an annotation cannot
say at run time (protocols, type variables, ``Any``) is not checked; an iterable that may
be lazy (fan-out ids) is checked for being one, its items where they are used; a
``Literal`` for its type only (the values the API takes may grow; the methods that must
know them check them, with ``ValueError``).
"""

from __future__ import annotations

import collections.abc as abc
import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from typing_extensions import Unpack

__all__ = ["checked", "checks_of"]

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[object], bool]
Rule = tuple[Check, str]  # the test, and what it wants in words

_SEQUENCES = (abc.Sequence, abc.MutableSequence)
_ITERABLES = (abc.Iterable, abc.Collection, abc.Iterator, abc.AsyncIterable, abc.AsyncIterator)
_MAPPINGS = (dict, abc.Mapping, abc.MutableMapping)


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_SCALARS: dict[Any, Rule] = {
    str: (lambda v: isinstance(v, str), "str"),
    bool: (lambda v: isinstance(v, bool), "bool"),
    int: (_is_int, "int"),
    float: (_is_number, "a number"),
    # As type checkers promote them: bytearray and memoryview are bytes too.
    bytes: (lambda v: isinstance(v, (bytes, bytearray, memoryview)), "bytes"),
    type(None): (lambda v: v is None, "None"),
}


def _rule(tp: Any) -> Rule | None:
    """How to tell a value fits ``tp``; ``None`` when anything may (or none can tell)."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return _rule(args[0])
    if origin is typing.Union or origin is types.UnionType:
        return _union([_rule(arg) for arg in args])
    if origin is typing.Literal:  # its type: which values the API takes may grow
        return _union([_rule(type(arg)) for arg in args])
    if origin is tuple or tp is tuple:  # a pair of a query, say: its parts are not checked
        return (lambda v: isinstance(v, (list, tuple))), "tuple"
    if origin is list or tp is list:  # a tuple does as well
        return _sequence((list, tuple), _rule(args[0]) if args else None)
    if origin in _SEQUENCES or tp in _SEQUENCES:
        return _sequence(abc.Sequence, _rule(args[0]) if args else None)
    if origin is type or tp is type:  # a class, or a generic alias such as list[Model]
        return (lambda v: isinstance(v, type) or typing.get_origin(v) is not None), "a type"
    if origin in _ITERABLES or tp in _ITERABLES:
        return _iterable(origin or tp)
    if origin in _MAPPINGS or tp in _MAPPINGS:
        return (lambda v: isinstance(v, abc.Mapping)), "a mapping"
    if origin is abc.Callable or tp is abc.Callable:
        return callable, "callable"
    if origin is typing.IO or tp in (typing.IO, typing.BinaryIO, typing.TextIO):
        return (lambda v: hasattr(v, "read") or hasattr(v, "write")), "a file"
    if isinstance(origin, type) and origin.__module__ != "typing":  # os.PathLike[str]
        return (lambda v: isinstance(v, origin)), origin.__name__
    if isinstance(tp, type) and tp.__module__ != "typing":
        if issubclass(tp, enum.Enum) and issubclass(tp, str):
            return (lambda v: isinstance(v, str)), f"{tp.__name__} or str"
        return (lambda v: isinstance(v, tp)), tp.__name__
    return None


def _union(rules: list[Rule | None]) -> Rule | None:
    if any(rule is None for rule in rules):
        return None
    checks = [rule[0] for rule in rules if rule is not None]
    # NOT_GIVEN (leave the field out) is the default, never what a user writes.
    words = " or ".join(rule[1] for rule in rules if rule is not None and rule[1] != "NotGiven")
    return (lambda v: any(check(v) for check in checks)), words


def _sequence(kinds: type | tuple[type, ...], item: Rule | None) -> Rule:
    def check(v: object) -> bool:
        if isinstance(v, (str, bytes)) or not isinstance(v, kinds):  # a str: its characters
            return False
        return item is None or all(item[0](x) for x in typing.cast(abc.Iterable[Any], v))

    return check, "a list" + (f" of {item[1]}" if item else "")


def _iterable(kind: Any) -> Rule:
    asynchronous = kind in (abc.AsyncIterable, abc.AsyncIterator)

    def check(v: object) -> bool:
        if isinstance(v, (str, bytes, abc.Mapping)):  # a str would be its characters
            return False
        return isinstance(v, abc.Iterable) or (asynchronous and isinstance(v, abc.AsyncIterable))

    return check, "an iterable" + (" or async iterable" if asynchronous else "") + " (not a str)"


def checks_of(func: Callable[..., Any]) -> tuple[list[tuple[str, Rule | None]], dict[str, Rule]]:
    """``func``'s rules after ``self``: by position, and by keyword (filters through
    ``**kwargs`` included)."""
    # The parameters' only: a return annotation may name what only type checkers import.
    given = {k: v for k, v in func.__annotations__.items() if k != "return"}
    hints = typing.get_type_hints(
        types.SimpleNamespace(__annotations__=given), func.__globals__, include_extras=True
    )
    positional: list[tuple[str, Rule | None]] = []
    by_name: dict[str, Rule] = {}
    for param in list(inspect.signature(func).parameters.values())[1:]:
        if param.kind is param.VAR_KEYWORD:
            by_name.update(_keywords(hints.get(param.name, Any)))
            continue
        if param.kind is param.VAR_POSITIONAL:
            continue
        rule = _rule(hints.get(param.name, Any))
        if param.kind is not param.KEYWORD_ONLY:
            positional.append((param.name, rule))
        if rule is not None:
            by_name[param.name] = rule
    return positional, by_name


def _keywords(tp: Any) -> dict[str, Rule]:
    """The rules of the keywords ``**kwargs: Unpack[SomeTypedDict]`` takes (filters), but
    for the per-call options, whose own check names a misspelt one and raises
    ``ConfigurationError`` for a bad value."""
    from ._options import RequestOptions

    if typing.get_origin(tp) is not Unpack:
        return {}
    (shape,) = typing.get_args(tp)
    hints = typing.get_type_hints(shape, include_extras=True)
    options = typing.get_type_hints(RequestOptions)
    rules = {name: _rule(hint) for name, hint in hints.items() if name not in options}
    return {name: rule for name, rule in rules.items() if rule is not None}


def checked(func: F) -> F:
    """``func`` (a method) checking each argument given against its annotation first; the
    rules are read at the first call, when every module the annotations name is loaded."""
    rules: list[tuple[list[tuple[str, Rule | None]], dict[str, Rule]]] = []

    def check(self: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        if not rules:
            rules.append(checks_of(func))
        positional, by_name = rules[0]
        for (name, rule), value in zip(positional, args, strict=False):  # extra: Python says
            if rule is not None and not rule[0](value):
                raise _wrong(self, func, name, rule, value)
        for name, value in kwargs.items():
            rule = by_name.get(name)
            if rule is not None and not rule[0](value):
                raise _wrong(self, func, name, rule, value)

    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def method(self: object, *args: Any, **kwargs: Any) -> Any:
            check(self, args, kwargs)
            return await func(self, *args, **kwargs)

    else:

        @functools.wraps(func)
        def method(self: object, *args: Any, **kwargs: Any) -> Any:
            check(self, args, kwargs)
            return func(self, *args, **kwargs)

    method.__devin_checked__ = True  # type: ignore[attr-defined]
    return typing.cast(F, method)


def _wrong(
    self: object, func: Callable[..., Any], name: str, rule: Rule, value: object
) -> TypeError:
    return TypeError(
        f"{type(self).__name__}.{func.__name__}() argument {name!r} must be {rule[1]}, "
        f"got {type(value).__name__}"
    )
