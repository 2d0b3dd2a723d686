"""The requests the ``/v3beta1/`` methods build: paths, query strings, bodies."""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from devin_async import AsyncDevin, DecodeError, Request, Response
from devin_async._pagination import AsyncPaginator
from devin_async._paths import build_path, path_maker
from devin_async.models import BuildStatus, RepositoryIndexSpec

REPO = "/v3beta1/organizations/{org_id}/repositories/{repository_path:path}/indexing"


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("github.com/owner/repo", "github.com/owner/repo"),
        ("gitlab.example.com/group/sub group/repo", "gitlab.example.com/group/sub%20group/repo"),
        ("owner/re%po", "owner/re%25po"),
        ("repo", "repo"),
    ],
)
def test_a_path_placeholder_keeps_slashes_and_encodes_each_part(value: str, sent: str) -> None:
    path = build_path(REPO, {"org_id": "org-1", "repository_path": value})
    assert path == f"/v3beta1/organizations/org-1/repositories/{sent}/indexing"
    # The fan-out's maker builds the same, and the placeholder's name is the bare one.
    assert path_maker(REPO, {"org_id": "org-1"}, "repository_path")(value) == path


@pytest.mark.parametrize(
    "bad", ["", "/", "owner//repo", "/owner/repo", "owner/repo/", "owner/../../v1", "a/./b", "a/\n"]
)
def test_a_path_that_could_address_another_endpoint_is_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="repository_path"):
        build_path(REPO, {"org_id": "org-1", "repository_path": bad})


def test_a_plain_placeholder_still_encodes_a_slash() -> None:
    template = "/x/{branch_name}"
    assert build_path(template, {"branch_name": "feature/login"}) == "/x/feature%2Flogin"


# -- every beta endpoint's request ---------------------------------------------------------

ORG = "/v3beta1/organizations/org-default"
E = "/v3beta1/enterprise"
PAGE = [("first", "200")]
JAN_1 = datetime(2024, 1, 1, tzinfo=timezone.utc)  # 1704067200


class Recorded(Exception):
    def __init__(self, request: Request):
        self.request = request


async def _record(request: Request) -> Response:
    raise Recorded(request)


async def drive(result: Any) -> Any:
    """Await a call, or walk a list call's pages."""
    return await (result.to_list() if isinstance(result, AsyncPaginator) else result)


async def sent(call: Callable[[AsyncDevin], Any]) -> Request:
    async with AsyncDevin(api_key="cog_test", org_id="org-default", transport=_record) as c:
        with pytest.raises(Recorded) as caught:
            await drive(call(c))
    return caught.value.request


