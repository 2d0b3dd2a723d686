"""Fake metrics, consumption and ``/v3/self``, computed from the sessions.

Metrics and daily consumption are served for one organization and for the enterprise.
"""

from __future__ import annotations

from datetime import datetime, timezone

from aiohttp import web

from ._render import v3_insights
from ._state import DAY, Record
from ._wire import Handler, Route, int_param, invalid, state_of

__all__ = ["ROUTES"]

_ORG = "/v3/organizations/{org_id}"
_ENTERPRISE = "/v3/enterprise"
_END_OF_TIME = 253402300799  # 9999-12-31, the last second a datetime holds


def _range(request: web.Request, *, required: bool) -> tuple[float, float]:
    after, before = int_param(request, "time_after"), int_param(request, "time_before")
    if required and (after is None or before is None):
        raise invalid("time_after and time_before are required")
    lo = after if after is not None else 0
    hi = before if before is not None else _END_OF_TIME
    if lo > hi:
        raise invalid("time_after must not be later than time_before")
    return lo, hi


def _sessions(request: web.Request, lo: float, hi: float, **match: str) -> list[Record]:
    # One organization's (from the path), or the enterprise's, narrowed by ?org_ids=.
    org = request.match_info.get("org_id")
    orgs = {org} if org else set(request.query.getall("org_ids", []))
    return [
        r
        for r in state_of(request).sessions.values()
        if (not orgs or r["org_id"] in orgs)
        and lo <= r["created_at"] <= hi
        and all(r.get(field) == value for field, value in match.items())
    ]


def _filtered(request: web.Request, *, required: bool = True) -> list[Record]:
    lo, hi = _range(request, required=required)
    users = set(request.query.getall("user_ids", []))
    service_users = set(request.query.getall("service_user_ids", []))
    playbook = request.query.get("playbook_id")
    return [
        r
        for r in _sessions(request, lo, hi)
        if (not users or r["user_id"] in users)
        and (not service_users or r["service_user_id"] in service_users)
        and (playbook is None or r["playbook_id"] == playbook)
    ]


def _active(records: list[Record], request: web.Request) -> int:
    min_sessions = int_param(request, "min_sessions", 1) or 1
    counts: dict[str, int] = {}
    for r in records:
        who = r["user_id"] or r["service_user_id"]
        if who:
            counts[who] = counts.get(who, 0) + 1
    return sum(1 for n in counts.values() if n >= min_sessions)


async def active_users(request: web.Request) -> web.Response:
    lo, hi = _range(request, required=True)
    active = _active(_sessions(request, lo, hi), request)
    return web.json_response({"active_users": active, "start_time": lo, "end_time": hi})


def active_users_per(days: int) -> Handler:
    async def handler(request: web.Request) -> web.Response:
        lo, hi = _range(request, required=True)
        out: list[Record] = []
        start = lo
        while start <= hi and len(out) < 400:  # bounded, whatever range is asked
            end = min(hi, start + days * DAY - 1)
            active = _active(_sessions(request, start, end), request)
            out.append({"active_users": active, "start_time": start, "end_time": end})
            start = end + 1
        return web.json_response(out)

    return handler


def _by(records: list[Record], field: str, values: tuple[str, ...]) -> dict[str, int]:
    return {v: sum(1 for r in records if r.get(field) == v) for v in values}


def _size(r: Record) -> str:
    return str(v3_insights(r)["session_size"])


async def session_metrics(request: web.Request) -> web.Response:
    found = _filtered(request)
    merged = [r for r in found if any(p.get("pr_state") == "merged" for p in r["pull_requests"])]
    sizes = ("xs", "s", "m", "l", "xl")
    origins = ("api", "jira", "linear", "slack", "teams", "webapp")
    sized = [{**r, "size": _size(r)} for r in found]
    sized_merged = [{**r, "size": _size(r)} for r in merged]
    return web.json_response(
        {
            "sessions_created_count": len(found),
            "avg_acus_per_session": (
                sum(r["acus_consumed"] for r in found) / len(found) if found else 0.0
            ),
            "sessions_created_by_origin": _by(found, "origin", origins),
            "sessions_created_by_size": _by(sized, "size", sizes),
            "sessions_created_with_playbook_count": sum(1 for r in found if r["playbook_id"]),
            "sessions_created_with_search_count": 0,
            "sessions_with_merged_prs_by_size": _by(sized_merged, "size", sizes),
            "sessions_with_merged_prs_count": len(merged),
        }
    )


