"""Writes one reference page per namespace of ``AsyncDevin`` (``client.sessions``,
``client.enterprise.users``, ...), found by walking a client, so that a namespace added to
the SDK gets its page without anyone editing the docs."""

from __future__ import annotations

from collections.abc import Iterator

import mkdocs_gen_files

import devin_async
from devin_async.resources._base import Resource

RESOURCES = "devin_async.resources"
GUIDE_PAGES = {
    "Clients": ["devin_async.AsyncDevin", "devin_async.Devin", "devin_async.SyncPaginator"],
    "Errors": [
        f"devin_async.{name}"
        for name in devin_async.__all__
        if isinstance(getattr(devin_async, name), type)
        and issubclass(getattr(devin_async, name), BaseException)
    ],
    "Fan-out results": [
        "devin_async.BulkResult",
        "devin_async.BulkReport",
        "devin_async.Outcome",
        "devin_async.OutcomeStatus",
        "devin_async.BulkIterator",
        "devin_async.TerminalStates",
    ],
    "Configuration": [
        "devin_async.RetryPolicy",
        "devin_async.RateLimit",
        "devin_async.RequestOptions",
        "devin_async.Clock",
        "devin_async.Middleware",
        "devin_async.Request",
        "devin_async.Response",
    ],
    "Models": ["devin_async.models"],
    "Testing": ["devin_async.testing"],
}


def namespaces(obj: object, prefix: str) -> Iterator[tuple[str, type]]:
    """Every resource group below ``obj``; ``client.enterprise`` and ``client.v1`` only
    hold groups, so they get no page of their own."""
    for name, value in vars(obj).items():
        if name.startswith("_") or not type(value).__module__.startswith(RESOURCES):
            continue
        if isinstance(value, Resource):
            yield f"{prefix}.{name}", type(value)
        yield from namespaces(value, f"{prefix}.{name}")


def write(path: str, title: str, objects: list[str]) -> None:
    with mkdocs_gen_files.open(path, "w") as page:
        page.write(f"# {title}\n\n")
        for target in objects:
            page.write(f"::: {target}\n\n")


nav = mkdocs_gen_files.Nav()
for title, objects in GUIDE_PAGES.items():
    path = f"reference/{title.lower().replace(' ', '-')}.md"
    write(path, title, objects)
    nav[title] = path.removeprefix("reference/")

client = devin_async.AsyncDevin(api_key="cog_docs", org_id="org-docs")
for name, cls in namespaces(client, "client"):
    path = f"reference/{name}.md"
    write(path, f"`{name}`", [f"{cls.__module__}.{cls.__qualname__}"])
    nav[("Namespaces", name)] = path.removeprefix("reference/")

with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as summary:
    summary.writelines(nav.build_literate_nav())
