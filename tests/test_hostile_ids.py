"""Issue 16.8: an answer about another session than the one asked for is an error, never a
result filed under the wrong id."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp import web
from hostile import hostile
from inproc import V1_SESSION, V3_SESSION

from devin_async import DecodeError, OutcomeStatus


def _evil(base: dict[str, Any]) -> Any:
    async def handler(request: web.Request) -> web.Response:
        asked = request.path.rsplit("/", 1)[-1]
        answered = "devin-EVIL" if asked == "devin-1" else asked
        return web.json_response({**base, "session_id": answered})

    return handler


@pytest.mark.parametrize(
    ("base", "get"),
    [
        (V3_SESSION, lambda c: c.sessions.get("devin-1")),
        (V3_SESSION, lambda c: c.enterprise.sessions.get("devin-1")),
        (V1_SESSION, lambda c: c.v1.sessions.get("devin-1")),
    ],
    ids=["v3", "enterprise", "v1"],
)
async def test_get_refuses_an_answer_about_another_session(base: Any, get: Any) -> None:
    async with hostile(_evil(base)) as client:
        with pytest.raises(DecodeError, match="devin-1 answered session 'devin-EVIL'"):
            await get(client)


async def test_get_many_never_files_a_session_under_another_id() -> None:
    async with hostile(_evil(V3_SESSION)) as client:
        outcomes = await client.sessions.get_many(
            ["devin-0", "devin-1", "devin-2"], on_error="return"
        )
    assert [o.status for o in outcomes] == ["ok", "failed", "ok"]
    assert [o.value.session_id for o in outcomes if o.value] == ["devin-0", "devin-2"]
    assert isinstance(outcomes[1].error, DecodeError)
    assert outcomes[1].status is OutcomeStatus.FAILED


async def test_wait_many_refuses_it_too() -> None:
    async with hostile(_evil(V3_SESSION)) as client:
        outcomes = await client.sessions.wait_many(
            ["devin-1", "devin-3"], on_error="return", until=lambda s: True
        )
    assert [(o.id, o.status) for o in outcomes] == [("devin-1", "failed"), ("devin-3", "ok")]
