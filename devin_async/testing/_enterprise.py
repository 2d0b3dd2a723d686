"""Fake ``/v3/enterprise/...`` routes: audit logs, billing cycles and ACU limits.

The enterprise's sessions are served by ``_v3_sessions``, its metrics and daily
consumption by ``_v3_usage`` (both over the organizations' session records), its
administration by ``_enterprise_admin``.
"""

from __future__ import annotations

from aiohttp import web

from ._enterprise_http import (
    body_field,
    enterprise_of,
    in_window,
    org_of,
    public,
)
from ._state import DAY
from ._wire import Route, cursor_page, int_param, invalid, json_body, missing

__all__ = ["ROUTES"]

E = "/v3/enterprise"
_MAX_AUDIT_WINDOW = 100 * DAY  # docs: time_after..time_before spans at most 100 days


# Audit logs (created_at in epoch milliseconds; filters in epoch seconds)


async def list_audit_logs(request: web.Request) -> web.Response:
    org = org_of(request) if "org_id" in request.match_info else None
    after, before = int_param(request, "time_after"), int_param(request, "time_before")
    if before is not None and (after is None or before - after > _MAX_AUDIT_WINDOW):
        raise invalid("time_before needs time_after, within 100 days of it")
    action = request.query.get("action")
    order = request.query.get("order", "desc")
    if order not in ("asc", "desc"):
        raise invalid(f"order must be asc or desc, got {order!r}")
    shown = [
        log
        for log in enterprise_of(request).audit_logs
        if org in (None, log["org_id"])
        and action in (None, log["action"])
        and in_window(log["created_at"] / 1000, after, before)
    ]
    shown.sort(key=lambda log: log["created_at"], reverse=order == "desc")
    return cursor_page(request, shown, public)


# Consumption and ACU limits


async def list_cycles(request: web.Request) -> web.Response:
    return cursor_page(request, enterprise_of(request).cycles, public)


async def list_acu_limits(request: web.Request) -> web.Response:
    limits = enterprise_of(request).acu_limits
    rows = [
        {"cycle_acu_limit": v, "scope": "org", "org_id": k, "user_id": None}
        for k, v in limits.items()
    ]
    return cursor_page(request, rows, public)


async def set_acu_limit(request: web.Request) -> web.Response:
    org_id = org_of(request)
    value = body_field(await json_body(request), "cycle_acu_limit", int)
    if value < 0:
        raise invalid("body.cycle_acu_limit: must be >= 0")
    enterprise_of(request).acu_limits[org_id] = value
    return web.Response(status=200)  # documented to answer with an empty body


async def delete_acu_limit(request: web.Request) -> web.Response:
    limits = enterprise_of(request).acu_limits
    if limits.pop(org_of(request), None) is None:
        raise missing("ACU limit")
    return web.Response(status=204)


_ORG = E + "/organizations/{org_id}"
_ACU_LIMITS = E + "/consumption/acu-limits/devin"

ROUTES: tuple[Route, ...] = (
    ("GET", E + "/audit-logs", list_audit_logs),
    ("GET", _ORG + "/audit-logs", list_audit_logs),
    ("GET", E + "/consumption/cycles", list_cycles),
    ("GET", _ACU_LIMITS, list_acu_limits),
    ("PUT", _ACU_LIMITS + "/organizations/{org_id}", set_acu_limit),
    ("DELETE", _ACU_LIMITS + "/organizations/{org_id}", delete_acu_limit),
)
