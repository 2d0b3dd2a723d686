"""Small shapes shared by several v3 groups."""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum

__all__ = ["AccessType", "Timestamp"]

# A point in time as the API's query parameters take it: epoch seconds, or a datetime
# (sent as epoch seconds; a naive one is read as UTC, as the converter does).
Timestamp = int | datetime


class AccessType(OpenEnum):
    """Who owns a note, playbook or secret: the enterprise, the organization, or one user."""

    ENTERPRISE = "enterprise"
    ORG = "org"
    PERSONAL = "personal"
