"""CI's one definition: ``.ci/run`` runs ``nox``, which runs the default sessions.

``nox`` is what CI runs: tests, lint, typecheck, demo, and the tests on the oldest
aiohttp allowed (the newest is what a fresh venv gets anyway). The rest of the matrix
runs when named: ``nox -s tests_python`` (the oldest and newest Python: a fresh machine
may have neither) and ``nox -s tests_aiohttp`` (the oldest and newest aiohttp).
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

OLDEST_PYTHON, NEWEST_PYTHON = "3.10", "3.13"
OLDEST_AIOHTTP = "3.13.4"  # pyproject.toml: aiohttp>=3.13.4,<4
NEWEST_AIOHTTP = "aiohttp>=3.13.4,<4"

nox.options.sessions = [
    "tests",
    "lint",
    "typecheck",
    "demo",
    "docs",
    f"tests_aiohttp(aiohttp='{OLDEST_AIOHTTP}')",
]
# A session asked for on a Python that is not installed fails, never skips quietly.
nox.options.error_on_missing_interpreters = True
if hasattr(nox.options, "download_python"):  # nox 2025+ would fetch a missing Python
    nox.options.download_python = "never"  # CI reaches PyPI only


def _interpreter(version: str) -> nox.param:
    """Python ``version`` as nox finds it, or from pyenv when pyenv has it but not active."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    builds = {
        tuple(int(n) for n in p.parts[-3].split(".")): p
        for p in versions.glob(f"{version}.[0-9]*/bin/python{version}")
        if p.parts[-3].replace(".", "").isdigit()
    }
    return nox.param(str(builds[max(builds)]) if builds else version, id=version)


def _pytest(session: nox.Session, *install: str) -> None:
    """The README's install step and test command."""
    session.install("-e", ".[dev]", *install)
    # The typing test skips itself without mypy: make its absence an error instead.
    session.run("python", "-c", "import aiohttp, mypy.api; print('aiohttp', aiohttp.__version__)")
    # pytest's own exit codes fail the session, 5 (no tests collected) included.
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite on the Python that runs nox."""
    _pytest(session)


@nox.session
@nox.parametrize("python", [_interpreter(OLDEST_PYTHON), _interpreter(NEWEST_PYTHON)])
def tests_python(session: nox.Session) -> None:
    """The test suite on the oldest supported and the newest Python."""
    _pytest(session)


@nox.session
@nox.parametrize("aiohttp", [OLDEST_AIOHTTP, "newest"])
def tests_aiohttp(session: nox.Session, aiohttp: str) -> None:
    """The test suite on the oldest and the newest aiohttp the project allows."""
    _pytest(session, NEWEST_AIOHTTP if aiohttp == "newest" else f"aiohttp=={aiohttp}")


@nox.session
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over every file pyproject.toml names, tests with its overrides."""
    session.install("-e", ".[dev]")
    session.run("mypy", "--strict")


@nox.session
def demo(session: nox.Session) -> None:
    """The README's demo, against the bundled fake API (its output shown on failure)."""
    session.install("-e", ".")
    session.run("python", "-m", "devin_async", "demo", silent=True)


@nox.session
def docs(session: nox.Session) -> None:
    """The API reference site, from the docstrings; any warning fails it."""
    session.install("-e", ".[docs]")
    # mkdocs 1.x plugins print a notice about a future mkdocs 2 on every build.
    env = {"DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    session.run(
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(Path(session.create_tmp()) / "site"),
        env=env,
    )
