"""Legacy v1 secrets: ``/v1/secrets`` (metadata only; values are write-only)."""

from __future__ import annotations

import builtins
from typing import Any

from typing_extensions import Unpack

from ..._options import RequestOptions
from ...models.v1 import V1Secret, V1SecretCreated, V1SecretType
from .._args import nonempty
from ._base import V1Resource

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
        return [_renamed(item) for item in data["secrets"]]
    return data


class V1Secrets(V1Resource):
    """Encrypted organization secrets, available to sessions created afterwards."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[V1Secret]:
        """Metadata of every secret (never the values)."""
        return await self._call(
            builtins.list[V1Secret],
            "GET",
            "/secrets",
            unwrap=normalize_secret_list,
            options=options,
        )

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
        return await self._call(V1SecretCreated, "POST", "/secrets", json=payload, options=options)

    async def delete(self, secret_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a secret (the API answers 204, or 200 with a message: both are success)."""
        await self._call_no_content(
            "DELETE", "/secrets/{secret_id}", {"secret_id": secret_id}, options=options
        )
