"""``GET /v3/self``: who the API key belongs to."""

from __future__ import annotations

from typing_extensions import Unpack

from .._converter import structure
from .._options import RequestOptions
from ..models.identity import Principal, principal_class
from ._base import Resource

__all__ = ["Identity"]


class Identity(Resource):
    """``client.self``: the caller behind the API key."""

    _prefix = "/v3"

    async def get(self, **options: Unpack[RequestOptions]) -> Principal:
        """The caller: a ``ServiceUserSelf``, ``PatUserSelf``, ... by ``principal_type``.

        An unknown principal type still parses, as a plain ``Principal``.
        """
        request = self._request("GET", "/self", options=options)
        data = await self._core.call_json(request)  # the model depends on the answer
        return structure(data, principal_class(data), what=request)
