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
import copy
import dataclasses
import importlib
import importlib.util
import inspect
import io
import sys
import textwrap
import tokenize
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TypeVar

A = TypeVar("A", bound=ast.AST)
Function = ast.FunctionDef | ast.AsyncFunctionDef

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "devin_async" / "_sync" / "_generated.py"
PACKAGE = "devin_async"

# Async-only lifecycle of AsyncDevin; the blocking client has close/__enter__/__exit__.
SKIPPED = {"aclose"}
LINE_LENGTH = 100  # pyproject's ruff line-length
# Async return shapes and their blocking counterparts: (facade helper, blocking type).
ASYNC_RETURNS = {
    "AsyncPaginator": ("_paginate", "SyncPaginator"),
    "AsyncIterator": ("_iterate", "Iterator"),
    "AsyncIterable": ("_iterate", "Iterator"),
    "AsyncGenerator": ("_iterate", "Iterator"),
}
# Async properties that return a helper object, and the blocking helper each mirrors as.
PROPERTY_MIRRORS = {"RawResponses": "SyncRawResponses"}
FIXED_IMPORTS = {
    "Callable": ("collections.abc", "Callable"),
    "Iterator": ("collections.abc", "Iterator"),
    "AsyncDevin": (f"{PACKAGE}._client", "AsyncDevin"),
    "SyncClientBase": (f"{PACKAGE}._sync._bridge", "SyncClientBase"),
    "SyncNode": (f"{PACKAGE}._sync._bridge", "SyncNode"),
    "SyncPaginator": (f"{PACKAGE}._sync._bridge", "SyncPaginator"),
    "SyncRawResponses": (f"{PACKAGE}._sync._raw", "SyncRawResponses"),
}
ROOT_DOC = (
    "Blocking client for the Devin API: ``with Devin() as client: ...``.\n\n"
    "The same namespaces, methods and arguments as ``AsyncDevin``, without ``await``;\n"
    "calls run on one private event loop in a daemon thread. Generated: do not edit."
)


@dataclasses.dataclass(frozen=True)
class Origin:
    """Where copied source comes from: its module, and what its type variables stand for
    in the class being mirrored (``T`` of ``SessionFanOut[T]`` in ``Sessions``)."""

    module: ModuleType
    type_args: dict[str, ast.expr] = dataclasses.field(default_factory=dict)


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

    def use(self, name: str, target: tuple[str, str | None]) -> str:
        """Import ``target`` as ``name``, or under an alias if ``name`` means something else."""
        alias, n = name, 1
        while True:
            known = self.needed.setdefault(alias, target)
            if known == target or _value(known) == _value(target):
                return alias
            n += 1
            alias = f"{name}_{n}"

    def imported(self, tree: A, origin: Origin) -> A:
        """``tree`` (copied from ``origin``) with its names imported, aliased where needed,
        and its type variables replaced by what they stand for."""
        renames: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and not hasattr(builtins, node.id):
                if node.id in origin.type_args:
                    continue
                if node.id in FIXED_IMPORTS:
                    self.use(node.id, FIXED_IMPORTS[node.id])
                    continue
                table = self._table(origin.module)
                if node.id not in table:
                    raise GenerationError(f"cannot find where {node.id!r} comes from")
                alias = self.use(node.id, table[node.id])
                if alias != node.id:
                    renames[node.id] = alias
        replaced = {**{k: ast.Name(v) for k, v in renames.items()}, **origin.type_args}
        if not any(isinstance(n, ast.Name) and n.id in replaced for n in ast.walk(tree)):
            return tree
        return _Replace(replaced).visit(copy.deepcopy(tree))  # type: ignore[no-any-return]

    def render(self) -> str:
        """The import block, laid out as ruff's isort rules want it."""
        plain: dict[int, set[str]] = {0: set(), 1: set(), 2: set()}
        members: dict[int, dict[str, list[tuple[str, str]]]] = {0: {}, 1: {}, 2: {}}
        for name, (module, attr) in self.needed.items():
            top = module.split(".")[0]
            section = 2 if top == PACKAGE else 0 if top in sys.stdlib_module_names else 1
            if attr is None:
                plain[section].add(module if module == name else f"{module} as {name}")
            else:
                where = _relative(module) if section == 2 else module
                members[section].setdefault(where, []).append((attr, name))
        blocks = []
        for section in (0, 1, 2):
            lines = [f"import {m}" for m in sorted(plain[section])]
            for module in sorted(members[section], key=_module_order):
                lines += _from_statements(module, members[section][module])
            if lines:
                blocks.append("\n".join(lines) + "\n")
        return "from __future__ import annotations\n\n" + "\n".join(blocks)


