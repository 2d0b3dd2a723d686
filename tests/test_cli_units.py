"""The command line in process: argument rules, each API family on the fake, and the pure
pieces (rendering, exit status, id input, the progress line, completion)."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson
import pytest

from devin_async import (
    AuthenticationError,
    NotFoundError,
    Outcome,
    OutcomeStatus,
    WaitTimeoutError,
)
from devin_async._cli import main
from devin_async._cli.bulk import ids_in
from devin_async._cli.completion import nodes, option_kinds, script
from devin_async._cli.exits import UsageError
from devin_async._cli.output import Output
from devin_async._cli.parser import build_parser, parse_when
from devin_async._cli.progress import PlainBar
from devin_async._cli.render import (
    Column,
    cell,
    columns_for,
    record_lines,
    table_lines,
    to_data,
)
from devin_async._cli.report import batch_exit, error_data
from devin_async.models import SessionResponse, SessionStatus

Cli = Callable[..., tuple[int, str, str]]
SESSION = "devin-abc123def456"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """``main(argv)`` in this process: its status, stdout and stderr."""
    for name in ("DEVIN_API_KEY", "DEVIN_ORG_ID", "DEVIN_BASE_URL"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            status = main(list(argv))
        except SystemExit as exc:  # argparse
            status = int(exc.code or 0)
        out, err = capsys.readouterr()
        return status, out, err

    return run


def _json(text: str) -> list[Any]:
    return [json.loads(line) for line in text.splitlines()]


def test_arguments_that_do_not_fit_are_usage_errors(cli: Cli) -> None:
    status, _, err = cli()
    assert status == 2 and "COMMAND" in err
    assert cli("sessions")[0] == 2
    status, _, err = cli("--fake", "sessions", "list", "--v1", "--repo", "x", "--archived")
    assert status == 2
    assert _json(err)[0]["error"]["message"] == (
        "not a filter of v1 sessions: --repo, --archived/--not-archived"
    )
    assert cli("--fake", "sessions", "terminate", SESSION, "--v1", "--archive")[0] == 2
    assert cli("--fake", "--base-url", "http://127.0.0.1:1", "self")[0] == 2
    assert cli("--fake", "api", "GET", "https://elsewhere.example/v3/self")[0] == 2
    assert cli("--fake", "api", "GET", "/v3/{who}")[0] == 2
    assert cli("--fake", "api", "POST", "/v3/self", "-d", "{not json")[0] == 2
    assert cli("sessions", "wait", SESSION, "--max-wait", "0")[0] == 2
    status, _, err = cli("--api-key", "cog_live_secret", "self")
    assert status == 2 and "cog_live_secret" not in err


def test_list_filters_reach_the_api(cli: Cli) -> None:
    def listed(*filters: str) -> list[str]:
        status, out, err = cli("--fake", "sessions", "list", *filters)
        assert status == 0, err
        return [s["session_id"] for s in _json(out)]

    nightly = ["devin-fed987cba654"]
    assert listed("--tag", "nightly") == nightly
    assert listed("--created-after", "2024-02-01") == nightly
    assert listed("--created-before", "2024-01-15T00:00:00Z") == [SESSION]
    assert listed("--origin", "scheduled", "--origin", "webapp") == nightly
    assert listed("--limit", "1") == nightly
    assert listed("--archived") == []
    assert listed("--enterprise", "--in-org", "org-abc123def456", "--tag", "review") == [SESSION]
    assert listed("--v1", "--tag", "nightly") == nightly


def test_each_family_through_the_same_commands(cli: Cli) -> None:
    status, out, _ = cli("--fake", "sessions", "get", "--enterprise", "devin-fed987cba654")
    assert status == 0 and _json(out)[0]["origin"] == "scheduled"
    status, out, _ = cli("--fake", "sessions", "insights", SESSION, "--enterprise")
    assert status == 0 and _json(out)[0]["analysis"]["classification"]["confidence"] == 0.92
    status, out, _ = cli("--fake", "sessions", "get", "--v1", SESSION)
    (old,) = _json(out)
    assert status == 0 and len(old["messages"]) == 4
    status, out, _ = cli("--fake", "sessions", "create", "--v1", "Bump deps", "--tag", "deps")
    assert status == 0 and _json(out)[0]["session_id"].startswith("devin-")
    status, out, _ = cli("--fake", "sessions", "message", "--v1", SESSION, "-", stdin="And docs")
    assert status == 0
    status, out, _ = cli("--fake", "sessions", "terminate", "--v1", SESSION)
    (ended,) = _json(out)
    assert status == 0 and ended["session_id"] == SESSION and "detail" in ended
    status, out, _ = cli("--fake", "sessions", "message", SESSION, "Add tests")
    assert status == 0 and _json(out)[0]["status_detail"] == "working"
    status, out, _ = cli("--fake", "self")
    assert status == 0 and _json(out) == [
        {
            "principal_type": "service_user",
            "org_id": "org-abc123def456",
            "service_user_id": "service-user-1",
            "service_user_name": "ci-bot",
        }
    ]


def test_get_many_reads_a_file(cli: Cli, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{SESSION}\ndevin-fed987cba654\n{SESSION}\n")
    status, out, _ = cli("--fake", "sessions", "get-many", str(ids), "--concurrency", "2")
    # No de-duplication while streaming: an id listed twice is fetched twice.
    assert status == 0 and len(_json(out)) == 3
    assert cli("--fake", "sessions", "get-many", str(tmp_path / "none.txt"))[0] == 1


def test_api_body_from_stdin(cli: Cli) -> None:
    status, out, err = cli(
        "--fake", "api", "POST", "/v3/organizations/{org_id}/sessions", "-d", "-",
        stdin='{"prompt": "hello"}',
    )  # fmt: skip
    assert status == 0, err
    assert _json(out)[0]["status"] == "new"
    status, out, _ = cli("--fake", "--table", "api", "GET", "/v3/self")
    assert status == 0 and json.loads(out)["service_user_name"] == "ci-bot"  # indented


def test_demo_is_still_a_command(cli: Cli) -> None:
    status, out, _ = cli("demo")
    assert status == 0
    assert out.startswith("fake Devin API serving at http://127.0.0.1:")
    assert "raised NotFoundError" in out and "every id in input order: True" in out
    # Batched, 500 ids take a handful of requests; one by one, the faults it announces keep
    # firing (one request in six), so the retries number in the tens.
    batched = re.search(r"500 fetched in (\d+) requests", out)
    assert batched is not None and int(batched.group(1)) < 20
    one_by_one = re.search(r"batch=False: 500 fetched in (\d+) requests, 0 failed, (\d+)", out)
    assert one_by_one is not None and int(one_by_one.group(1)) > 500
    assert int(one_by_one.group(2)) > 30


# Pure pieces.


def _session(**fields: Any) -> SessionResponse:
    base: dict[str, Any] = {
        "session_id": SESSION,
        "status": SessionStatus.RUNNING,
        "org_id": "org-1",
        "url": "https://app.devin.ai/sessions/abc",
        "created_at": datetime(2024, 1, 1, tzinfo=timezone.utc),
        "updated_at": datetime(2024, 1, 1, 0, 5, tzinfo=timezone.utc),
        "acus_consumed": 2.5,
        "pull_requests": [],
        "tags": ["a", "b"],
    }
    return SessionResponse(**{**base, **fields})


def test_json_keeps_fields_this_sdk_does_not_know() -> None:
    data = to_data(_session(title="T", extra={"priority": "high"}))
    assert data["priority"] == "high"
    assert data["status"] == "running"
    assert data["created_at"] == "2024-01-01T00:00:00+00:00"
    assert data["title"] == "T" and data["tags"] == ["a", "b"]


def _nested(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize("levels", [255, 1000])  # orjson's own limit; near the SDK's 1024
def test_an_answer_nested_as_deep_as_the_sdk_reads_is_printed(levels: int) -> None:
    limit = sys.getrecursionlimit()
    deep = _nested(levels)
    for format in ("json", "table"):
        stdout = io.StringIO()
        output = Output(format, stdout, io.StringIO())
        output.item(_session(structured_output=deep))  # a model: to_data, then JSON
        output.data({"items": [deep]})  # the api command's raw JSON (indented in a table)
        output.close()
        text, written = stdout.getvalue(), "[" * levels + "1" + "]" * levels
        if format == "json":  # (== on data this deep would itself overflow the stack)
            model, raw = text.splitlines()
            assert f'"structured_output":{written}' in model and raw == f'{{"items":[{written}]}}'
            assert orjson.loads(model)["session_id"] == SESSION
        else:
            assert written in text.replace(" ", "").replace("\n", "")
    assert sys.getrecursionlimit() == limit  # raised for the dump only


def test_cells_and_tables() -> None:
    assert [cell(v) for v in (None, True, 2.0, SessionStatus.EXIT, ["x", "y"], [], 7)] == [
        "-", "yes", "2", "exit", "x,y", "-", "7",
    ]  # fmt: skip
    assert cell(datetime(2024, 3, 1, 12, 30, 59, tzinfo=timezone.utc)) == "2024-03-01 12:30"
    assert cell({"k": [1]}) == '{"k":[1]}'
    rows = [_session(title="A rather long title for a table"), _session(title=None)]
    header, first, second = table_lines(columns_for(rows[0]), rows)
    assert header.split() == ["SESSION", "STATUS", "ACUS", "UPDATED", "TAGS", "TITLE"]
    assert first.endswith("A rather long title for a table")
    assert second.split()[-2:] == ["a,b", "-"]
    narrow = table_lines(columns_for(rows[0]), rows, width=len(first) - 10)
    assert narrow[1].endswith("A rather long title…")
    assert max(len(line) for line in narrow) <= len(first) - 10
    # Mappings and unknown models: a column per top-level field.
    assert table_lines(columns_for({"name": "f", "url": "u"}), [{"name": "f", "url": "u"}]) == [
        "NAME  URL",
        "f     u",
    ]
    assert record_lines({"title": "T", "none": None, "tags": ["a"], "extra": {"x": 1}}) == [
        "title  T",
        "tags   a",
        'extra  {"x":1}',
    ]
    assert table_lines([Column("N", lambda r: r)], ["line\nbreak"]) == ["N", "line break"]


def test_exit_status_of_a_batch() -> None:
    ok = Outcome("a", OutcomeStatus.OK, 1)
    missing: Outcome[int] = Outcome(
        "b", OutcomeStatus.FAILED, error=NotFoundError("x", status_code=404)
    )
    refused: Outcome[int] = Outcome(
        "c", OutcomeStatus.FAILED, error=AuthenticationError("x", status_code=401)
    )
    late: Outcome[int] = Outcome(
        "d", OutcomeStatus.TIMED_OUT, error=WaitTimeoutError("d", 1.0, None)
    )
    assert batch_exit([ok]) == 0
    assert batch_exit([ok, late]) == 5
    assert batch_exit([late, missing]) == 3
    assert batch_exit([late, missing, refused]) == 4
    assert error_data(missing.error or Exception()) == {
        "type": "NotFoundError",
        "message": "x",
        "status_code": 404,
    }


def test_ids_from_lines() -> None:
    lines = [" devin-a \n", "\n", "# skipped\n", '{"session_id": "devin-b", "x": 1}\n']
    assert ids_in(lines) == ["devin-a", "devin-b"]
    with pytest.raises(UsageError, match="line 1"):
        ids_in(['{"id": "devin-a"}'])


def test_plain_bar_redraws_at_most_ten_times_a_second() -> None:
    stream, now = io.StringIO(), [0.0]
    bar = PlainBar(stream, "waiting", 4, clock=lambda: now[0])
    bar.update(1)
    bar.update(2)  # within 0.1 s: not drawn
    now[0] = 12.0
    bar.update(3, failed=1, timed_out=1)
    assert stream.getvalue().count("\r") == 2
    assert bar.line(12.0) == "waiting  [##################------]  3/4  1 failed  1 timed out  12s"
    bar.update(4)  # the last id is always drawn
    bar.close()
    assert stream.getvalue().endswith("\r\x1b[K")
    assert PlainBar(io.StringIO(), "listing", None, clock=lambda: 0.0).line(3.0) == "listing  0  3s"


def test_output_modes_of_errors_and_notes() -> None:
    out, err = io.StringIO(), io.StringIO()
    table = Output("table", out, err)
    table.note("created devin-x")
    table.error(NotFoundError("gone", status_code=404))
    lines = Output("json", out, err)
    lines.note("not in JSON mode")
    lines.error(NotFoundError("gone", status_code=404))
    assert err.getvalue().splitlines() == [
        "created devin-x",
        "devin-async: error: gone",
        '{"error":{"type":"NotFoundError","message":"gone","status_code":404}}',
    ]


def test_when_is_epoch_seconds_or_iso() -> None:
    assert parse_when("1717171717") == 1717171717
    assert parse_when("2024-06-01") == datetime(2024, 6, 1, tzinfo=timezone.utc)
    assert parse_when("2024-06-01T12:00:00Z") == datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
    with pytest.raises(Exception, match="ISO"):
        parse_when("yesterday")


def test_completion_tree_and_zsh_script() -> None:
    parser = build_parser()
    tree = {node.path: node for node in nodes(parser)}
    assert [name for name, _ in tree["sessions"].commands] == [
        "list", "get", "get-many", "create", "message", "wait", "terminate", "insights",
    ]  # fmt: skip
    assert tree["completion"].choices == ["bash", "zsh"]
    kinds = option_kinds(parser)
    assert kinds["--attach"] == kinds["--api-key-file"] == "file"
    assert kinds["--api-key"] == "choice:prompt" and kinds["--wait"] == "flag"
    zsh = script("zsh", parser)
    assert zsh.startswith("#compdef devin-async") and "compdef _devin_async devin-async" in zsh
    if shutil.which("zsh"):
        subprocess.run(["zsh", "-n", "-c", zsh], check=True)


def test_rich_table_when_installed() -> None:
    pytest.importorskip("rich")
    from devin_async._cli import fancy

    stream = io.StringIO()
    fancy.print_table(stream, columns_for(_session()), [_session(title="[bold]x[/bold]")])
    text = stream.getvalue()
    assert "SESSION" in text and "[bold]x[/bold]" in text  # cell text is never markup


def test_version_flag(cli: Cli) -> None:
    status, out, _ = cli("--version")
    assert status == 0 and out.startswith("devin-async ")
    assert os.environ.get("DEVIN_API_KEY") is None
