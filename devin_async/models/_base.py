"""The base of every model: frozen attrs data that keeps the fields it does not know."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Annotated, Any

import attrs

__all__ = ["NO_EXTRA", "EpochMillis", "Model", "model"]

# Every model is frozen and keyword-only: field order never matters to callers.
model = attrs.frozen(kw_only=True)


class _Milliseconds:
    """Marks a timestamp field that the API sends as epoch milliseconds, not seconds."""


# The unit is a property of the field, never guessed from the value's size: audit logs
# count milliseconds (docs: "Unix timestamp in milliseconds"), everything else in v3 seconds.
EpochMillis = Annotated[datetime, _Milliseconds]


# Shared by every model with nothing unknown: no empty dict per instance on fan-out paths.
NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


@model
class Model:
    """Fields the server sent that this SDK version does not know yet land in ``extra``."""

    extra: Mapping[str, Any] = attrs.field(default=NO_EXTRA, repr=False)
