"""``devin-async sessions ...``: each command one or two SDK calls."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .. import AsyncDevin, Outcome
from .bulk import each, read_id_file, read_ids, show_outcomes
from .exits import OK, UsageError
from .output import Output
from .parser import LIST_FILTERS
from .render import to_data
from .report import batch_exit

__all__ = [
    "create",
    "get",
    "get_many",
    "insights",
    "list_sessions",
    "message",
    "terminate",
    "wait",
]

_V3_FILTERS = tuple(f for f in LIST_FILTERS if f not in ("org_ids", "user_email"))
_SCOPE_FILTERS = {
    "org": _V3_FILTERS,
    "enterprise": (*_V3_FILTERS, "org_ids"),
    "v1": ("tags", "user_email"),
}
_MAX_POLL_INTERVAL = 30.0  # the SDK's cap on the pause between polls


def _group(client: AsyncDevin, scope: str) -> Any:
    """The sessions resource of the ``--enterprise`` / ``--v1`` / organization scope."""
    if scope == "enterprise":
        return client.enterprise.sessions
    if scope == "v1":
        return client.v1.sessions
    return client.sessions


def _given(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _text(value: str) -> str:
    """An argument, or stdin's text for ``-``."""
    return sys.stdin.read() if value == "-" else value


async def list_sessions(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    allowed = _SCOPE_FILTERS[args.scope]
    unsupported = [LIST_FILTERS[f] for f in _given(args, tuple(LIST_FILTERS)) if f not in allowed]
    if unsupported:
        raise UsageError(f"not a filter of {args.scope} sessions: {', '.join(unsupported)}")
    pager = _group(client, args.scope).list(limit=args.limit, **_given(args, allowed))
    with out.progress("listing", args.limit) as bar:
        count = 0
        async for session in pager:
            out.item(session)
            count += 1
            bar.update(count)
    return OK


async def get(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    ids = read_ids(args.ids)
    with out.progress("fetching", len(set(ids))) as bar:
        sessions = await _group(client, args.scope).get_many(
            ids, on_error="return", concurrency=args.concurrency, on_progress=bar.report
        )
    return show_outcomes(out, sessions)


async def get_many(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    """Streams: each session printed as it arrives, so memory stays flat for any count."""
    ids = read_id_file(args.file)
    failures = []
    with out.progress("fetching", len(ids)) as bar:
        fetches = _group(client, args.scope).iter_many(
            ids, concurrency=args.concurrency, on_progress=bar.report
        )
        async with fetches:
            async for _, outcome in fetches:
                if outcome.ok:
                    out.item(outcome.value)
                else:
                    out.failure(outcome)
                    failures.append(outcome)
    return batch_exit(failures)


def _create_options(args: argparse.Namespace) -> dict[str, Any]:
    options = _given(args, ("title", "tags", "playbook_id", "max_acu_limit"))
    if args.structured_output is not None:
        with open(args.structured_output, encoding="utf-8") as f:
            options["structured_output_schema"] = json.load(f)
    return options


async def create(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    prompt = _text(args.prompt)
    options = _create_options(args)
    if args.scope == "v1":
        if args.repos:
            raise UsageError("v1 sessions take no --repo")
        # v1 attaches a file by a line of the prompt (docs: ATTACHMENT:"<url>").
        for path in args.attach or ():
            url = await client.v1.attachments.upload(path)
            prompt += "\n" + client.v1.attachments.prompt_line(url)
        created = await client.v1.sessions.create(prompt, **options)
        session_id, url = created.session_id, created.url
        result: Any = created
    else:
        urls = [(await client.attachments.upload(path)).url for path in args.attach or ()]
        if urls:
            options["attachment_urls"] = urls
        if args.repos:
            options["repos"] = args.repos
        result = await client.sessions.create(prompt, **options)
        session_id, url = result.session_id, result.url
    if args.wait:
        out.note(f"created {session_id} ({url}); waiting for it to settle")
        (outcome,) = await _wait(client, args, out, [session_id])
        result = outcome.unwrap()  # a timeout raises: exit 5, the last state in the error
    out.record(result)
    return OK


async def message(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    out.record(await _group(client, args.scope).send_message(args.id, _text(args.text)))
    return OK


async def _wait(
    client: AsyncDevin, args: argparse.Namespace, out: Output, ids: list[str]
) -> list[Outcome[Any]]:
    interval = args.interval
    with out.progress("waiting", len(set(ids))) as bar:
        outcomes: list[Outcome[Any]] = await _group(client, args.scope).wait_many(
            ids,
            on_error="return",
            max_wait=args.max_wait,
            interval=interval,
            max_interval=max(interval, _MAX_POLL_INTERVAL),
            concurrency=getattr(args, "concurrency", None),
            on_progress=bar.report,
        )
    return outcomes


async def wait(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    return show_outcomes(out, await _wait(client, args, out, read_ids(args.ids)))


async def terminate(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    ids = read_ids(args.ids)
    if args.scope == "v1":
        if args.archive:
            raise UsageError("v1 sessions cannot be archived: drop --archive")

        async def call(devin_id: str) -> Any:
            # v1 answers only {"detail": ...}: say which session it is about.
            answer = await client.v1.sessions.terminate(devin_id)
            return {"session_id": devin_id, **to_data(answer)}

    else:

        async def call(devin_id: str) -> Any:
            return await client.sessions.terminate(devin_id, archive=args.archive or None)

    with out.progress("terminating", len(set(ids))) as bar:
        outcomes = await each(ids, call, concurrency=args.concurrency, bar=bar)
    return show_outcomes(out, outcomes)


async def insights(client: AsyncDevin, args: argparse.Namespace, out: Output) -> int:
    ids = read_ids(args.ids)
    group = _group(client, args.scope)
    with out.progress("fetching insights", len(set(ids))) as bar:
        outcomes = await each(ids, group.insights, concurrency=args.concurrency, bar=bar)
    return show_outcomes(out, outcomes)
