"""Start-up time of ``devin-async --help``, beside ``python -c pass`` and the imports it avoids.

    python benchmarks/bench_cli_startup.py [--runs 20] [--importtime]

Every row is a fresh interpreter, run ``--runs`` times; the rows take turns so that the
machine's drift touches each alike. Prints the median wall time of each row and its
ratio to ``python -c pass``. Target: ``devin-async --help`` under 0.3 s. The "CLI alone"
row parses ``--help`` with the package's ``__init__`` skipped: the part of the start-up
that is the command line's own, whatever the package import costs.
``--importtime`` adds the slowest imports of ``python -X importtime -m devin_async --help``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 0.3  # seconds, for `devin-async --help`

# The command line's modules with the package __init__ left out (see the module docstring).
_CLI_ALONE = f"""
import sys, types
package = types.ModuleType("devin_async")
package.__path__ = [{str(ROOT / "devin_async")!r}]
sys.modules["devin_async"] = package
from devin_async._cli import main
try:
    main(["--help"])
except SystemExit:
    pass
"""


def _rows() -> dict[str, list[str]]:
    python = sys.executable
    rows = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import aiohttp'": [python, "-c", "import aiohttp"],
        "python -c 'import devin_async'": [python, "-c", "import devin_async"],
        "CLI alone (no package __init__)": [python, "-c", _CLI_ALONE],
        "python -m devin_async --help": [python, "-m", "devin_async", "--help"],
    }
    script = Path(python).with_name("devin-async")
    found = str(script) if script.exists() else shutil.which("devin-async")
    if found:
        rows["devin-async --help (entry point)"] = [found, "--help"]
    return rows


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)  # this checkout, also for the installed entry point
    env.pop("PYTHONSTARTUP", None)
    return env


def _time_once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _importtime(env: dict[str, str], top: int = 12) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "devin_async", "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    entries = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            entries.append((int(parts[1]), parts[2].rstrip()))
    print("\nslowest imports of `python -m devin_async --help` (cumulative, us):")
    for cumulative, name in sorted(entries, reverse=True)[:top]:
        print(f"  {cumulative:>8}  {name}")
    heavy = [n.strip() for _, n in entries if n.strip().split(".")[0] in ("aiohttp", "cattrs")]
    print(f"aiohttp/cattrs imported: {'yes: ' + ', '.join(heavy[:5]) if heavy else 'no'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per row (default 20)")
    parser.add_argument("--importtime", action="store_true", help="list the slowest imports")
    args = parser.parse_args()
    env = _env()
    rows = _rows()
    times: dict[str, list[float]] = {name: [] for name in rows}
    for argv in rows.values():  # one untimed run each: the OS's file cache
        _time_once(argv, env)
    for _ in range(args.runs):
        for name, argv in rows.items():
            times[name].append(_time_once(argv, env))
    base = statistics.median(times["python -c pass"])
    print(f"Python {sys.version.split()[0]}, {args.runs} runs per row, medians:")
    width = max(len(name) for name in rows)
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<{width}}  {median * 1000:7.1f} ms  {median / base:5.1f}x")
    helps = [statistics.median(times[n]) for n in times if n.endswith(("--help", "(entry point)"))]
    verdict = "met" if max(helps) < TARGET else "NOT met"
    print(f"target: devin-async --help under {TARGET:.1f} s: {verdict} ({max(helps):.3f} s)")
    if args.importtime:
        _importtime(env)


if __name__ == "__main__":
    main()
