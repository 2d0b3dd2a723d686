"""Code scans, their profiles and metrics.

The docs list these models' fields cut short: what is listed is decoded, anything else
the server sends is kept in ``extra``.
"""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "CodeScan",
    "CodeScanMetrics",
    "CodeScanProfileMode",
    "CodeScanProfileSummary",
    "CodeScanStatus",
    "CodeScanType",
]


class CodeScanStatus(OpenEnum):
    """A scan goes ``waiting`` -> ``pending`` -> ``running`` -> ``completed`` (or fails,
    is cancelled, or waits for the user); the docs say values may be added."""

    WAITING = "waiting"
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    AWAITING_USER_INPUT = "awaiting_user_input"


class CodeScanType(OpenEnum):
    """What a scan looks for (docs: may grow)."""

    SECURITY = "security"
    PERFORMANCE = "performance"
    DB_QUERIES = "db-queries"
    TEST_COVERAGE = "test-coverage"
    DEAD_CODE = "dead-code"
    CODE_QUALITY = "code-quality"
    TELEMETRY = "telemetry"
    ACCESSIBILITY = "accessibility"
    GENERAL = "general"
    MIGRATION_DOCS = "migration-docs"


class CodeScanProfileMode(OpenEnum):
    """Whether a profile's scans find issues themselves or ingest a report."""

    DISCOVER = "discover"
    INGEST = "ingest"


@model
class CodeScanProfileSummary(Model):
    """A scan profile; ``org_id`` is None for one the enterprise shares with every org."""

    profile_id: str
    mode: CodeScanProfileMode | None = None
    scan_type: CodeScanType | None = None
    org_id: str | None = None


@model
class CodeScan(Model):
    """One code scan of a repository, attributed to whoever started it."""

    scan_id: str
    org_id: str
    repo_name: str
    scan_type: CodeScanType
    created_at: datetime
    status: CodeScanStatus | None = None
    host: str | None = None
    profile: CodeScanProfileSummary | None = None


@model
class CodeScanMetrics(Model):
    """Findings still open by severity, and the scans' pull requests, over a window."""

    open_critical_findings_count: int
    open_high_findings_count: int
    open_medium_findings_count: int
    open_low_findings_count: int
    prs_created_count: int
    prs_open_count: int
    prs_merged_count: int
    prs_closed_count: int
    avg_pr_open_duration_seconds: float | None = None
    avg_pr_time_to_merge_seconds: float | None = None
