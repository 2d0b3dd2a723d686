"""Raw responses: ``namespace.with_raw_response.<method>(...)`` answers with the HTTP details.

One generic wrapper serves every namespace: it runs the namespace's own method on a twin
whose core records the answer, so the usual path does no work for it at all.
"""

from __future__ import annotations

import copy
import inspect
import types
from collections.abc import AsyncIterator, Callable
from typing import Any, Generic, TypeVar

from multidict import CIMultiDictProxy

from ._errors import ClientUsageError
from ._http import Response
from ._pagination import AsyncPaginator, Page
from ._pipeline.retry import RETRY_COUNT_HEADER

__all__ = ["APIResponse", "RawResponses"]

T = TypeVar("T")

# Fan-outs and polling send many requests each: no one response to show.
_MANY_REQUESTS = f"{__package__}._fanout"


class APIResponse(Generic[T]):
    """A call's answer with its HTTP details; ``parse()`` gives what the method returns.

    ``headers`` is case-insensitive; ``retries_taken`` counts the retries before this
    answer; ``http_response`` is the whole ``Response`` (its ``content``, its ``request``).
    """

    __slots__ = ("_parsed", "http_response")

    def __init__(self, http_response: Response, parsed: T):
        self.http_response = http_response
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.http_response.status

    @property
    def headers(self) -> CIMultiDictProxy[str]:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        return self.http_response.request_id

    @property
    def retries_taken(self) -> int:
        return int(self.http_response.request.headers.get(RETRY_COUNT_HEADER, 0))

    def parse(self) -> T:
        """What the method itself returns (decoded when the answer came)."""
        return self._parsed

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] {self.http_response.request}>"


class _Last:
    """The last answer a raw call's twin core got."""

    __slots__ = ("response",)

    def __init__(self) -> None:
        self.response: Response | None = None

    def keep(self, response: Response) -> None:
        self.response = response

    def answer(self, parsed: T, what: str) -> APIResponse[T]:
        if self.response is None:
            raise ClientUsageError(f"{what} answered without sending a request: no response")
        return APIResponse(self.response, parsed)


class RawResponses:
    """``with_raw_response`` of a namespace: each of its methods, answering ``APIResponse``.

    A call answers ``APIResponse[what the method returns]``, for the method's last request
    (a download's is the API's redirect). A list answers an async iterator of
    ``APIResponse[Page[item]]``, one per page. Fan-outs and polling, which send many
    requests, are not here.
    """

    def __init__(self, owner: Any):
        self._owner = owner

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        owner = self._owner
        what = f"{type(owner).__name__}.{name}"
        found = inspect.getattr_static(owner, name)  # AttributeError as the namespace gives
        if not isinstance(found, types.FunctionType):
            raise AttributeError(f"{what} is not a method: with_raw_response has no twin of it")
        raw = self.__dict__[name] = _raw_method(owner, found, what)  # once per name
        return raw

    def __repr__(self) -> str:
        return f"<raw responses of {type(self._owner).__name__}>"


def _twin(owner: Any, last: _Last) -> Any:
    """``owner`` over a core that records each answer into ``last``."""
    twin = copy.copy(owner)
    twin._core = owner._core.recording(last.keep)
    return twin


def _raw_method(owner: Any, method: Callable[..., Any], what: str) -> Callable[..., Any]:
    if method.__module__.startswith(_MANY_REQUESTS):
        raise AttributeError(
            f"{what} sends many requests, so with_raw_response has no twin of it: "
            "use get, or a list's pages, for each one's response"
        )
    if inspect.iscoroutinefunction(method):

        async def call(*args: Any, **kwargs: Any) -> APIResponse[Any]:
            last = _Last()
            parsed = await method(_twin(owner, last), *args, **kwargs)
            return last.answer(parsed, what)

        call.__doc__ = method.__doc__
        return call

    def pages(*args: Any, **kwargs: Any) -> AsyncIterator[APIResponse[Page[Any]]]:
        last = _Last()
        paginator = method(_twin(owner, last), *args, **kwargs)  # bad arguments fail here
        if not isinstance(paginator, AsyncPaginator):
            raise TypeError(
                f"{what} returns a {type(paginator).__name__}: with_raw_response covers "
                "calls and lists"
            )
        return _raw_pages(paginator, last, what)

    pages.__doc__ = method.__doc__
    return pages


async def _raw_pages(
    paginator: AsyncPaginator[T], last: _Last, what: str
) -> AsyncIterator[APIResponse[Page[T]]]:
    async for page in paginator.pages():
        yield last.answer(page, what)
