"""Code scans: ``POST /v3/organizations/{org_id}/code-scans`` (UNCONFIRMED shape)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from typing_extensions import Unpack

from .._options import RequestOptions
from ..models.code_scans import CodeScan
from ._org import OrgResource

__all__ = ["CodeScans"]


class CodeScans(OrgResource):
    """Start code scans. The API's request body is not documented: ``payload`` is sent as is."""

    async def start(
        self,
        payload: Mapping[str, Any] | None = None,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScan:
        """Start a scan; the answer's fields beyond ``scan_id``/``status`` are in ``extra``."""
        return await self._call(
            CodeScan,
            "POST",
            "/code-scans",
            json=dict(payload or {}),
            org_id=org_id,
            options=options,
        )
