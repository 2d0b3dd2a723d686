"""Fake repositories and indexing (beta): ``/v3beta1/organizations/{org_id}/repositories...``.

An organization's repositories are those its git permissions name (``EnterpriseState``),
as ``<host>/<owner>/<repo>``; the path travels in the URL with its slashes. Indexing a
branch starts a job that is ``in_progress`` for ``BetaState.index_seconds`` on the fake's
clock, then ``completed``.
"""

from __future__ import annotations

import hashlib
from typing import Any

from aiohttp import web

from ._enterprise_http import body_field, enterprise_of, query_list
from ._state import Record
from ._wire import Route, cursor_page, invalid, json_body, missing, state_of

__all__ = ["ROUTES"]

_REPOSITORIES = "/v3beta1/organizations/{org_id}/repositories"
_INDEXING = _REPOSITORIES + "/indexing"
# A path of several segments ("github.com/owner/repo"); aiohttp reports the routes'
# canonical form as {repository_path}.
_REPOSITORY = _REPOSITORIES + "/{repository_path:.+}/indexing"
_DEFAULT_BRANCH = "main"


def _available(request: web.Request) -> dict[str, Record]:
    """The organization's repositories by path, from its git permissions."""
    ent = enterprise_of(request)
    org = request.match_info["org_id"]
    found: dict[str, Record] = {}
    for perm in ent.git_permissions.values():
        connection = ent.git_connections.get(perm["git_connection_id"])
        if perm.get("_org_id") != org or not perm.get("repo_path") or connection is None:
            continue
        path = f"{connection['host']}/{perm['repo_path']}"
        found[path] = {
            "repo_name": perm["repo_path"],
            "repo_path": path,
            "git_connection_id": connection["git_connection_id"],
            "git_connection_host": connection["host"],
            "provider_repository_id": hashlib.sha1(path.encode()).hexdigest()[:10],
            "repo_description": None,
            "repo_language": None,
            "last_updated_at": connection["created_at"],
        }
    return found


def _indexed(request: web.Request) -> dict[str, Record]:
    return state_of(request).beta.indexing.setdefault(request.match_info["org_id"], {})


def _repository(request: web.Request, path: str) -> Record:
    if path not in _available(request):
        raise missing(f"Repository {path}")
    return _indexed(request).setdefault(
        path, {"repository_path": path, "indexing_enabled": False, "branches": {}}
    )


def _job(request: web.Request, path: str, branch: str, started: float) -> Record:
    done = state_of(request).clock() - started >= state_of(request).beta.index_seconds
    return {
        "job_id": "job-" + hashlib.sha1(f"{path}@{branch}@{started}".encode()).hexdigest()[:12],
        "branch_name": branch,
        "commit": hashlib.sha1(f"{path}@{branch}".encode()).hexdigest(),
        "created_at": int(started),
        "status": "completed" if done else "in_progress",
    }


def _status(request: web.Request, rec: Record) -> Record:
    path = rec["repository_path"]
    jobs = [_job(request, path, b, at) for b, at in rec["branches"].items()]
    completed = [j for j in jobs if j["status"] == "completed"]
    latest = max(completed, key=lambda j: j["created_at"]) if completed else None
    return {
        "indexing_enabled": rec["indexing_enabled"],
        "latest_indexes": jobs,
        "latest_completed_search_index_job": latest,
        "latest_completed_wiki_index_job": latest,
    }


def _render(request: web.Request, rec: Record) -> Record:
    return {
        "repository_path": rec["repository_path"],
        "indexing_enabled": rec["indexing_enabled"],
        "branches": list(rec["branches"]),
        "indexing_status": _status(request, rec),
    }


def _enable(request: web.Request, path: str, branches: Any) -> Record:
    if branches is None:
        branches = [_DEFAULT_BRANCH]
    if not isinstance(branches, list) or not all(isinstance(b, str) and b for b in branches):
        raise invalid("branch_names: must be a list of branch names")
    rec = _repository(request, path)
    rec["indexing_enabled"] = True
    now = state_of(request).clock()
    for branch in branches:  # idempotent: a branch already indexed keeps its job
        rec["branches"].setdefault(branch, now)
    return rec


def _disable(request: web.Request, path: str) -> Record:
    rec = _repository(request, path)
    rec["indexing_enabled"] = False
    rec["branches"] = {}
    return rec


async def list_repositories(request: web.Request) -> web.Response:
    q = request.query
    name = (q.get("filter_name") or "").lower()
    only, exclude = (
        query_list(request, "only_repo_paths"),
        query_list(request, "exclude_repo_paths"),
    )
    with_status = q.get("load_indexing_status") == "true"
    shown = []
    for path, repo in _available(request).items():
        if name not in repo["repo_name"].lower() or (only is not None and path not in only):
            continue
        if exclude is not None and path in exclude:
            continue
        status = _status(request, _repository(request, path)) if with_status else None
        shown.append({**repo, "indexing_status": status})
    return cursor_page(request, shown, lambda r: r)


async def list_indexed(request: web.Request) -> web.Response:
    enabled = [r for r in _indexed(request).values() if r["indexing_enabled"]]
    return cursor_page(request, enabled, lambda r: _render(request, r))


async def index_many(request: web.Request) -> web.Response:
    repositories = body_field(await json_body(request), "repositories", list)
    for repo in repositories:
        if not isinstance(repo, dict) or not isinstance(repo.get("repository_path"), str):
            raise invalid("body.repositories: each needs a repository_path")
    done = [_enable(request, r["repository_path"], r.get("branch_names")) for r in repositories]
    return web.json_response([_render(request, r) for r in done])


async def unindex_many(request: web.Request) -> web.Response:
    paths = body_field(await json_body(request), "repository_paths", list)
    done = [_disable(request, path) for path in paths]
    return web.json_response([_render(request, r) for r in done])


async def indexing_status(request: web.Request) -> web.Response:
    rec = _repository(request, request.match_info["repository_path"])
    return web.json_response(_status(request, rec))


async def index(request: web.Request) -> web.Response:
    data = await json_body(request) if request.body_exists else {}  # the body is optional
    rec = _enable(request, request.match_info["repository_path"], data.get("branch_names"))
    return web.json_response(_render(request, rec))


async def unindex(request: web.Request) -> web.Response:
    rec = _disable(request, request.match_info["repository_path"])
    return web.json_response(_render(request, rec))


async def remove_branch(request: web.Request) -> web.Response:
    rec = _repository(request, request.match_info["repository_path"])
    if rec["branches"].pop(request.match_info["branch_name"], None) is None:
        raise missing("Indexed branch")
    return web.json_response(_render(request, rec))


ROUTES: tuple[Route, ...] = (
    ("GET", _REPOSITORIES, list_repositories),
    ("GET", _INDEXING, list_indexed),
    ("PUT", _INDEXING, index_many),
    ("DELETE", _INDEXING, unindex_many),
    ("GET", _REPOSITORY, indexing_status),
    ("PUT", _REPOSITORY, index),
    ("DELETE", _REPOSITORY, unindex),
    ("DELETE", _REPOSITORY + "/branches/{branch_name}", remove_branch),
)
