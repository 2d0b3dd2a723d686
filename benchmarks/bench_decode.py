"""What decoding one session of a page costs, by decoder: where paging's time goes.

    python benchmarks/bench_decode.py [--rounds 9]

A page of 200 realistic sessions (``session_server.py``'s body), decoded in process, no
HTTP. Rows, interleaved in every round: ``json.loads`` to dicts (what raw aiohttp's
``resp.json()`` does, the baseline); orjson to dicts; the SDK's wire lane (what
``sessions.list()`` does per page); orjson and the SDK's models made one at a time (its
dict way, for a page the lane does not read); orjson and the same attrs classes
with every field taken as sent (no wire rules, no timestamps, no nested models: the
ceiling of any attrs model built from dicts); the wire lane's read alone (its wire
objects and its checks, no models); and msgspec straight into the SDK's attrs models
(lax, so epoch timestamps decode; unknown fields dropped, which the SDK must not do).
Reported: ns per session, medians over rounds, and the baseline's time over each row's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
from collections.abc import Callable
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
from devin_async._frozen import fill_source
from devin_async._wire import page_reader

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


def wire_read_only(body: bytes) -> None:
    """The lane's read alone: wire objects, the nesting bound, the long-number scan."""
    reader = page_reader(SessionResponse, "items")
    assert reader is not None and reader.decode(body) is not None


def rows() -> dict[str, Decode]:
    return {
        "json.loads (dicts)": json.loads,
        "orjson (dicts)": orjson.loads,
        "the SDK's wire lane (list() now)": sdk_wire,
        "orjson + the SDK's models (dict way)": sdk_models,
        "orjson + attrs, no rules": bare_models(),
        "msgspec -> the SDK's attrs models": msgspec.json.Decoder(_Into, strict=False).decode,
        "the wire lane's read alone (no models)": wire_read_only,
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
