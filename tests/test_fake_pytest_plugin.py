"""The pytest plugin: its fixtures work in a fresh project, with pytest-asyncio in strict
or auto mode, and without it for blocking tests; it defines no hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import devin_async
from devin_async.testing import pytest_plugin

ROOT = Path(devin_async.__file__).resolve().parent.parent

USER_TESTS = """
import asyncio

import pytest

from devin_async.testing import ErrorStatus, Story


async def settle(client, prompts):  # the code under test
    created = [await client.sessions.create(p) for p in prompts]
    return await client.sessions.wait_many([s.session_id for s in created])


@pytest.mark.asyncio
async def test_async_code(devin_fake, devin_client):
    devin_fake.state.story = Story().claim().work().finish(after=30, pr="https://x/pull/1")
    devin_fake.faults.add(ErrorStatus(503), method="GET")  # one 503: the client retries it
    done = await settle(devin_client, ["a", "b"])
    assert [str(s.status_detail) for s in done] == ["finished", "finished"]
    assert done[0].pull_requests[0].pr_url == "https://x/pull/1"
    assert devin_fake.clock.now() > 30  # simulated time, no real wait


def test_blocking_code(devin_fake, devin_sync_client):
    created = devin_sync_client.sessions.create("Bump the lockfile")
    assert str(devin_sync_client.sessions.wait(created.session_id).status) == "running"
    assert devin_fake.state.sessions[created.session_id]["status_detail"] == "finished"


@pytest.mark.asyncio
async def test_blocking_code_inside_async_def(devin_sync_client):
    assert devin_sync_client.sessions.get("devin-abc123def456").title == "Review PR #123"
    await asyncio.sleep(0)
"""

# The README's example, as a user copies it into a fresh project.
README_EXAMPLE = '''
import pytest

from devin_async.testing import ErrorStatus, Story

PR = "https://github.com/acme/app/pull/7"


async def fix_all(client, bugs):  # the code under test
    """One session per bug; ask each for a test too; wait for all; collect the PRs."""
    sessions = [await client.sessions.create(f"Fix {bug}") for bug in bugs]
    for session in sessions:
        await client.sessions.send_message(session.session_id, "Add a regression test")
    done = await client.sessions.wait_many([s.session_id for s in sessions])
    return {str(s.status_detail): [pr.pr_url for pr in s.pull_requests] for s in done}


@pytest.mark.asyncio
async def test_twenty_sessions_settle_in_simulated_time(devin_fake, devin_client):
    assert await fix_all(devin_client, [f"bug #{i}" for i in range(20)]) == {"finished": []}
    assert devin_fake.clock.now() - 1_767_225_600 == 5  # five fake seconds, no real wait


@pytest.mark.asyncio
async def test_pull_requests_are_collected(devin_fake, devin_client):
    devin_fake.state.story = Story().claim().work().finish(after=30, pr=PR)
    devin_fake.faults.add(ErrorStatus(503), method="GET")  # one 503: the client retries
    assert await fix_all(devin_client, ["bug #1"]) == {"finished": [PR]}


@pytest.mark.asyncio
async def test_a_question_waits_for_an_answer(devin_fake, devin_client):
    devin_fake.state.story = Story().claim().work().ask("Which branch?").work().finish(after=5)
    sid = (await devin_client.sessions.create("Deploy the fix")).session_id
    asked = await devin_client.sessions.wait(sid)
    assert str(asked.status_detail) == "waiting_for_user"
    await devin_client.sessions.send_message(sid, "main")
    assert str((await devin_client.sessions.wait(sid)).status_detail) == "finished"


def test_blocking_code(devin_sync_client):
    sid = devin_sync_client.sessions.create("Bump the lockfile").session_id
    assert str(devin_sync_client.sessions.wait(sid).status_detail) == "finished"
'''

BLOCKING_ONLY = """
def test_blocking_code(devin_fake, devin_sync_client):
    assert devin_sync_client.sessions.get("devin-abc123def456").title == "Review PR #123"
    assert devin_fake.state.seen[-1].path.endswith("devin-abc123def456")


def test_devin_client_says_what_it_needs(devin_client):
    pass
"""

# As pytest would load it once the package is installed: blocked under its entry-point
# name, in case this environment has it already, and loaded by module name.
PLUGIN = ["-p", "no:devin_async", "-p", "devin_async.testing.pytest_plugin"]


def run_pytest(tmp_path: Path, *codes: str, args: tuple[str, ...] = (), **env: str) -> str:
    for i, code in enumerate(codes):
        (tmp_path / f"test_user_{i}.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *PLUGIN, *args, "."],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    return done.stdout + done.stderr


@pytest.mark.parametrize("mode", ["strict", "auto"])
def test_the_fixtures_work_with_pytest_asyncio(tmp_path: Path, mode: str) -> None:
    options = ("-o", f"asyncio_mode={mode}", "-o", "asyncio_default_fixture_loop_scope=function")
    out = run_pytest(tmp_path, README_EXAMPLE, USER_TESTS, args=options)
    assert "7 passed" in out, out


def test_blocking_fixtures_work_without_pytest_asyncio(tmp_path: Path) -> None:
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "pytest_asyncio.py").write_text('raise ImportError("not installed")\n')
    out = run_pytest(
        tmp_path,
        BLOCKING_ONLY,
        args=("-p", "no:asyncio"),
        PYTHONPATH=os.pathsep.join([str(hide), str(ROOT)]),
    )
    assert "1 passed" in out and "install pytest-asyncio" in out, out


def test_the_plugin_defines_fixtures_and_no_hook() -> None:
    hooks = [n for n, v in vars(pytest_plugin).items() if n.startswith("pytest_") and callable(v)]
    assert hooks == []
    assert {"devin_fake", "devin_client", "devin_sync_client"} <= set(pytest_plugin.__all__)
