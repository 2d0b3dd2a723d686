"""What decoding one session of a page costs, by decoder: where paging's time goes.

    python benchmarks/bench_decode.py [--rounds 9]

A page of 200 realistic sessions (``session_server.py``'s body), decoded in process, no
HTTP. Rows, interleaved in every round: ``json.loads`` to dicts (what raw aiohttp's
``resp.json()`` does, the baseline); orjson to dicts; the SDK's wire lane (what
``sessions.list()`` does per page); orjson and the SDK's models made one at a time (its
dict way, for a page the lane does not read); orjson and the same attrs classes
with every field taken as sent (no wire rules, no timestamps, no nested models: the
ceiling of any attrs model built from dicts); and msgspec (a dev dependency): straight
into the SDK's attrs models (lax, so epoch timestamps decode; unknown fields dropped,
which the SDK must not do), into msgspec Structs, and into Structs that Python then makes
the SDK's models from (``from_structs``). Reported: ns per session, medians over rounds,
and the baseline's time over each row's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
import typing
from collections.abc import Callable
from datetime import datetime, timezone
from enum import EnumMeta
from pathlib import Path
from typing import Any

import attrs
import msgspec
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout, not a copy

from session_server import session_body

from devin_async import SessionResponse
from devin_async._converter import structure_hook
from devin_async._decode import parse_json
from devin_async._frozen import fill_source, filler
from devin_async._wire import page_reader
from devin_async.models import SessionPullRequest
from devin_async.models._base import NO_EXTRA

PAGE = 200
Decode = Callable[[bytes], object]


def page_body() -> bytes:
    items = b",".join(session_body(f"devin-{i:012x}") for i in range(PAGE))
    return b'{"items":[' + items + b'],"end_cursor":"200","has_next_page":true}'


def sdk_models(body: bytes) -> None:
    hook = structure_hook(SessionResponse)
    for item in parse_json(body)["items"]:
        hook(item, SessionResponse)


def sdk_wire(body: bytes) -> None:
    reader = page_reader(SessionResponse, "items")
    assert reader is not None
    page = reader.decode(body)
    assert page is not None, "the lane reads this page"
    for item in page["items"]:
        reader.hook(item, SessionResponse)


def bare_models() -> Decode:
    """Each field as sent: what building the attrs instance alone costs."""
    fields = attrs.fields(SessionResponse)
    values = ["None" if f.name == "extra" else f"o.get({f.name!r})" for f in fields]
    env: dict[str, Any] = {}
    body = fill_source(SessionResponse, values, env)
    assert body is not None, "SessionResponse is filled in place by the SDK"
    source = "\n".join(["def make(o):", *(f"    {line}" for line in body), "    return obj"])
    exec(source, env)
    make = env["make"]

    def decode(body: bytes) -> None:
        for item in orjson.loads(body)["items"]:
            make(item)

    return decode


class _Into(msgspec.Struct):
    items: list[SessionResponse]


class _PullRequest(msgspec.Struct, gc=False):
    pr_url: str
    pr_state: str | None = None


class _Session(msgspec.Struct, gc=False, forbid_unknown_fields=True):
    """The fields of ``SessionResponse`` as msgspec checks them in C, timestamps as ints."""

    session_id: str
    status: str
    org_id: str
    url: str
    created_at: int
    updated_at: int
    acus_consumed: float
    pull_requests: list[_PullRequest]
    tags: list[str]
    title: str | None = None
    status_detail: str | None = None
    origin: str | None = None
    category: str | None = None
    subcategory: str | None = None
    structured_output: Any = None
    child_session_ids: list[str] | None = None
    parent_session_id: str | None = None
    playbook_id: str | None = None
    service_user_id: str | None = None
    user_id: str | None = None
    is_advanced: bool = False
    is_archived: bool = False


class _Structs(msgspec.Struct, gc=False):
    items: list[_Session]


def from_structs() -> Decode:
    """msgspec checks each field's JSON type in C (unknown fields refused); Python then
    makes the SDK's models: timestamps, enums, nested models. A fast lane the converter
    could take, falling back to today's path on anything msgspec refuses."""
    hints = typing.get_type_hints(SessionResponse)
    env: dict[str, Any] = {"from_epoch": datetime.fromtimestamp, "UTC": timezone.utc}
    pull_request = filler(SessionPullRequest)
    env["pr"] = lambda p: pull_request(NO_EXTRA, p.pr_url, p.pr_state)
    values = []
    for i, field in enumerate(attrs.fields(SessionResponse)):
        tp, read = hints[field.name], f"o.{field.name}"
        enum = next((t for t in typing.get_args(tp) or (tp,) if isinstance(t, EnumMeta)), None)
        if field.name == "extra":
            read = "NO_EXTRA"
        elif tp is datetime:
            read = f"from_epoch({read}, UTC)"
        elif field.name == "pull_requests":
            read = f"[pr(p) for p in {read}]"
        elif enum is not None:
            env[f"m{i}"], env[f"c{i}"] = enum._value2member_map_.get, enum
            read = f"(m{i}({read}) or c{i}({read}))"
            read = read if enum is tp else f"(None if o.{field.name} is None else {read})"
        values.append(read)
    env["NO_EXTRA"] = NO_EXTRA
    body = fill_source(SessionResponse, values, env)
    assert body is not None, "SessionResponse is filled in place by the SDK"
    exec("\n".join(["def make(o):", *(f"    {line}" for line in body), "    return obj"]), env)
    make, decoder = env["make"], msgspec.json.Decoder(_Structs)
    sdk = structure_hook(SessionResponse)(orjson.loads(page_body())["items"][0], SessionResponse)
    if make(decoder.decode(page_body()).items[0]) != sdk:
        raise SystemExit("from_structs makes a session that differs from the SDK's")

    def decode(body: bytes) -> None:
        for item in decoder.decode(body).items:
            make(item)

    return decode


def rows() -> dict[str, Decode]:
    return {
        "json.loads (dicts)": json.loads,
        "orjson (dicts)": orjson.loads,
        "the SDK's wire lane (list() now)": sdk_wire,
        "orjson + the SDK's models (dict way)": sdk_models,
        "orjson + attrs, no rules": bare_models(),
        "msgspec -> the SDK's attrs models": msgspec.json.Decoder(_Into, strict=False).decode,
        "msgspec -> Structs (not attrs)": msgspec.json.Decoder(_Structs).decode,
        "msgspec Structs -> the SDK's models": from_structs(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--pages", type=int, default=100, help="pages timed per row and round")
    args = parser.parse_args()
    body, table = page_body(), rows()
    times: dict[str, list[float]] = {name: [] for name in table}
    for _ in range(args.rounds):
        for name, decode in table.items():
            decode(body)  # warm
            seconds = timeit.timeit(lambda d=decode: d(body), number=args.pages)  # type: ignore[misc]
            times[name].append(seconds / args.pages / PAGE * 1e9)
    base = times[next(iter(table))]
    print(f"one page of {PAGE} sessions ({len(body)} bytes), {args.rounds} rounds")
    print(f"{'row':36} {'ns/session':>10} {'x speed':>8}")
    for name, row in times.items():
        ratios = [b / r for b, r in zip(base, row, strict=True)]
        print(f"{name:36} {statistics.median(row):10.0f} {statistics.median(ratios):8.2f}")


if __name__ == "__main__":
    main()
