"""Service-user credentials (``/v3beta1/``): API keys, and service users provisioned with one.

A token is a live credential the API shows once: it never appears in a repr.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from ._base import Model, model
from .enterprise import ServiceUser

__all__ = ["ApiKeyResponse", "ApiKeyWithTokenResponse", "ProvisionedServiceUserResponse"]


@model
class ApiKeyResponse(Model):
    """An API key's metadata (never its token)."""

    api_key_id: str
    api_key_name: str
    created_at: datetime
    is_active: bool
    expires_at: datetime | None = None
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


@model
class ApiKeyWithTokenResponse(Model):
    """A new API key with its token, which the API will not show again: store it now."""

    api_key_id: str
    api_key_name: str
    token: str = attrs.field(repr=False)


@model
class ProvisionedServiceUserResponse(Model):
    """A new service user and its first token, which the API will not show again."""

    service_user: ServiceUser
    token: str = attrs.field(repr=False)
