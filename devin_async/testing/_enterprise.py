"""Fake ``/v3/enterprise/...`` routes: sessions, audit logs, metrics and consumption.

Sessions, metrics and daily consumption are the organization routes' handlers over the
same session records (with no org in the path they span the enterprise, narrowed by
``?org_id=``/``?org_ids=``); administration lives in ``_enterprise_admin``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import _enterprise_admin, _v3_org
from . import _v3_org_usage as usage
from ._enterprise_http import (
    body_field,
    enterprise_of,
    in_window,
    org_of,
    public,
)
from ._state import DAY
from ._wire import cursor_page, int_param, invalid, json_body, missing

__all__ = ["add_routes"]

E = "/v3/enterprise"
SESSION = E + "/sessions/{devin_id}"
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
    rows = [{"cycle_acu_limit": v, "scope": "org", "org_id": k} for k, v in limits.items()]
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


def add_routes(router: web.UrlDispatcher) -> None:
    org = E + "/organizations/{org_id}"
    daily = E + "/consumption/daily"
    limit = E + "/consumption/acu-limits/devin"
    routes: list[tuple[str, str, Callable[[web.Request], Any]]] = [
        # The organization handlers, over the same records (no org in the path spans all);
        # the literal /sessions/insights goes before /sessions/{devin_id}.
        ("GET", E + "/sessions", _v3_org.list_sessions),
        ("GET", E + "/sessions/insights", _v3_org.list_insights),
        ("GET", SESSION, _v3_org.get_session),
        ("GET", SESSION + "/insights", _v3_org.get_insights),
        ("POST", SESSION + "/insights/generate", _v3_org.generate_insights),
        ("GET", SESSION + "/messages", _v3_org.list_messages),
        ("POST", SESSION + "/messages", _v3_org.send_message),
        ("GET", SESSION + "/attachments", _v3_org.session_attachments),
        ("GET", SESSION + "/tags", _v3_org.get_tags),
        ("POST", SESSION + "/tags", _v3_org.append_tags),
        ("PUT", SESSION + "/tags", _v3_org.replace_tags),
        ("GET", E + "/audit-logs", list_audit_logs),
        ("GET", org + "/audit-logs", list_audit_logs),
        ("GET", daily, usage.daily_consumption()),
        ("GET", daily + "/organizations/{org_id}", usage.daily_consumption()),
        ("GET", daily + "/service-users/{id}", usage.daily_consumption(service_user_id="id")),
        ("GET", daily + "/sessions/{id}", usage.daily_consumption(session_id="id")),
        ("GET", daily + "/users/{id}", usage.daily_consumption(user_id="id")),
        ("GET", E + "/consumption/cycles", list_cycles),
        ("GET", limit, list_acu_limits),
        ("PUT", limit + "/organizations/{org_id}", set_acu_limit),
        ("DELETE", limit + "/organizations/{org_id}", delete_acu_limit),
        ("GET", E + "/metrics/active-users", usage.active_users),
        ("GET", E + "/metrics/dau", usage.active_users_per(1)),
        ("GET", E + "/metrics/wau", usage.active_users_per(7)),
        ("GET", E + "/metrics/mau", usage.active_users_per(30)),
        ("GET", E + "/metrics/prs", usage.pr_metrics),
        ("GET", E + "/metrics/sessions", usage.session_metrics),
        ("GET", E + "/metrics/searches", usage.search_metrics),
        ("GET", E + "/metrics/usage", usage.usage_metrics),
        ("GET", org + "/metrics/usage", usage.usage_metrics),
    ]
    for method, path, handler in routes:
        router.add_route(method, path, handler)
    _enterprise_admin.add_routes(router)
