"""Playbooks: reusable instructions a session can follow (v3 organization and enterprise)."""

from __future__ import annotations

from datetime import datetime

from ._base import Model, model
from .common import AccessType

__all__ = ["PlaybookResponse"]


@model
class PlaybookResponse(Model):
    """A playbook; ``macro`` (``!name``) invokes it from a prompt."""

    playbook_id: str
    title: str
    body: str
    access_type: AccessType
    created_at: datetime
    updated_at: datetime
    created_by: str | None = None
    updated_by: str | None = None
    macro: str | None = None
    org_id: str | None = None
