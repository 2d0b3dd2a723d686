"""The ``/v3beta1/`` groups over a real socket, against the fake server's state."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest

from devin_async import (
    AsyncDevin,
    BadRequestError,
    ConflictError,
    Devin,
    NotFoundError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from devin_async.models import (
    BlueprintType,
    BuildStatus,
    IndexJobStatus,
    RepositoryIndexSpec,
)
from devin_async.testing import FakeClock, FakeDevin

START = 1_767_225_600.0  # 2026-01-01T00:00:00Z
ORG = "org-abc123def456"  # the seed's default organization
OTHER_ORG = "org-fed987cba654"
REPO = "github.com/example/repo"  # from the seed's git permission


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=START)


@pytest.fixture
async def fake(clock: FakeClock) -> AsyncIterator[FakeDevin]:
    async with FakeDevin(clock=clock) as server:
        yield server


@pytest.fixture
async def client(fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with fake.client() as c:
        yield c


# -- snapshot builds ------------------------------------------------------------------------


async def test_a_build_goes_pending_running_succeeded_on_the_clock(
    fake: FakeDevin, clock: FakeClock, client: AsyncDevin
) -> None:
    builds = client.snapshot_setup.builds
    build = await builds.create()
    assert build.status is BuildStatus.PENDING and build.started_at is None
    clock.advance(fake.state.beta.build_step)
    running = await builds.get(build.build_id)
    assert running.status is BuildStatus.RUNNING and running.started_at is not None
    done = await builds.wait(build.build_id, interval=1)
    assert done.status is BuildStatus.SUCCEEDED and done.completed_at is not None
    assert clock.now() >= START + 2 * fake.state.beta.build_step
    assert [b.build_id async for b in builds.list(status="succeeded")] == [build.build_id]


async def test_a_build_can_fail_or_be_cancelled(fake: FakeDevin, client: AsyncDevin) -> None:
    builds = client.snapshot_setup.builds
    fake.state.beta.build_outcome = "failed"
    failed = await builds.wait((await builds.create()).build_id, interval=1)
    assert failed.status is BuildStatus.FAILED
    cancelled = await builds.cancel((await builds.create()).build_id)
    assert cancelled.status is BuildStatus.CANCELLED and cancelled.completed_at is not None
    again = await builds.cancel(failed.build_id)  # a finished build stays as it ended
    assert again.status is BuildStatus.FAILED


async def test_pinning_chooses_the_active_build(
    fake: FakeDevin, clock: FakeClock, client: AsyncDevin
) -> None:
    builds = client.snapshot_setup.builds
    first = await builds.create()
    with pytest.raises(ConflictError, match="7 days"):
        await builds.pin(first.build_id)  # still pending
    await builds.wait(first.build_id, interval=1)
    second = await builds.wait((await builds.create()).build_id, interval=1)
    assert [b.build_id async for b in builds.list(active=True)] == [second.build_id]

    pinned = await builds.pin(first.build_id)
    assert pinned.pinned
    assert [b.build_id async for b in builds.list(active=True)] == [first.build_id]
    assert [b.build_id async for b in builds.list(active=False)] == [second.build_id]
    await builds.unpin(first.build_id)
    await builds.unpin(first.build_id)  # a no-op when not pinned
    assert not (await builds.get(first.build_id)).pinned

    clock.advance(8 * 86_400)
    with pytest.raises(ConflictError):
        await builds.pin(first.build_id)  # succeeded, but over a week ago


async def test_build_logs_come_from_storage_without_the_api_key(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    builds = client.snapshot_setup.builds
    build = await builds.wait((await builds.create()).build_id, interval=1)
    link = await builds.logs(build.build_id)
    assert "/_presigned/" in link.url and link.expires_at.timestamp() > START
    text = await builds.download(link)
    assert build.build_id.encode() in text and b"succeeded" in text
    storage = [r for r in fake.state.seen if r.path.startswith("/_presigned/")]
    assert storage and not any(r.authorized for r in storage)  # no key reached the host
    buffer = io.BytesIO()
    assert await builds.download(link.url, to=buffer) is None
    assert buffer.getvalue() == text


async def test_an_expired_link_is_refused(fake: FakeDevin, client: AsyncDevin) -> None:
    build = await client.snapshot_setup.builds.create()
    link = await client.snapshot_setup.builds.logs(build.build_id)
    for rec in fake.state.of_kind("attachments").values():
        rec["expired"] = True
    with pytest.raises(PermissionDeniedError):
        await client.snapshot_setup.builds.download(link)


async def test_an_unknown_or_foreign_build_is_not_found(client: AsyncDevin) -> None:
    build = await client.snapshot_setup.builds.create()
    with pytest.raises(NotFoundError):
        await client.snapshot_setup.builds.get("build-nope")
    with pytest.raises(NotFoundError):
        await client.snapshot_setup.builds.get(build.build_id, org_id=OTHER_ORG)


# -- blueprints -----------------------------------------------------------------------------


async def test_an_organization_blueprint_lives_through_the_api(client: AsyncDevin) -> None:
    blueprints = client.snapshot_setup.blueprints
    org_tier = await blueprints.create(contents="steps:\n  - run: make setup\n")
    assert org_tier.type is BlueprintType.ORG and org_tier.repo_name is None
    repo_a = await blueprints.create(repo_name="example/a")
    repo_b = await blueprints.create(repo_name="example/b", contents="steps: []")
    assert repo_a.type is BlueprintType.REPO
    with pytest.raises(ConflictError):
        await blueprints.create(repo_name="example/a")

    order = [b.blueprint_id for b in await blueprints.list()]
    assert order == [org_tier.blueprint_id, repo_a.blueprint_id, repo_b.blueprint_id]
    await blueprints.update(repo_b.blueprint_id, position=0)
    await blueprints.update(repo_a.blueprint_id, position=1)
    order = [b.blueprint_id for b in await blueprints.list()]
    assert order == [org_tier.blueprint_id, repo_b.blueprint_id, repo_a.blueprint_id]
    assert [b.blueprint_id for b in await blueprints.list(repo_name="example/a")] == [
        repo_a.blueprint_id
    ]
    with pytest.raises(BadRequestError, match="position"):
        await blueprints.update(org_tier.blueprint_id, position=3)

    updated = await blueprints.update(org_tier.blueprint_id, contents="steps: [x]")
    assert (await blueprints.get(org_tier.blueprint_id)).updated_at == updated.updated_at
    link = await blueprints.contents(org_tier.blueprint_id)
    assert await blueprints.download(link) == b"steps: [x]"

    await blueprints.delete(repo_a.blueprint_id)
    with pytest.raises(NotFoundError):
        await blueprints.get(repo_a.blueprint_id)


async def test_blueprint_files_upload_list_and_delete(client: AsyncDevin) -> None:
    blueprints = client.snapshot_setup.blueprints
    blueprint = await blueprints.create()
    uploaded = await blueprints.upload_file(blueprint.blueprint_id, b"#!/bin/sh\n", name="setup.sh")
    assert (uploaded.name, uploaded.env_var_name, uploaded.size_bytes) == (
        "setup.sh",
        "SETUP_SH",
        10,
    )
    with pytest.raises(ConflictError, match="SETUP_SH"):
        await blueprints.upload_file(blueprint.blueprint_id, io.BytesIO(b"x"), name="setup-sh")
    files = await blueprints.list_files(blueprint.blueprint_id)
    assert [f.file_id for f in files] == [uploaded.file_id]
    await blueprints.delete_file(blueprint.blueprint_id, uploaded.file_id)
    assert await blueprints.list_files(blueprint.blueprint_id) == []
    with pytest.raises(NotFoundError):
        await blueprints.delete_file(blueprint.blueprint_id, uploaded.file_id)


async def test_the_enterprise_has_one_blueprint(client: AsyncDevin) -> None:
    blueprints = client.enterprise.snapshot_setup.blueprints
    assert await blueprints.list() == []
    created = await blueprints.create(contents="base: ubuntu")
    assert created.type is BlueprintType.ENTERPRISE
    with pytest.raises(ConflictError):
        await blueprints.create()
    replaced = await blueprints.replace(created.blueprint_id, contents="base: debian")
    assert replaced.blueprint_id == created.blueprint_id
    assert await blueprints.download(await blueprints.contents(created.blueprint_id)) == (
        b"base: debian"
    )
    file = await blueprints.upload_file(created.blueprint_id, b"cert", name="ca.pem")
    assert [f.env_var_name for f in await blueprints.list_files(created.blueprint_id)] == ["CA_PEM"]
    await blueprints.delete_file(created.blueprint_id, file.file_id)
    # Organization and enterprise blueprints are apart.
    assert await client.snapshot_setup.blueprints.list() == []
    with pytest.raises(NotFoundError):
        await client.snapshot_setup.blueprints.get(created.blueprint_id)
    await blueprints.delete(created.blueprint_id)
    assert [b.blueprint_id for b in await blueprints.list()] == []


# -- service users: API keys and provisioning ----------------------------------------------


async def test_api_keys_are_created_rotated_and_revoked(
    fake: FakeDevin, clock: FakeClock, client: AsyncDevin
) -> None:
    keys = client.enterprise.service_user_api_keys
    su = "service-user-ci"  # from the seed
    created = await keys.create(su, name="deploy", expires_at=int(START) + 3600)
    assert created.token.startswith("cog_") and created.token not in repr(created)
    short = await keys.create(su, name="short", expires_at=int(START) + 60)
    rotated = await keys.rotate(su, created.api_key_id, revoke_current=False)
    assert rotated.api_key_id != created.api_key_id and rotated.token != created.token
    listed = {k.api_key_id: k async for k in keys.list(su)}
    assert set(listed) == {created.api_key_id, short.api_key_id, rotated.api_key_id}
    assert all(k.is_active for k in listed.values())

    revoked = await keys.revoke(su, created.api_key_id)
    assert not revoked.is_active and revoked.revoked_at is not None
    with pytest.raises(ConflictError, match="already revoked"):
        await keys.revoke(su, created.api_key_id)
    again = await keys.rotate(su, rotated.api_key_id)  # revokes the current one by default
    clock.advance(120)  # the short key expires
    assert [k.api_key_id async for k in keys.list(su, status="revoked")] == [
        created.api_key_id,
        rotated.api_key_id,
    ]
    assert [k.api_key_id async for k in keys.list(su, status="expired")] == [short.api_key_id]
    assert [k.api_key_id async for k in keys.list(su, status="active")] == [again.api_key_id]

    with pytest.raises(UnprocessableEntityError, match="future"):
        await keys.create(su, name="old", expires_at=int(START) - 1)
    with pytest.raises(NotFoundError):
        await keys.create("service-user-nope", name="x")


async def test_provisioned_service_users_join_the_members(client: AsyncDevin) -> None:
    made = await client.service_user_provisioning.create(
        name="nightly-bot", role_id="role-org-member", ttl_seconds=86_400
    )
    assert made.token.startswith("cog_") and made.token not in repr(made)
    su = made.service_user
    assert su.role_assignments[0].org_id == ORG
    assert su.expires_at is not None and su.expires_at.timestamp() == START + 86_400
    listed = [m.service_user_id async for m in client.enterprise.service_users.list(org_id=ORG)]
    assert su.service_user_id in listed
    keys = [k async for k in client.enterprise.service_user_api_keys.list(su.service_user_id)]
    assert len(keys) == 1 and keys[0].is_active

    admin = await client.enterprise.service_user_provisioning.create(
        name="admin-bot", role_id="role-enterprise-admin", ttl_seconds=3600
    )
    assert admin.service_user.role_assignments[0].org_id is None
    with pytest.raises(UnprocessableEntityError, match="enterprise role"):
        await client.enterprise.service_user_provisioning.create(
            name="x", role_id="role-org-admin", ttl_seconds=60
        )


# -- organization members --------------------------------------------------------------------


async def test_members_show_direct_and_idp_roles(fake: FakeDevin, client: AsyncDevin) -> None:
    # The seed: Ada is Org Admin of ORG directly; the "engineering" IdP group is Org Admin
    # of OTHER_ORG.
    fake.state.enterprise.add_idp_user(
        "okta|grace", email="grace@example.com", name="Grace", idp_groups=["engineering"]
    )
    users = [u async for u in client.users.list()]
    assert [u.user_id for u in users] == ["email|user-1"]
    assert users[0].role_assignments[0].role.role_type is None  # org pages leave it out
    assert [u async for u in client.users.list(email="nobody@example.com")] == []
    assert [u async for u in client.users.list(org_id=OTHER_ORG)] == []

    idp = [u async for u in client.users.list_idp_users(org_id=OTHER_ORG)]
    assert [(u.user_id, u.idp_role_assignments[0].idp_group_name) for u in idp] == [
        ("okta|grace", "engineering")
    ]
    # The enterprise's page shows the same people in the same groups.
    enterprise_view = client.enterprise.users.list_idp_users(org_id=OTHER_ORG)
    assert [
        (u.user_id, u.idp_role_assignments[0].idp_group_name) async for u in enterprise_view
    ] == [("okta|grace", "engineering")]
    grace = await client.users.get("okta|grace", org_id=OTHER_ORG)
    assert grace.email == "grace@example.com" and grace.role_assignments == []
    assert grace.idp_role_assignments is not None
    assert grace.idp_role_assignments[0].role.role_name == "Org Admin"
    ada = await client.users.get("email|user-1")
    assert ada.role_assignments[0].org_id == ORG and ada.idp_role_assignments == []
    with pytest.raises(NotFoundError):
        await client.users.get("okta|grace")  # no role in ORG


# -- repositories and indexing ---------------------------------------------------------------


async def test_a_repository_is_indexed_by_its_path_with_slashes(
    fake: FakeDevin, clock: FakeClock, client: AsyncDevin
) -> None:
    repos = client.repositories
    listed = [r async for r in repos.list(load_indexing_status=True)]
    assert [(r.repo_path, r.repo_name) for r in listed] == [(REPO, "example/repo")]
    assert listed[0].indexing_status is not None
    assert not listed[0].indexing_status.indexing_enabled
    assert [r async for r in repos.list(exclude_repo_paths=[REPO])] == []
    assert [r.repo_path async for r in repos.list(only_repo_paths=[REPO], filter_name="REPO")] == [
        REPO
    ]

    indexed = await repos.index(REPO, branch_names=["main", "release/1.x"])
    assert indexed.repository_path == REPO and indexed.branches == ["main", "release/1.x"]
    assert fake.state.seen[-1].path.endswith("/repositories/github.com/example/repo/indexing")
    status = await repos.indexing_status(REPO)
    assert {j.status for j in status.latest_indexes} == {IndexJobStatus.IN_PROGRESS}
    assert status.latest_completed_search_index_job is None
    clock.advance(fake.state.beta.index_seconds)
    status = await repos.indexing_status(REPO)
    assert {j.status for j in status.latest_indexes} == {IndexJobStatus.COMPLETED}
    assert status.latest_completed_search_index_job is not None

    trimmed = await repos.remove_branch(REPO, "release/1.x")  # a branch name's "/" is encoded
    assert trimmed.branches == ["main"]
    with pytest.raises(NotFoundError):
        await repos.remove_branch(REPO, "release/1.x")
    assert [r.repository_path async for r in repos.list_indexed()] == [REPO]
    assert not (await repos.unindex(REPO)).indexing_enabled
    assert [r async for r in repos.list_indexed()] == []
    with pytest.raises(NotFoundError):
        await repos.index("github.com/example/unknown")


async def test_repositories_are_indexed_in_bulk(client: AsyncDevin) -> None:
    done = await client.repositories.index_many(
        [RepositoryIndexSpec(repository_path=REPO, branch_names=["dev"])]
    )
    assert [(r.repository_path, r.branches) for r in done] == [(REPO, ["dev"])]
    again = await client.repositories.index_many([REPO])  # idempotent: adds the default branch
    assert again[0].branches == ["dev", "main"]
    removed = await client.repositories.unindex_many([REPO])
    assert removed[0].branches == [] and not removed[0].indexing_enabled


# -- guardrail violations --------------------------------------------------------------------


async def test_guardrail_violations_filter_by_org_time_and_guardrail(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    beta = fake.state.beta
    first = beta.add_guardrail_violation(org_id=ORG, created_at=START)
    second = beta.add_guardrail_violation(
        org_id=OTHER_ORG, created_at=START + 60, guardrail_id="guardrail-2", session_id="devin-1"
    )
    violations = client.enterprise.guardrail_violations
    newest_first = [v.violation_id async for v in violations.list()]
    assert newest_first == [second["violation_id"], first["violation_id"]]
    assert [v.violation_id async for v in violations.list(order="asc")] == newest_first[::-1]
    assert [v.org_id async for v in violations.list(org_id=ORG)] == [ORG]
    assert [v.guardrail_id async for v in violations.list(guardrail_id="guardrail-2")] == [
        "guardrail-2"
    ]
    assert [v.session_id async for v in violations.list(session_id="devin-1")] == ["devin-1"]
    window = violations.list(time_after=int(START) + 1, time_before=int(START) + 3600)
    assert [v.violation_id async for v in window] == [second["violation_id"]]
    with pytest.raises(NotFoundError):
        await violations.list(org_id="org-nope").to_list()


# -- the blocking client ---------------------------------------------------------------------


def test_the_blocking_client_reaches_the_beta_groups() -> None:
    fake = FakeDevin()
    url = fake.start_in_thread()
    try:
        with Devin(api_key=fake.state.api_key, org_id=ORG, base_url=url) as client:
            blueprint = client.snapshot_setup.blueprints.create(contents="steps: []")
            link = client.snapshot_setup.blueprints.contents(blueprint.blueprint_id)
            assert client.snapshot_setup.blueprints.download(link) == b"steps: []"
            assert [r.repo_path for r in client.repositories.list()] == [REPO]
            assert client.snapshot_setup.builds.create().status is BuildStatus.PENDING
    finally:
        fake.stop_thread()