def _member_key(name: str) -> tuple[int, str, str]:
    # ruff's isort "order-by-type": CONSTANTS, then Classes, then everything else.
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name.lower(), name)


def _all_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 sorts ``__all__`` by kind like isort, but case-sensitively within a kind.
    return (_member_key(name)[0], name)


def _from_statements(module: str, members: list[tuple[str, str]]) -> list[str]:
    """``from module import ...`` lines: one for plain names, one per ``x as y``."""
    plain = sorted((attr for attr, name in members if attr == name), key=_member_key)
    statements = [(attr, f"from {module} import {attr} as {name}") for attr, name in members]
    statements = [s for s, (attr, name) in zip(statements, members, strict=True) if attr != name]
    if plain:
        line = f"from {module} import {', '.join(plain)}"
        if len(line) > LINE_LENGTH:
            line = f"from {module} import (\n" + "".join(f"    {n},\n" for n in plain) + ")"
        statements.append((plain[0], line))
    return [line for _, line in sorted(statements, key=lambda s: _member_key(s[0]))]


class _Replace(ast.NodeTransformer):
    """Swaps names for expressions (aliases, or what a type variable stands for)."""

    def __init__(self, replacements: dict[str, ast.expr]):
        self.replacements = replacements

    def visit_Name(self, node: ast.Name) -> ast.expr:
        found = self.replacements.get(node.id)
        return node if found is None else copy.deepcopy(found)


def _value(target: tuple[str, str | None]) -> object:
    """What an import target is at run time (two modules may define the same alias)."""
    module, attr = target
    imported = importlib.import_module(module)
    return imported if attr is None else getattr(imported, attr)


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


def _is_overload(node: Function) -> bool:
    return any(
        (isinstance(d, ast.Name) and d.id == "overload")
        or (isinstance(d, ast.Attribute) and d.attr == "overload")
        for d in node.decorator_list
    )


def _class_def(cls: type) -> ast.ClassDef:
    class_def = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    assert isinstance(class_def, ast.ClassDef)
    return class_def


def _base_type_args(
    klass: type, class_def: ast.ClassDef, origin: Origin, imports: Imports
) -> dict[type, dict[str, ast.expr]]:
    """For each generic base ``klass`` names as ``Base[X, ...]``: Base's type variables -> X."""
    found: dict[type, dict[str, ast.expr]] = {}
    for expr in class_def.bases:
        if not isinstance(expr, ast.Subscript):
            continue
        name = (
            expr.value.id if isinstance(expr.value, ast.Name) else getattr(expr.value, "attr", "")
        )
        base = next((b for b in klass.__mro__[1:] if b.__name__ == name), None)
        params = getattr(base, "__parameters__", ())
        if base is None or not params:
            continue
        args = expr.slice.elts if isinstance(expr.slice, ast.Tuple) else [expr.slice]
        found[base] = {
            p.__name__: imports.imported(a, origin) for p, a in zip(params, args, strict=True)
        }
    return found


def _members(cls: type, imports: Imports) -> list[tuple[list[Function], Function, Origin]]:
    """Public methods and properties of ``cls`` and its bases, by MRO: each with its
    ``@overload`` variants, its implementation and where its source comes from."""
    found: dict[str, tuple[list[Function], Function, Origin]] = {}
    type_args: dict[type, dict[str, ast.expr]] = {}
    for klass in cls.__mro__:
        if klass.__module__ in {"builtins", "typing", "abc"}:
            continue
        origin = Origin(sys.modules[klass.__module__], type_args.get(klass, {}))
        class_def = _class_def(klass)
        type_args.update(_base_type_args(klass, class_def, origin, imports))
        overloads: dict[str, list[Function]] = {}
        for node in class_def.body:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if node.name.startswith("_") or node.name in SKIPPED or node.name in found:
                continue
            if _is_overload(node):
                overloads.setdefault(node.name, []).append(node)
            else:
                found[node.name] = (overloads.pop(node.name, []), node, origin)
    return list(found.values())


def _source(node: ast.AST) -> str:
    """``ast.unparse``, with string literals in double quotes as ruff formats them."""
    text = ast.unparse(node)  # one line: newlines inside literals come out escaped
    chars = list(text)
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        literal = tok.string
        if (
            tok.type == tokenize.STRING
            and literal.startswith("'")
            and not set('"\\') & set(literal)
        ):
            chars[tok.start[1]] = chars[tok.end[1] - 1] = '"'
    return "".join(chars)


