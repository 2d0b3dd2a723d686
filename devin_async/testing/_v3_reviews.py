"""Fake Devin Reviews of pull requests, for one organization and across the enterprise.

A review goes ``pending`` -> ``running`` -> ``completed`` on the fake's clock (a record's
``_ends`` may say ``errored``). A PR's head commit is a hash of its URL, so a review of
the head is found again by ``GET`` without a ``commit_sha``.
"""

from __future__ import annotations

import hashlib
import re

from aiohttp import web

from ._render import iso
from ._state import Record
from ._state.reviews import REVIEW_STEPS, status_at
from ._wire import Route, invalid, json_body, missing, state_of

__all__ = ["ROUTES", "head_commit"]

_ORG = "/v3/organizations/{org_id}/pr-reviews"
_ENTERPRISE = "/v3/enterprise/pr-reviews"
# GitHub ``.../pull/7``, GitLab ``.../-/merge_requests/7``, Bitbucket ``.../pull-requests/7``.
_PR_URL = re.compile(
    r"^https://(?P<host>[^/]+)/(?P<repo>[^?#]+?)/(?:pull|-/merge_requests|pull-requests)/"
    r"(?P<number>\d+)/?$"
)


def head_commit(pr_url: str) -> str:
    """The commit the fake takes as the head of ``pr_url``."""
    return hashlib.sha1(pr_url.encode()).hexdigest()


def _pr_url(value: object) -> re.Match[str]:
    match = _PR_URL.match(value) if isinstance(value, str) else None
    if match is None:
        raise invalid(f"pr_url: not a pull or merge request URL: {value!r}")
    return match


def _render(request: web.Request, review: Record) -> web.Response:
    state = state_of(request)
    reviews = state.code_review
    status = status_at(review, state.clock(), REVIEW_STEPS, reviews.step_seconds)
    return web.json_response(
        {
            "commit_sha": review["commit_sha"],
            "created_at": iso(review["created_at"]),  # this model's one ISO timestamp
            "pr_number": review["pr_number"],
            "repo_path": review["repo_path"],
            "status": status,
        }
    )


def _owner(request: web.Request, repo: str) -> str:
    """The organization a review belongs to: the path's, or (enterprise) the one whose
    git permission names the repository, else the default organization."""
    state = state_of(request)
    if "org_id" in request.match_info:
        return request.match_info["org_id"]
    for permission in state.enterprise.git_permissions.values():
        if permission.get("repo_path") == repo:
            return str(permission["_org_id"])
    return state.default_org_id


async def create_review(request: web.Request) -> web.Response:
    state = state_of(request)
    pr_url = (await json_body(request)).get("pr_url")
    match = _pr_url(pr_url)
    review = {
        "_pr_url": pr_url,
        "_org_id": _owner(request, match["repo"]),
        "commit_sha": head_commit(match.string),
        "created_at": state.clock(),
        "pr_number": int(match["number"]),
        "repo_path": f"{match['host']}/{match['repo']}",
    }
    state.code_review.pr_reviews.append(review)
    return _render(request, review)


async def get_review(request: web.Request) -> web.Response:
    pr_url = request.query.get("pr_url")
    _pr_url(pr_url)
    commit = request.query.get("commit_sha") or head_commit(str(pr_url))
    org = request.match_info.get("org_id")
    for review in reversed(state_of(request).code_review.pr_reviews):
        if (
            review["_pr_url"] == pr_url
            and org in (None, review["_org_id"])
            and review["commit_sha"].startswith(commit)
        ):
            return _render(request, review)
    raise missing("Review for this commit")


ROUTES: tuple[Route, ...] = (
    ("POST", _ORG, create_review),
    ("GET", _ORG, get_review),
    ("POST", _ENTERPRISE, create_review),
    ("GET", _ENTERPRISE, get_review),
)
