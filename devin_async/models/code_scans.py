"""Code scans. The start endpoint's answer is UNCONFIRMED: every field is optional."""

from __future__ import annotations

from ._base import Model, model

__all__ = ["CodeScan"]


@model
class CodeScan(Model):
    """A started code scan; whatever else the server says is kept in ``extra``."""

    scan_id: str | None = None
    status: str | None = None
