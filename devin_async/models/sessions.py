"""v3 session models, shared by the organization and enterprise families."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "AdvancedMode",
    "Analysis",
    "AnalysisActionItem",
    "AnalysisClassification",
    "AnalysisIssue",
    "AnalysisNoteUsage",
    "AnalysisSuggestedPrompt",
    "AnalysisSuggestedPromptFeedbackItem",
    "AnalysisTimeline",
    "DevinMode",
    "InsightGeneration",
    "NoteUsageItem",
    "SessionCategory",
    "SessionInsights",
    "SessionOrigin",
    "SessionPullRequest",
    "SessionResponse",
    "SessionSecret",
    "SessionSize",
    "SessionStatus",
    "SessionStatusDetail",
    "SessionTags",
]


class SessionStatus(OpenEnum):
    """Lifecycle state; the docs in one language add ``creating``."""

    NEW = "new"
    CREATING = "creating"
    CLAIMED = "claimed"
    RUNNING = "running"
    EXIT = "exit"
    ERROR = "error"
    SUSPENDED = "suspended"
    RESUMING = "resuming"


class SessionStatusDetail(OpenEnum):
    """Why a session is where it is: the running sub-state, or the suspension reason."""

    WORKING = "working"
    WAITING_FOR_USER = "waiting_for_user"
    WAITING_FOR_APPROVAL = "waiting_for_approval"
    FINISHED = "finished"
    INACTIVITY = "inactivity"
    USER_REQUEST = "user_request"
    USAGE_LIMIT_EXCEEDED = "usage_limit_exceeded"
    OUT_OF_CREDITS = "out_of_credits"
    OUT_OF_QUOTA = "out_of_quota"
    NO_QUOTA_ALLOCATION = "no_quota_allocation"
    PAYMENT_DECLINED = "payment_declined"
    ORG_USAGE_LIMIT_EXCEEDED = "org_usage_limit_exceeded"
    TOTAL_SESSION_LIMIT_EXCEEDED = "total_session_limit_exceeded"
    ERROR = "error"


class SessionOrigin(OpenEnum):
    """Where a session was started; seeds disagree on ``scheduled``, so both parse."""

    WEBAPP = "webapp"
    SLACK = "slack"
    TEAMS = "teams"
    API = "api"
    LINEAR = "linear"
    JIRA = "jira"
    SCHEDULED = "scheduled"
    AUTOMATION = "automation"
    CLI = "cli"
    DESKTOP = "desktop"
    OTHER = "other"


class SessionCategory(OpenEnum):
    BUG_FIXING = "bug_fixing"
    CI_CD_AND_DEVOPS = "ci_cd_and_devops"
    CODE_QUALITY_AND_SECURITY = "code_quality_and_security"
    CODE_REVIEW_AND_ANALYSIS = "code_review_and_analysis"
    DATA_AND_AUTOMATION = "data_and_automation"
    DOCUMENTATION_AND_CONTENT = "documentation_and_content"
    FEATURE_DEVELOPMENT = "feature_development"
    MIGRATIONS_AND_UPGRADES = "migrations_and_upgrades"
    OTHER = "other"
    REFACTORING_AND_OPTIMIZATION = "refactoring_and_optimization"
    RESEARCH_AND_EXPLORATION = "research_and_exploration"
    UNIT_TEST_GENERATION = "unit_test_generation"


class SessionSize(OpenEnum):
    XS = "xs"
    S = "s"
    M = "m"
    L = "l"
    XL = "xl"


@model
class SessionPullRequest(Model):
    pr_url: str
    pr_state: str | None = None


@model
class SessionResponse(Model):
    """A v3 session (``GET /v3/organizations/{org_id}/sessions/{devin_id}``, enterprise too)."""

    session_id: str
    status: SessionStatus
    org_id: str
    url: str
    created_at: datetime
    updated_at: datetime
    acus_consumed: float
    pull_requests: list[SessionPullRequest]
    tags: list[str]
    title: str | None = None
    status_detail: SessionStatusDetail | None = None
    origin: SessionOrigin | None = None
    category: SessionCategory | None = None
    subcategory: str | None = None
    structured_output: Any = None
    child_session_ids: list[str] | None = None
    parent_session_id: str | None = None
    playbook_id: str | None = None
    service_user_id: str | None = None
    user_id: str | None = None
    is_advanced: bool = False
    is_archived: bool = False


@model
class AnalysisActionItem(Model):
    action_item: str
    issue_id: str | None = None
    type: str | None = None


@model
class AnalysisClassification(Model):
    category: str
    confidence: float
    programming_languages: list[str] | None = None
    tools_and_frameworks: list[str] | None = None


@model
class AnalysisIssue(Model):
    id: str
    impact: str
    issue: str
    label: str


@model
class NoteUsageItem(Model):
    message: str
    note_id: str
    reason: str


@model
class AnalysisNoteUsage(Model):
    bad_usages: list[NoteUsageItem] | None = None
    good_usages: list[NoteUsageItem] | None = None


@model
class AnalysisSuggestedPromptFeedbackItem(Model):
    details: str
    excerpt: str
    summary: str
    issue_id: str | None = None


@model
class AnalysisSuggestedPrompt(Model):
    original_prompt: str
    suggested_prompt: str
    feedback_items: list[AnalysisSuggestedPromptFeedbackItem] | None = None


@model
class AnalysisTimeline(Model):
    description: str
    title: str
    color: str | None = None
    issue_id: str | None = None


@model
class Analysis(Model):
    """AI-generated analysis of a session; ``None`` on insights until generated."""

    action_items: list[AnalysisActionItem] | None = None
    classification: AnalysisClassification | None = None
    issues: list[AnalysisIssue] | None = None
    note_usage: AnalysisNoteUsage | None = None
    suggested_prompt: AnalysisSuggestedPrompt | None = None
    timeline: list[AnalysisTimeline] | None = None


@model
class SessionInsights(SessionResponse):
    """A session with usage metrics and, once generated, its AI analysis."""

    num_devin_messages: int
    num_user_messages: int
    session_size: SessionSize | None = None
    analysis: Analysis | None = None


@model
class SessionTags(Model):
    tags: list[str]


@model
class InsightGeneration(Model):
    """The answer to a request for insights: generation runs in the background."""

    session_id: str
    status: str


@model
class SessionSecret(Model):
    """A secret given to one session only; ``sensitive`` is left to the server unless set."""

    key: str
    value: str = attrs.field(repr=False)
    sensitive: bool | None = None


class DevinMode(OpenEnum):
    NORMAL = "normal"
    FAST = "fast"


class AdvancedMode(OpenEnum):
    ANALYZE = "analyze"
    CREATE = "create"
    IMPROVE = "improve"
    BATCH = "batch"
    MANAGE = "manage"
