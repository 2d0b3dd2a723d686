"""``devin-async completion bash|zsh``: a completion script made from the argparse tree.

Both shells share the generated lookup functions (commands, options and what each
option's value is, per command); only the function that drives completion differs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator

from .output import Output
from .parser import PROG, build_parser

__all__ = ["Node", "main", "nodes", "script"]

_FUNC = "_devin_async"


class Node:
    """One command of the tree: its path, subcommands, options and positional choices."""

    def __init__(self, path: str):
        self.path = path
        self.commands: list[tuple[str, str]] = []
        self.options: list[tuple[str, str]] = []
        self.choices: list[str] = []


def _kind(action: argparse.Action) -> str:
    """What an option's value is: ``flag`` (none), ``file``, ``choice:A B`` or ``value``."""
    if action.nargs == 0:
        return "flag"
    if action.choices:
        return "choice:" + " ".join(str(c) for c in action.choices)
    metavar = str(action.metavar or "")
    if "FILE" in metavar or "PATH" in metavar:
        return "file"
    if metavar == "prompt":
        return "choice:prompt"
    return "value"


def nodes(parser: argparse.ArgumentParser, path: str = "") -> Iterator[Node]:
    """Every command of ``parser``'s tree, depth first, the root (path ``""``) first."""
    node = Node(path)
    children = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                node.commands.append((name, helps.get(name, "")))
                children.append((f"{path} {name}".strip(), sub))
        elif action.option_strings and action.help is not argparse.SUPPRESS:
            node.options.extend((flag, action.help or "") for flag in action.option_strings)
        elif action.choices:
            node.choices.extend(str(c) for c in action.choices)
    yield node
    for child_path, sub in children:
        yield from nodes(sub, child_path)


def option_kinds(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each option's value kind; an option spelt alike in two commands takes alike values."""
    kinds: dict[str, str] = {}
    stack = [parser]
    while stack:
        p = stack.pop()
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
            for flag in action.option_strings:
                kind = _kind(action)
                if kinds.setdefault(flag, kind) != kind:
                    raise ValueError(
                        f"{flag} takes {kinds[flag]} in one command, {kind} in another"
                    )
    return kinds


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _lines(pairs: list[tuple[str, str]]) -> str:
    return "printf '%s\\n' " + " ".join(_quote(f"{name}:{help}") for name, help in pairs)


def _lookups(parser: argparse.ArgumentParser) -> list[str]:
    tree = list(nodes(parser))
    common = set(tree[0].options)
    for node in tree[1:]:
        common &= set(node.options)
    shared = [pair for pair in tree[0].options if pair in common]
    out = [f"{_FUNC}_shared_options() {{ {_lines(shared)}; }}", ""]
    tables: dict[str, Callable[[Node], str]] = {
        "commands": lambda n: _lines(n.commands) if n.commands else "",
        "options": lambda n: (
            _lines(own) if (own := [o for o in n.options if o not in common]) else ""
        ),
        "choices": lambda n: "echo " + " ".join(n.choices) if n.choices else "",
    }
    for name, table in tables.items():
        out.append(f'{_FUNC}_{name}() {{\n    case "$1" in')
        out.extend(f"        {_quote(n.path)}) {table(n)} ;;" for n in tree if table(n))
        out.append("    esac")
        if name == "options":
            out.append(f"    {_FUNC}_shared_options")
        out.extend(["}", ""])
    out.append(f'{_FUNC}_kind() {{\n    case "$1" in')
    by_kind: dict[str, list[str]] = {}
    for flag, kind in sorted(option_kinds(parser).items()):
        by_kind.setdefault(kind, []).append(flag)
    out.extend(
        f"        {'|'.join(flags)}) echo {_quote(kind)} ;;"
        for kind, flags in by_kind.items()
        if kind != "flag"
    )
    out.extend(["        *) echo flag ;;", "    esac", "}", ""])
    # The command a line has reached: skips option values, descends on command names.
    out.append(
        f"""{_FUNC}_node() {{
    local node="" pending="" word
    for word in "$@"; do
        if [[ -n "$pending" ]]; then pending=""; continue; fi
        if [[ "$word" == -* ]]; then
            [[ "$word" != *=* && "$({_FUNC}_kind "$word")" != flag ]] && pending="$word"
            continue
        fi
        if {_FUNC}_commands "$node" | cut -d: -f1 | grep -qxF -- "$word"; then
            node="${{node:+$node }}$word"
        fi
    done
    echo "$node|$pending"
}}
"""
    )
    return out


_BASH = f"""
{_FUNC}() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" state node pending kind
    state="$({_FUNC}_node "${{COMP_WORDS[@]:1:COMP_CWORD-1}}")"
    node="${{state%|*}}" pending="${{state##*|}}"
    if [[ -n "$pending" ]]; then
        kind="$({_FUNC}_kind "$pending")"
        case "$kind" in
            file) COMPREPLY=($(compgen -f -- "$cur")) ;;
            choice:*) COMPREPLY=($(compgen -W "${{kind#choice:}}" -- "$cur")) ;;
            *) COMPREPLY=() ;;
        esac
    elif [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$({_FUNC}_options "$node" | cut -d: -f1)" -- "$cur"))
    else
        COMPREPLY=($(compgen -W \\
            "$({_FUNC}_commands "$node" | cut -d: -f1) $({_FUNC}_choices "$node")" -- "$cur"))
    fi
}}
complete -o default -F {_FUNC} {PROG}
"""

_ZSH = f"""
{_FUNC}() {{
    local cur="${{words[CURRENT]}}" state node pending kind
    local -a described
    state="$({_FUNC}_node "${{(@)words[2,CURRENT-1]}}")"
    node="${{state%|*}}" pending="${{state##*|}}"
    if [[ -n "$pending" ]]; then
        kind="$({_FUNC}_kind "$pending")"
        case "$kind" in
            file) _files ;;
            choice:*) compadd -- ${{=kind#choice:}} ;;
        esac
    elif [[ "$cur" == -* ]]; then
        described=(${{(f)"$({_FUNC}_options "$node")"}})
        _describe -t options option described
    else
        compadd -- $({_FUNC}_choices "$node")
        described=(${{(f)"$({_FUNC}_commands "$node")"}})
        (( ${{#described}} )) && _describe -t commands command described
    fi
}}
compdef {_FUNC} {PROG}
"""

_HEADERS = {
    "bash": f'# {PROG} completion for bash; in ~/.bashrc: eval "$({PROG} completion bash)"',
    "zsh": f"#compdef {PROG}\n"
    f'# {PROG} completion for zsh; in ~/.zshrc, after compinit: eval "$({PROG} completion zsh)"',
}


def script(shell: str, parser: argparse.ArgumentParser | None = None) -> str:
    """The completion script for ``shell`` (``bash`` or ``zsh``)."""
    lookups = _lookups(parser or build_parser())
    driver = {"bash": _BASH, "zsh": _ZSH}[shell]
    return "\n".join([_HEADERS[shell], "", *lookups]) + driver


def main(args: argparse.Namespace, out: Output) -> int:
    out.stdout.write(script(args.shell))
    return 0
