"""``devin-async`` end to end: subprocess runs of ``python -m devin_async`` against the fake API.

Independent runs are started together (``_run_all``): each pays the interpreter's start-up,
and they overlap. Stdout and stderr are pipes unless a test gives a terminal, so the
default output is JSON lines and no progress bar is drawn.
"""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devin_async import __version__
from devin_async.testing import FAKE_API_KEY, FakeDevin

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if not k.startswith("DEVIN_")}
ENV["PYTHONPATH"] = str(ROOT)
SETTLED = ["devin-abc123def456", "devin-fed987cba654"]  # the fake's seeded sessions
Run = subprocess.CompletedProcess[str]
Command = list[str] | tuple[list[str], str | None]  # args, or args and what to pipe in


def _start(
    args: list[str], stdin: str | None, env: dict[str, str] | None, cwd: Path | None
) -> tuple[subprocess.Popen[str], list[str], str | None]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "devin_async", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or ENV,
        cwd=cwd,
    )
    return proc, args, stdin


def _run_all(
    *commands: Command, env: dict[str, str] | None = None, cwd: Path | None = None
) -> list[Run]:
    """Run each command (a list of args, or ``(args, stdin)``) at once; their results in order."""
    started = [_start(*(c if isinstance(c, tuple) else (c, None)), env, cwd) for c in commands]
    done: list[Run] = []
    for proc, args, stdin in started:
        out, err = proc.communicate(stdin, timeout=60)
        done.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return done


def _cli(*args: str, stdin: str | None = None, **kw: Any) -> Run:
    return _run_all((list(args), stdin), **kw)[0]


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _piped(run: Run) -> None:
    """No progress bar on a pipe: stderr holds whole lines only."""
    assert "\r" not in run.stderr and "\x1b" not in run.stderr, run.stderr


def test_output_modes_json_lines_on_a_pipe_a_table_on_request() -> None:
    listed, table, one = _run_all(
        ["--fake", "sessions", "list"],
        ["sessions", "list", "--fake", "--table", "--tag", "nightly"],
        ["--fake", "--table", "sessions", "get", "devin-abc123def456"],
    )
    assert listed.returncode == 0, listed.stderr
    rows = _lines(listed.stdout)
    assert [r["session_id"] for r in rows] == ["devin-fed987cba654", "devin-abc123def456"]
    first = rows[1]
    assert first["status"] == "running" and first["status_detail"] == "finished"
    assert first["created_at"] == "2024-01-01T00:00:00+00:00"
    assert first["structured_output"] == {"result": "success", "files_modified": 3}
    assert listed.stderr == ""

    assert table.returncode == 0, table.stderr
    header, row, *rest = table.stdout.splitlines()
    assert header.split() == ["SESSION", "STATUS", "ACUS", "UPDATED", "TAGS", "TITLE"]
    assert row.split()[:3] == ["devin-fed987cba654", "suspended/inactivity", "0.75"]
    assert rest == []

    assert one.returncode == 0, one.stderr
    record = dict(line.split(None, 1) for line in one.stdout.splitlines())
    assert record["title"] == "Review PR #123"
    assert json.loads(record["structured_output"]) == {"result": "success", "files_modified": 3}
    for run in (listed, table, one):
        _piped(run)


def test_bulk_commands_exit_codes_and_stdin_ids(tmp_path: Path) -> None:
    ids = "devin-abc123def456\n\n# a comment\n" + json.dumps({"session_id": SETTLED[1]}) + "\n"
    partial, waited, timed_out, terminated, streamed = _run_all(
        ["--fake", "sessions", "get", SETTLED[0], "devin-nope"],
        ["--fake", "sessions", "wait", *SETTLED, "--interval", "0.1"],
        [
            "--fake",
            "sessions",
            "create",
            "Fix it",
            "--wait",
            "--max-wait",
            "0.2",
            "--interval",
            "0.1",
        ],
        ["--fake", "sessions", "terminate", SETTLED[0], "--archive"],
        (["--fake", "sessions", "get-many"], ids + "devin-nope\n"),
    )
    assert partial.returncode == 3
    assert [r["session_id"] for r in _lines(partial.stdout)] == [SETTLED[0]]
    (failure,) = _lines(partial.stderr)
    assert failure["id"] == "devin-nope" and failure["status"] == "failed"
    assert failure["error"]["type"] == "NotFoundError"
    assert failure["error"]["status_code"] == 404

    assert waited.returncode == 0, waited.stderr
    assert [r["session_id"] for r in _lines(waited.stdout)] == SETTLED

    # Fake sessions never settle: the wait ends with the timeout status and the last state.
    assert timed_out.returncode == 5, timed_out.stderr
    assert timed_out.stdout == ""
    (error,) = _lines(timed_out.stderr)
    assert error["error"]["type"] == "WaitTimeoutError"
    assert error["error"]["last"]["status"] == "new"

    assert terminated.returncode == 0, terminated.stderr
    (gone,) = _lines(terminated.stdout)
    assert gone["status"] == "exit" and gone["is_archived"] is True

    assert streamed.returncode == 3
    assert sorted(r["session_id"] for r in _lines(streamed.stdout)) == SETTLED
    assert [f["id"] for f in _lines(streamed.stderr)] == ["devin-nope"]
    for run in (partial, waited, timed_out, terminated, streamed):
        _piped(run)


