"""The base of every model: frozen attrs data that keeps the fields it does not know."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Model", "model"]

# Every model is frozen and keyword-only: field order never matters to callers.
model = attrs.frozen(kw_only=True)


@model
class Model:
    """Fields the server sent that this SDK version does not know yet land in ``extra``."""

    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
