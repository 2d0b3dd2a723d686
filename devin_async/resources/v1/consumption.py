"""Legacy v1 enterprise consumption (low confidence: see ``V1Consumption.get``)."""

from __future__ import annotations

from datetime import date, datetime

from typing_extensions import Unpack

from ..._options import RequestOptions
from ...models.v1 import V1EnterpriseConsumption
from .._base import Resource

__all__ = ["V1Consumption"]


def _day(name: str, value: date | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name} must be YYYY-MM-DD, got {value!r}") from None


class V1Consumption(Resource):
    """ACU consumption across the enterprise, for v1 enterprise keys.

    A plain ``Resource``, not a ``V1Resource``: its one path has no ``/v1`` prefix.
    """

    async def get(
        self,
        *,
        start_date: date | str,
        end_date: date | str,
        **options: Unpack[RequestOptions],
    ) -> V1EnterpriseConsumption:
        """Per-session usage between two dates (inclusive).

        Path UNCONFIRMED: the only source (the legacy spec) lists ``/enterprise/consumption``
        without the ``/v1`` prefix, and it is used as listed. The API answers 403 unless
        support has enabled it.
        """
        start, end = _day("start_date", start_date), _day("end_date", end_date)
        if start > end:
            raise ValueError(f"start_date {start} is after end_date {end}")
        params = [("start_date", start.isoformat()), ("end_date", end.isoformat())]
        return await self._call(
            V1EnterpriseConsumption,
            "GET",
            "/enterprise/consumption",
            params=params,
            options=options,
        )