# (call, method, path, query, body); lists ask for the API's maximum page of 200.
CASES: list[tuple[Callable[[AsyncDevin], Any], str, str, list[tuple[str, str]], Any]] = [
    # snapshot setup: builds
    (lambda c: c.snapshot_setup.builds.create(), "POST", ORG + "/snapshot-setup/builds", [], {}),
    (
        lambda c: c.snapshot_setup.builds.list(status="succeeded", active=True, limit=1),
        "GET",
        ORG + "/snapshot-setup/builds",
        [("status", "succeeded"), ("active", "true"), ("first", "1")],
        None,
    ),
    (
        lambda c: c.snapshot_setup.builds.get("build-1", org_id="org-2"),
        "GET",
        "/v3beta1/organizations/org-2/snapshot-setup/builds/build-1",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.builds.cancel("build-1"),
        "POST",
        ORG + "/snapshot-setup/builds/build-1/cancel",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.builds.pin("build-1"),
        "POST",
        ORG + "/snapshot-setup/builds/build-1/pin",
        [],
        {},
    ),
    (
        lambda c: c.snapshot_setup.builds.unpin("build-1"),
        "DELETE",
        ORG + "/snapshot-setup/builds/build-1/pin",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.builds.logs("build-1"),
        "GET",
        ORG + "/snapshot-setup/builds/build-1/logs",
        [],
        None,
    ),
    # snapshot setup: the organization's blueprints
    (
        lambda c: c.snapshot_setup.blueprints.list(repo_name="example/repo"),
        "GET",
        ORG + "/snapshot-setup/blueprints",
        [("repo_name", "example/repo")],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.create(contents="steps: []", repo_name="o/r"),
        "POST",
        ORG + "/snapshot-setup/blueprints",
        [],
        {"contents": "steps: []", "repo_name": "o/r"},
    ),
    (
        lambda c: c.snapshot_setup.blueprints.create(),
        "POST",
        ORG + "/snapshot-setup/blueprints",
        [],
        {},
    ),
    (
        lambda c: c.snapshot_setup.blueprints.get("bp-1"),
        "GET",
        ORG + "/snapshot-setup/blueprints/bp-1",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.update("bp-1", position=0),
        "PATCH",
        ORG + "/snapshot-setup/blueprints/bp-1",
        [],
        {"position": 0},
    ),
    (
        lambda c: c.snapshot_setup.blueprints.delete("bp-1"),
        "DELETE",
        ORG + "/snapshot-setup/blueprints/bp-1",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.contents("bp-1"),
        "GET",
        ORG + "/snapshot-setup/blueprints/bp-1/contents",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.list_files("bp-1"),
        "GET",
        ORG + "/snapshot-setup/blueprints/bp-1/files",
        [],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.upload_file("bp-1", b"#!/bin/sh", name="setup.sh"),
        "POST",
        ORG + "/snapshot-setup/blueprints/bp-1/files",
        [("name", "setup.sh")],
        None,
    ),
    (
        lambda c: c.snapshot_setup.blueprints.delete_file("bp-1", "file-1"),
        "DELETE",
        ORG + "/snapshot-setup/blueprints/bp-1/files/file-1",
        [],
        None,
    ),
    # snapshot setup: the enterprise's blueprint
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.list(),
        "GET",
        E + "/snapshot-setup/blueprints",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.create(contents="steps: []"),
        "POST",
        E + "/snapshot-setup/blueprints",
        [],
        {"contents": "steps: []"},
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.get("bp-e"),
        "GET",
        E + "/snapshot-setup/blueprints/bp-e",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.replace("bp-e", contents="x: 1"),
        "PUT",
        E + "/snapshot-setup/blueprints/bp-e",
        [],
        {"contents": "x: 1"},
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.delete("bp-e"),
        "DELETE",
        E + "/snapshot-setup/blueprints/bp-e",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.contents("bp-e"),
        "GET",
        E + "/snapshot-setup/blueprints/bp-e/contents",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.list_files("bp-e"),
        "GET",
        E + "/snapshot-setup/blueprints/bp-e/files",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.upload_file("bp-e", b"x", name="ca.pem"),
        "POST",
        E + "/snapshot-setup/blueprints/bp-e/files",
        [("name", "ca.pem")],
        None,
    ),
    (
        lambda c: c.enterprise.snapshot_setup.blueprints.delete_file("bp-e", "file-1"),
        "DELETE",
        E + "/snapshot-setup/blueprints/bp-e/files/file-1",
        [],
        None,
    ),
    # service-user API keys and provisioning
    (
        lambda c: c.enterprise.service_user_api_keys.list("service-user-1", status="active"),
        "GET",
        E + "/service-users/service-user-1/api-keys",
        [("status", "active"), *PAGE],
        None,
    ),
    (
        lambda c: c.enterprise.service_user_api_keys.create(
            "service-user-1", name="ci", expires_at=JAN_1
        ),
        "POST",
        E + "/service-users/service-user-1/api-keys",
        [],
        {"name": "ci", "expires_at": 1704067200},
    ),
    (
        lambda c: c.enterprise.service_user_api_keys.revoke("service-user-1", "key-1"),
        "DELETE",
        E + "/service-users/service-user-1/api-keys/key-1",
        [],
        None,
    ),
    (
        lambda c: c.enterprise.service_user_api_keys.rotate(
            "service-user-1", "key-1", new_key_expires_at=1704067200, revoke_current=False
        ),
        "POST",
        E + "/service-users/service-user-1/api-keys/key-1/rotate",
        [],
        {"new_key_expires_at": 1704067200, "revoke_current": False},
    ),
    (
        lambda c: c.enterprise.service_user_api_keys.rotate("service-user-1", "key-1"),
        "POST",
        E + "/service-users/service-user-1/api-keys/key-1/rotate",
        [],
        {},
    ),
    (
        lambda c: c.service_user_provisioning.create(name="bot", role_id="r", ttl_seconds=60),
        "POST",
        ORG + "/service-users",
        [],
        {"name": "bot", "role_id": "r", "ttl_seconds": 60},
    ),
    (
        lambda c: c.enterprise.service_user_provisioning.create(
            name="bot", role_id="r", ttl_seconds=31_536_000
        ),
        "POST",
        E + "/service-users",
        [],
        {"name": "bot", "role_id": "r", "ttl_seconds": 31_536_000},
    ),
    # organization members
    (
        lambda c: c.users.list(email="ada@example.com"),
        "GET",
        ORG + "/members/users",
        [("email", "ada@example.com"), *PAGE],
        None,
    ),
    (lambda c: c.users.get("email|user-1"), "GET", ORG + "/members/users/email%7Cuser-1", [], None),
    (lambda c: c.users.list_idp_users(), "GET", ORG + "/members/idp-users", PAGE, None),
    # repositories and indexing: a repository path keeps its slashes
    (
        lambda c: c.repositories.list(
            filter_name="repo",
            only_repo_paths=["github.com/a/b", "github.com/c/d"],
            exclude_repo_paths=["github.com/e/f"],
            load_indexing_status=True,
        ),
        "GET",
        ORG + "/repositories",
        [
            ("filter_name", "repo"),
            ("only_repo_paths", "github.com/a/b"),
            ("only_repo_paths", "github.com/c/d"),
            ("exclude_repo_paths", "github.com/e/f"),
            ("load_indexing_status", "true"),
            *PAGE,
        ],
        None,
    ),
    (lambda c: c.repositories.list_indexed(), "GET", ORG + "/repositories/indexing", PAGE, None),
    (
        lambda c: c.repositories.index_many(
            [
                "github.com/a/b",
                RepositoryIndexSpec(repository_path="github.com/c/d", branch_names=["dev"]),
            ]
        ),
        "PUT",
        ORG + "/repositories/indexing",
        [],
        {
            "repositories": [
                {"repository_path": "github.com/a/b"},
                {"repository_path": "github.com/c/d", "branch_names": ["dev"]},
            ]
        },
    ),
    (
        lambda c: c.repositories.unindex_many(["github.com/a/b"]),
        "DELETE",
        ORG + "/repositories/indexing",
        [],
        {"repository_paths": ["github.com/a/b"]},
    ),
    (
        lambda c: c.repositories.indexing_status("github.com/a/b"),
        "GET",
        ORG + "/repositories/github.com/a/b/indexing",
        [],
        None,
    ),
    (
        lambda c: c.repositories.index("github.com/a/b", branch_names=["main", "dev"]),
        "PUT",
        ORG + "/repositories/github.com/a/b/indexing",
        [],
        {"branch_names": ["main", "dev"]},
    ),
    (
        lambda c: c.repositories.index("github.com/a/b"),
        "PUT",
        ORG + "/repositories/github.com/a/b/indexing",
        [],
        {},
    ),
    (
        lambda c: c.repositories.unindex("github.com/a/b"),
        "DELETE",
        ORG + "/repositories/github.com/a/b/indexing",
        [],
        None,
    ),
    (
        lambda c: c.repositories.remove_branch("github.com/a/b", "feature/login"),
        "DELETE",
        ORG + "/repositories/github.com/a/b/indexing/branches/feature%2Flogin",
        [],
        None,
    ),
    # guardrail violations
    (
        lambda c: c.enterprise.guardrail_violations.list(
            guardrail_id="g-1",
            session_id="devin-1",
            order="asc",
            time_after=JAN_1,
            time_before=1704153600,
        ),
        "GET",
        E + "/guardrail-violations",
        [
            ("guardrail_id", "g-1"),
            ("session_id", "devin-1"),
            ("order", "asc"),
            ("time_after", "1704067200"),
            ("time_before", "1704153600"),
            *PAGE,
        ],
        None,
    ),
    (
        lambda c: c.enterprise.guardrail_violations.list(org_id="org-2"),
        "GET",
        E + "/organizations/org-2/guardrail-violations",
        PAGE,
        None,
    ),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "params", "body"), CASES, ids=[f"{c[1]} {c[2]}" for c in CASES]
)
async def test_request(
    call: Callable[[AsyncDevin], Any], method: str, path: str, params: Any, body: Any
) -> None:
    request = await sent(call)
    assert (request.method, request.path) == (method, path)
    assert list(request.params) == params
    assert request.json == body


