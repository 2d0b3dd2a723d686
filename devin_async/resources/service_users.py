"""Provisioning service users (beta): ``POST /v3beta1/organizations/{org_id}/service-users``
and ``POST /v3beta1/enterprise/service-users``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._options import RequestOptions
from ..models.service_users import ProvisionedServiceUserResponse
from ._args import nonempty, positive
from ._beta import BetaEnterpriseResource, BetaOrgResource
from ._tokens import token_answer

__all__ = ["EnterpriseServiceUserProvisioning", "ServiceUserProvisioning", "provision_body"]

_SERVICE_USERS = "/service-users"
MAX_TTL_SECONDS = 31_536_000  # docs: a year at most


def provision_body(name: str, role_id: str, ttl_seconds: int) -> dict[str, object]:
    """The body both levels take, checked as the docs state it."""
    if not 1 <= len(nonempty("name", name)) <= 256:
        raise ValueError("name must be 1..256 characters")
    positive("ttl_seconds", ttl_seconds)
    if ttl_seconds > MAX_TTL_SECONDS:
        raise ValueError(f"ttl_seconds must be at most {MAX_TTL_SECONDS} (a year)")
    return {"name": name, "role_id": nonempty("role_id", role_id), "ttl_seconds": ttl_seconds}


class ServiceUserProvisioning(BetaOrgResource):
    """``client.service_user_provisioning``: new service users of the organization.

    Beta only in the docs (``OrgResource`` once promoted to /v3/).
    """

    async def create(
        self,
        *,
        name: str,
        role_id: str,
        ttl_seconds: int,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProvisionedServiceUserResponse:
        """A new service user with an organization role, and its token (shown this once),
        valid ``ttl_seconds`` (a year at most)."""
        data = provision_body(name, role_id, ttl_seconds)
        return await token_answer(
            self._call(
                ProvisionedServiceUserResponse,
                "POST",
                _SERVICE_USERS,
                json=data,
                org_id=org_id,
                options=options,
            )
        )


class EnterpriseServiceUserProvisioning(BetaEnterpriseResource):
    """``client.enterprise.service_user_provisioning``: new service users of the enterprise.

    Beta only in the docs (``EnterpriseResource`` once promoted to /v3/).
    """

    async def create(
        self, *, name: str, role_id: str, ttl_seconds: int, **options: Unpack[RequestOptions]
    ) -> ProvisionedServiceUserResponse:
        """A new service user with an enterprise role, and its token (shown this once),
        valid ``ttl_seconds`` (a year at most)."""
        data = provision_body(name, role_id, ttl_seconds)
        return await token_answer(
            self._call(
                ProvisionedServiceUserResponse, "POST", _SERVICE_USERS, json=data, options=options
            )
        )
