"""Every v3 organization endpoint (and /v3/self) of the inventory has a public method.

Each public method of the v3 namespaces is called through a recording transport with
arguments made from its signature; the (method, path template) pairs seen must be
exactly the inventory's list, copied into ``tests/data/endpoints_v3_org.json``.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import pytest

from devin_async import AsyncDevin, Request, Response
from devin_async._fanout.resource import SessionFanOut
from devin_async._pagination import AsyncPaginator
from devin_async.testing import FakeState, create_app

ENDPOINTS = json.loads((Path(__file__).parent / "data" / "endpoints_v3_org.json").read_text())
TEMPLATES = {(e["method"], e["path"]) for e in ENDPOINTS["endpoints"]}
NAMESPACES = (
    "sessions",
    "attachments",
    "knowledge",
    "playbooks",
    "secrets",
    "schedules",
    "metrics",
    "consumption",
    "code_scans",
    "pr_reviews",
    "self",
)
# Arguments a signature cannot suggest.
SPECIAL = {"upload": {"file": b"data", "filename": "notes.txt"}}


class Recorded(Exception):
    """Raised by the transport once it has noted a request: no answer is needed here."""


def _template_of(method: str, path: str) -> tuple[str, str] | None:
    """The inventory template a concrete path fills; a literal segment beats a placeholder."""
    candidates = []
    for m, template in TEMPLATES:
        pattern = "^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$"
        if m == method and re.match(pattern, path):
            candidates.append((template.count("{"), template))
    return (method, min(candidates)[1]) if candidates else None


def _argument(name: str, annotation: str) -> Any:
    if "Sequence" in annotation:
        return ["x"]
    if "Timestamp" in annotation or "int" in annotation:
        return 1700000000
    return "x"


async def _call(method: Any, name: str) -> None:
    args: list[Any] = []
    kwargs: dict[str, Any] = dict(SPECIAL.get(name, {}))
    for param in inspect.signature(method).parameters.values():
        if param.default is not inspect.Parameter.empty or param.name in kwargs:
            continue
        if param.kind is param.POSITIONAL_OR_KEYWORD:
            args.append(_argument(param.name, str(param.annotation)))
        elif param.kind is param.KEYWORD_ONLY:
            kwargs[param.name] = _argument(param.name, str(param.annotation))
    result = method(*args, **kwargs)
    if isinstance(result, AsyncPaginator):
        async for _ in result:
            break
    else:
        await result


def _public_methods(client: AsyncDevin) -> list[tuple[str, Any]]:
    found = []
    for namespace in NAMESPACES:
        resource = getattr(client, namespace)
        for name, member in inspect.getmembers(resource, inspect.ismethod):
            # Fan-out helpers (get_many, wait, ...) are built on get: no endpoint of their own.
            if not name.startswith("_") and name not in vars(SessionFanOut):
                found.append((f"{namespace}.{name}", member))
    return found


async def test_every_v3_org_endpoint_has_a_method() -> None:
    seen: dict[tuple[str, str], str] = {}
    current = ""

    async def record(request: Request) -> Response:
        template = _template_of(request.method, request.path)
        assert template is not None, f"{current} sent {request.method} {request.path}"
        seen[template] = current
        raise Recorded

    async with AsyncDevin(api_key="cog_test", org_id="org-1", transport=record) as client:
        methods = _public_methods(client)
        for current, method in methods:
            with pytest.raises(Recorded):
                await _call(method, current.rsplit(".", 1)[1])

    missing = sorted(TEMPLATES - set(seen))
    assert not missing, f"endpoints with no method: {missing}"
    assert len(ENDPOINTS["endpoints"]) == 56  # 55 organization endpoints and /v3/self
    # Each method reaches its own endpoint: none is an alias of another.
    assert len(methods) == len(seen) == len(TEMPLATES)


def test_the_fake_api_serves_every_v3_org_endpoint() -> None:
    app = create_app(FakeState())
    served = {
        (route.method, re.sub(r"\{\w+\}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None
    }
    wanted = {(m, re.sub(r"\{\w+\}", "{}", path)) for m, path in TEMPLATES}
    assert sorted(wanted - served) == []
