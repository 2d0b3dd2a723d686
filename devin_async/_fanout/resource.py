"""``SessionFanOut``: bulk fetches and polling for a sessions group, built on its own ``get``."""

from __future__ import annotations

import inspect
import operator
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable
from typing import Any, ClassVar, Generic, Literal, TypeVar, overload
from urllib.parse import quote

from typing_extensions import Unpack

from .._converter import structure_hook
from .._core import check_options
from .._errors import DecodeError
from .._http import Request, Response
from .._options import RequestOptions
from ..resources._base import Resource
from .chunks import Chunked, ChunkLimits
from .collector import Collector, check_on_error
from .engine import Fetch, fetch_all
from .ids import distinct_ids
from .iterator import BulkIterator
from .kept import KeptBodies, PerId
from .polling import (
    DEFAULT_MAX_POLL_INTERVAL,
    DEFAULT_MAX_WAIT,
    DEFAULT_POLL_INTERVAL,
    TerminalStates,
    poll_until,
)
from .results import BulkResult, Outcome, ProgressCallback

__all__ = ["OnError", "SessionFanOut", "id_checked"]

T = TypeVar("T")

OnError = Literal["raise", "return"]


def id_checked(
    decode: Callable[[Response], T], id_of: Callable[[T], str], suffix: str = ""
) -> Callable[[Response], T]:
    """``decode``, refusing an item whose id is not the one in the request's path (before
    ``suffix``): a server (or proxy) that mixes answers up must not get an item filed
    under another's id."""

    def checked(response: Response) -> T:
        item = decode(response)
        path, answered = response.request.path, id_of(item)
        if not path.endswith("/" + answered + suffix) and not path.endswith(
            "/" + quote(answered, safe="") + suffix  # as _paths encodes an unusual id
        ):
            raise DecodeError(
                f"{response.request} answered {answered!r}",
                status_code=response.status,
                path=response.request.path,
            )
        return item

    return checked


