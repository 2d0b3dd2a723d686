"""Issue 17.1: a misspelt argument or an option of the wrong type is refused, naming it,
by every public method (async and blocking), before anything is sent."""

from __future__ import annotations

import collections
import contextlib
import functools
import inspect
from pathlib import Path
from typing import Any

import pytest
from test_endpoint_coverage import public_methods

from devin_async import (
    AsyncDevin,
    ConfigurationError,
    DecodeError,
    Devin,
    Request,
    Response,
    SessionResponse,
)
from devin_async._argcheck import checks_of
from devin_async.models import GitPermissionSpec

BASE = "http://127.0.0.1:9"  # nothing listens: a request would fail differently
UPLOAD = Path(__file__)  # any readable file


@pytest.fixture
async def client() -> Any:
    async with AsyncDevin(api_key="cog_x", org_id="org-1", base_url=BASE) as c:
        yield c


DID_YOU_MEAN = r"\(did you mean '{}'\?\)"
CASES = [
    (
        lambda c: c.sessions.create("x", tag=["a"]),
        r"Sessions\.create\(\) .* 'tag' " + DID_YOU_MEAN.format("tags"),
    ),
    (
        lambda c: c.sessions.get("devin-1", timout=0.001),
        r"Sessions\.get\(\) .* 'timout' " + DID_YOU_MEAN.format("timeout"),
    ),
    (
        lambda c: c.sessions.get("devin-1", max_retry=0),
        "'max_retry' " + DID_YOU_MEAN.format("max_retries"),
    ),
    (lambda c: c.sessions.get("devin-1", orgid="x"), "'orgid' " + DID_YOU_MEAN.format("org_id")),
    (
        lambda c: c.sessions.list(tag=["x"]),
        r"Sessions\.list\(\) .* 'tag' " + DID_YOU_MEAN.format("tags"),
    ),
    (lambda c: c.sessions.get_many(["devin-1"], timout=1), r"Sessions\.get_many\(\) .* 'timout'"),
    (
        lambda c: c.sessions.wait_many(["devin-1"], intervall=1),
        "'intervall' " + DID_YOU_MEAN.format("interval"),
    ),
    (lambda c: c.v1.sessions.get("devin-1", timeuot=1), r"V1Sessions\.get\(\) .* 'timeuot'"),
    (lambda c: c.enterprise.sessions.get("devin-1", org="o"), r"EnterpriseSessions\.get\(\)"),
]


async def _call(call: Any, client: AsyncDevin) -> None:
    result = call(client)
    if inspect.isawaitable(result):
        await result


@pytest.mark.parametrize(("call", "message"), CASES)
async def test_a_misspelt_argument_is_named(client: AsyncDevin, call: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        await _call(call, client)


def test_the_blocking_client_names_it_too() -> None:
    with (
        Devin(api_key="cog_x", org_id="org-1", base_url=BASE) as client,
        pytest.raises(TypeError, match=r"Sessions\.create\(\) .* 'tag' \(did you mean 'tags'\?\)"),
    ):
        client.sessions.create("x", tag=["a"])  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("timeout", "5"),
        ("timeout", -1),
        ("timeout", True),
        ("max_retries", 1.5),
        ("max_retries", "3"),
    ],
)
async def test_an_option_of_the_wrong_type_is_a_clear_error(
    client: AsyncDevin, option: str, value: object
) -> None:
    with pytest.raises(ConfigurationError, match=option):
        await client.sessions.get("devin-1", **{option: value})  # type: ignore[arg-type]


async def test_every_method_that_takes_options_refuses_an_unknown_one(client: AsyncDevin) -> None:
    """Every public method with ``**options`` refuses ``bogus_option=`` before sending:
    by raising at the call, or when its iterator or awaitable is first used."""
    checked = 0
    for name, method in public_methods(client):
        signature = inspect.signature(method)
        if not any(p.kind is p.VAR_KEYWORD for p in signature.parameters.values()):
            continue
        required = [
            p
            for p in signature.parameters.values()
            if p.default is p.empty or (p.name in VALID and p.kind is p.KEYWORD_ONLY)
        ]
        args = [_value_for(p) for p in required if p.kind is p.POSITIONAL_OR_KEYWORD]
        kwargs = {p.name: _value_for(p) for p in required if p.kind is p.KEYWORD_ONLY}
        with pytest.raises(TypeError, match="bogus_option"):
            await _use(name, functools.partial(method, *args, **kwargs, bogus_option=1))
        checked += 1
    assert checked > 150


class _Wrong:
    """Fits no annotation a check can test: not a str, number, list, mapping or callable."""


