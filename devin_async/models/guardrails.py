"""Guardrail violations (``/v3beta1/``): messages a guardrail flagged, and what it did."""

from __future__ import annotations

from datetime import datetime

from ._base import Model, model

__all__ = ["GuardrailViolation"]


@model
class GuardrailViolation(Model):
    violation_id: int
    guardrail_id: str
    guardrail_name: str
    org_id: str
    event_id: str
    action_taken: str
    confidence_score: float
    reasoning: str
    user_message: str
    created_at: datetime
    session_id: str | None = None
