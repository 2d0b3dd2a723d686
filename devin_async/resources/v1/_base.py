"""What every v1 group shares: the ``/v1`` prefix, and limit/offset paging."""

from __future__ import annotations

from ..._pagination import PageStyle
from .._base import Resource

__all__ = ["V1Resource"]


class V1Resource(Resource):
    """A ``client.v1.<group>``: the API key's organization is implied, never in the path."""

    _prefix = "/v1"
    _page_style = PageStyle.OFFSET
