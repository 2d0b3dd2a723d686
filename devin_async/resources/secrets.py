"""Secrets: ``/v3/organizations/{org_id}/secrets`` (values go in, never come back)."""

from __future__ import annotations

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..models.secrets import SecretResponse, SecretType
from ._org import OrgResource

__all__ = ["Secrets"]

_SECRETS = "/secrets"


class Secrets(OrgResource):
    """Organization secrets that sessions can use."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[SecretResponse]:
        """Every secret's metadata (never its value)."""
        return self._list(
            SecretResponse,
            _SECRETS,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def create(
        self,
        *,
        key: str,
        value: str,
        secret_type: SecretType | str = SecretType.KEY_VALUE,
        is_sensitive: bool | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SecretResponse:
        """Store a secret (``secret_type`` is sent as the API's ``type``)."""
        payload = body(key=key, value=value, type=secret_type, is_sensitive=is_sensitive, note=note)
        return await self._call(
            SecretResponse, "POST", _SECRETS, json=payload, org_id=org_id, options=options
        )

    async def delete(
        self, secret_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SecretResponse:
        """Delete a secret; returns its metadata as it was."""
        return await self._call(
            SecretResponse,
            "DELETE",
            _SECRETS + "/{secret_id}",
            {"secret_id": secret_id},
            org_id=org_id,
            options=options,
        )
