"""Small shapes shared by several v3 groups."""

from __future__ import annotations

from .._enums import OpenEnum

__all__ = ["AccessType"]


class AccessType(OpenEnum):
    """Who owns a note, playbook or secret: the enterprise, the organization, or one user."""

    ENTERPRISE = "enterprise"
    ORG = "org"
    PERSONAL = "personal"