def _pr_counts(records: list[Record]) -> dict[str, int]:
    prs = [p for r in records for p in r["pull_requests"]]
    states = [p.get("pr_state") for p in prs]
    return {
        "prs_created_count": len(prs),
        "prs_opened_count": states.count("open"),
        "prs_merged_count": states.count("merged"),
        "prs_closed_count": states.count("closed"),
    }


async def pr_metrics(request: web.Request) -> web.Response:
    return web.json_response(_pr_counts(_filtered(request)))


async def search_metrics(request: web.Request) -> web.Response:
    _range(request, required=True)
    return web.json_response({"searches_created_count": 0})


async def usage_metrics(request: web.Request) -> web.Response:
    found = _filtered(request, required=False)
    prs = _pr_counts(found)
    return web.json_response(
        {
            "sessions_count": len(found),
            "searches_count": 0,
            "prs_created_count": prs["prs_created_count"],
            "prs_merged_count": prs["prs_merged_count"],
        }
    )


def daily_consumption(**match: str) -> Handler:
    """Daily ACUs of the sessions whose ``match`` fields equal the path's ids."""

    async def handler(request: web.Request) -> web.Response:
        lo, hi = _range(request, required=False)
        wanted = {field: request.match_info[param] for field, param in match.items()}
        days: dict[int, float] = {}
        for r in _sessions(request, lo, hi, **wanted):
            day = datetime.fromtimestamp(r["created_at"], tz=timezone.utc)
            start = int(day.replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
            days[start] = days.get(start, 0.0) + r["acus_consumed"]
        rows = [
            {
                "date": d,
                "acus": acus,
                "acus_by_product": {"devin": acus, "cascade": 0.0, "terminal": 0.0},
            }
            for d, acus in sorted(days.items())
        ]
        return web.json_response({"total_acus": sum(days.values()), "consumption_by_date": rows})

    return handler


async def self_(request: web.Request) -> web.Response:
    return web.json_response(state_of(request).principal)


def _scope_routes(scope: str) -> list[Route]:
    """The metrics and daily consumption of one organization or of the enterprise."""
    metrics, daily = scope + "/metrics/", scope + "/consumption/daily"
    return [
        ("GET", metrics + "active-users", active_users),
        ("GET", metrics + "dau", active_users_per(1)),
        ("GET", metrics + "wau", active_users_per(7)),
        ("GET", metrics + "mau", active_users_per(30)),
        ("GET", metrics + "sessions", session_metrics),
        ("GET", metrics + "prs", pr_metrics),
        ("GET", metrics + "searches", search_metrics),
        ("GET", metrics + "usage", usage_metrics),
        ("GET", daily, daily_consumption()),
        ("GET", daily + "/users/{id}", daily_consumption(user_id="id")),
        ("GET", daily + "/service-users/{id}", daily_consumption(service_user_id="id")),
        ("GET", daily + "/sessions/{id}", daily_consumption(session_id="id")),
    ]


ROUTES: tuple[Route, ...] = (
    *_scope_routes(_ORG),
    ("GET", "/v3/self", self_),
    # The enterprise's, over every organization's sessions (narrowed by ?org_ids=).
    *_scope_routes(_ENTERPRISE),
    ("GET", _ENTERPRISE + "/organizations/{org_id}/metrics/usage", usage_metrics),
    ("GET", _ENTERPRISE + "/consumption/daily/organizations/{org_id}", daily_consumption()),
)
