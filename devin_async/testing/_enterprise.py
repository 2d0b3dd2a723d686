"""Fake ``/v3/enterprise/...`` routes: sessions, audit logs, metrics and consumption.

Administration (organizations, members, settings) lives in ``_enterprise_admin``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import _enterprise_admin
from ._app import state_of
from ._enterprise_http import (
    body_field,
    cursor_page,
    enterprise_of,
    found,
    in_window,
    invalid,
    matches_any,
    missing,
    org_of,
    query_int,
    query_list,
    read_body,
    respond,
)
from ._enterprise_state import DAY, Record
from ._render import _size, v3_insights, v3_session

__all__ = ["add_routes"]

E = "/v3/enterprise"
SESSION = E + "/sessions/{devin_id}"
_MAX_AUDIT_WINDOW = 100 * DAY  # docs: time_after..time_before spans at most 100 days


# Sessions, across every organization


def _session(request: web.Request) -> Record:
    rec = found(state_of(request).sessions, request.match_info["devin_id"], "Session")
    org = request.query.get("org_id")
    if org is not None and rec["org_id"] != org:
        raise missing("Session")
    return rec


def _session_filter(request: web.Request) -> Callable[[Record], bool]:
    lists = {
        name: query_list(request, name)
        for name in ("org_ids", "session_ids", "user_ids", "service_user_ids", "origins")
    }
    tags = query_list(request, "tags")
    created = (query_int(request, "created_after"), query_int(request, "created_before"))
    updated = (query_int(request, "updated_after"), query_int(request, "updated_before"))
    playbook, schedule = request.query.get("playbook_id"), request.query.get("schedule_id")
    archived = request.query.get("is_archived")

    def keep(rec: Record) -> bool:
        return (
            matches_any(rec["org_id"], lists["org_ids"])
            and matches_any(rec["session_id"], lists["session_ids"])
            and matches_any(rec["user_id"], lists["user_ids"])
            and matches_any(rec["service_user_id"], lists["service_user_ids"])
            and matches_any(rec["origin"], lists["origins"])
            and (tags is None or bool(set(tags) & set(rec["tags"])))
            and in_window(rec["created_at"], *created)
            and in_window(rec["updated_at"], *updated)
            and playbook in (None, rec["playbook_id"])
            and schedule in (None, rec.get("schedule_id"))
            and archived in (None, str(rec["is_archived"]).lower())
        )

    return keep


def _listing(render: Callable[[Record], Any]) -> Callable[[web.Request], Any]:
    async def handler(request: web.Request) -> web.Response:
        keep = _session_filter(request)
        shown = [r for r in state_of(request).sessions.values() if keep(r)]
        shown.sort(key=lambda r: r["created_at"], reverse=True)
        return cursor_page(request, shown, render)

    return handler


async def get_session(request: web.Request) -> web.Response:
    return respond(v3_session(_session(request)))


async def get_insights(request: web.Request) -> web.Response:
    return respond(v3_insights(_session(request)))


async def generate_insights(request: web.Request) -> web.Response:
    rec = _session(request)
    status = "already_exists" if rec["analysis"] is not None else "started"
    if rec["analysis"] is None:
        rec["analysis"] = {"issues": [], "action_items": [], "timeline": []}
    return respond({"session_id": rec["session_id"], "status": status})


def _message(rec: Record, index: int) -> Record:
    msg = rec["messages"][index]
    return {
        "event_id": f"event-{rec['session_id'].removeprefix('devin-')}-{index:04d}",
        "message": msg["message"],
        "source": "devin" if msg["type"] == "devin_message" else "user",
        "created_at": int(msg["at"]),
    }


async def list_messages(request: web.Request) -> web.Response:
    rec = _session(request)
    return cursor_page(request, [_message(rec, i) for i in range(len(rec["messages"]))])


async def send_message(request: web.Request) -> web.Response:
    rec = _session(request)
    data = await read_body(request)
    text = body_field(data, "message", str)
    if rec["status"] in ("exit", "error"):
        raise invalid("Devin session already exited")
    now = state_of(request).clock()
    rec["messages"].append({"type": "user_message", "message": text, "at": now})
    if rec["status"] == "suspended":  # a message wakes a sleeping session
        rec.update(status="running", status_detail="working")
    rec["updated_at"] = now
    return respond(v3_session(rec))


async def get_attachments(request: web.Request) -> web.Response:
    return respond(_session(request).get("attachments", []))


async def session_tags(request: web.Request) -> web.Response:
    rec = _session(request)
    if request.method != "GET":
        sent = body_field(await read_body(request), "tags", list)
        if len(sent) > 50:
            raise invalid("body.tags: at most 50 tags")
        kept = [] if request.method == "PUT" else rec["tags"]
        rec["tags"] = list(dict.fromkeys([*kept, *sent]))
    return respond({"tags": rec["tags"]})


# Audit logs (created_at in epoch milliseconds; filters in epoch seconds)


async def list_audit_logs(request: web.Request) -> web.Response:
    org = org_of(request) if "org_id" in request.match_info else None
    after, before = query_int(request, "time_after"), query_int(request, "time_before")
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
    return cursor_page(request, shown)


# Consumption and ACU limits


def _window(request: web.Request) -> tuple[int | None, int | None]:
    return query_int(request, "time_after"), query_int(request, "time_before")


def _daily(scope_key: str | None) -> Callable[[web.Request], Any]:
    async def handler(request: web.Request) -> web.Response:
        scope = request.match_info.get(scope_key) if scope_key else None
        if scope_key == "org_id":
            scope = org_of(request)
        window = _window(request)
        days: dict[int, Counter[str]] = {}
        for row in enterprise_of(request).consumption:
            if (scope_key is None or row[scope_key] == scope) and in_window(row["date"], *window):
                days.setdefault(row["date"], Counter()).update(row["acus_by_product"])
        by_date = [
            {"date": date, "acus": sum(acus.values()), "acus_by_product": dict(acus)}
            for date, acus in sorted(days.items())
        ]
        total = sum(sum(acus.values()) for acus in days.values())
        return respond({"total_acus": total, "consumption_by_date": by_date})

    return handler


async def list_cycles(request: web.Request) -> web.Response:
    return cursor_page(request, enterprise_of(request).cycles)


async def list_acu_limits(request: web.Request) -> web.Response:
    limits = enterprise_of(request).acu_limits
    rows = [{"cycle_acu_limit": v, "scope": "org", "org_id": k} for k, v in limits.items()]
    return cursor_page(request, rows)


async def set_acu_limit(request: web.Request) -> web.Response:
    org_id = org_of(request)
    value = body_field(await read_body(request), "cycle_acu_limit", int)
    if value < 0:
        raise invalid("body.cycle_acu_limit: must be >= 0")
    enterprise_of(request).acu_limits[org_id] = value
    return web.Response(status=200)  # documented to answer with an empty body


async def delete_acu_limit(request: web.Request) -> web.Response:
    limits = enterprise_of(request).acu_limits
    if limits.pop(org_of(request), None) is None:
        raise missing("ACU limit")
    return web.Response(status=204)


# Metrics, computed from the sessions and searches the fake holds


def _required_window(request: web.Request) -> tuple[int, int]:
    after, before = _window(request)
    if after is None or before is None or before <= after:
        raise invalid("time_after and time_before are required, time_after < time_before")
    return after, before


def _sessions_in(request: web.Request, after: int | None, before: int | None) -> list[Record]:
    orgs, users = query_list(request, "org_ids"), query_list(request, "user_ids")
    service_users = query_list(request, "service_user_ids")
    playbook = request.query.get("playbook_id")
    return [
        s
        for s in state_of(request).sessions.values()
        if in_window(s["created_at"], after, before)
        and matches_any(s["org_id"], orgs)
        and matches_any(s["user_id"], users)
        and matches_any(s["service_user_id"], service_users)
        and playbook in (None, s["playbook_id"])
    ]


def _active(request: web.Request, after: int, before: int) -> Record:
    min_sessions = query_int(request, "min_sessions", 1) or 1
    actors = Counter(
        s["user_id"] or s["service_user_id"] for s in _sessions_in(request, after, before)
    )
    active = sum(n >= min_sessions for n in actors.values())
    return {"active_users": active, "start_time": after, "end_time": before}


def _periodic(period: int) -> Callable[[web.Request], Any]:
    async def handler(request: web.Request) -> web.Response:
        after, before = _required_window(request)
        starts = range(after, before, period)
        return respond([_active(request, s, min(s + period, before)) for s in starts])

    return handler


async def active_users(request: web.Request) -> web.Response:
    return respond(_active(request, *_required_window(request)))


async def pr_metrics(request: web.Request) -> web.Response:
    prs = [p for s in _sessions_in(request, *_required_window(request)) for p in s["pull_requests"]]
    states = Counter(p.get("pr_state") for p in prs)
    return respond(
        {
            "prs_created_count": len(prs),
            "prs_opened_count": states["open"],
            "prs_merged_count": states["merged"],
            "prs_closed_count": states["closed"],
        }
    )


async def session_metrics(request: web.Request) -> web.Response:
    sessions = _sessions_in(request, *_required_window(request))
    merged = [s for s in sessions if any(p.get("pr_state") == "merged" for p in s["pull_requests"])]
    acus = [s["acus_consumed"] for s in sessions]
    return respond(
        {
            "sessions_created_count": len(sessions),
            "avg_acus_per_session": sum(acus) / len(acus) if acus else 0.0,
            "sessions_created_by_origin": dict(Counter(s["origin"] for s in sessions)),
            "sessions_created_by_size": dict(Counter(_size(a) for a in acus)),
            "sessions_created_with_playbook_count": sum(bool(s["playbook_id"]) for s in sessions),
            "sessions_created_with_search_count": 0,
            "sessions_with_merged_prs_by_size": dict(
                Counter(_size(s["acus_consumed"]) for s in merged)
            ),
            "sessions_with_merged_prs_count": len(merged),
        }
    )


def _searches(request: web.Request, after: int | None, before: int | None) -> int:
    orgs = query_list(request, "org_ids")
    if "org_id" in request.match_info:
        orgs = [org_of(request)]
    return sum(
        in_window(s["at"], after, before) and matches_any(s["org_id"], orgs)
        for s in enterprise_of(request).searches
    )


async def search_metrics(request: web.Request) -> web.Response:
    return respond({"searches_created_count": _searches(request, *_required_window(request))})


async def usage_metrics(request: web.Request) -> web.Response:
    window = _window(request)
    org = org_of(request) if "org_id" in request.match_info else None
    sessions = [s for s in _sessions_in(request, *window) if org in (None, s["org_id"])]
    prs = [p for s in sessions for p in s["pull_requests"]]
    return respond(
        {
            "sessions_count": len(sessions),
            "searches_count": _searches(request, *window),
            "prs_created_count": len(prs),
            "prs_merged_count": sum(p.get("pr_state") == "merged" for p in prs),
        }
    )


def add_routes(router: web.UrlDispatcher) -> None:
    org = E + "/organizations/{org_id}"
    daily = E + "/consumption/daily"
    limit = E + "/consumption/acu-limits/devin"
    routes: list[tuple[str, str, Callable[[web.Request], Any]]] = [
        # The literal /sessions/insights goes before /sessions/{devin_id}.
        ("GET", E + "/sessions", _listing(v3_session)),
        ("GET", E + "/sessions/insights", _listing(v3_insights)),
        ("GET", SESSION, get_session),
        ("GET", SESSION + "/insights", get_insights),
        ("POST", SESSION + "/insights/generate", generate_insights),
        ("GET", SESSION + "/messages", list_messages),
        ("POST", SESSION + "/messages", send_message),
        ("GET", SESSION + "/attachments", get_attachments),
        ("GET", SESSION + "/tags", session_tags),
        ("POST", SESSION + "/tags", session_tags),
        ("PUT", SESSION + "/tags", session_tags),
        ("GET", E + "/audit-logs", list_audit_logs),
        ("GET", org + "/audit-logs", list_audit_logs),
        ("GET", daily, _daily(None)),
        ("GET", daily + "/organizations/{org_id}", _daily("org_id")),
        ("GET", daily + "/service-users/{service_user_id}", _daily("service_user_id")),
        ("GET", daily + "/sessions/{session_id}", _daily("session_id")),
        ("GET", daily + "/users/{user_id}", _daily("user_id")),
        ("GET", E + "/consumption/cycles", list_cycles),
        ("GET", limit, list_acu_limits),
        ("PUT", limit + "/organizations/{org_id}", set_acu_limit),
        ("DELETE", limit + "/organizations/{org_id}", delete_acu_limit),
        ("GET", E + "/metrics/active-users", active_users),
        ("GET", E + "/metrics/dau", _periodic(DAY)),
        ("GET", E + "/metrics/wau", _periodic(7 * DAY)),
        ("GET", E + "/metrics/mau", _periodic(30 * DAY)),
        ("GET", E + "/metrics/prs", pr_metrics),
        ("GET", E + "/metrics/sessions", session_metrics),
        ("GET", E + "/metrics/searches", search_metrics),
        ("GET", E + "/metrics/usage", usage_metrics),
        ("GET", org + "/metrics/usage", usage_metrics),
    ]
    for method, path, handler in routes:
        router.add_route(method, path, handler)
    _enterprise_admin.add_routes(router)