async def test_every_method_refuses_an_argument_of_the_wrong_type_naming_it(
    client: AsyncDevin,
) -> None:
    """Each argument a method's annotation can check, given a value that fits nothing,
    raises a ``TypeError`` naming the method and the argument, before anything is sent
    (nothing listens at ``BASE``: a request would fail with a connection error)."""
    tried: set[str] = set()
    for name, method in public_methods(client):
        positional, by_name = checks_of(inspect.unwrap(method))  # every method's rules resolve
        params = inspect.signature(method).parameters.values()
        required = {
            p.name: _value_for(p)
            for p in params
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
            and (p.default is p.empty or p.name in VALID)
        }
        owner = type(method.__self__).__name__
        for param in by_name:
            args = {**required, param: _Wrong()}
            message = rf"{owner}\.{method.__name__}\(\) argument '{param}' must be .*, got _Wrong"
            with pytest.raises(TypeError, match=message):
                await _use(name, functools.partial(method, **args))
            tried.add(f"{name}({param})")
        assert [n for n, _ in positional] == [
            p.name for p in params if p.kind is p.POSITIONAL_OR_KEYWORD
        ]
    assert len(tried) > 500


async def test_what_the_annotations_promise_is_accepted() -> None:
    """The shapes a type checker accepts go through: a generic alias for ``cast_to``, the
    bytes-likes, any sequence for ``Sequence[str]``, a tuple for a list."""
    sent: list[str] = []

    async def transport(request: Request) -> Response:
        sent.append(f"{request.method} {request.path}")
        return Response(200, {"Content-Type": "application/json"}, b"[]", request)

    async with AsyncDevin(api_key="cog_x", org_id="org-1", transport=transport) as client:
        assert await client.request("GET", "/x", cast_to=list[SessionResponse]) == []
        calls = [
            client.request("GET", "/x", cast_to=dict[str, Any]),
            client.attachments.upload(bytearray(b"hi"), filename="a.txt"),
            client.attachments.upload(memoryview(b"hi"), filename="a.txt"),
            client.sessions.create("p", tags=collections.deque(["a"]), repos=("org/r",)),
        ]
        for call in calls:
            with contextlib.suppress(DecodeError):  # "[]" is no attachment or session
                await call
    assert len(sent) == 5


async def test_filters_are_checked_too() -> None:
    async with AsyncDevin(api_key="cog_x", org_id="org-1", base_url=BASE) as client:
        with pytest.raises(TypeError, match=r"'created_after' must be int or datetime, got str"):
            client.sessions.list(created_after="yesterday")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"'tags' must be a list of str, got list"):
            client.enterprise.sessions.list(tags=[1, 2])  # type: ignore[list-item]
        with pytest.raises(ConfigurationError, match="timeout"):  # options: their own check
            await client.sessions.list(timeout="5").to_list()  # type: ignore[arg-type]


def test_the_blocking_client_refuses_a_wrong_type_the_same_way() -> None:
    with Devin(api_key="cog_x", org_id="org-1", base_url=BASE) as client:
        with pytest.raises(TypeError, match=r"Sessions\.create\(\) argument 'prompt' must be str"):
            client.sessions.create(12345)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"argument 'limit' must be int or None, got str"):
            list(client.sessions.list(limit="5"))  # type: ignore[arg-type]


async def _use(name: str, call: Any) -> None:
    """Call, then await or start iterating what the call gave: where the check must fire."""
    result = call()
    if inspect.isawaitable(result):
        await result
    elif hasattr(result, "__aiter__"):
        await result.__aiter__().__anext__()
    else:
        raise AssertionError(f"{name} returned {result!r} without checking")


SPEC = GitPermissionSpec(git_connection_id="conn-1", repo_path="acme/app")
# Arguments a method checks before its options, by name: valid ones, so the options check
# is what refuses the call.
VALID = {
    "contents": "steps: []",
    "name": "x",
    "permissions": [SPEC],
    "start_date": "2024-01-01",
    "end_date": "2024-01-31",
    "time_after": 1,
    "time_before": 2,
}


def _value_for(p: inspect.Parameter) -> object:
    if p.name in VALID:
        return VALID[p.name]
    annotation = str(p.annotation)
    if annotation.startswith("int"):
        return 1
    if annotation.startswith("Mapping"):
        return {}
    if "BinaryFile" in annotation:  # an upload: a file that exists
        return UPLOAD
    if "Iterable" in annotation or "Sequence" in annotation or "list" in annotation:
        return ["x-1"]
    return "x-1"