@pytest.fixture(scope="module")
def served() -> Iterator[FakeDevin]:
    """A fake API in a thread of the test process, for runs that configure a real client."""
    fake = FakeDevin()
    fake.start_in_thread()
    try:
        yield fake
    finally:
        fake.stop_thread()


def test_configuration_auth_create_and_attachments(served: FakeDevin, tmp_path: Path) -> None:
    (tmp_path / "good").write_text(FAKE_API_KEY + "\n")
    (tmp_path / "bad").write_text("cog_wrong_key\n")
    (tmp_path / "notes.txt").write_bytes(b"build log\n")
    schema = {"type": "object", "properties": {"ok": {"type": "boolean"}}}
    (tmp_path / "schema.json").write_text(json.dumps(schema))
    conn = ["--base-url", served.url, "--org-id", served.state.default_org_id]
    key = [*conn, "--api-key-file", str(tmp_path / "good")]
    create = ["sessions", "create", "-", "--title", "Flaky test", "--tag", "ci", "--tag", "flaky"]
    create += ["--playbook", "playbook-9", "--repo", "example/repo", "--max-acu-limit", "5"]
    create += ["--structured-output", "schema.json", "--attach", "notes.txt"]
    refused, missing, on_argv, uploaded, who, created = _run_all(
        [*conn, "--api-key-file", str(tmp_path / "bad"), "sessions", "list"],
        [*conn, "sessions", "list"],
        [*conn, "--api-key", "cog_secret_value", "self"],
        [*key, "attachments", "upload", "notes.txt"],
        ["self", "--table", *key],
        ([*key, *create], "Fix the flaky test"),
        cwd=tmp_path,
    )
    assert refused.returncode == 4
    assert _lines(refused.stderr)[0]["error"]["status_code"] == 401
    assert "cog_wrong_key" not in refused.stderr + refused.stdout

    assert missing.returncode == 4
    assert "no API key" in missing.stderr

    assert on_argv.returncode == 2  # a key on the command line is refused, and never echoed
    assert "cog_secret_value" not in on_argv.stderr

    assert uploaded.returncode == 0, uploaded.stderr
    (attachment,) = _lines(uploaded.stdout)
    assert attachment["name"] == "notes.txt" and attachment["url"].startswith(served.url)

    assert who.returncode == 0, who.stderr
    assert "service_user_name  ci-bot" in who.stdout.splitlines()

    assert created.returncode == 0, created.stderr
    assert _lines(created.stdout)[0]["tags"] == ["ci", "flaky"]
    (body,) = [r.body for r in served.state.seen if r.path.endswith("/sessions") and r.body]
    assert body["prompt"] == "Fix the flaky test" and body["title"] == "Flaky test"
    assert body["structured_output_schema"] == schema and body["max_acu_limit"] == 5
    assert body["playbook_id"] == "playbook-9" and body["repos"] == ["example/repo"]
    assert [url.rsplit("/", 1)[-1] for url in body["attachment_urls"]] == ["notes.txt"]

    uuid = attachment["attachment_id"]
    get = [*key, "attachments", "download", uuid, "notes.txt"]
    to_file, to_stdout, over = _run_all(
        [*get, "--to", str(tmp_path / "copy.txt")], [*get, "--to", "-"], get, cwd=tmp_path
    )
    assert to_file.returncode == 0, to_file.stderr
    assert (tmp_path / "copy.txt").read_bytes() == b"build log\n"
    assert _lines(to_file.stdout) == [{"path": str(tmp_path / "copy.txt"), "bytes": 10}]
    assert to_stdout.returncode == 0 and to_stdout.stdout == "build log\n"
    assert over.returncode == 2 and "exists" in over.stderr  # never overwrites by default