def test_every_beta_endpoint_has_a_request_case() -> None:
    endpoints = json.loads((Path(__file__).parent / "data" / "endpoints_v3beta1.json").read_text())
    pattern = {
        (e["method"], re.compile("^" + re.sub(r"\\\{\w+\\\}", ".+", re.escape(e["path"])) + "$"))
        for e in endpoints["endpoints"]
    }
    cased = {
        (c[1], c[2].replace("org-default", "{org_id}").replace("org-2", "{org_id}")) for c in CASES
    }
    covered = {
        (method, template.pattern)
        for method, template in pattern
        for m, path in cased
        if m == method and template.match(path)
    }
    assert len(covered) == len(endpoints["endpoints"]) == 44


async def test_an_upload_sends_the_file_as_multipart() -> None:
    request = await sent(
        lambda c: c.snapshot_setup.blueprints.upload_file(
            "bp-1", b"#!/bin/sh\necho hi\n", name="setup.sh"
        )
    )
    assert request.files is not None
    assert (request.files.field, request.files.filename) == ("file", "setup.sh")
    assert request.files.content == b"#!/bin/sh\necho hi\n"


BAD_INPUT: list[tuple[Callable[[AsyncDevin], Any], type[Exception], str]] = [
    (lambda c: c.snapshot_setup.blueprints.update("bp-1"), ValueError, "contents= or position="),
    (lambda c: c.snapshot_setup.blueprints.upload_file("bp-1", b"x", name=""), ValueError, "name"),
    (lambda c: c.repositories.index("github.com/a/../../secrets"), ValueError, "repository_path"),
    (lambda c: c.repositories.indexing_status("github.com//b"), ValueError, "repository_path"),
    (lambda c: c.repositories.unindex_many("github.com/a/b"), TypeError, "repository_paths"),
    (lambda c: c.repositories.index_many("github.com/a/b"), TypeError, "repositories"),
    (
        lambda c: c.repositories.index_many([{"repository_path": "x"}]),  # type: ignore[list-item]
        TypeError,
        "RepositoryIndexSpec",
    ),
    (
        lambda c: c.repositories.index("github.com/a/b", branch_names="main"),
        TypeError,
        "branch_names",
    ),
    (
        lambda c: c.service_user_provisioning.create(name="b", role_id="r", ttl_seconds=0),
        ValueError,
        "ttl_seconds",
    ),
    (
        lambda c: c.enterprise.service_user_provisioning.create(
            name="b", role_id="r", ttl_seconds=31_536_001
        ),
        ValueError,
        "a year",
    ),
    (lambda c: c.enterprise.service_user_api_keys.create("su", name="x" * 257), ValueError, "256"),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_INPUT)
