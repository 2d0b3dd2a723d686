"""Generate ``devin_async/_sync/_generated.py``: the blocking ``Devin`` facade.

Walks a live ``AsyncDevin``'s namespaces and mirrors every public method and property,
copying parameters, defaults and annotations from the async source, so the two clients
cannot drift. Run after changing the async surface:  python tools/gen_sync.py
(``--check`` exits 1 if the committed file is stale).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import importlib
import importlib.util
import inspect
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "devin_async" / "_sync" / "_generated.py"
PACKAGE = "devin_async"
TARGET_MODULE = "devin_async._sync._generated"

# Async-only lifecycle of AsyncDevin; the blocking client has close/__enter__/__exit__.
SKIPPED = {"aclose"}
# Async return shapes and their blocking counterparts: (facade helper, blocking type).
ASYNC_RETURNS = {
    "AsyncPaginator": ("_paginate", "SyncPaginator"),
    "AsyncIterator": ("_iterate", "Iterator"),
    "AsyncIterable": ("_iterate", "Iterator"),
    "AsyncGenerator": ("_iterate", "Iterator"),
}
FIXED_IMPORTS = {
    "Callable": ("collections.abc", "Callable"),
    "Iterator": ("collections.abc", "Iterator"),
    "AsyncDevin": (f"{PACKAGE}._client", "AsyncDevin"),
    "SyncClientBase": (f"{PACKAGE}._sync._bridge", "SyncClientBase"),
    "SyncNode": (f"{PACKAGE}._sync._bridge", "SyncNode"),
    "SyncPaginator": (f"{PACKAGE}._sync._bridge", "SyncPaginator"),
}
ROOT_DOC = (
    "Blocking client for the Devin API: ``with Devin() as client: ...``.\n\n"
    "The same namespaces, methods and arguments as ``AsyncDevin``, without ``await``;\n"
    "calls run on one private event loop in a daemon thread. Generated: do not edit."
)


class GenerationError(Exception):
    """The async surface has something the generator does not know how to mirror."""


def _is_namespace(value: object) -> bool:
    from devin_async.resources._base import Resource

    return isinstance(value, Resource) or type(value).__module__.startswith(f"{PACKAGE}.resources")


def _children(obj: object) -> list[tuple[str, object]]:
    return [(k, v) for k, v in vars(obj).items() if not k.startswith("_") and _is_namespace(v)]


def _walk(obj: object) -> Iterator[tuple[type, list[tuple[str, object]]]]:
    """Each namespace class once, children before parents."""
    seen: set[type] = set()

    def visit(node: object) -> Iterator[tuple[type, list[tuple[str, object]]]]:
        kids = _children(node)
        for _, child in kids:
            yield from visit(child)
        if type(node) not in seen:
            seen.add(type(node))
            yield type(node), kids

    yield from visit(obj)


class Imports:
    """Resolves names used in copied annotations/defaults to the modules that define them."""

    def __init__(self) -> None:
        self.needed: dict[str, tuple[str, str | None]] = {}
        self._tables: dict[str, dict[str, tuple[str, str | None]]] = {}

    def _table(self, module: ModuleType) -> dict[str, tuple[str, str | None]]:
        if module.__name__ in self._tables:
            return self._tables[module.__name__]
        table: dict[str, tuple[str, str | None]] = {}
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                base = importlib.util.resolve_name(
                    "." * node.level + (node.module or ""), module.__package__
                )
                for alias in node.names:
                    table[alias.asname or alias.name] = (base, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    table[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else alias.name.split(".")[0],
                        None,
                    )
        for node in tree.body:
            names: list[str] = []
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [node.name]
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
            for name in names:
                table[name] = (module.__name__, name)
        self._tables[module.__name__] = table
        return table

    def use(self, name: str, target: tuple[str, str | None]) -> None:
        if self.needed.setdefault(name, target) != target:
            raise GenerationError(
                f"name {name!r} means both {self.needed[name]} and {target}: "
                "rename one in the async source"
            )

    def use_names_in(self, tree: ast.AST, module: ModuleType) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not hasattr(builtins, node.id):
                if node.id in FIXED_IMPORTS:
                    self.use(node.id, FIXED_IMPORTS[node.id])
                    continue
                table = self._table(module)
                if node.id not in table:
                    raise GenerationError(f"cannot find where {node.id!r} comes from")
                self.use(node.id, table[node.id])

    def render(self) -> str:
        future = "from __future__ import annotations\n"
        groups: dict[int, dict[str, set[str]]] = {0: {}, 1: {}, 2: {}}
        plain: dict[int, set[str]] = {0: set(), 1: set(), 2: set()}
        for name, (module, attr) in self.needed.items():
            top = module.split(".")[0]
            section = 2 if top == PACKAGE else 0 if top in sys.stdlib_module_names else 1
            if attr is None:
                plain[section].add(module)
            else:
                where = _relative(module) if section == 2 else module
                shown = attr if attr == name else f"{attr} as {name}"
                groups[section].setdefault(where, set()).add(shown)
        blocks = []
        for section in (0, 1, 2):
            lines = [f"import {m}" for m in sorted(plain[section])]
            order = sorted(groups[section], key=_module_order)
            lines += [f"from {m} import {', '.join(sorted(groups[section][m]))}" for m in order]
            if lines:
                blocks.append("\n".join(lines) + "\n")
        return future + "\n" + "\n".join(blocks)


def _relative(module: str) -> str:
    """``module`` as seen from the generated module (``devin_async._sync._generated``)."""
    inside_sync = module.removeprefix(f"{PACKAGE}._sync")
    if inside_sync != module:
        return inside_sync
    return ".." + module.removeprefix(f"{PACKAGE}.")


def _module_order(module: str) -> tuple[int, str]:
    # ruff's isort puts farther relative imports first ("furthest-to-closest").
    dots = len(module) - len(module.lstrip("."))
    return (-dots, module.lstrip(".").lower())


def _sync_name(cls: type) -> str:
    from devin_async import AsyncDevin

    return "Devin" if cls is AsyncDevin else f"Sync{cls.__name__}"


def _members(cls: type) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ModuleType]]:
    """Public methods and properties of ``cls`` and its project base classes, by MRO."""
    found: dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, ModuleType]] = {}
    for klass in cls.__mro__:
        if klass.__module__ in {"builtins", "typing", "abc"}:
            continue
        module = sys.modules[klass.__module__]
        tree = ast.parse(textwrap.dedent(inspect.getsource(klass)))
        class_def = tree.body[0]
        assert isinstance(class_def, ast.ClassDef)
        for node in class_def.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if node.name.startswith("_") or node.name in SKIPPED or node.name in found:
                    continue
                found[node.name] = (node, module)
    return list(found.values())


def _is_property(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list)


def _mirror_return(
    node: ast.FunctionDef | ast.AsyncFunctionDef, where: str
) -> tuple[str, ast.expr]:
    """Which facade helper runs ``node``, and its blocking return annotation."""
    if node.returns is None:
        raise GenerationError(f"{where} has no return annotation")
    returns = node.returns
    outer = returns.value if isinstance(returns, ast.Subscript) else returns
    if isinstance(outer, ast.Name) and outer.id in ASYNC_RETURNS:
        helper, blocking = ASYNC_RETURNS[outer.id]
        assert isinstance(returns, ast.Subscript)
        item = returns.slice.elts[0] if isinstance(returns.slice, ast.Tuple) else returns.slice
        mirrored: ast.expr = ast.Subscript(ast.Name(blocking), item)
    else:
        helper = "_call" if isinstance(node, ast.AsyncFunctionDef) else "_direct"
        mirrored = returns
    leftover = [n.id for n in ast.walk(mirrored) if isinstance(n, ast.Name) and "Async" in n.id]
    if leftover:
        raise GenerationError(f"{where} returns {ast.unparse(returns)}: no blocking mirror known")
    return helper, mirrored


def _params(args: ast.arguments) -> tuple[list[str], list[str]]:
    """The parameter list after ``self`` and the arguments that forward them, as source."""
    positional = [*args.posonlyargs, *args.args][1:]
    defaults: list[ast.expr | None] = [None] * (
        len(args.posonlyargs) + len(args.args) - len(args.defaults)
    ) + list(args.defaults)
    defaults = defaults[1:]

    def param(arg: ast.arg, default: ast.expr | None, star: str = "") -> str:
        text = star + arg.arg
        if arg.annotation is not None:
            text += f": {ast.unparse(arg.annotation)}"
        if default is not None:
            text += f" = {ast.unparse(default)}" if arg.annotation else f"={ast.unparse(default)}"
        return text

    params, forward = [], []
    for i, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        params.append(param(arg, default))
        forward.append(arg.arg)
        if args.posonlyargs and i == len(args.posonlyargs) - 2:
            params.append("/")
    if args.vararg is not None:
        params.append(param(args.vararg, None, "*"))
        forward.append(f"*{args.vararg.arg}")
    elif args.kwonlyargs:
        params.append("*")
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        params.append(param(arg, default))
        forward.append(f"{arg.arg}={arg.arg}")
    if args.kwarg is not None:
        params.append(param(args.kwarg, None, "**"))
        forward.append(f"**{args.kwarg.arg}")
    return params, forward


def _signature(name: str, params: list[str], returns: str) -> list[str]:
    if not params:
        return [f"    def {name}(self) -> {returns}:"]
    return [
        f"    def {name}(",
        "        self,",
        *(f"        {p}," for p in params),
        f"    ) -> {returns}:",
    ]


def _call(head: str, forward: list[str], indent: str) -> list[str]:
    """``head(args)`` exploded one argument a line, as ruff formats it."""
    if not forward:
        return [f"{indent}{head}()"]
    return [f"{indent}{head}(", *(f"{indent}    {a}," for a in forward), f"{indent})"]


def _docstring(text: str | None, indent: str) -> list[str]:
    if not text:
        return []
    if '"""' in text:
        raise GenerationError(f"docstring with triple quotes: {text[:40]!r}")
    prefix = "r" if "\\" in text else ""
    lines = text.splitlines()
    if len(lines) == 1:
        return [f'{indent}{prefix}"""{text}"""']
    body = [f"{indent}{line}" if line else "" for line in lines[1:]]
    return [f'{indent}{prefix}"""{lines[0]}', *body, f'{indent}"""']


