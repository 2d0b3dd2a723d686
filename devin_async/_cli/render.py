"""Pure rendering: models as JSON data (extra fields kept), table rows, record views."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

import orjson

from .._converter import unstructure
from .._decode import MOST_LEVELS
from ..models import Attachment, SessionInsights, SessionResponse, V1SessionSummary

__all__ = [
    "Column",
    "cell",
    "columns_for",
    "deep_enough",
    "dumps",
    "record_lines",
    "table_lines",
    "to_data",
]


def to_data(obj: Any) -> Any:
    """``obj`` as JSON data: a model's wire field names, the fields this SDK does not know
    (``extra``) kept, times as ISO strings, enums as their values."""
    return unstructure(obj)


def dumps(data: Any) -> str:
    """One line of JSON."""
    try:
        return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # orjson stops at 255 levels; an answer may nest up to 1024
        with deep_enough():
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@contextlib.contextmanager
def deep_enough() -> Iterator[None]:
    """Room for the stdlib encoder's frame per level on any answer the SDK accepts (up to
    1024 levels): this process is the CLI's own, and the limit is put back after."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 4 * MOST_LEVELS))
    try:
        yield
    finally:
        sys.setrecursionlimit(limit)


class Column:
    """A table column: its header, how to read a row's value, and whether it may shrink."""

    __slots__ = ("get", "header", "shrinks")

    def __init__(self, header: str, get: Callable[[Any], Any], *, shrinks: bool = False):
        self.header = header
        self.get = get
        self.shrinks = shrinks


def _status(s: Any) -> str:
    detail = getattr(s, "status_detail", None) or getattr(s, "status_enum", None)
    status = cell(s.status)
    return f"{status}/{cell(detail)}" if detail is not None and cell(detail) != status else status


_ID = Column("SESSION", lambda s: s.session_id)
_STATE = Column("STATUS", _status)
_ACUS = Column("ACUS", lambda s: s.acus_consumed)
_UPDATED = Column("UPDATED", lambda s: s.updated_at)
_TAGS = Column("TAGS", lambda s: s.tags)
_TITLE = Column("TITLE", lambda s: s.title, shrinks=True)
_SESSION = [_ID, _STATE, _ACUS, _UPDATED, _TAGS, _TITLE]
_INSIGHTS = [
    _ID,
    _STATE,
    Column("SIZE", lambda s: s.session_size),
    Column("USER MSGS", lambda s: s.num_user_messages),
    Column("DEVIN MSGS", lambda s: s.num_devin_messages),
    _ACUS,
    _TITLE,
]
_V1_SESSION = [_ID, _STATE, _UPDATED, _TAGS, _TITLE]
_ATTACHMENT = [
    Column("ATTACHMENT", lambda a: a.attachment_id),
    Column("NAME", lambda a: a.name, shrinks=True),
    Column("URL", lambda a: a.url),
]
# Most specific first: an insight is a session too.
_COLUMNS: list[tuple[type[Any], list[Column]]] = [
    (Attachment, _ATTACHMENT),
    (SessionInsights, _INSIGHTS),
    (SessionResponse, _SESSION),
    (V1SessionSummary, _V1_SESSION),
]


def columns_for(obj: Any) -> list[Column]:
    """The table columns for rows like ``obj``: chosen for sessions, else its top-level fields."""
    for kind, columns in _COLUMNS:
        if isinstance(obj, kind):
            return columns
    data = obj if isinstance(obj, Mapping) else to_data(obj)
    if not isinstance(data, Mapping):
        return [Column("VALUE", lambda row: row)]
    return [Column(str(key).upper(), _field(key)) for key in data]


def _field(key: Any) -> Callable[[Any], Any]:
    def get(row: Any) -> Any:
        data = row if isinstance(row, Mapping) else to_data(row)
        return data.get(key) if isinstance(data, Mapping) else None

    return get


def cell(value: Any) -> str:
    """A value as table text: ``-`` for nothing, times to the minute (UTC), lists joined."""
    if value is None:
        return "-"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return ",".join(value) or "-"
    if isinstance(value, (int, float)):
        return str(value)
    return dumps(to_data(value))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def table_lines(
    columns: Sequence[Column], rows: Sequence[Any], width: int | None = None
) -> list[str]:
    """Aligned rows under a header; past ``width`` characters the shrinkable column is
    clipped (to no fewer than 10), the others never."""
    texts = [[cell(c.get(row)).replace("\n", " ") for c in columns] for row in rows]
    widths = [max([len(c.header)] + [len(t[i]) for t in texts]) for i, c in enumerate(columns)]
    if width is not None:
        excess = sum(widths) + 2 * (len(widths) - 1) - width
        for i, c in enumerate(columns):
            if excess > 0 and c.shrinks:
                cut = min(excess, widths[i] - 10)
                if cut > 0:
                    widths[i] -= cut
                    excess -= cut
    lines = []
    for texts_of_row in [[c.header for c in columns], *texts]:
        padded = [_clip(t, w).ljust(w) for t, w in zip(texts_of_row, widths, strict=True)]
        lines.append("  ".join(padded).rstrip())
    return lines


def record_lines(data: Mapping[str, Any]) -> list[str]:
    """``key  value`` lines for one record, nested values as one-line JSON; fields without
    a value are left out (``--json`` has them all)."""
    shown = {key: value for key, value in data.items() if value is not None}
    width = max((len(str(key)) for key in shown), default=0)
    return [f"{str(key).ljust(width)}  {cell(value)}" for key, value in shown.items()]
