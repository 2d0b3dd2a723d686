"""Fake code scans: start one in an organization, list scans and profiles, read metrics.

A scan goes ``waiting`` -> ``pending`` -> ``running`` -> ``completed`` on the fake's
clock (a record's ``_ends`` may say ``failed`` or ``cancelled``). Metrics count the
enterprise's code-scan findings.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from ._enterprise_http import enterprise_of, in_window, matches_any, public, query_list
from ._state import DAY, Record
from ._state.reviews import SCAN_STEPS, status_at
from ._wire import Route, cursor_page, int_param, invalid, json_body, missing, problem, state_of

__all__ = ["ROUTES"]

_ORG = "/v3/organizations/{org_id}/code-scans"
_ENTERPRISE = "/v3/enterprise/code-scans"
_MAX_WINDOW = 100 * DAY  # docs: a metrics window spans at most 100 days
_OPTIONAL = ("host", "profile_id", "scan_type", "commit_sha")


def _scan(request: web.Request, scan: Record) -> Record:
    state = state_of(request)
    status = status_at(scan, state.clock(), SCAN_STEPS, state.code_review.step_seconds)
    return {**public(scan), "created_at": int(scan["created_at"]), "status": status}


def _text(data: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    value = data.get(name)
    if (value is None and required) or (value is not None and not isinstance(value, str)):
        raise invalid(f"body.{name}: must be a string")
    return value


def _profile(request: web.Request, profile_id: str | None, org_id: str) -> Record | None:
    if profile_id is None:
        return None
    profile = state_of(request).code_review.profiles.get(profile_id)
    if profile is None or profile["org_id"] not in (None, org_id):
        raise missing("Code-scan profile")
    return profile


async def start_scan(request: web.Request) -> web.Response:
    state = state_of(request)
    org_id = request.match_info["org_id"]
    data = await json_body(request)
    repo_name = _text(data, "repo_name", required=True)
    fields = {name: _text(data, name) for name in _OPTIONAL}
    profile = _profile(request, fields["profile_id"], org_id)
    default_type = profile["scan_type"] if profile else "security"
    if profile and fields["scan_type"] not in (None, default_type):
        return problem(400, "Bad Request", "scan_type does not match the profile's")
    scans = state.code_review
    busy = [s for s in scans.scans.values() if s["org_id"] == org_id and _unfinished(request, s)]
    if len(busy) >= scans.max_backlog:
        return problem(409, "Conflict", "the scan backlog is full; retry later")
    scan_id = state.new_id("scan-")
    scan: Record = {
        "scan_id": scan_id,
        "org_id": org_id,
        "repo_name": repo_name,
        "host": fields["host"],
        "scan_type": fields["scan_type"] or default_type,
        "profile": profile,
        "created_at": state.clock(),
    }
    scans.scans[scan_id] = scan
    return web.json_response(_scan(request, scan))


def _unfinished(request: web.Request, scan: Record) -> bool:
    return _scan(request, scan)["status"] in SCAN_STEPS[:-1]


async def list_scans(request: web.Request) -> web.Response:
    after, before = int_param(request, "time_after"), int_param(request, "time_before")
    org_ids, repo = query_list(request, "org_ids"), request.query.get("repo_name")
    shown = [
        s
        for s in reversed(state_of(request).code_review.scans.values())
        if matches_any(s["org_id"], org_ids)
        and repo in (None, s["repo_name"])
        and in_window(s["created_at"], after, before)
    ]
    return cursor_page(request, shown, lambda s: _scan(request, s))


async def list_profiles(request: web.Request) -> web.Response:
    org = request.match_info.get("org_id")
    wanted = query_list(request, "org_ids")
    profiles = reversed(state_of(request).code_review.profiles.values())
    if org is not None:
        shown = [p for p in profiles if p["org_id"] in (None, org)]
    else:
        shown = [p for p in profiles if wanted is None or p["org_id"] in wanted]
    return cursor_page(request, shown, public)


async def metrics(request: web.Request) -> web.Response:
    after, before = int_param(request, "time_after"), int_param(request, "time_before")
    if after is None or before is None:
        raise invalid("time_after and time_before are required")
    if not 0 < before - after <= _MAX_WINDOW:
        raise invalid("time_after must be before time_before, at most 100 days apart")
    org = request.match_info.get("org_id")
    orgs = [org] if org else query_list(request, "org_ids")
    found = [
        f
        for f in enterprise_of(request).findings.values()
        if matches_any(f["_org_id"], orgs) and in_window(f["created_at"], after, before)
    ]
    opened = [f for f in found if f["status"] == "open"]
    prs = sum(1 for f in found if f["pr_url"])
    counts = {
        f"open_{level}_findings_count": sum(1 for f in opened if f["severity"] == level)
        for level in ("critical", "high", "medium", "low")
    }
    return web.json_response(
        {
            **counts,
            "prs_created_count": prs,
            "prs_open_count": prs,  # the fake's remediation PRs never merge or close
            "prs_merged_count": 0,
            "prs_closed_count": 0,
            "avg_pr_open_duration_seconds": None,
            "avg_pr_time_to_merge_seconds": None,
        }
    )


ROUTES: tuple[Route, ...] = (
    ("POST", _ORG, start_scan),
    ("GET", _ORG + "/profiles", list_profiles),
    ("GET", _ORG + "/metrics", metrics),
    ("GET", _ENTERPRISE + "/scans", list_scans),
    ("GET", _ENTERPRISE + "/profiles", list_profiles),
    ("GET", _ENTERPRISE + "/metrics", metrics),
)
