"""Secrets (metadata only: the API never returns a secret's value)."""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum
from ._base import Model, model
from .common import AccessType

__all__ = ["SecretResponse", "SecretType"]


class SecretType(OpenEnum):
    COOKIE = "cookie"
    KEY_VALUE = "key-value"
    TOTP = "totp"


@model
class SecretResponse(Model):
    secret_id: str
    secret_type: SecretType
    access_type: AccessType
    created_at: datetime
    is_sensitive: bool = True
    created_by: str | None = None
    key: str | None = None
    note: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
