"""Every v3 enterprise endpoint of the inventory has a public method.

Each public method of ``client.enterprise.<group>`` is called through a recording
transport with arguments made from its signature, once as it is and, when it takes an
optional ``org_id``, once more narrowed to an organization. The (method, path template)
pairs seen must be exactly the inventory's list, copied into
``tests/data/endpoints_v3_enterprise.json``.
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
from devin_async.models import GitPermissionSpec, OrgGroup
from devin_async.testing import FakeState, create_app

ENDPOINTS = json.loads(
    (Path(__file__).parent / "data" / "endpoints_v3_enterprise.json").read_text()
)["endpoints"]
TEMPLATES = {(e["method"], e["path"]) for e in ENDPOINTS}
# Arguments a name cannot suggest.
SPECIAL: dict[str, Any] = {
    "permissions": [GitPermissionSpec(git_connection_id="git-connection-1")],
    "groups": {"g": OrgGroup(org_ids=["org-1"])},
    "time_after": 1_700_000_000,
    "time_before": 1_700_086_400,
    "cycle_acu_limit": 10,
}
LISTS = {"tags", "emails", "ip_ranges", "idp_group_names"}
# Optional arguments a method refuses to go without all of.
EXTRA: dict[str, dict[str, Any]] = {"organizations.update": {"name": "Renamed"}}


class Recorded(Exception):
    """Raised by the transport once it has noted a request: no answer is needed here."""


def template_of(method: str, path: str) -> tuple[str, str] | None:
    """The inventory template a concrete path fills; a literal segment beats a placeholder."""
    candidates = []
    for m, template in TEMPLATES:
        pattern = "^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$"
        if m == method and re.match(pattern, path):
            candidates.append((template.count("{"), template))
    return (method, min(candidates)[1]) if candidates else None


def arguments(method: Any) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in inspect.signature(method).parameters.values():
        if param.default is not inspect.Parameter.empty or param.kind is param.VAR_KEYWORD:
            continue
        value = SPECIAL.get(param.name, ["x"] if param.name in LISTS else f"{param.name}-1")
        if param.kind is param.POSITIONAL_OR_KEYWORD:
            args.append(value)
        else:
            kwargs[param.name] = value
    return args, kwargs


async def run(result: Any) -> None:
    if isinstance(result, AsyncPaginator):
        async for _ in result:
            break
    else:
        await result


def public_methods(client: AsyncDevin) -> list[tuple[str, Any]]:
    found = []
    for group, resource in vars(client.enterprise).items():
        for name, member in inspect.getmembers(resource, inspect.ismethod):
            # Fan-out helpers (get_many, wait, ...) are built on get: no endpoint of their own.
            if not name.startswith("_") and name not in vars(SessionFanOut):
                found.append((f"{group}.{name}", member))
    return found


async def test_every_v3_enterprise_endpoint_has_a_method() -> None:
    seen: dict[tuple[str, str], str] = {}
    current = ""

    async def record(request: Request) -> Response:
        template = template_of(request.method, request.path)
        assert template is not None, f"{current} sent {request.method} {request.path}"
        other = seen.get(template, current)
        assert other == current, f"{current} and {other} both reach {template}"
        seen[template] = current
        raise Recorded

    async with AsyncDevin(api_key="cog_test", org_id="org-default", transport=record) as client:
        for current, method in public_methods(client):
            args, kwargs = arguments(method)
            kwargs.update(EXTRA.get(current, {}))
            calls = [kwargs]
            org_param = inspect.signature(method).parameters.get("org_id")
            if org_param is not None and org_param.default is None:
                calls.append({**kwargs, "org_id": "org-2"})
            for call_kwargs in calls:
                with pytest.raises(Recorded):
                    await run(method(*args, **call_kwargs))

    missing = sorted(TEMPLATES - set(seen))
    assert not missing, f"endpoints with no method: {missing}"
    assert len(ENDPOINTS) == len(TEMPLATES) == 110


def test_the_fake_api_serves_exactly_the_v3_enterprise_endpoints() -> None:
    """Every one, and none the API lacks (code that passes on the fake must not rely on it)."""
    app = create_app(FakeState())
    served = {
        (route.method, re.sub(r"\{\w+\}", "{}", route.resource.canonical))
        for route in app.router.routes()
        if route.resource is not None and route.resource.canonical.startswith("/v3/enterprise")
    }
    wanted = {(m, re.sub(r"\{\w+\}", "{}", path)) for m, path in TEMPLATES}
    assert sorted(wanted - served) == []
    assert sorted(served - wanted) == []