def _method(
    node: ast.FunctionDef | ast.AsyncFunctionDef, module: ModuleType, owner: str, imports: Imports
) -> list[str]:
    where = f"{owner}.{node.name}"
    doc = _docstring(ast.get_docstring(node), "        ")
    if _is_property(node):
        if node.returns is None:
            raise GenerationError(f"{where} has no return annotation")
        imports.use_names_in(node.returns, module)
        return [
            "    @property",
            *_signature(node.name, [], ast.unparse(node.returns)),
            *doc,
            f"        return self._direct(lambda r: r.{node.name})",
        ]
    helper, returns = _mirror_return(node, where)
    imports.use_names_in(node.args, module)
    imports.use_names_in(returns, module)
    params, forward = _params(node.args)
    call = _call(f"lambda r: r.{node.name}", forward, "            ")
    call[0] = call[0].lstrip()
    if len(call) == 1:
        body = [f"        return self.{helper}({call[0]})"]
    else:
        body = [f"        return self.{helper}(", f"            {call[0]}", *call[1:], "        )"]
    return [*_signature(node.name, params, ast.unparse(returns)), *doc, *body]


def _class(cls: type, kids: list[tuple[str, object]], imports: Imports) -> list[str]:
    from devin_async import AsyncDevin

    name = _sync_name(cls)
    module = sys.modules[cls.__module__]
    lines: list[str] = []
    if cls is AsyncDevin:
        lines += [f"class {name}(SyncClientBase):", *_docstring(ROOT_DOC, "    "), ""]
        init = next(
            n
            for n in ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0].body  # type: ignore[attr-defined]
            if isinstance(n, ast.FunctionDef) and n.name == "__init__"
        )
        imports.use_names_in(init.args, module)
        params, forward = _params(init.args)
        lines += _signature("__init__", params, "None")
        make_client = _call("lambda: AsyncDevin", forward, "            ")
        lines += ["        super().__init__(", *make_client, "        )"]
        owner, resolve = "self", "c"
    else:
        imports.use(cls.__name__, (cls.__module__, cls.__name__))
        lines += [
            f"class {name}(SyncNode[{cls.__name__}]):",
            f'    """Blocking ``{cls.__name__}``: the same methods, without ``await``."""',
            "",
        ]
        if kids:
            lines += _signature(
                "__init__",
                ["owner: SyncClientBase", f"resolve: Callable[[AsyncDevin], {cls.__name__}]"],
                "None",
            )
            lines += ["        super().__init__(owner, resolve)"]
        owner, resolve = "owner", "resolve(c)"
    for attr, child in kids:
        lines.append(
            f"        self.{attr} = {_sync_name(type(child))}({owner}, lambda c: {resolve}.{attr})"
        )
    for node, where in _members(cls):
        if lines[-1] != "":
            lines.append("")
        lines += _method(node, where, cls.__name__, imports)
    return lines


