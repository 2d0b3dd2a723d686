"""``Devin`` mirrors ``AsyncDevin`` by construction: generated, checked, and typed."""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from devin_async import AsyncDevin, Devin

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "devin_async" / "_sync" / "_generated.py"
LIFECYCLE = {"aclose", "close"}  # async-only and sync-only ways to shut a client down
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
    spec.loader.exec_module(module)
    return module


def _blocking(annotation: str) -> str:
    for pattern, replacement in BLOCKING_RETURNS:
        annotation = pattern.sub(replacement, annotation)
    return annotation


def surface(obj: object, *, blocking: bool) -> dict[str, Any]:
    """Public namespaces, methods (parameters, return type) and properties of ``obj``."""
    shape: dict[str, Any] = {}
    for name in dir(type(obj)):
        if name.startswith("_") or name in LIFECYCLE:
            continue
        static = inspect.getattr_static(obj, name)
        if isinstance(static, property):
            shape[name] = ("property", inspect.signature(static.fget).return_annotation)  # type: ignore[arg-type]
        elif inspect.isfunction(static):
            if blocking:
                assert not inspect.iscoroutinefunction(static), f"{name} must not need await"
                assert not inspect.isasyncgenfunction(static), f"{name} must not need async for"
            sig = inspect.signature(static)
            params = [(p.name, p.kind, p.default, p.annotation) for p in sig.parameters.values()]
            returns = sig.return_annotation
            shape[name] = ("method", params[1:], returns if blocking else _blocking(returns))
    for name, value in vars(obj).items():
        if not name.startswith("_"):
            shape[name] = surface(value, blocking=blocking)
    return shape


def _init_params(cls: type) -> list[tuple[str, Any, Any, Any]]:
    sig = inspect.signature(cls.__init__)  # type: ignore[misc]
    return [(p.name, p.kind, p.default, p.annotation) for p in sig.parameters.values()]


def assert_same_surface(sync_cls: type, async_cls: type) -> None:
    kwargs = {"api_key": "cog_test", "base_url": "https://api.devin.ai"}
    with sync_cls(**kwargs) as blocking:
        expected = surface(async_cls(**kwargs), blocking=False)
        assert surface(blocking, blocking=True) == expected
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

    module = types.ModuleType("devin_async._sync._sample_generated")
    module.__package__ = "devin_async._sync"
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(text, "<generated>", "exec"), module.__dict__)
    generated_devin: Any = module.Devin
    assert_same_surface(generated_devin, AsyncDevin)

    with generated_devin(api_key="cog_test", base_url="https://api.devin.ai") as client:
        sample = client.extra.sample
        assert sample.join("a", "b", sep="+") == "a+b"
        assert list(sample.count(3)) == [0, 1, 2]
        assert list(sample.again(2)) == [0, 1]
        assert sample.upper("x") == "X"
        assert sample.label == "sample"


def test_mypy_sees_exact_types_on_devin() -> None:
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run(
        ["--strict", "--no-error-summary", str(ROOT / "tests" / "typing" / "sync_types.py")]
    )
    assert status == 0, out + err