async def test_bad_input_is_refused_before_sending(
    call: Callable[[AsyncDevin], Any], error: type[Exception], message: str
) -> None:
    async with AsyncDevin(api_key="cog_test", org_id="org-1", transport=_record) as client:
        with pytest.raises(error, match=message):
            await drive(call(client))


# -- answers: status codes, empty bodies, tokens -------------------------------------------

BUILD = {
    "build_id": "build-1",
    "status": "pending",
    "pinned": False,
    "created_at": 1704067200,
    "updated_at": 1704067200,
    "started_at": None,
    "completed_at": None,
    "trigger": "manual",
    "triggered_by_user_id": None,
}
TOKEN = "cog_live_9f8e7d6c5b4a"


def answering(status: int, content: bytes, content_type: str = "application/json") -> Any:
    async def send(request: Request) -> Response:
        return Response(status, {"Content-Type": content_type}, content, request)

    return send


async def test_a_create_answered_201_and_a_delete_answered_204_decode() -> None:
    async with AsyncDevin(
        api_key="cog_test", org_id="o", transport=answering(201, json.dumps(BUILD).encode())
    ) as client:
        build = await client.snapshot_setup.builds.create()
    assert build.status is BuildStatus.PENDING
    async with AsyncDevin(api_key="cog_test", org_id="o", transport=answering(204, b"")) as client:
        assert await client.snapshot_setup.blueprints.delete("bp-1") is None
        assert await client.snapshot_setup.builds.unpin("build-1") is None
        assert await client.enterprise.snapshot_setup.blueprints.delete_file("bp", "f") is None


