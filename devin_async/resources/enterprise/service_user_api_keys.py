"""A service user's API keys (beta): ``/v3beta1/enterprise/service-users/{id}/api-keys``.

A new key's token comes back once, from ``create`` and ``rotate``: it is never shown in
a repr or an error message, so store it when you get it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._converter import to_epoch
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.common import Timestamp
from ...models.service_users import ApiKeyResponse, ApiKeyWithTokenResponse
from .._args import nonempty
from .._beta import BetaEnterpriseResource
from .._tokens import token_answer

__all__ = ["ServiceUserApiKeys"]

_KEYS = "/service-users/{service_user_id}/api-keys"
_KEY = _KEYS + "/{api_key_id}"

ApiKeyStatus = Literal["active", "revoked", "expired", "all"]


def _epoch(value: Timestamp | NotGiven | None) -> int | NotGiven | None:
    """A time as the body takes it: epoch seconds (a naive datetime is UTC)."""
    return int(to_epoch(value)) if isinstance(value, datetime) else value


class ServiceUserApiKeys(BetaEnterpriseResource):
    """``client.enterprise.service_user_api_keys``: list, create, revoke and rotate keys.

    Beta only in the docs (``EnterpriseResource`` once promoted to /v3/).
    """

    def list(
        self,
        service_user_id: str,
        *,
        status: ApiKeyStatus | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ApiKeyResponse]:
        """The service user's keys (never their tokens); the API lists all unless ``status``."""
        return self._list(
            ApiKeyResponse,
            _KEYS,
            {"service_user_id": service_user_id},
            params=query(status=status),
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def create(
        self,
        service_user_id: str,
        *,
        name: str,
        expires_at: Timestamp | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyWithTokenResponse:
        """A new key named ``name``, valid until ``expires_at`` (epoch seconds or a datetime,
        in the future) or for good; its ``token`` is shown this once."""
        if not 1 <= len(nonempty("name", name)) <= 256:
            raise ValueError("name must be 1..256 characters")
        data = body(name=name, expires_at=_epoch(expires_at))
        return await token_answer(
            self._call(
                ApiKeyWithTokenResponse,
                "POST",
                _KEYS,
                {"service_user_id": service_user_id},
                json=data,
                options=options,
            )
        )

    async def revoke(
        self, service_user_id: str, api_key_id: str, **options: Unpack[RequestOptions]
    ) -> ApiKeyResponse:
        """Revoke a key (``ConflictError`` if it already is); its metadata as it now is."""
        return await self._call(
            ApiKeyResponse,
            "DELETE",
            _KEY,
            {"service_user_id": service_user_id, "api_key_id": api_key_id},
            options=options,
        )

    async def rotate(
        self,
        service_user_id: str,
        api_key_id: str,
        *,
        new_key_expires_at: Timestamp | NotGiven | None = NOT_GIVEN,
        revoke_current: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyWithTokenResponse:
        """A new key replacing ``api_key_id``, which is revoked unless ``revoke_current=False``;
        the new ``token`` is shown this once."""
        data = body(
            new_key_expires_at=_epoch(new_key_expires_at),
            revoke_current=revoke_current,
        )
        return await token_answer(
            self._call(
                ApiKeyWithTokenResponse,
                "POST",
                _KEY + "/rotate",
                {"service_user_id": service_user_id, "api_key_id": api_key_id},
                json=data,
                options=options,
            )
        )
