"""Legacy, blocking code: the same client without ``await``.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/blocking_script.py
"""

from __future__ import annotations

import devin_async


def main() -> None:
    with devin_async.Devin() as client:
        for s in client.sessions.list(limit=20):
            print(f"{s.session_id}  {s.status!s:<10} {s.acus_consumed:6.2f} ACUs  {s.title or ''}")
        try:
            client.sessions.get("devin-does-not-exist")
        except devin_async.NotFoundError as exc:
            print(f"as expected: {exc}")


if __name__ == "__main__":
    main()
