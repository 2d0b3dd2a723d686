"""Typed API models: frozen attrs classes; unknown fields are kept in ``extra``."""

from ._base import Model
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
    "Analysis",
    "AnalysisActionItem",
    "AnalysisClassification",
    "AnalysisIssue",
    "AnalysisNoteUsage",
    "AnalysisSuggestedPrompt",
    "AnalysisSuggestedPromptFeedbackItem",
    "AnalysisTimeline",
    "Model",
    "NoteUsageItem",
    "SessionCategory",
    "SessionInsights",
    "SessionOrigin",
    "SessionPullRequest",
    "SessionResponse",
    "SessionSize",
    "SessionStatus",
    "SessionStatusDetail",
    "V1PullRequest",
    "V1Session",
    "V1SessionMessage",
    "V1StatusEnum",
]
