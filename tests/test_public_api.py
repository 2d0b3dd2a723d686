"""Guards on the public surface and on the layering rules of DESIGN.md."""

from __future__ import annotations

import ast
import subprocess
import sys
import traceback
from pathlib import Path

import devin_async
import devin_async.models
import devin_async.testing

PACKAGE = Path(devin_async.__file__).parent


def test_all_is_exactly_the_public_names() -> None:
    # "@py_builtins" and the like: pytest rewrites the package of its devin_async plugin.
    public = {n for n in dir(devin_async) if not n.startswith(("_", "@"))} - {
        "models",
        "resources",
        "testing",
    }
    assert set(devin_async.__all__) - {"__version__"} == public


def test_every_exported_name_resolves() -> None:
    for module in (devin_async, devin_async.models, devin_async.testing):
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{module.__name__}.{name}"


def test_public_names_live_in_private_modules_or_public_packages() -> None:
    for name in devin_async.__all__:
        obj = getattr(devin_async, name)
        if not isinstance(obj, type) and not callable(obj):
            continue  # a plain value such as __version__
        if getattr(obj, "__origin__", None) is not None:
            continue  # a type alias such as Handler
        origin = getattr(obj, "__module__", "devin_async")
        assert origin.startswith("devin_async"), (name, origin)


def _imports_aiohttp(path: Path) -> bool:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "aiohttp" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "aiohttp":
            return True
    return False


def test_only_the_transport_and_the_fake_server_import_aiohttp() -> None:
    importers = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if _imports_aiohttp(p)}
    allowed = {p for p in importers if p.startswith("testing/")} | {"_transport.py"}
    assert importers <= allowed, importers - allowed
    assert "_transport.py" in importers


def test_py_typed_is_shipped() -> None:
    assert (PACKAGE / "py.typed").exists()


def test_errors_show_the_names_users_import() -> None:
    errors = [getattr(devin_async, n) for n in devin_async.__all__]
    errors = [e for e in errors if isinstance(e, type) and issubclass(e, BaseException)]
    assert len(errors) >= 15
    for error in errors:
        assert f"{error.__module__}.{error.__qualname__}" == f"devin_async.{error.__name__}"
    shown = traceback.format_exception_only(devin_async.ConfigurationError("no key"))
    assert shown == ["devin_async.ConfigurationError: no key\n"]


def test_outcome_status_compares_equal_to_its_string_as_open_enums_do() -> None:
    # mypy takes a literal member and a literal string to differ, str mixin or not.
    assert devin_async.OutcomeStatus.OK == "ok"  # type: ignore[comparison-overlap]
    assert devin_async.OutcomeStatus("timed_out") is devin_async.OutcomeStatus.TIMED_OUT
    assert str(devin_async.OutcomeStatus.FAILED) == "failed"


def test_importing_the_package_loads_nothing_heavy() -> None:
    """``import devin_async`` is what a command line's ``--help`` pays: names load on use."""
    code = (
        "import sys, devin_async; "
        "heavy = {'aiohttp', 'cattrs', 'attrs', 'orjson', 'devin_async._client'}; "
        "heavy &= set(sys.modules); "
        "print(sorted(heavy)); devin_async.AsyncDevin; print('aiohttp' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]


def test_the_lazy_homes_match_the_imports_type_checkers_see() -> None:
    tree = ast.parse((PACKAGE / "__init__.py").read_text())
    guarded = next(n for n in tree.body if isinstance(n, ast.If))  # if TYPE_CHECKING:
    seen = {
        alias.name: "." * node.level + (node.module or "")
        for node in guarded.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == devin_async._HOMES
    assert set(seen) | {"__version__"} == set(devin_async.__all__)
