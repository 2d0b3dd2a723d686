"""A transport that notes the first request a call sends and stops it there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from devin_async import AsyncDevin, Request, Response
from devin_async._pagination import AsyncPaginator

Call = Callable[[AsyncDevin], Any]
# What a request is made of, for comparing: method, path, query pairs and JSON body.
Sent = tuple[str, str, list[tuple[str, str]], Any]


class Recorded(Exception):
    """Raised by ``record`` with the request it saw: no answer is needed."""

    def __init__(self, request: Request):
        super().__init__(f"{request.method} {request.path}")
        self.request = request


async def record(request: Request) -> Response:
    raise Recorded(request)


async def drive(result: Any) -> Any:
    """Await a call, or walk a list call's pages."""
    return await (result.to_list() if isinstance(result, AsyncPaginator) else result)


async def sent(call: Call) -> Request:
    """The request ``call(client)`` sends first (the client's organization: ``org-1``)."""
    async with AsyncDevin(api_key="cog_test", org_id="org-1", transport=record) as client:
        with pytest.raises(Recorded) as caught:
            await drive(call(client))
    return caught.value.request


async def what_is_sent(call: Call) -> Sent:
    request = await sent(call)
    return request.method, request.path, list(request.params), request.json