async def test_a_blueprint_list_is_its_data() -> None:
    blueprint = {
        "blueprint_id": "bp-1",
        "type": "org",
        "repo_name": None,
        "created_at": 1,
        "updated_at": 1,
    }
    content = json.dumps({"data": [blueprint]}).encode()
    async with AsyncDevin(api_key="cog_test", org_id="o", transport=answering(200, content)) as c:
        found = await c.snapshot_setup.blueprints.list()
    assert [b.blueprint_id for b in found] == ["bp-1"]


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.enterprise.service_user_api_keys.create("su-1", name="ci"),
        lambda c: c.enterprise.service_user_api_keys.rotate("su-1", "key-1"),
        lambda c: c.service_user_provisioning.create(name="bot", role_id="r", ttl_seconds=60),
        lambda c: c.enterprise.service_user_provisioning.create(
            name="b", role_id="r", ttl_seconds=1
        ),
    ],
)
@pytest.mark.parametrize(
    "content",
    [
        b'{"api_key_id": "key-2", "api_key_name": "ci", "token": "' + TOKEN.encode(),  # cut off
        b'<html>{"token": "' + TOKEN.encode() + b'"}</html>',
        json.dumps({"token": TOKEN}).encode(),  # valid JSON, but not the promised shape
    ],
)
async def test_a_token_never_shows_in_an_error(
    call: Callable[[AsyncDevin], Any], content: bytes
) -> None:
    async with AsyncDevin(api_key="cog_test", org_id="o", transport=answering(200, content)) as c:
        with pytest.raises(DecodeError) as caught:
            await call(c)
    error = caught.value
    shown = "".join(traceback.format_exception(error))
    assert TOKEN not in shown and TOKEN.encode() not in error.body
    assert error.__cause__ is None and error.__context__ is None
    assert "not shown" in str(error)


async def test_a_presigned_download_sends_no_api_key() -> None:
    seen: list[Request] = []

    async def storage(request: Request) -> Response:
        seen.append(request)
        return Response(200, {"Content-Type": "text/plain"}, b"log line\n", request)

    link = "https://storage.example/logs/build-1?X-Amz-Signature=abc"
    async with AsyncDevin(api_key="cog_secret_key", org_id="o", transport=storage) as client:
        assert await client.snapshot_setup.builds.download(link) == b"log line\n"
    (request,) = seen
    assert request.path == "https://storage.example/logs/build-1"
    assert list(request.params) == [("X-Amz-Signature", "abc")]
    assert "Authorization" not in request.headers
