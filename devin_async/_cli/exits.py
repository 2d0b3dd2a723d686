"""What ``devin-async``'s exit status means; stdlib only (the ``--help`` path reads it)."""

from __future__ import annotations

__all__ = [
    "AUTH",
    "ERROR",
    "EXIT_CODES",
    "INTERRUPTED",
    "OK",
    "SOME_FAILED",
    "TIMEOUT",
    "USAGE",
    "UsageError",
]

OK = 0
ERROR = 1
USAGE = 2  # argparse's own code for bad arguments
SOME_FAILED = 3
AUTH = 4
TIMEOUT = 5
INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C

EXIT_CODES = (
    (OK, "success"),
    (ERROR, "error: the API refused the call, the connection failed, a file was unreadable"),
    (USAGE, "usage: bad arguments or configuration (no org id, a bad base URL)"),
    (SOME_FAILED, "some ids failed (get, get-many, wait, terminate, insights); the others ran"),
    (AUTH, "authentication: no API key, or the API refused it (401, 403)"),
    (TIMEOUT, "timeout: a request timed out, or a wait ended before the session settled"),
    (INTERRUPTED, "interrupted by Ctrl-C; calls in flight were cancelled"),
)


class UsageError(Exception):
    """Arguments that parse but do not fit together (exit 2)."""
