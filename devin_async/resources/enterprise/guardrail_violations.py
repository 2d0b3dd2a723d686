"""Guardrail violations (beta): ``/v3beta1/enterprise/guardrail-violations`` and one
organization's."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.common import Timestamp
from ...models.guardrails import GuardrailViolation
from .._beta import BetaEnterpriseResource
from ._base import org_scoped

__all__ = ["GuardrailViolations"]


class GuardrailViolations(BetaEnterpriseResource):
    """``client.enterprise.guardrail_violations``: messages guardrails flagged.

    Beta only in the docs (``EnterpriseResource`` once promoted to /v3/).
    """

    def list(
        self,
        *,
        org_id: str | None = None,
        guardrail_id: str | None = None,
        session_id: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[GuardrailViolation]:
        """Violations in the whole enterprise, or in ``org_id`` only; ``time_after`` and
        ``time_before`` are epoch seconds or datetimes."""
        params = query(
            guardrail_id=guardrail_id,
            session_id=session_id,
            order=order,
            time_after=time_after,
            time_before=time_before,
        )
        return self._list(
            GuardrailViolation,
            org_scoped("/guardrail-violations", org_id),
            params=params,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )
