"""Every endpoint of the inventory is reached by a public method of ``AsyncDevin``.

The walk finds the namespaces by itself (every ``Resource`` below the client, through
containers such as ``client.enterprise``), calls each public method with arguments built
from its signature, and notes the first request each call sends. The transport records
that request and stops the call there (``Recorded``): no answer is needed to know which
endpoint a method reaches, and no polling helper can loop. Paginators are walked one page,
other async iterators one item. Where a method also takes ``org_id=`` and the family's
prefix does not hold it, the method is called once more with it: one method serves an
endpoint and its per-organization twin.

Each path is matched to a template of ``tests/data/inventory_endpoints.json`` (families
v3-org, v3-common, v3-enterprise, v3beta1 and v1; v2 is out of scope), and the test
fails with the list of endpoints no method reaches, of requests to paths outside the
inventory, of methods that send nothing, and of endpoints two methods reach (a helper
built on ``get``, such as ``wait``, reaches its endpoint besides it). A presigned link the
walk passes points at a storage host (``STORAGE``): fetching it is no API endpoint.
"""

from __future__ import annotations

import enum
import inspect
import json
import re
import sys
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from recording import Recorded, record

from devin_async import AsyncDevin, DevinError
from devin_async._fanout.resource import SessionFanOut
from devin_async._pagination import AsyncPaginator
from devin_async.models import Model, PresignedDownload
from devin_async.resources._base import Resource
from devin_async.resources._org import OrgResource
from devin_async.resources.pr_reviews import PrReviews

DATA = Path(__file__).parent / "data"
INVENTORY = json.loads((DATA / "inventory_endpoints.json").read_text())
FAMILIES = {"v3-org", "v3-common", "v3-enterprise", "v3beta1", "v1"}
FAMILY = {
    (e["method"], e["path"]): e["family"] for e in INVENTORY["endpoints"] if e["family"] in FAMILIES
}
TEMPLATES = set(FAMILY)
# Arguments a signature cannot suggest, by method.
EXTRA: dict[str, dict[str, Any]] = {
    "attachments.upload": {"filename": "notes.txt"},
    "v1.attachments.upload": {"filename": "notes.txt"},
    "enterprise.organizations.update": {"name": "Renamed"},
    "snapshot_setup.blueprints.update": {"position": 1},  # refuses an empty update
    "service_user_provisioning.create": {"ttl_seconds": 3600},  # a year at most
    "enterprise.service_user_provisioning.create": {"ttl_seconds": 3600},
}
# Where the presigned links the walk passes point: a storage host, not the API. What is
# fetched there is no inventory endpoint (the link is the API's answer, not a path of it).
STORAGE = "http://127.0.0.1:9/storage/"
Template = tuple[str, str]


# Methods built on their namespace's ``get`` (fan-out, polling), or on ``insights``
# (``insights_many``): they reach its endpoint.
BUILT_ON_GET = frozenset(
    {"wait", "insights_many", *(n for n in vars(SessionFanOut) if not n.startswith("_"))}
)


@attrs.define
class Walk:
    """What walking the client found: the methods reaching each endpoint (in walk order),
    requests no template matches, fetches from the storage host, methods that failed
    before sending, and methods that sent nothing."""

    reached: dict[Template, list[str]] = attrs.Factory(dict)
    unmatched: list[str] = attrs.Factory(list)
    downloads: list[str] = attrs.Factory(list)
    refused: dict[str, str] = attrs.Factory(dict)
    silent: list[str] = attrs.Factory(list)

    def missing(self) -> list[Template]:
        return sorted(TEMPLATES - set(self.reached))

    def shared(self) -> dict[Template, list[str]]:
        """Endpoints not reached by exactly one method of their own: every endpoint has
        one method, and a helper built on ``get`` reaches only what its ``get`` does."""
        return {
            template: names
            for template, names in self.reached.items()
            if len([n for n in names if n.rsplit(".", 1)[1] not in BUILT_ON_GET]) != 1
        }


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template)) + "$")


PATTERNS = [(method, template, _pattern(template)) for method, template in TEMPLATES]


def template_of(method: str, path: str) -> Template | None:
    """The inventory template a concrete path fills; literal segments beat placeholders."""
    fits = [(t.count("{"), t) for m, t, p in PATTERNS if m == method and p.match(path)]
    return (method, min(fits)[1]) if fits else None


def namespaces(node: object, prefix: str = "") -> Iterator[tuple[str, Resource]]:
    """Every ``Resource`` reachable through public attributes, by dotted name."""
    for name, value in vars(node).items():
        if name.startswith("_"):
            continue
        if isinstance(value, Resource):
            yield prefix + name, value
        elif type(value).__module__.startswith("devin_async.resources"):
            yield from namespaces(value, f"{prefix}{name}.")