class SessionFanOut(Resource, Generic[T]):
    """``get_many``/``iter_many``/``wait``/``wait_many`` over the group's ``get``.

    A group opts in with one line: ``class Sessions(SessionFanOut[SessionResponse],
    model=SessionResponse, terminal=V3_TERMINAL)``. ``concurrency`` defaults to the
    client's connection pool size. ``org_id`` applies to every id (v3 groups only).
    A group whose list filters by id sets ``_listed_by_id``: its fan-outs then fetch
    many ids per request (``batch=True``, the default).
    """

    get: Callable[..., Awaitable[T]]
    _model: ClassVar[type[Any]]
    _id_field: ClassVar[str]
    _id_of: ClassVar[Callable[[Any], str]]
    _terminal: ClassVar[TerminalStates]
    _takes_org_id: ClassVar[bool]
    # The list endpoint that takes ``session_ids`` for this group's items, if any.
    _listed_by_id: ClassVar[str | None] = None

    def __init_subclass__(
        cls,
        *,
        model: type[Any],
        terminal: TerminalStates,
        id_field: str = "session_id",
        **kwargs: Any,
    ) -> None:
        super().__init_subclass__(**kwargs)
        cls._model = model
        cls._id_field = id_field
        cls._id_of = operator.attrgetter(id_field)
        cls._terminal = terminal
        cls._takes_org_id = "org_id" in inspect.signature(cls.get).parameters

    _default_get: Callable[[str], Request] | None = None

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        """Makes the request ``get`` sends for an id."""
        raise NotImplementedError

    def _maker(self, org_id: str | None, options: RequestOptions) -> Callable[[str], Request]:
        """``_get_requests``, made once for the usual call (no org_id, no options)."""
        if org_id is not None or options:
            return self._get_requests(org_id, options)
        make = self._default_get
        if make is None:  # the client's settings never change: one maker serves every call
            make = self._default_get = self._get_requests(None, options)
        return make

    async def _get_one(self, devin_id: str, org_id: str | None, options: RequestOptions) -> T:
        """What ``get`` answers: the session asked for, never another one."""
        response = await self._core.send(self._maker(org_id, options)(devin_id))
        return self._decoder()(response)

    _checked_decoder: Callable[[Response], T] | None = None

    def _decoder(self) -> Callable[[Response], T]:
        """Decodes what ``get`` answers: the item asked for, never another one."""
        checked = self._checked_decoder
        if checked is None:
            decode = self._core.decoder(self._model)
            checked = self._checked_decoder = id_checked(decode, type(self)._id_of)
        return checked

    def _one_by_one(
        self,
        makers: Callable[[str | None, RequestOptions], Callable[[str], Request]],
        decode: Callable[[Response], Any],
        model: type[Any],
        org_id: str | None,
        options: RequestOptions,
    ) -> PerId[Any]:
        """A GET per id, minus what need not be redone per id: argument parsing, option
        checks, placing the org id, and the coroutine frames of the method and ``call``.
        Those cost a fan-out of thousands of ids about a tenth of its CPU."""
        self._core.refuse_if_closed(f"{type(self).__name__} fan-out")
        if org_id is not None and not self._takes_org_id:
            raise TypeError(f"{type(self).__name__} calls take no org_id")
        if options:  # now, once per call: the requests themselves are made at the first id
            check_options(options)
        send = self._core.send
        make: Callable[[str], Request] | None = None

        def request_for(devin_id: str) -> Request:
            nonlocal make
            if make is None:  # at the first id, as get would: an empty batch checks nothing
                make = makers(org_id, options)
            return make(devin_id)

        def start(devin_id: str) -> Awaitable[Response]:
            return send(request_for(devin_id))

        return PerId(start, decode, model, type(self)._id_of, request_for)

    def _fetcher(self, org_id: str | None, options: RequestOptions, batch: bool) -> Fetch[T]:
        """What ``get`` does for each id, many ids per request if ``batch`` and the
        group's list can."""
        one = self._one_by_one(self._maker, self._decoder(), self._model, org_id, options)
        return self._batched(one, type(self)._listed_by_id, self._model, org_id, options, batch)

    def _batched(
        self,
        one: PerId[Any],
        listing: str | None,
        model: type[Any],
        org_id: str | None,
        options: RequestOptions,
        batch: bool,
    ) -> Fetch[Any]:
        """``one`` in chunks through the list ``listing``, unless it cannot help."""
        if not batch or listing is None:
            return one
        limits = self._chunk_limits(listing)
        if not limits.on:  # this client found that the list does not filter by id
            return one
        return Chunked(
            one,
            limits,
            listing=lambda: self._listing(listing, org_id, options),
            send=self._core.send,
            structure=structure_hook(model),
            model=model,
            id_field=type(self)._id_field,
        )

    def _listing(self, template: str, org_id: str | None, options: RequestOptions) -> Request:
        """The list request of ``template`` for the ids of ``org_id``, ids not yet added."""
        return self._request("GET", template, org_id=org_id, options=options)

    _chunk_limits_by_list: dict[str, ChunkLimits] | None = None

    def _chunk_limits(self, listing: str) -> ChunkLimits:
        """The chunk limits this client learned for the list ``listing``."""
        by_list = self._chunk_limits_by_list
        if by_list is None:
            by_list = self._chunk_limits_by_list = {}
        limits = by_list.get(listing)
        if limits is None:
            limits = by_list[listing] = ChunkLimits(f"GET {self._prefix}{listing}")
        return limits

    def _concurrency(self, concurrency: int | None) -> int:
        return self._core.default_concurrency if concurrency is None else concurrency

    async def _fetch_many(
        self,
        fetch: Fetch[Any],
        ids: Iterable[str],
        on_error: OnError,
        concurrency: int | None,
        deadline: float | None,
        on_progress: ProgressCallback | None,
    ) -> BulkResult[Any]:
        """``fetch`` each distinct id; the outcomes in input order (see ``get_many``)."""
        given, distinct = distinct_ids(ids)
        kept: KeptBodies[Any] | None = None
        if isinstance(fetch, PerId) and on_progress is None:
            # No outcome is seen before the batch is done: decode then (see KeptBodies).
            fetch, kept = fetch.kept()
        collected: Collector[Any] = Collector(
            len(distinct),
            self._core.clock.now,
            on_progress,
            per_request=isinstance(fetch, Chunked),
        )
        await fetch_all(
            fetch,
            distinct,
            concurrency=self._concurrency(concurrency),
            on_outcome=collected.add,
            on_first_try=collected.add_first_try,
            on_sent=collected.sent,
            deadline=deadline,
            sleep=self._core.clock.sleep,
        )
        if kept is not None:
            collected.decode_kept(kept.decode)
        return collected.finish(given, on_error=on_error)

    @overload
    async def get_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[T]: ...

    @overload
    async def get_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[T]]: ...

    async def get_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Any]:
        """Fetch every id; results in input order, each distinct id fetched once.

        One id's failure does not stop the others. ``on_error="raise"`` (default)
        returns the sessions, or raises ``BulkError`` with every outcome once all are
        done; ``"return"`` returns an ``Outcome`` per id. ``deadline`` (seconds) bounds
        the batch: ids unfinished by then end ``TIMED_OUT``. ``.report`` has the counts.
        ``batch`` (v3 sessions) fetches up to 200 ids per request through the list
        endpoint, each id missing from its answer by itself; ``False``: a GET per id.
        """
        check_on_error(on_error)
        fetch = self._fetcher(org_id, options, batch)
        return await self._fetch_many(fetch, ids, on_error, concurrency, deadline, on_progress)

    def iter_many(
        self,
        ids: Iterable[str] | AsyncIterable[str],
        *,
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkIterator[T]:
        """``(id, outcome)`` pairs in completion order, ``ids`` consumed lazily.

        At most ``concurrency`` requests are alive and memory stays flat for any
        number of ids. Ids are not de-duplicated (that would need memory per id).
        Use ``async with`` when you may stop early: leaving it cancels what is in flight.
        ``batch`` as in ``get_many``: a chunk takes the ids that have arrived.
        """
        return BulkIterator(
            self._fetcher(org_id, options, batch),
            ids,
            concurrency=self._concurrency(concurrency),
            deadline=deadline,
            on_progress=on_progress,
            sleep=self._core.clock.sleep,
            clock=self._core.clock.now,
        )

    async def wait(
        self,
        devin_id: str,
        *,
        until: Callable[[T], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> T:
        """Poll one session until it reaches a terminal state, and return it.

        ``until`` replaces the terminal rule (default: the family's ``TerminalStates``).
        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        outcomes = await self.wait_many(
            [devin_id],
            on_error="return",
            until=until,
            max_wait=max_wait,
            interval=interval,
            max_interval=max_interval,
            batch=False,  # one id: its own GET
            org_id=org_id,
            **options,
        )
        return outcomes[0].unwrap()

    @overload
    async def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        until: Callable[[T], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[T]: ...

    @overload
    async def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        until: Callable[[T], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[T]]: ...

    async def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        until: Callable[[T], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Any]:
        """``wait`` for many sessions at once, polling those not yet settled in rounds.

        Results and errors as in ``get_many``; an id unsettled after ``max_wait`` ends
        ``TIMED_OUT`` with its last seen state as the outcome's ``value``. ``batch`` as in
        ``get_many``: each round fetches up to 200 sessions per request.
        """
        check_on_error(on_error)
        given, distinct = distinct_ids(ids)
        settled = await poll_until(
            self._fetcher(org_id, options, batch),
            distinct,
            until=until or self._terminal,
            max_wait=max_wait,
            interval=interval,
            max_interval=max_interval,
            concurrency=self._concurrency(concurrency),
            on_progress=on_progress,
            sleep=self._core.clock.sleep,
            clock=self._core.clock.now,
        )
        return settled.finish(given, on_error=on_error)
