"""The fake's keys and permissions: cog_ keys for v3, apk_ keys for v1, 403 on demand."""

from __future__ import annotations

import pytest

from devin_async import AuthenticationError, PermissionDeniedError
from devin_async.testing import FAKE_API_KEY, FAKE_V1_API_KEY, FakeDevin, create_app
from devin_async.testing import __main__ as cli
from devin_async.testing._permissions import permission_for

SID = "devin-abc123def456"


async def test_the_v1_key_opens_v1_only(fake: FakeDevin) -> None:
    async with fake.client(api_key=FAKE_V1_API_KEY) as v1:
        assert (await v1.v1.sessions.get(SID)).session_id == SID
        with pytest.raises(AuthenticationError, match="v1 API only") as info:
            await v1.sessions.get(SID)
    assert info.value.status_code == 401


async def test_the_v3_key_opens_v3_and_v1(fake: FakeDevin) -> None:
    async with fake.client() as client:
        assert (await client.sessions.get(SID)).session_id == SID
        assert (await client.enterprise.sessions.get(SID)).session_id == SID
        assert (await client.v1.sessions.get(SID)).session_id == SID


async def test_an_unknown_key_is_refused_everywhere(fake: FakeDevin) -> None:
    async with fake.client(api_key="cog_unknown", max_retries=0) as client:
        with pytest.raises(AuthenticationError):
            await client.sessions.get(SID)
        with pytest.raises(AuthenticationError):
            await client.v1.sessions.get(SID)
    assert [r.authorized for r in fake.state.seen] == [False, False]


async def test_any_key_but_a_v1_one_opens_v3_when_the_fake_takes_any() -> None:
    async with FakeDevin(api_key=None) as fake:
        async with fake.client(api_key="cog_whatever") as client:
            assert (await client.sessions.get(SID)).session_id == SID
        async with fake.client(api_key="apk_user_whatever") as client:
            assert (await client.v1.sessions.get(SID)).session_id == SID
            with pytest.raises(AuthenticationError):
                await client.sessions.get(SID)


async def test_a_denied_permission_answers_403_with_a_problem_body(fake: FakeDevin) -> None:
    fake.state.deny("ManageOrgSessions")
    async with fake.client() as client:
        assert (await client.sessions.get(SID)).session_id == SID  # reading needs View...
        with pytest.raises(PermissionDeniedError, match="ManageOrgSessions") as info:
            await client.sessions.send_message(SID, "hi")
        assert info.value.status_code == 403
        fake.state.allow("ManageOrgSessions")
        await client.sessions.send_message(SID, "hi")


async def test_a_key_can_lack_permissions_of_its_own(fake: FakeDevin) -> None:
    reader = fake.state.add_key("cog_reader", lacks={"ManageOrgSessions"})
    fake.state.deny("ManageBilling", key=reader)
    async with fake.client(api_key=reader) as limited, fake.client() as full:
        await limited.sessions.get(SID)
        with pytest.raises(PermissionDeniedError):
            await limited.sessions.terminate(SID)
        with pytest.raises(PermissionDeniedError, match="ManageBilling"):
            await limited.enterprise.consumption.cycles().to_list()
        await full.enterprise.consumption.cycles().to_list()
        await full.sessions.terminate(SID)
    refused = [r for r in fake.state.seen if not r.authorized]
    assert [(r.method, r.path.rsplit("/", 1)[-1]) for r in refused] == [
        ("DELETE", SID),
        ("GET", "cycles"),
    ]


def test_every_v3_route_names_the_permission_it_needs() -> None:
    app = create_app(FakeDevin().state)
    unnamed = set()
    for route in app.router.routes():
        template = route.resource.canonical if route.resource else ""
        if template.startswith("/v3/") and permission_for(route.method, template) is None:
            unnamed.add(template)
    # The docs name none for these (org metrics and consumption, attachment downloads, self).
    org = "/v3/organizations/{org_id}"
    unconfirmed = (f"{org}/metrics/", f"{org}/consumption/", f"{org}/attachments/", "/v3/self")
    assert unnamed and all(t.startswith(unconfirmed) for t in unnamed), sorted(unnamed)
    assert permission_for("GET", "/v3/enterprise/organizations/{org_id}/tags") == (
        "ManageEnterpriseSettings"
    )
    assert permission_for("POST", "/v3/enterprise/sessions/{devin_id}/messages") == (
        "ManageAccountSessions"
    )


def test_the_command_line_prints_both_keys_and_says_how_to_run_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fake = FakeDevin()
    fake.url = "http://127.0.0.1:8080"
    text = cli.banner(fake)
    assert f"v3 key {FAKE_API_KEY}" in text and f"v1 key {FAKE_V1_API_KEY}" in text
    assert FAKE_API_KEY.startswith("cog_") and FAKE_V1_API_KEY.startswith("apk_")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert capsys.readouterr().out.startswith("usage: python -m devin_async.testing ")