def public_methods(client: AsyncDevin) -> Iterator[tuple[str, types.MethodType]]:
    for group, resource in namespaces(client):
        for name, method in inspect.getmembers(resource, inspect.ismethod):
            if not name.startswith("_"):
                yield f"{group}.{name}", method


def value_for(tp: Any) -> Any:
    """A plausible argument of type ``tp``: ids are strings, times epoch seconds."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        arms = [a for a in args if a is not type(None)]
        return value_for(bytes if bytes in arms else arms[0])
    if origin is typing.Literal:
        return args[0]
    if origin in (list, tuple, set, frozenset) or _is_abc(origin, "Sequence", "Iterable"):
        return [value_for(args[0] if args else str)]
    if origin is dict or _is_abc(origin, "Mapping"):
        return {value_for(args[0]): value_for(args[1])} if args else {}
    new_year = datetime(2024, 1, 1, tzinfo=timezone.utc)
    simple = {
        str: "x",
        bool: True,
        int: 1_700_000_000,
        float: 1_700_000_000.0,
        bytes: b"data",
        datetime: new_year,
        date: date(2024, 1, 1),
    }
    if tp in simple:
        return simple[tp]
    if tp is PresignedDownload:
        return PresignedDownload(url=STORAGE + "blob?X-Signature=x", expires_at=new_year)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    if isinstance(tp, type) and issubclass(tp, Model):
        hints = typing.get_type_hints(tp)
        required = [f for f in attrs.fields(tp) if f.default is attrs.NOTHING]
        return tp(**{f.name: value_for(hints[f.name]) for f in required})
    return "x"


def _is_abc(origin: Any, *names: str) -> bool:
    return getattr(origin, "__module__", "") == "collections.abc" and origin.__name__ in names


def _annotation(method: Callable[..., Any], param: inspect.Parameter) -> Any:
    """The parameter's type, evaluated where the method is defined (``str`` if it cannot
    be: a name imported only for type checking)."""
    if not isinstance(param.annotation, str):
        return param.annotation
    try:
        return eval(param.annotation, vars(sys.modules[method.__module__]))
    except NameError:
        return str


def arguments(name: str, method: Callable[..., Any]) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = dict(EXTRA.get(name, {}))
    for param in inspect.signature(method).parameters.values():
        if (
            param.default is not param.empty
            or param.kind in (param.VAR_KEYWORD, param.VAR_POSITIONAL)
            or param.name in kwargs
        ):
            continue
        value = value_for(_annotation(method, param))
        if param.kind is param.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    return args, kwargs


def calls(name: str, resource: object, method: Callable[..., Any]) -> list[dict[str, Any]]:
    """The keyword sets to call ``method`` with: once as it is, and once for one
    organization when ``org_id=`` changes the path rather than filling the prefix."""
    org = inspect.signature(method).parameters.get("org_id")
    twin = (
        org is not None
        and org.default is None
        and "{org_id}" not in getattr(resource, "_prefix", "")
        and method.__name__ not in BUILT_ON_GET  # no endpoint of its own
    )
    return [{}, {"org_id": "org-2"}] if twin else [{}]


async def _run(result: Any) -> None:
    if isinstance(result, AsyncPaginator):
        async for _ in result:
            break
    elif hasattr(result, "__aenter__") and hasattr(result, "__aiter__"):
        async with result as items:
            async for _ in items:
                break
    elif inspect.isawaitable(result):
        await result


async def walk(client: AsyncDevin, sent: list[Any]) -> Walk:
    """Call every public method of ``client``, whose transport appends to ``sent``."""
    found = Walk()
    for name, method in public_methods(client):
        args, kwargs = arguments(name, method)
        for extra in calls(name, method.__self__, method):
            before = len(sent)
            try:
                await _run(method(*args, **kwargs, **extra))
            except Recorded:
                pass  # stopped at its first request
            except Exception as exc:  # reported, not raised: see the assertions
                # Fan-out helpers wrap the stop in their own errors, after sending.
                if len(sent) == before or not isinstance(exc, DevinError):
                    found.refused[name] = f"{type(exc).__name__}: {exc}"
            for request in sent[before:]:
                template = template_of(request.method, request.path)
                if request.method == "GET" and request.path.startswith(STORAGE):
                    found.downloads.append(name)
                elif template is None:
                    found.unmatched.append(f"{name}: {request.method} {request.path}")
                elif name not in (names := found.reached.setdefault(template, [])):
                    names.append(name)
            if len(sent) == before and name not in found.refused:
                found.silent.append(name)
    return found


def recording_client(sent: list[Any]) -> AsyncDevin:
    async def transport(request: Any) -> Any:
        sent.append(request)
        return await record(request)

    return AsyncDevin(api_key="cog_test", org_id="org-1", transport=transport)


async def walk_client(change: Callable[[AsyncDevin], None] = lambda client: None) -> Walk:
    sent: list[Any] = []
    async with recording_client(sent) as client:
        change(client)
        return await walk(client, sent)


def report(found: Walk) -> str:
    """What the walk found wrong, section by section; empty when nothing is."""
    missing = found.missing()
    sections = [
        (
            f"{len(missing)} endpoint(s) no public method reaches",
            [f"{m:6} {p}" for m, p in missing],
        ),
        ("requests to no inventory endpoint", found.unmatched),
        ("methods that failed before sending", [f"{n}: {e}" for n, e in found.refused.items()]),
        ("methods that sent no request", found.silent),
        (
            "endpoints not reached by exactly one method of their own",
            [f"{m:6} {p}: {', '.join(n)}" for (m, p), n in sorted(found.shared().items())],
        ),
    ]
    return "\n".join(
        f"{title}:\n" + "\n".join(f"  {line}" for line in lines)
        for title, lines in sections
        if lines
    )


async def test_every_inventory_endpoint_is_reached_by_a_public_method() -> None:
    found = await walk_client()
    problems = report(found)
    if problems:
        pytest.fail(problems, pytrace=False)
    # /v3/self (v3-common) counts with the organization's endpoints, as the addendum does.
    group = {"v3-common": "v3-org"}
    reached = Counter(group.get(FAMILY[t], FAMILY[t]) for t in found.reached)
    assert reached == {"v3-org": 56, "v3-enterprise": 110, "v3beta1": 44, "v1": 22}
    assert sum(reached.values()) == 232
    # The groups that hand out presigned links fetch them from the link's host.
    assert found.downloads == [
        "snapshot_setup.builds.download",
        "snapshot_setup.blueprints.download",
        "enterprise.snapshot_setup.blueprints.download",
    ]


def test_the_inventory_copy_holds_every_family_in_scope() -> None:
    counts = Counter(FAMILY.values())
    assert counts == {"v3-org": 55, "v3-common": 1, "v3-enterprise": 110, "v3beta1": 44, "v1": 22}
    assert len(TEMPLATES) == 232


@pytest.mark.parametrize(
    ("copy", "families"),
    [
        ("endpoints_v3_org.json", {"v3-org", "v3-common"}),
        ("endpoints_v3_enterprise.json", {"v3-enterprise"}),
        ("endpoints_v3beta1.json", {"v3beta1"}),
        ("endpoints_v1.json", {"v1"}),
    ],
)
def test_the_per_family_copies_agree_with_the_inventory_copy(copy: str, families: set[str]) -> None:
    """Other tests read these (request shapes, the fake's routes): they hold the same list."""
    endpoints = json.loads((DATA / copy).read_text())["endpoints"]
    listed = [(e["method"], e["path"]) for e in endpoints]
    assert len(listed) == len(set(listed))
    assert set(listed) == {t for t, family in FAMILY.items() if family in families}


async def test_the_walk_notices_a_method_that_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(PrReviews, "create")
    found = await walk_client()
    assert ("POST", "/v3/organizations/{org_id}/pr-reviews") in found.missing()
    assert ("GET", "/v3/organizations/{org_id}/pr-reviews") not in found.missing()
    assert "POST   /v3/organizations/{org_id}/pr-reviews" in report(found)


class _Stray(OrgResource):
    async def poke(self, thing_id: str) -> None:
        await self._call_no_content("GET", "/things/{thing_id}", {"thing_id": thing_id}, options={})


async def test_the_walk_finds_new_namespaces_and_reports_unknown_paths() -> None:
    def add_stray(client: AsyncDevin) -> None:
        client.enterprise.stray = _Stray(client._core)  # type: ignore[attr-defined]

    found = await walk_client(add_stray)
    assert found.unmatched == ["enterprise.stray.poke: GET /v3/organizations/org-1/things/x"]
    assert "requests to no inventory endpoint:\n  enterprise.stray.poke" in report(found)


class _Alias(OrgResource):
    async def again(self) -> None:
        await self._call_no_content("GET", "/code-scans/metrics", options={})

    async def nothing(self) -> None:
        """Sends no request at all."""


async def test_the_walk_reports_an_alias_and_a_method_sending_nothing() -> None:
    def add_alias(client: AsyncDevin) -> None:
        client.enterprise.alias = _Alias(client._core)  # type: ignore[attr-defined]

    found = await walk_client(add_alias)
    metrics = ("GET", "/v3/organizations/{org_id}/code-scans/metrics")
    assert found.shared() == {metrics: ["code_scans.metrics", "enterprise.alias.again"]}
    assert found.silent == ["enterprise.alias.nothing"]
    assert "methods that sent no request:\n  enterprise.alias.nothing" in report(found)