def _decorator(node: Function) -> str | None:
    """``property``, ``staticmethod`` or ``classmethod`` if ``node`` is one."""
    kinds = {"property", "staticmethod", "classmethod"}
    names = [d.id for d in node.decorator_list if isinstance(d, ast.Name) and d.id in kinds]
    return names[0] if names else None


def _async_iterable(expr: ast.expr, origin: Origin) -> type | None:
    """The class ``expr`` names, if it is an async iterator (has ``__anext__``)."""
    if not isinstance(expr, ast.Name) or expr.id in origin.type_args:
        return None
    target = _NAMES._table(origin.module).get(expr.id)
    value = _value(target) if target else None
    return value if isinstance(value, type) and hasattr(value, "__anext__") else None


_NAMES = Imports()  # only for looking names up, never rendered


def _anext_item(cls: type, args: list[ast.expr], imports: Imports) -> ast.expr:
    """What ``cls[args]``'s ``__anext__`` returns, in the generated module's names."""
    for klass in cls.__mro__:
        for node in _class_def(klass).body:
            if isinstance(node, ast.AsyncFunctionDef) and node.name == "__anext__":
                if node.returns is None:
                    break
                params = [p.__name__ for p in getattr(cls, "__parameters__", ())]
                type_args = dict(zip(params, args, strict=True))
                return imports.imported(
                    node.returns, Origin(sys.modules[klass.__module__], type_args)
                )
    raise GenerationError(f"{cls.__name__}.__anext__ has no return annotation")


def _mirror_return(
    node: Function, origin: Origin, where: str, imports: Imports
) -> tuple[str, ast.expr]:
    """Which facade helper runs ``node``, and its blocking return annotation."""
    if node.returns is None:
        raise GenerationError(f"{where} has no return annotation")
    returns = node.returns
    outer = returns.value if isinstance(returns, ast.Subscript) else returns
    args: list[ast.expr] = []
    if isinstance(returns, ast.Subscript):
        args = returns.slice.elts if isinstance(returns.slice, ast.Tuple) else [returns.slice]
    args = [imports.imported(a, origin) for a in args]
    iterable = _async_iterable(outer, origin)
    if isinstance(outer, ast.Name) and outer.id in ASYNC_RETURNS:
        helper, blocking = ASYNC_RETURNS[outer.id]
        imports.use(blocking, FIXED_IMPORTS[blocking])
        mirrored: ast.expr = ast.Subscript(ast.Name(blocking), args[0])
    elif iterable is not None:  # e.g. a bulk iterator: blocking, it is a plain iterator
        helper = "_iterate"
        imports.use("Iterator", FIXED_IMPORTS["Iterator"])
        mirrored = ast.Subscript(ast.Name("Iterator"), _anext_item(iterable, args, imports))
    else:
        helper = "_call" if isinstance(node, ast.AsyncFunctionDef) else "_direct"
        mirrored = imports.imported(returns, origin)
    leftover = [n.id for n in ast.walk(mirrored) if isinstance(n, ast.Name) and "Async" in n.id]
    if leftover:
        raise GenerationError(f"{where} returns {ast.unparse(returns)}: no blocking mirror known")
    return helper, mirrored


def _params(args: ast.arguments, *, bound: bool = True) -> tuple[list[str], list[str]]:
    """The parameter list (after ``self`` if ``bound``) and the arguments forwarding it."""
    skip = 1 if bound else 0
    positional = [*args.posonlyargs, *args.args][skip:]
    defaults: list[ast.expr | None] = [None] * (
        len(args.posonlyargs) + len(args.args) - len(args.defaults)
    ) + list(args.defaults)
    defaults = defaults[skip:]
    positional_only = len(args.posonlyargs) - skip

    def param(arg: ast.arg, default: ast.expr | None, star: str = "") -> str:
        text = star + arg.arg
        if arg.annotation is not None:
            text += f": {_source(arg.annotation)}"
        if default is not None:
            text += f" = {_source(default)}" if arg.annotation else f"={_source(default)}"
        return text

    params, forward = [], []
    for i, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        params.append(param(arg, default))
        forward.append(arg.arg)
        if positional_only > 0 and i == positional_only - 1:
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


def _signature(name: str, params: list[str], returns: str, first: str | None = "self") -> list[str]:
    params = [first, *params] if first else params
    if not params:
        return [f"    def {name}() -> {returns}:"]
    if params == ["self"]:
        return [f"    def {name}(self) -> {returns}:"]
    return [f"    def {name}(", *(f"        {p}," for p in params), f"    ) -> {returns}:"]


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


