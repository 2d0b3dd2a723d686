"""Code scans of one organization: ``/v3/organizations/{org_id}/code-scans``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.code_scans import CodeScan, CodeScanMetrics, CodeScanProfileSummary, CodeScanType
from ..models.common import Timestamp
from ._args import nonempty
from ._org import OrgResource

__all__ = ["CODE_SCANS", "CodeScans"]

# The same below the organization's and the enterprise's prefix.
CODE_SCANS = "/code-scans"


class CodeScans(OrgResource):
    """Start scans, list the scan profiles, and read scan metrics.

    A scan goes ``waiting`` -> ``pending`` -> ``running`` -> ``completed`` (or
    ``failed``/``cancelled``). Permissions: ``UseCodeScans`` to start, ``ViewCodeScans``
    to read.
    """

    async def start(
        self,
        repo_name: str,
        *,
        host: str | NotGiven | None = NOT_GIVEN,
        profile_id: str | NotGiven | None = NOT_GIVEN,
        scan_type: CodeScanType | str | NotGiven | None = NOT_GIVEN,
        commit_sha: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScan:
        """Scan ``repo_name`` (``owner/repo``, reached through the org's git integration).

        ``scan_type`` defaults to the profile's, else ``security``; ``commit_sha`` to the
        latest commit of the default branch. Errors: ``BadRequestError`` when the type does
        not fit the profile, ``PermissionDeniedError`` when the org allows ingestion only,
        ``NotFoundError`` for a repo or profile it cannot see, ``ConflictError`` when the
        scan backlog is full (retry later).
        """
        data = body(
            repo_name=nonempty("repo_name", repo_name),
            host=host,
            profile_id=profile_id,
            scan_type=scan_type,
            commit_sha=commit_sha,
        )
        return await self._call(
            CodeScan, "POST", CODE_SCANS, json=data, org_id=org_id, options=options
        )

    def list_profiles(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[CodeScanProfileSummary]:
        """The profiles scans can use (the org's own and those the enterprise shares),
        newest first."""
        return self._list(
            CodeScanProfileSummary,
            CODE_SCANS + "/profiles",
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def metrics(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScanMetrics:
        """Open findings and scan pull requests over a window of at most 100 days."""
        params = query(time_after=time_after, time_before=time_before)
        return await self._call(
            CodeScanMetrics,
            "GET",
            CODE_SCANS + "/metrics",
            params=params,
            org_id=org_id,
            options=options,
        )
