"""Typed API models: frozen attrs classes; unknown fields are kept in ``extra``."""

from ._base import Model
from .common import AccessType
from .consumption import AcusByProduct, Consumption, ConsumptionByDate
from .knowledge import Folder, KnowledgeFolders, NoteResponse
from .metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionCountsBySize,
    SessionMetrics,
    SessionsCreatedByOrigin,
    UsageMetrics,
)
from .playbooks import PlaybookResponse
from .secrets import SecretResponse, SecretType
from .sessions import (
    Analysis,
    AnalysisActionItem,
    AnalysisClassification,
    AnalysisIssue,
    AnalysisNoteUsage,
    AnalysisSuggestedPrompt,
    AnalysisSuggestedPromptFeedbackItem,
    AnalysisTimeline,
    NoteUsageItem,
    SessionCategory,
    SessionInsights,
    SessionOrigin,
    SessionPullRequest,
    SessionResponse,
    SessionSize,
    SessionStatus,
    SessionStatusDetail,
)
from .v1 import V1PullRequest, V1Session, V1SessionMessage, V1StatusEnum

__all__ = [
    "AccessType",
    "ActiveUserMetrics",
    "AcusByProduct",
    "Analysis",
    "AnalysisActionItem",
    "AnalysisClassification",
    "AnalysisIssue",
    "AnalysisNoteUsage",
    "AnalysisSuggestedPrompt",
    "AnalysisSuggestedPromptFeedbackItem",
    "AnalysisTimeline",
    "Consumption",
    "ConsumptionByDate",
    "Folder",
    "KnowledgeFolders",
    "Model",
    "NoteResponse",
    "NoteUsageItem",
    "PlaybookResponse",
    "PrMetrics",
    "SearchMetrics",
    "SecretResponse",
    "SecretType",
    "SessionCategory",
    "SessionCountsBySize",
    "SessionInsights",
    "SessionMetrics",
    "SessionOrigin",
    "SessionPullRequest",
    "SessionResponse",
    "SessionSize",
    "SessionStatus",
    "SessionStatusDetail",
    "SessionsCreatedByOrigin",
    "UsageMetrics",
    "V1PullRequest",
    "V1Session",
    "V1SessionMessage",
    "V1StatusEnum",
]
