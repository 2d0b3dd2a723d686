"""ACU consumption of the last 30 days, by day, and the most expensive sessions.

DEVIN_API_KEY=cog_... DEVIN_ORG_ID=org-... python examples/acu_report.py
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import devin_async


async def main() -> None:
    since = datetime.now(timezone.utc) - timedelta(days=30)
    async with devin_async.AsyncDevin() as client:
        usage = await client.consumption.daily(time_after=since)
        print(f"{usage.total_acus:.2f} ACUs since {since:%Y-%m-%d}")
        for day in usage.consumption_by_date:
            print(f"  {day.date:%Y-%m-%d}  {day.acus:8.2f}")
        sessions = await client.sessions.list(limit=1000).to_list()
        print("most expensive sessions:")
        for s in sorted(sessions, key=lambda s: s.acus_consumed or 0, reverse=True)[:5]:
            print(f"  {s.session_id}  {s.acus_consumed or 0:6.2f}  {s.title or ''}")


if __name__ == "__main__":
    asyncio.run(main())
