"""Legacy v1 secrets: ``/v1/secrets`` (metadata only; values are write-only)."""

from __future__ import annotations

import builtins
from typing import Any

from typing_extensions import Unpack

from ..._converter import structure
from ..._options import RequestOptions
from ...models.v1 import V1Secret, V1SecretCreated, V1SecretType
from .._base import Resource
from ._args import nonempty

__all__ = ["V1Secrets", "normalize_secret_list"]

# The legacy spec's field names for the same facts the newer spec lists.
_LEGACY_FIELDS = {"secret_id": "id", "secret_type": "type", "secret_name": "key"}


def _renamed(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return {_LEGACY_FIELDS.get(k, k): v for k, v in item.items()}


def normalize_secret_list(data: Any) -> Any:
    """Both documented list shapes as the newer one: a bare list of ``{id, type, key, ...}``.

    Newer spec: ``[{id, type, key, created_at}]``; legacy spec:
    ``{"secrets": [{secret_id, secret_type, secret_name, created_at}]}``.
    Anything else is passed through for structuring to reject with a clear error.
    """
    if isinstance(data, dict) and isinstance(data.get("secrets"), list):
        return [
            {_LEGACY_FIELDS.get(k, k): v for k, v in item.items()}
            if isinstance(item, dict)
            else item
            for item in data["secrets"]
        ]
    return data


class V1Secrets(Resource):
    """Encrypted organization secrets, available to sessions created afterwards."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[V1Secret]:
        """Metadata of every secret (never the values)."""
        request = self._core.request("GET", "/v1/secrets", options=options)
        data = normalize_secret_list(await self._core.call_json(request))
        return structure(data, builtins.list[V1Secret], what="GET /v1/secrets")

    async def create(
        self,
        *,
        type: V1SecretType | str,
        key: str,
        value: str,
        sensitive: bool = True,
        note: str = "",
        **options: Unpack[RequestOptions],
    ) -> V1SecretCreated:
        """Store a secret; ``key`` must be unique in the organization (else 409 ConflictError).

        ``type`` is ``cookie``, ``key-value`` or ``totp``. The API documents ``note`` as
        required, so it is always sent (empty unless given).
        """
        payload = {
            "type": str(type.value if isinstance(type, V1SecretType) else nonempty("type", type)),
            "key": nonempty("key", key),
            "value": nonempty("value", value),
            "sensitive": sensitive,
            "note": note,
        }
        request = self._core.request("POST", "/v1/secrets", json=payload, options=options)
        return await self._core.call(V1SecretCreated, request)

    async def delete(self, secret_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a secret (the API answers 204, or 200 with a message: both are success)."""
        request = self._core.request(
            "DELETE", "/v1/secrets/{secret_id}", path={"secret_id": secret_id}, options=options
        )
        await self._core.call_json(request, empty_ok=True)