def render() -> str:
    """The generated module's text for the async surface as it is now."""
    from devin_async import AsyncDevin

    client = AsyncDevin(api_key="cog_placeholder", base_url="https://api.devin.ai")
    imports = Imports()
    for fixed in ("Callable", "AsyncDevin", "SyncClientBase", "SyncNode"):
        imports.use(fixed, FIXED_IMPORTS[fixed])
    classes: list[list[str]] = []
    names: dict[str, type] = {}
    for cls, kids in _walk(client):
        name = _sync_name(cls)
        if names.setdefault(name, cls) is not cls:
            raise GenerationError(f"two namespace classes are both called {cls.__name__}")
        classes.append(_class(cls, kids, imports))
    header = (
        '"""The blocking facade, generated from ``AsyncDevin`` by ``tools/gen_sync.py``.\n\n'
        'Do not edit: change the async client, then run ``python tools/gen_sync.py``.\n"""\n\n'
    )
    body = "\n\n\n".join("\n".join(c) for c in classes)
    all_ = "\n__all__ = [\n" + "".join(f'    "{n}",\n' for n in sorted(names)) + "]\n"
    return header + imports.render() + all_ + "\n\n" + body + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    text = render()
    if args.check:
        current = TARGET.read_text() if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python tools/gen_sync.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
