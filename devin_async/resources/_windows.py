"""Calls over a window of time (metrics, daily consumption): one shape for every family."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from .._options import RequestOptions
from .._query import query
from ..models.common import Timestamp
from ._base import NO_IDS, Ids, Resource

__all__ = ["WindowCalls"]

T = TypeVar("T")


class WindowCalls(Resource):
    """``GET`` of what happened between ``time_after`` and ``time_before``."""

    def _window(
        self,
        cast_to: type[T],
        template: str,
        ids: Ids = NO_IDS,
        *,
        time_after: Timestamp | None,
        time_before: Timestamp | None,
        org_id: str | None = None,
        options: RequestOptions,
    ) -> Awaitable[T]:
        """Either bound may be left out (the API's default range)."""
        params = query(time_after=time_after, time_before=time_before)
        return self._call(
            cast_to, "GET", template, ids, params=params, org_id=org_id, options=options
        )

    def _metric(
        self,
        cast_to: type[T],
        name: str,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_id: str | None = None,
        options: RequestOptions,
        **filters: object,
    ) -> Awaitable[T]:
        """``metrics/<name>``: both bounds required, ``filters`` sent as query parameters."""
        params = query(time_after=time_after, time_before=time_before, **filters)
        return self._call(
            cast_to, "GET", "/metrics/" + name, params=params, org_id=org_id, options=options
        )
