"""Code-scan findings across the enterprise, and their remediation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.enterprise import CodeScanFinding, Remediation
from ._base import EnterpriseResource

__all__ = ["EnterpriseCodeScans"]

Severity = Literal["critical", "high", "medium", "low"]
FindingStatus = Literal["open", "dismissed", "resolved"]


class EnterpriseCodeScans(EnterpriseResource):
    def list_findings(
        self,
        *,
        org_ids: Sequence[str] | None = None,
        scan_id: str | None = None,
        repo_name: str | None = None,
        severity: Sequence[Severity | str] | None = None,
        status: Sequence[FindingStatus | str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[CodeScanFinding]:
        """Findings, newest first, filtered by organization, scan, repo, severity, status."""
        params = query(
            org_ids=org_ids, scan_id=scan_id, repo_name=repo_name, severity=severity, status=status
        )
        return self._list(
            CodeScanFinding,
            "/code-scans/findings",
            params=params,
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def remediate(
        self, org_id: str, scan_id: str, finding_id: str, **options: Unpack[RequestOptions]
    ) -> Remediation:
        """Launch a session that fixes the finding (409 ``ConflictError`` if one exists)."""
        return await self._call(
            Remediation,
            "POST",
            "/organizations/{org_id}/code-scans/{scan_id}/findings/{finding_id}/remediate",
            {"scan_id": scan_id, "finding_id": finding_id},
            org_id=org_id,
            options=options,
        )
