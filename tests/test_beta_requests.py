"""The requests the ``/v3beta1/`` methods build: paths, query strings, bodies."""

from __future__ import annotations

import pytest

from devin_async._paths import build_path, path_maker

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
