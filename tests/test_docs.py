"""Every ``python`` block of the README and every program in ``examples/`` runs, unchanged,
against the bundled fake API (issue 17.4): an example that does not run fails the build.

A block runs as a script in a fresh interpreter whose environment points the client at a
fake API served from a thread: ``DEVIN_API_KEY``, ``DEVIN_ORG_ID``, ``DEVIN_BASE_URL``. A
block preceded by ``<!-- test: pytest -->`` is a test file: it runs under pytest in an empty
folder, as in a user's fresh project.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from devin_async.testing import FAKE_API_KEY, FakeDevin

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
BLOCK = re.compile(r"^(<!-- test: (?P<kind>\w+) -->\n)?```python\n(?P<code>.*?)^```", re.S | re.M)


def _blocks() -> Iterator[object]:
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start("code")) + 1
            kind = match.group("kind") or "script"
            yield pytest.param(kind, match.group("code"), id=f"{doc.name}:{line}")


@pytest.fixture
def fake_env() -> Iterator[dict[str, str]]:
    fake = FakeDevin(speed=100)  # sessions settle in ~50 ms, so examples that wait end soon
    url = fake.start_in_thread()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEVIN_")}
    env.update(
        DEVIN_API_KEY=FAKE_API_KEY,
        DEVIN_ORG_ID=fake.state.default_org_id,
        DEVIN_BASE_URL=url,
        PYTHONPATH=str(ROOT),
    )
    try:
        yield env
    finally:
        fake.stop_thread()


def _run(args: list[str], env: dict[str, str], cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"


def test_the_docs_have_blocks_and_examples() -> None:
    assert len(list(_blocks())) >= 10
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("kind", "code"), list(_blocks()))
def test_readme_block_runs(kind: str, code: str, fake_env: dict[str, str], tmp_path: Path) -> None:
    if kind == "pytest":
        (tmp_path / "test_readme_example.py").write_text(code, encoding="utf-8")
        # As in a user's fresh project: no configuration, pytest-asyncio in strict mode.
        _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "."], fake_env, tmp_path)
    else:
        assert kind == "script", f"unknown block kind {kind!r}"
        _run(["-W", "error", "-c", code], fake_env, tmp_path)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(example: Path, fake_env: dict[str, str], tmp_path: Path) -> None:
    _run(["-W", "error", str(example)], fake_env, tmp_path)
