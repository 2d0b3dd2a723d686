"""The ``/v3beta1/`` models: their wire conventions, open enums and secrets."""

from __future__ import annotations

import pickle
from datetime import datetime, timezone

from devin_async._converter import structure, unstructure
from devin_async.models import (
    ApiKeyWithTokenResponse,
    Blueprint,
    BlueprintType,
    Build,
    BuildStatus,
    IdpGroupUser,
    OrgUser,
    PresignedDownload,
    ProvisionedServiceUserResponse,
    Repository,
    User,
    UserWithIdpRoles,
)

AT = 1_767_225_600  # 2026-01-01T00:00:00Z
ROLE = {"role_id": "role-org-admin", "role_name": "Org Admin"}  # org pages: no role_type


def test_a_build_reads_epoch_seconds_and_unknown_statuses() -> None:
    build = structure(
        {
            "build_id": "build-1",
            "status": "queued_for_gpu",
            "pinned": False,
            "created_at": AT,
            "updated_at": AT,
            "started_at": None,
            "completed_at": None,
            "trigger": "manual",
            "triggered_by_user_id": None,
            "region": "us-east-1",  # docs: future fields are additive
        },
        Build,
    )
    assert build.created_at == datetime(2026, 1, 1, tzinfo=timezone.utc)
    assert build.status == "queued_for_gpu" and not build.status.is_known
    assert build.extra == {"region": "us-east-1"}
    running = structure({**unstructure(build), "status": "running"}, Build)
    assert running.status is BuildStatus.RUNNING


def test_a_blueprint_type_may_grow() -> None:
    data = {"blueprint_id": "b", "type": "team", "created_at": AT, "updated_at": AT}
    blueprint = structure({**data, "repo_name": None}, Blueprint)
    assert blueprint.type == "team" and not blueprint.type.is_known
    assert structure({**data, "type": "repo"}, Blueprint).type is BlueprintType.REPO


def test_a_presigned_link_hides_its_signature_in_a_repr() -> None:
    url = "https://storage.example/logs/build-1.txt?X-Amz-Signature=s3cr3t&X-Amz-Expires=600"
    link = structure({"url": url, "expires_at": AT + 600}, PresignedDownload)
    assert link.url == url
    assert "s3cr3t" not in repr(link) and "storage.example/logs/build-1.txt" in repr(link)


def test_tokens_never_show_in_a_repr_but_survive_a_round_trip() -> None:
    key = structure(
        {"api_key_id": "k1", "api_key_name": "ci", "token": "cog_live_token"},
        ApiKeyWithTokenResponse,
    )
    provisioned = structure(
        {
            "service_user": {"service_user_id": "su-1", "name": "bot", "role_assignments": []},
            "token": "cog_other_token",
        },
        ProvisionedServiceUserResponse,
    )
    for model, token in ((key, "cog_live_token"), (provisioned, "cog_other_token")):
        assert token not in repr(model) and token not in str(model)
        assert model.token == token
        assert pickle.loads(pickle.dumps(model)) == model


def test_org_member_pages_leave_out_the_role_type() -> None:
    user = structure(
        {
            "user_id": "email|u1",
            "email": "ada@example.com",
            "name": "Ada",
            "role_assignments": [{"role": ROLE, "org_id": "org-1"}],
            "idp_role_assignments": [
                {"idp_group_name": "engineering", "role": ROLE, "org_id": "org-1"}
            ],
        },
        UserWithIdpRoles,
    )
    assert isinstance(user, User)
    assert user.role_assignments[0].role.role_type is None
    assert user.idp_role_assignments is not None
    assert user.idp_role_assignments[0].idp_group_name == "engineering"
    plain = {k: v for k, v in unstructure(user).items() if k != "idp_role_assignments"}
    assert structure(plain, UserWithIdpRoles).idp_role_assignments is None  # optional
    assert isinstance(structure(plain, OrgUser), User)
    idp = structure(
        {"user_id": "okta|u2", "email": None, "name": None, "idp_role_assignments": []},
        IdpGroupUser,
    )
    assert idp.idp_role_assignments == []


def test_a_repository_keeps_its_host_prefixed_path() -> None:
    repo = structure(
        {
            "repo_name": "example/repo",
            "repo_path": "github.com/example/repo",
            "git_connection_id": "git-connection-1",
            "git_connection_host": "github.com",
            "provider_repository_id": "123",
            "indexing_status": None,
            "last_updated_at": AT,
        },
        Repository,
    )
    assert repo.repo_path == "github.com/example/repo"
    assert repo.last_updated_at == datetime(2026, 1, 1, tzinfo=timezone.utc)
