"""Ids from argv, files and stdin; one call per id for the operations the SDK has no
batch of (terminate, insights)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any

from .. import DevinError, Outcome, OutcomeStatus
from .exits import UsageError
from .output import Output
from .progress import Bar
from .report import batch_exit

__all__ = [
    "DEFAULT_CONCURRENCY",
    "each",
    "ids_in",
    "read_id_file",
    "read_ids",
    "show_outcomes",
]

# For the per-id calls made here (the SDK's own fan-outs size themselves by its pool).
DEFAULT_CONCURRENCY = 16


def ids_in(lines: Iterable[str]) -> list[str]:
    """The ids of ``lines``: one per line, blank lines and ``#`` comments skipped; a JSON
    object line (``sessions list --json``'s output) gives its ``session_id``."""
    ids = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("{"):
            try:
                line = json.loads(line)["session_id"]
            except (ValueError, KeyError, TypeError):
                raise UsageError(f"line {number}: a JSON object without a session_id") from None
        ids.append(str(line))
    return ids


def read_id_file(path: str) -> list[str]:
    """The ids a file lists (``-``: stdin), as ``ids_in`` reads them."""
    if path == "-":
        return ids_in(sys.stdin)
    with open(path, encoding="utf-8") as f:
        return ids_in(f)


def read_ids(args: Sequence[str]) -> list[str]:
    """The ids given, with ``-`` replaced by those stdin lists."""
    ids: list[str] = []
    for arg in args:
        ids.extend(read_id_file(arg) if arg == "-" else [arg])
    if not ids:
        raise UsageError("no session ids given")
    return ids


async def each(
    ids: Sequence[str],
    call: Callable[[str], Awaitable[Any]],
    *,
    concurrency: int | None,
    bar: Bar,
) -> list[Outcome[Any]]:
    """``call`` for each distinct id, ``concurrency`` at a time; one ``Outcome`` per id given.

    The SDK's retries, 429 gate and rate limit still apply to every call.
    """
    distinct = list(dict.fromkeys(ids))
    outcomes: dict[str, Outcome[Any]] = {}
    failed = 0
    pending = iter(distinct)

    async def worker() -> None:
        nonlocal failed
        for devin_id in pending:
            try:
                outcome = Outcome(devin_id, OutcomeStatus.OK, await call(devin_id))
            except DevinError as exc:
                outcome = Outcome(devin_id, OutcomeStatus.FAILED, error=exc)
                failed += 1
            outcomes[devin_id] = outcome
            bar.update(len(outcomes), failed)

    workers = min(concurrency or DEFAULT_CONCURRENCY, len(distinct))
    await asyncio.gather(*(worker() for _ in range(workers)))
    return [outcomes[devin_id] for devin_id in ids]


def show_outcomes(out: Output, outcomes: Sequence[Outcome[Any]]) -> int:
    """Each result on stdout (one id: field by field), each failure on stderr; the status."""
    single = len(outcomes) == 1
    for outcome in outcomes:
        if outcome.ok:
            (out.record if single else out.item)(outcome.value)
        else:
            out.failure(outcome)
    return batch_exit(outcomes)