def test_api_escape_hatch(tmp_path: Path) -> None:
    (tmp_path / "body.json").write_text('{"prompt": "Write the changelog", "tags": ["docs"]}')
    page, created, missing = _run_all(
        ["--fake", "api", "get", "/v3/organizations/{org_id}/sessions?first=1"],
        ["--fake", "api", "POST", "/v3/organizations/{org_id}/sessions", "-d", "@body.json"],
        ["--fake", "api", "GET", "/v3/nowhere", "-p", "x=1"],
        cwd=tmp_path,
    )
    assert page.returncode == 0, page.stderr
    (answer,) = _lines(page.stdout)
    assert len(answer["items"]) == 1 and answer["has_next_page"] is True

    assert created.returncode == 0, created.stderr
    assert _lines(created.stdout)[0]["tags"] == ["docs"]

    assert missing.returncode == 1
    assert _lines(missing.stderr)[0]["error"]["status_code"] == 404


def _with_terminal_stderr(
    args: list[str], *, interrupt_after: str | None = None
) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (stdout a pipe); optionally Ctrl-C once stderr
    shows ``interrupt_after``. Returns the status, stdout and what the terminal showed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "devin_async", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env={**ENV, "TERM": "xterm"},  # a terminal that can redraw a line
    )
    os.close(follower)
    shown = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the process is gone
                break
            shown += chunk
            if interrupt_after and interrupt_after.encode() in shown:
                proc.send_signal(signal.SIGINT)
                interrupt_after = None
        elif proc.poll() is not None:
            break
    os.close(leader)
    stdout, _ = proc.communicate(timeout=60)
    return proc.returncode, stdout.decode(), shown.decode(errors="replace")


def test_progress_on_a_terminal_and_ctrl_c() -> None:
    status, stdout, shown = _with_terminal_stderr(["--fake", "sessions", "wait", *SETTLED])
    assert status == 0
    assert "waiting" in shown and "2/2" in shown  # drawn on the terminal, then rubbed out
    assert len(_lines(stdout)) == 2

    status, stdout, shown = _with_terminal_stderr(
        ["--fake", "-v", "--table", "sessions", "create", "Long job", "--wait"],
        interrupt_after="waiting for it to settle",
    )
    assert status == 130, shown
    assert "interrupted" in shown
    assert "Traceback" not in shown and "Unclosed" not in shown
    assert stdout == ""


def test_completion_script_completes_from_the_tree() -> None:
    bash = _cli("completion", "bash")
    assert bash.returncode == 0
    assert "complete -o default -F _devin_async devin-async" in bash.stdout
    probe = 'eval "$1"; COMP_WORDS=(devin-async sessions l); COMP_CWORD=2; _devin_async; '
    probe += 'echo "${COMPREPLY[*]}"; COMP_WORDS=(devin-async --json sessions get --api-key ""); '
    probe += 'COMP_CWORD=5; _devin_async; echo "${COMPREPLY[*]}"'
    done = subprocess.run(
        ["bash", "-c", probe, "_", bash.stdout], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["list", "prompt"]


def test_help_imports_nothing_heavy() -> None:
    # The package's own __init__ is left out (it imports the whole SDK today): this is
    # what the command line adds on its way to --help.
    probe = f"""
import sys, types
package = types.ModuleType("devin_async")
package.__path__ = [{str(ROOT / "devin_async")!r}]
sys.modules["devin_async"] = package
from devin_async._cli import main
for argv in (["--help"], ["sessions", "create", "--help"]):
    try:
        main(argv)
    except SystemExit:
        pass
heavy = sorted(m for m in ("aiohttp", "attrs", "cattrs", "orjson", "tenacity", "asyncio",
                          "devin_async._client", "devin_async.models") if m in sys.modules)
print(heavy, file=sys.stderr)
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=ENV, check=True
    )
    assert done.stderr.strip() == "[]"
    assert "exit status:" in done.stdout and "--structured-output SCHEMA_FILE" in done.stdout


def test_the_installed_entry_point_runs_this_cli() -> None:
    script = Path(sys.executable).with_name("devin-async")
    if not script.exists():
        pytest.skip("devin-async is not installed next to this interpreter")
    done = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, env=ENV, check=True
    )
    assert done.stdout == f"devin-async {__version__}\n"
