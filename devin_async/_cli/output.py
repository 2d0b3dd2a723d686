"""Where results go: JSON lines or a table on stdout, failures and notes on stderr."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from . import fancy
from .progress import Bar, PlainBar, SilentBar
from .render import columns_for, deep_enough, dumps, record_lines, table_lines, to_data
from .report import error_data, failure_data, failure_text

__all__ = ["Output"]


def _is_tty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Output:
    """``--json``: one JSON object per line, written as it comes, errors as JSON on stderr.
    Table: rows gathered and aligned at ``close()``, errors as text; rich draws them when
    installed and writing to a terminal."""

    def __init__(
        self, format: str | None, stdout: TextIO, stderr: TextIO, *, progress: bool = True
    ):
        self.stdout = stdout
        self.stderr = stderr
        self.json = (format or ("table" if _is_tty(stdout) else "json")) == "json"
        # A dumb terminal cannot redraw a line in place.
        self._show_progress = progress and _is_tty(stderr) and os.environ.get("TERM") != "dumb"
        self._rich = not self.json and _is_tty(stdout) and fancy.available()
        self._rows: list[Any] = []
        self._bar: Bar = SilentBar()

    def item(self, obj: Any) -> None:
        """One of many results (a session of a list)."""
        if self.json:
            self._line(dumps(to_data(obj)))
        else:
            self._rows.append(obj)

    def record(self, obj: Any) -> None:
        """A single result, shown field by field in a table."""
        data = obj if isinstance(obj, Mapping) else to_data(obj)
        if self.json:
            self._line(dumps(data))
        else:
            self._flush_rows()
            self._lines(record_lines(data) if isinstance(data, Mapping) else [str(data)])

    def data(self, data: Any) -> None:
        """Raw JSON (the ``api`` command): one line, or indented for people."""
        if self.json:
            self._line(dumps(data))
        else:
            import json  # indented output is for people only

            with deep_enough():
                self._lines(json.dumps(data, indent=2, ensure_ascii=False).splitlines())

    def failure(self, outcome: Any) -> None:
        """An id that failed or timed out, on stderr."""
        self._bar.clear()
        text = dumps(failure_data(outcome)) if self.json else failure_text(outcome)
        print(text, file=self.stderr, flush=True)

    def error(self, exc: BaseException) -> None:
        """The error that ended the command, on stderr."""
        self._bar.clear()
        if self.json:
            print(dumps({"error": error_data(exc)}), file=self.stderr, flush=True)
        else:
            print(f"devin-async: error: {exc}", file=self.stderr, flush=True)

    def note(self, text: str) -> None:
        """A remark for people (table mode only): stderr, so stdout stays data."""
        if not self.json:
            self._bar.clear()
            print(text, file=self.stderr, flush=True)

    @contextlib.contextmanager
    def progress(self, label: str, total: int | None) -> Iterator[Bar]:
        """A bar on stderr while the block runs, when stderr is a terminal."""
        if not self._show_progress:
            yield SilentBar()
            return
        self._bar = (
            fancy.RichBar(self.stderr, label, total)
            if self._rich
            else PlainBar(self.stderr, label, total)
        )
        try:
            yield self._bar
        finally:
            self._bar.close()
            self._bar = SilentBar()

    def close(self) -> None:
        """Print what table mode gathered."""
        self._flush_rows()
        self.stdout.flush()

    def _flush_rows(self) -> None:
        rows, self._rows = self._rows, []
        if not rows:
            return
        columns = columns_for(rows[0])
        if self._rich:
            fancy.print_table(self.stdout, columns, rows)
        else:
            width = (
                os.get_terminal_size(self.stdout.fileno()).columns if _is_tty(self.stdout) else None
            )
            self._lines(table_lines(columns, rows, width))

    def _line(self, text: str) -> None:
        self._bar.clear()
        self.stdout.write(text + "\n")

    def _lines(self, lines: list[str]) -> None:
        self.stdout.write("".join(line + "\n" for line in lines))
