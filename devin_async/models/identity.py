"""``GET /v3/self``: who the API key belongs to, shaped by ``principal_type``."""

from __future__ import annotations

from typing import Any

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "DevinBrainUserSelf",
    "PatUserSelf",
    "Principal",
    "PrincipalType",
    "ServiceUserSelf",
    "WindsurfSessionUserSelf",
    "principal_class",
]


class PrincipalType(OpenEnum):
    SERVICE_USER = "service_user"
    PAT_USER = "pat_user"
    DEVIN_BRAIN = "devin_brain"
    WINDSURF_SESSION = "windsurf_session"


@model
class Principal(Model):
    """Any caller; an unknown ``principal_type`` parses as this, with its fields in ``extra``."""

    principal_type: PrincipalType
    org_id: str | None = None


@model
class ServiceUserSelf(Principal):
    service_user_id: str
    service_user_name: str


@model
class PatUserSelf(Principal):
    """A personal access token's user."""

    api_key_id: str
    api_key_name: str
    user_id: str
    user_name: str


# The docs name these two principals without documenting their fields: those land in ``extra``.
@model
class DevinBrainUserSelf(Principal):
    pass


@model
class WindsurfSessionUserSelf(Principal):
    pass


_BY_TYPE: dict[str, type[Principal]] = {
    PrincipalType.SERVICE_USER: ServiceUserSelf,
    PrincipalType.PAT_USER: PatUserSelf,
    PrincipalType.DEVIN_BRAIN: DevinBrainUserSelf,
    PrincipalType.WINDSURF_SESSION: WindsurfSessionUserSelf,
}


def principal_class(data: Any) -> type[Principal]:
    """The model for a ``/v3/self`` answer, chosen by its ``principal_type``."""
    kind = data.get("principal_type") if isinstance(data, dict) else None
    return _BY_TYPE.get(kind, Principal) if isinstance(kind, str) else Principal
