"""The argparse tree of ``devin-async``: stdlib only, so that ``--help`` starts fast.

Each command names its handler as ``"module:function"`` in this package; the runner
imports it, and with it the SDK, only when the command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from typing import Any

from .._version import __version__
from .exits import EXIT_CODES

__all__ = ["GLOBAL_DEFAULTS", "LIST_FILTERS", "PROG", "build_parser", "parse_when"]

PROG = "devin-async"

# The global options are accepted before and after the command (``devin-async --json
# sessions list`` and ``devin-async sessions list --json``): every parser carries them
# with SUPPRESS, so a later parser never overwrites an earlier value with its default.
GLOBAL_DEFAULTS: dict[str, Any] = {
    "format": None,
    "fake": False,
    "base_url": None,
    "org_id": None,
    "api_key": None,
    "api_key_file": None,
    "timeout": None,
    "max_retries": None,
    "progress": True,
    "verbose": False,
}


def _epilog() -> str:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES)
    return (
        "configuration: DEVIN_API_KEY, DEVIN_ORG_ID and DEVIN_BASE_URL, as for the client;\n"
        "the options above override them. Try any command without a key: --fake.\n\n"
        f"exit status:\n{codes}"
    )


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Usage lines name a command's own options; the help lists the global ones too."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        own = [a for a in actions if a.dest not in GLOBAL_DEFAULTS]
        super().add_usage(usage, own, groups, prefix)


def _api_key_source(value: str) -> str:
    if value in ("-", "prompt"):
        return "prompt"
    # Never echo the value: it may be the key itself.
    raise argparse.ArgumentTypeError(
        "takes '-' or 'prompt' (asks for the key); the key itself is never read from the "
        "command line: use --api-key-file PATH or DEVIN_API_KEY"
    )


def _number(kind: Callable[[str], Any], *, minimum: float, strict: bool) -> Callable[[str], Any]:
    def parse(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number < minimum or (strict and number == minimum):
            bound = f"> {minimum:g}" if strict else f">= {minimum:g}"
            raise argparse.ArgumentTypeError(f"must be {bound}, got {value}")
        return number

    return parse


_seconds = _number(float, minimum=0, strict=True)
_count = _number(int, minimum=1, strict=False)
_retries = _number(int, minimum=0, strict=False)


def parse_when(value: str) -> Any:
    """Epoch seconds (``1717171717``) or an ISO date or time (``2024-06-01``,
    ``2024-06-01T12:00:00Z``); a time without a zone is UTC."""
    if value.isdigit():
        return int(value)
    from datetime import datetime, timezone  # not on the --help path

    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not epoch seconds or an ISO date/time: {value!r}"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _global_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    out = common.add_argument_group("output")
    out.add_argument(
        "--json",
        dest="format",
        action="store_const",
        const="json",
        help="one JSON object per line (the default when stdout is not a terminal)",
    )
    out.add_argument(
        "--table",
        dest="format",
        action="store_const",
        const="table",
        help="a table for people (the default on a terminal)",
    )
    out.add_argument(
        "--no-progress", dest="progress", action="store_false", help="no progress bar on stderr"
    )
    out.add_argument(
        "-v", "--verbose", action="store_true", help="log each HTTP exchange on stderr"
    )
    conn = common.add_argument_group("connection")
    conn.add_argument(
        "--fake", action="store_true", help="run against the bundled fake API (no key, no network)"
    )
    conn.add_argument("--base-url", metavar="URL", help="API base URL [DEVIN_BASE_URL]")
    conn.add_argument("--org-id", metavar="ORG_ID", help="organization id [DEVIN_ORG_ID]")
    conn.add_argument(
        "--api-key-file", metavar="PATH", help="read the API key from PATH [DEVIN_API_KEY]"
    )
    conn.add_argument(
        "--api-key",
        metavar="prompt",
        type=_api_key_source,
        help="'-' or 'prompt': ask for the API key (never the key itself)",
    )
    conn.add_argument(
        "--timeout", metavar="SECONDS", type=_seconds, help="per-request timeout (default 60)"
    )
    conn.add_argument(
        "--max-retries", metavar="N", type=_retries, help="retries per request (default 3)"
    )
    return common


class _Tree:
    """Adds commands to the tree, each with the global options and its handler."""

    def __init__(self, common: argparse.ArgumentParser):
        self.common = common

    def group(self, parent: Any, name: str, help: str) -> Any:
        parser = parent.add_parser(
            name, help=help, description=help, parents=[self.common], formatter_class=_Formatter
        )
        parser.set_defaults(handler=None, usage_of=parser)
        return parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(
        self,
        parent: Any,
        name: str,
        help: str,
        handler: str,
        *,
        client: bool = True,
        description: str | None = None,
    ) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = parent.add_parser(
            name,
            help=help,
            description=description or help,
            parents=[self.common],
            formatter_class=_Formatter,
        )
        parser.set_defaults(handler=handler, client=client)
        return parser


def _scopes(parser: argparse.ArgumentParser, *allowed: str) -> None:
    """``--enterprise`` / ``--v1``, where that API family has the operation."""
    parser.set_defaults(scope="org")
    group = parser.add_mutually_exclusive_group()
    if "enterprise" in allowed:
        group.add_argument(
            "--enterprise",
            dest="scope",
            action="store_const",
            const="enterprise",
            help="any organization of the enterprise (/v3/enterprise)",
        )
    if "v1" in allowed:
        group.add_argument(
            "--v1",
            dest="scope",
            action="store_const",
            const="v1",
            help="the legacy v1 API (apk_ keys)",
        )


def _ids(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids", nargs="+", metavar="ID", help="session ids; '-' reads them from stdin"
    )


def _concurrency(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--concurrency", metavar="N", type=_count, help="requests in flight (default: pool size)"
    )


def _wait_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-wait",
        metavar="SECONDS",
        type=_seconds,
        default=3600.0,
        help="give up after SECONDS (exit 5; default 3600)",
    )
    parser.add_argument(
        "--interval",
        metavar="SECONDS",
        type=_seconds,
        default=2.0,
        help="first pause between polls, growing to 30 s (default 2)",
    )


# ``sessions list`` filters: option -> (the SDK filter it sets, metavar, help). A filter
# that may be given more than once matches any of its values.
_MANY = {
    "--tag": ("tags", "TAG", "tagged TAG (v1 too)"),
    "--session-id": ("session_ids", "ID", "with this id"),
    "--user-id": ("user_ids", "ID", "started by this user"),
    "--service-user-id": ("service_user_ids", "ID", "started by this service user"),
    "--origin": ("origins", "ORIGIN", "webapp, slack, api, scheduled, ..."),
    "--repo": ("repo_names", "REPO", "working on this repository"),
    "--in-org": ("org_ids", "ORG_ID", "in this organization (--enterprise only)"),
}
_ONE = {
    "--playbook": ("playbook_id", "ID", "run from this playbook"),
    "--schedule": ("schedule_id", "ID", "started by this schedule"),
    "--category": ("category", "CATEGORY", "bug_fixing, feature_development, ..."),
    "--user-email": ("user_email", "EMAIL", "started by this user (--v1 only)"),
}
_WHEN = {
    f"--{edge}-{side}": (f"{edge}_{side}", "WHEN", f"{edge} {side} WHEN")
    for edge in ("created", "updated")
    for side in ("after", "before")
}
# The SDK filter of each option, for messages about a filter a scope lacks.
LIST_FILTERS = {
    dest: flag for table in (_MANY, _ONE, _WHEN) for flag, (dest, _, _) in table.items()
} | {"is_archived": "--archived/--not-archived"}


def _list_filters(parser: argparse.ArgumentParser) -> None:
    f = parser.add_argument_group(
        "filters",
        "A repeated filter matches any of its values. WHEN: epoch seconds or an ISO date or\n"
        "time (UTC unless it says).",
    )
    for flag, (dest, metavar, help) in _MANY.items():
        f.add_argument(flag, dest=dest, metavar=metavar, action="append", help=help)
    for flag, (dest, metavar, help) in _ONE.items():
        f.add_argument(flag, dest=dest, metavar=metavar, help=help)
    archived = f.add_mutually_exclusive_group()
    for flag, archived_too in (("--archived", True), ("--not-archived", False)):
        archived.add_argument(
            flag,
            dest="is_archived",
            action="store_const",
            const=archived_too,
            help=f"{'only' if archived_too else 'no'} archived sessions",
        )
    for flag, (dest, metavar, help) in _WHEN.items():
        f.add_argument(flag, dest=dest, metavar=metavar, type=parse_when, help=help)
    parser.add_argument("--limit", metavar="N", type=_count, help="stop after N sessions")


def _sessions(tree: _Tree, commands: Any) -> None:
    sub = tree.group(commands, "sessions", "list, create, watch and stop sessions")
    p = tree.command(sub, "list", "list sessions, newest first", "sessions:list_sessions")
    _list_filters(p)
    _scopes(p, "enterprise", "v1")

    p = tree.command(sub, "get", "show sessions by id", "sessions:get")
    _ids(p)
    _concurrency(p)
    _scopes(p, "enterprise", "v1")

    p = tree.command(
        sub,
        "get-many",
        "fetch the sessions a file or stdin lists",
        "sessions:get_many",
        description="Fetch the sessions a file or stdin lists: an id per line, or JSON lines\n"
        "with a session_id (what `sessions list --json` prints). Each is printed as it\n"
        "arrives, so memory stays flat for any number of ids.",
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE", help="default: stdin")
    _concurrency(p)
    _scopes(p, "enterprise", "v1")

    p = tree.command(sub, "create", "start a session", "sessions:create")
    p.add_argument("prompt", metavar="PROMPT", help="what Devin should do; '-' reads stdin")
    p.add_argument("--title", help="the session's title")
    p.add_argument("--tag", dest="tags", metavar="TAG", action="append", help="tag (repeatable)")
    p.add_argument("--playbook", dest="playbook_id", metavar="ID", help="run this playbook")
    p.add_argument("--repo", dest="repos", metavar="REPO", action="append", help="repository")
    p.add_argument(
        "--structured-output",
        metavar="SCHEMA_FILE",
        help="JSON Schema file the session's structured output must follow",
    )
    p.add_argument(
        "--attach", metavar="FILE", action="append", help="upload FILE and attach it (repeatable)"
    )
    p.add_argument("--max-acu-limit", metavar="N", type=_count, help="ACU budget")
    p.add_argument("--wait", action="store_true", help="wait until the session settles")
    _wait_options(p)
    _scopes(p, "v1")

    p = tree.command(sub, "message", "send a message to a session", "sessions:message")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", metavar="TEXT", help="the message; '-' reads stdin")
    _scopes(p, "enterprise", "v1")

    p = tree.command(
        sub, "wait", "wait until sessions settle (finished, blocked, stopped)", "sessions:wait"
    )
    _ids(p)
    _wait_options(p)
    _concurrency(p)
    _scopes(p, "enterprise", "v1")

    p = tree.command(sub, "terminate", "terminate sessions", "sessions:terminate")
    _ids(p)
    p.add_argument("--archive", action="store_true", help="archive them too (not --v1)")
    _concurrency(p)
    _scopes(p, "v1")

    p = tree.command(sub, "insights", "message counts, size and AI analysis", "sessions:insights")
    _ids(p)
    _concurrency(p)
    _scopes(p, "enterprise")


def _attachments(tree: _Tree, commands: Any) -> None:
    sub = tree.group(commands, "attachments", "upload and download session files")
    p = tree.command(sub, "upload", "upload files; prints the URLs", "files:upload")
    p.add_argument("files", nargs="+", metavar="FILE")
    _scopes(p, "v1")
    p = tree.command(sub, "download", "download an attachment", "files:download")
    p.add_argument("uuid", metavar="UUID")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--to", metavar="PATH", help="where to write it (default ./NAME; '-': stdout)")
    _scopes(p, "v1")


def build_parser(prog: str = PROG) -> argparse.ArgumentParser:
    """The whole command tree."""
    common = _global_options()
    tree = _Tree(common)
    root = argparse.ArgumentParser(
        prog=prog,
        description="The Devin API from a shell: sessions, attachments and raw calls.",
        epilog=_epilog(),
        parents=[common],
        formatter_class=_Formatter,
    )
    root.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    root.set_defaults(handler=None, usage_of=root)
    commands = root.add_subparsers(title="commands", metavar="COMMAND")
    _sessions(tree, commands)
    tree.command(commands, "self", "who the API key belongs to", "identity:whoami")
    _attachments(tree, commands)

    p = tree.command(
        commands,
        "api",
        "call any endpoint (retries, auth and errors as for every command)",
        "api:call",
    )
    p.add_argument("method", metavar="METHOD", type=str.upper, choices=_METHODS)
    p.add_argument(
        "path", metavar="PATH", help="e.g. /v3/organizations/{org_id}/sessions ({org_id}: yours)"
    )
    p.add_argument(
        "-p",
        "--param",
        dest="params",
        metavar="KEY=VALUE",
        action="append",
        help="a query parameter (repeatable)",
    )
    p.add_argument("-d", "--data", metavar="JSON", help="JSON body; @FILE reads a file, - stdin")

    p = tree.command(
        commands, "completion", "print a shell completion script", "completion:main", client=False
    )
    p.add_argument("shell", choices=("bash", "zsh"))
    tree.command(
        commands, "demo", "the SDK's calls against the fake API", "demo:main", client=False
    )
    return root


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
