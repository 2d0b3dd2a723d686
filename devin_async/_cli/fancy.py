"""The nicer terminal of the ``cli`` extra: rich tables and progress, when rich is installed.

Everything here has a plain twin (``render.table_lines``, ``progress.PlainBar``); rich is
looked up at run time, so the core install neither needs it nor type-checks against it.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Sequence
from typing import Any, TextIO

from .progress import describe_bad
from .render import Column, cell

__all__ = ["RichBar", "available", "print_table"]

_STATUS_STYLES = {"running": "green", "suspended": "yellow", "exit": "dim", "error": "red"}


def available() -> bool:
    """Whether rich is installed (``pip install 'devin-async[cli]'``)."""
    return importlib.util.find_spec("rich") is not None


def _rich(module: str) -> Any:
    return importlib.import_module(f"rich.{module}")


def print_table(stream: TextIO, columns: Sequence[Column], rows: Sequence[Any]) -> None:
    """The rows as a rich table on ``stream``; cell text is never read as markup."""
    text = _rich("text").Text
    table = _rich("table").Table(box=None, pad_edge=False, header_style="bold underline")
    texts = [[cell(c.get(row)).replace("\n", " ") for c in columns] for row in rows]
    for i, c in enumerate(columns):
        # As in the plain table, only the shrinkable column gives way to a narrow terminal.
        widest = max([len(c.header)] + [len(t[i]) for t in texts])
        table.add_column(
            c.header,
            no_wrap=True,
            overflow="ellipsis",
            min_width=min(widest, 10) if c.shrinks else widest,
        )
    for row_texts in texts:
        cells = []
        for c, value in zip(columns, row_texts, strict=True):
            style = _STATUS_STYLES.get(value.split("/")[0], "") if c.header == "STATUS" else ""
            cells.append(text(value, style=style))
        table.add_row(*cells)
    _rich("console").Console(file=stream).print(table)


class RichBar:
    """``progress.Bar`` drawn by rich: a bar, done/total, elapsed time; gone when closed."""

    def __init__(self, stream: TextIO, label: str, total: int | None):
        p = _rich("progress")
        self._progress = p.Progress(
            p.TextColumn("{task.description}"),
            p.BarColumn(),
            p.MofNCompleteColumn(),
            p.TextColumn("{task.fields[failed]}"),
            p.TimeElapsedColumn(),
            console=_rich("console").Console(file=stream),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(label, total=total, failed="")
        self._progress.start()

    def report(self, report: Any) -> None:
        self.update(report.done, report.failed, report.timed_out)

    def update(self, done: int, failed: int = 0, timed_out: int = 0) -> None:
        self._progress.update(self._task, completed=done, failed=describe_bad(failed, timed_out))

    def clear(self) -> None:
        pass  # rich keeps its live bar below what is printed

    def close(self) -> None:
        self._progress.stop()