def _method(node: Function, origin: Origin, owner: str, imports: Imports) -> list[str]:
    where = f"{owner}.{node.name}"
    doc = _docstring(ast.get_docstring(node), "        ")
    kind = _decorator(node)
    if node.returns is None:
        raise GenerationError(f"{where} has no return annotation")
    if kind == "property" and isinstance(node.returns, ast.Name):
        mirror = PROPERTY_MIRRORS.get(node.returns.id)
        if mirror is not None:  # a blocking twin of the helper, made once per namespace
            imports.use(mirror, FIXED_IMPORTS[mirror])
            return [
                "    @property",
                *_signature(node.name, [], mirror),
                *doc,
                f"        return {mirror}.of(self)",
            ]
    if kind == "property":
        returns = imports.imported(node.returns, origin)
        return [
            "    @property",
            *_signature(node.name, [], _source(returns)),
            *doc,
            f"        return self._direct(lambda r: r.{node.name})",
        ]
    if kind in ("staticmethod", "classmethod"):
        # No instance, so no I/O: the async class's own function serves both clients.
        if isinstance(node, ast.AsyncFunctionDef):
            raise GenerationError(f"{where} is an async {kind}: no blocking mirror known")
        returns = imports.imported(node.returns, origin)
        bound = kind == "classmethod"
        params, forward = _params(imports.imported(node.args, origin), bound=bound)
        return [
            f"    @{kind}",
            *_signature(node.name, params, _source(returns), "cls" if bound else None),
            *doc,
            *_call(f"return {owner}.{node.name}", forward, "        "),
        ]
    helper, signature, forward = _mirrored(node, origin, where, imports)
    call = _call(f"lambda r: r.{node.name}", forward, "            ")
    call[0] = call[0].lstrip()
    if len(call) == 1:
        body = [f"        return self.{helper}({call[0]})"]
    else:
        body = [f"        return self.{helper}(", f"            {call[0]}", *call[1:], "        )"]
    return [*signature, *doc, *body]


def _mirrored(
    node: Function, origin: Origin, where: str, imports: Imports
) -> tuple[str, list[str], list[str]]:
    """The facade helper for ``node``, its blocking signature, and the forwarded arguments."""
    helper, returns = _mirror_return(node, origin, where, imports)
    params, forward = _params(imports.imported(node.args, origin))
    return helper, _signature(node.name, params, _source(returns)), forward


def _overload(node: Function, origin: Origin, owner: str, imports: Imports) -> list[str]:
    """One ``@overload`` variant, mirrored like the method it types."""
    imports.use("overload", ("typing", "overload"))
    _, signature, _ = _mirrored(node, origin, f"{owner}.{node.name}", imports)
    signature[-1] += " ..."
    return ["    @overload", *signature, ""]


def _class(cls: type, kids: list[tuple[str, object]], imports: Imports) -> list[str]:
    from devin_async import AsyncDevin

    name = _sync_name(cls)
    module = sys.modules[cls.__module__]
    lines: list[str] = []
    if cls is AsyncDevin:
        lines += [f"class {name}(SyncClientBase):", *_docstring(ROOT_DOC, "    "), ""]
        init = next(
            n
            for n in _class_def(cls).body
            if isinstance(n, ast.FunctionDef) and n.name == "__init__"
        )
        params, forward = _params(imports.imported(init.args, Origin(module)))
        lines += _signature("__init__", params, "None")
        # The raw key must stay in no frame or closure a traceback holds (see conceal()).
        imports.use("conceal", (f"{PACKAGE}._config", "conceal"))
        imports.use("reveal", (f"{PACKAGE}._config", "reveal"))
        lines += [
            "        secret_key = conceal(api_key)  # see conceal(): no frame keeps the raw key",
            "        del api_key",
        ]
        forward = ["api_key=reveal(secret_key)" if a == "api_key=api_key" else a for a in forward]
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
        head = f"        self.{attr} = {_sync_name(type(child))}("
        args = f"{owner}, lambda c: {resolve}.{attr}"
        line = f"{head}{args})"
        if len(line) > LINE_LENGTH:  # as ruff formats it: the arguments on a line of their own
            line = f"{head}\n            {args}\n        )"
        lines.append(line)
    for overloads, node, origin in _members(cls, imports):
        if lines[-1] != "":
            lines.append("")
        for variant in overloads:
            lines += _overload(variant, origin, cls.__name__, imports)
        lines += _method(node, origin, cls.__name__, imports)
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
    all_ = "\n__all__ = [\n" + "".join(f'    "{n}",\n' for n in sorted(names, key=_all_key)) + "]\n"
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
