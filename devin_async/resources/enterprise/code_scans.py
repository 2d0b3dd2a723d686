"""Code scans across the enterprise: scans, profiles, metrics, findings and their remediation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.code_scans import CodeScan, CodeScanMetrics, CodeScanProfileSummary
from ...models.common import Timestamp
from ...models.enterprise import CodeScanFinding, Remediation
from ..code_scans import CODE_SCANS
from ._base import EnterpriseResource

__all__ = ["EnterpriseCodeScans"]

Severity = Literal["critical", "high", "medium", "low"]
FindingStatus = Literal["open", "dismissed", "resolved"]


class EnterpriseCodeScans(EnterpriseResource):
    """Every organization's code scans; ``org_ids`` narrows a read to some of them.

    Permissions: ``ViewAccountCodeScans`` to read, ``UseAccountCodeScans`` to remediate.
    """

    def list_scans(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        repo_name: str | None = None,
        org_ids: Sequence[str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[CodeScan]:
        """Scans, newest first, by creation time, repository and organization."""
        params = query(
            time_after=time_after, time_before=time_before, repo_name=repo_name, org_ids=org_ids
        )
        return self._list(
            CodeScan,
            CODE_SCANS + "/scans",
            params=params,
            page_size=page_size,
            limit=limit,
            options=options,
        )

    def list_profiles(
        self,
        *,
        org_ids: Sequence[str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[CodeScanProfileSummary]:
        """Scan profiles of the enterprise's organizations (and those it shares)."""
        return self._list(
            CodeScanProfileSummary,
            CODE_SCANS + "/profiles",
            params=query(org_ids=org_ids),
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def metrics(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScanMetrics:
        """Open findings and scan pull requests over a window of at most 100 days."""
        params = query(time_after=time_after, time_before=time_before, org_ids=org_ids)
        return await self._call(
            CodeScanMetrics, "GET", CODE_SCANS + "/metrics", params=params, options=options
        )

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
            CODE_SCANS + "/findings",
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
