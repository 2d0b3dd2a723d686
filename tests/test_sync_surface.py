"""``Devin`` mirrors ``AsyncDevin`` by construction: generated, checked, and typed."""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
import types
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Iterator
from pathlib import Path
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

import pytest

from devin_async import AsyncDevin, Devin, SyncPaginator
from devin_async._pagination import AsyncPaginator
from devin_async._raw import RawResponses
from devin_async._sync._raw import SyncRawResponses

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "devin_async" / "_sync" / "_generated.py"
LIFECYCLE = {"aclose", "close"}  # async-only and sync-only ways to shut a client down
ITERATORS = {AsyncIterator, AsyncIterable, AsyncGenerator, Iterator}
BLOCKING_RETURNS = [
    (re.compile(r"^AsyncPaginator\[(.*)\]$"), r"SyncPaginator[\1]"),
    (re.compile(r"^Async(?:Iterator|Iterable)\[(.*)\]$"), r"Iterator[\1]"),
    (re.compile(r"^AsyncGenerator\[(.*), [^,\]]+\]$"), r"Iterator[\1]"),
]


def _load_generator() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("gen_sync", ROOT / "tools" / "gen_sync.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _type_args(cls: type) -> dict[Any, Any]:
    """What each generic base's type variables stand for in ``cls`` (``T`` -> a model)."""
    bound: dict[Any, Any] = {}
    for klass in reversed(cls.__mro__):
        for base in getattr(klass, "__orig_bases__", ()):
            params = getattr(get_origin(base), "__parameters__", ())
            for param, arg in zip(params, get_args(base), strict=False):
                bound[param] = _bind(arg, bound)
    return bound


def _bind(annotation: Any, bound: dict[Any, Any]) -> Any:
    if isinstance(annotation, TypeVar):
        return bound.get(annotation, annotation)
    params = getattr(annotation, "__parameters__", ())
    if params and all(p in bound for p in params):
        args = tuple(bound[p] for p in params)
        return annotation[args if len(args) > 1 else args[0]]
    return annotation


def _shape_of_type(annotation: Any) -> Any:
    """A type with its async/blocking wrapper reduced to a common form."""
    origin = get_origin(annotation) or annotation
    if origin in (AsyncPaginator, SyncPaginator):
        return ("paginator", get_args(annotation))
    if origin in (RawResponses, SyncRawResponses):
        return "raw responses"
    if origin in ITERATORS:
        return ("iterator", get_args(annotation)[0])
    if isinstance(origin, type) and hasattr(origin, "__anext__"):  # e.g. a bulk iterator
        item = get_type_hints(origin.__anext__, _namespace(origin.__anext__))["return"]
        # A generic class's type variables; typeshed's ``type`` does not declare them.
        variables = origin.__parameters__  # type: ignore[attr-defined]
        params = dict(zip(variables, get_args(annotation), strict=True))
        return ("iterator", _bind(item, params))
    return annotation


def _shape_of_text(annotation: Any) -> Any:
    for pattern, replacement in BLOCKING_RETURNS:
        annotation = pattern.sub(replacement, str(annotation))
    return annotation


def _namespace(func: Any) -> dict[str, Any]:
    """``func``'s globals over every loaded project module's names, so that forward
    references inside imported aliases (``Callable[["BulkReport"], object]``) resolve."""
    names: dict[str, Any] = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("devin_async") and module is not None:
            names.update(vars(module))
    return {**names, **inspect.unwrap(func).__globals__}


def _signature(func: Any, *, bound: bool, owner: type = object) -> tuple[Any, ...]:
    """Parameters (name, kind, default, type) and return type; types evaluated if they can be,
    so that an import alias in the generated module compares equal to the original name."""
    sig = inspect.signature(func)
    declared = inspect.unwrap(func)  # not an argument checker's (*args, **kwargs) wrapper
    try:
        hints = get_type_hints(declared, _namespace(func), include_extras=True)
        type_args = _type_args(owner)
        hints = {k: _bind(v, type_args) for k, v in hints.items()}
        shape = _shape_of_type
    except NameError:  # an annotation only importable under TYPE_CHECKING: compare text
        hints, shape = {}, _shape_of_text
    params = [
        (p.name, p.kind, p.default, hints.get(p.name, p.annotation))
        for p in sig.parameters.values()
    ]
    returns = shape(hints.get("return", sig.return_annotation))
    return (params[1:] if bound else params, returns)


def surface(obj: object, *, blocking: bool) -> dict[str, Any]:
    """Public namespaces, methods (parameters, return type) and properties of ``obj``."""
    shape: dict[str, Any] = {}
    owner = type(obj)
    for name in dir(owner):
        if name.startswith("_") or name in LIFECYCLE:
            continue
        static = inspect.getattr_static(obj, name)
        if isinstance(static, property):
            shape[name] = ("property", _signature(static.fget, bound=True, owner=owner)[1])
        elif isinstance(static, (staticmethod, classmethod)):
            bound = isinstance(static, classmethod)
            signature = _signature(static.__func__, bound=bound, owner=owner)
            shape[name] = (type(static).__name__, signature)
        elif inspect.isfunction(static):
            if blocking:
                assert not inspect.iscoroutinefunction(static), f"{name} must not need await"
                assert not inspect.isasyncgenfunction(static), f"{name} must not need async for"
            shape[name] = ("method", _signature(static, bound=True, owner=owner))
    for name, value in vars(obj).items():
        if not name.startswith("_"):
            shape[name] = surface(value, blocking=blocking)
    return shape


def _init_params(cls: type) -> Any:
    return _signature(cls.__init__, bound=True)[0]  # type: ignore[misc]


def assert_same_surface(sync_cls: type, async_cls: type, *, check_init: bool = True) -> None:
    kwargs = {"api_key": "cog_test", "base_url": "https://api.devin.ai"}
    with sync_cls(**kwargs) as blocking:
        expected = surface(async_cls(**kwargs), blocking=False)
        assert surface(blocking, blocking=True) == expected
    if check_init:
        assert _init_params(sync_cls) == _init_params(async_cls)


def test_generated_file_is_up_to_date() -> None:
    fresh = _load_generator().render()
    assert GENERATED.read_text() == fresh, (
        "devin_async/_sync/_generated.py is stale: run  python tools/gen_sync.py"
    )


def test_devin_has_the_same_surface_as_async_devin() -> None:
    assert_same_surface(Devin, AsyncDevin)
    assert {"sessions", "enterprise", "v1"} <= set(vars(Devin(api_key="cog_x")))


def test_surface_check_notices_drift() -> None:
    class Drifted(Devin):
        def extra(self) -> None: ...

    with pytest.raises(AssertionError):
        assert_same_surface(Drifted, AsyncDevin)


def test_generator_mirrors_new_namespaces_and_every_method_shape(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sync_sample import Holder

    original_init = AsyncDevin.__init__

    def init_with_extra(self: AsyncDevin, **kwargs: Any) -> None:
        original_init(self, **kwargs)
        self.extra = Holder(self._core)  # type: ignore[attr-defined]

    monkeypatch.setattr(AsyncDevin, "__init__", init_with_extra)
    monkeypatch.setattr(
        init_with_extra, "__signature__", inspect.signature(original_init), raising=False
    )
    text = _load_generator().render()
    assert "class SyncSample(SyncNode[Sample]):" in text
    assert "def echo(\n        self,\n        value: str,\n    ) -> str:" in text
    assert "-> Iterator[tuple[int, str]]:" in text

    module = types.ModuleType("devin_async._sync._sample_generated")
    module.__package__ = "devin_async._sync"
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(text, "<generated>", "exec"), module.__dict__)
    generated_devin: Any = module.Devin
    assert_same_surface(generated_devin, AsyncDevin, check_init=False)  # __init__ is patched

    with generated_devin(api_key="cog_test", base_url="https://api.devin.ai") as client:
        sample = client.extra.sample
        assert sample.join("a", "b", sep="+") == "a+b"
        assert list(sample.count(3)) == [0, 1, 2]
        assert list(sample.again(2)) == [0, 1]
        assert sample.upper("x") == "X"
        assert sample.label == "sample"
        assert sample.shout("hi") == "HI!"
        assert sample.kind(plural=True) == "Samples"
        assert sample.echo("back") == "back"
        assert list(sample.numbered(["a", "b"])) == [(0, "a"), (1, "b")]


def test_mypy_sees_exact_types_on_devin() -> None:
    api = pytest.importorskip("mypy.api")
    # mypy raises the recursion limit for good; the tests after this one get it back.
    limit = sys.getrecursionlimit()
    try:
        out, err, status = api.run(
            ["--strict", "--no-error-summary", str(ROOT / "tests" / "typing" / "sync_types.py")]
        )
    finally:
        sys.setrecursionlimit(limit)
    assert status == 0, out + err
