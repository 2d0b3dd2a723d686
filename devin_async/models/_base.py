"""The base of every model: frozen attrs data that keeps the fields it does not know."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar

import attrs
from typing_extensions import dataclass_transform

__all__ = ["NO_EXTRA", "EpochMillis", "Model", "model"]

_M = TypeVar("_M", bound=type)
_frozen_kw_only = attrs.frozen(kw_only=True)


# A decorator function rather than the bare ``attrs.frozen(kw_only=True)`` alias: type
# checkers see attrs' own decorators, not an alias of one, so they would take every model
# for a class without fields (``SessionSecret(key=...)``: "unexpected keyword argument").
@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(attrs.field,))
def model(cls: _M) -> _M:
    """Every model is frozen and keyword-only: field order never matters to callers."""
    return _frozen_kw_only(cls)


class _Milliseconds:
    """Marks a timestamp field that the API sends as epoch milliseconds, not seconds."""


# The unit is a property of the field, never guessed from the value's size: audit logs
# count milliseconds (docs: "Unix timestamp in milliseconds"), everything else in v3 seconds.
EpochMillis = Annotated[datetime, _Milliseconds]


class _NoExtra(Mapping[str, Any]):
    """The read-only, empty ``extra`` shared by every model with nothing unknown (no empty
    dict per instance on fan-out paths); pickles back to itself."""

    __slots__ = ()

    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "{}"

    def __reduce__(self) -> str:
        return "NO_EXTRA"  # pickled by reference to this module's singleton


NO_EXTRA: Mapping[str, Any] = _NoExtra()


@model
class Model:
    """Fields the server sent that this SDK version does not know yet land in ``extra``."""

    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, repr=False)

    if TYPE_CHECKING:
        # What attrs sets on every class it makes. Type checkers see models through
        # ``dataclass_transform``, not attrs' plugin: without this, ``attrs.fields()``
        # and ``attrs.asdict()`` would refuse a model in users' code.
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]
