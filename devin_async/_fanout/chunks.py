"""Fetching many ids per request, through a list endpoint that filters by id.

``GET .../sessions?session_ids=a&session_ids=b&first=2`` answers up to a page (200) of
sessions in one request. A chunk is bounded by the page and by the length of its query;
its answer is matched to the ids asked by each item's own id. Whatever a chunk cannot
settle falls back to the GET of each id, so that every id ends with the outcome its own
request would give (404, 403, ...):

- an id missing from the answer, or whose item does not decode, is fetched by itself;
- a 414 (or 431, or a body too large) halves the chunks of this client and endpoint,
  and the chunk is sent again in smaller ones;
- an answer cut short (``has_next_page``) means the server pages by fewer: chunks shrink
  to what it answered, the rest is sent again;
- an answer holding a session not asked for means the server ignored the filter (and
  one that is no page, that the endpoint cannot do this): the chunk goes id by id, and
  so does every later id of this client and endpoint (logged once);
- a list refused with a 4xx (403, 404, 422, ...) sends that chunk id by id, each id to
  get its own answer; later chunks still try (one request lost per chunk at worst);
- a chunk that failed after the pipeline's retries (5xx, timeout, 429, 401) fails each
  of its ids with that error: a request per id would meet the same.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from .._decode import decode_json
from .._errors import (
    APIStatusError,
    ClientUsageError,
    ConfigurationError,
    DecodeError,
    ResponseTooLargeError,
)
from .._http import Request, Response
from .._pagination import MAX_PAGE_SIZE
from .._paths import _plain as plain_id

if TYPE_CHECKING:
    from .engine import TwoStep

__all__ = ["QUERY_BYTES", "Answer", "ChunkLimits", "Chunked"]

T = TypeVar("T")

logger = logging.getLogger("devin_async")

# Servers and proxies refuse request lines past 8 KB (nginx's and aiohttp's default):
# the ids' part of a query stays well under, the rest of the line has room to spare.
# 200 ids as long as the docs' (devin- and 12 hex digits: 31 bytes each) fit; ids of
# 32 hex digits, 125.
QUERY_BYTES = 6400
_TOO_LONG = frozenset({414, 431})  # URI Too Long, Request Header Fields Too Large
# Statuses that would meet each id as they met its chunk: the client's key is refused,
# or the failure is transient and the pipeline's retries are spent.
_SAME_FOR_EACH_ID = frozenset({401, 408, 429})


class ChunkLimits:
    """How many ids go in one request, for one client and one list endpoint.

    ``most`` (ids) and ``room`` (query bytes for them) only shrink: on a 414, or an
    answer paged by fewer. ``on`` turns off for good once the endpoint is found not to
    filter by id.
    """

    def __init__(self, endpoint: str, *, most: int = MAX_PAGE_SIZE, room: int = QUERY_BYTES):
        self.endpoint = endpoint
        self.most = most
        self.room = room
        self.on = True
        self._told = False

    def ids_per_request(self) -> int:
        return self.most if self.on else 1

    def halve(self, ids: int, cost: int) -> None:
        self.most = max(1, min(self.most, ids // 2))
        self.room = min(self.room, cost // 2)

    def page_at(self, answered: int) -> None:
        self.most = max(1, min(self.most, answered))

    def stop(self, why: str) -> None:
        """Fetch one id per request from now on (the endpoint cannot list by id)."""
        if self.on:
            self.on = False
            logger.warning(
                "%s %s; fetching one id per request from now on for this client", self.endpoint, why
            )

    def refused(self, why: str) -> None:
        """A chunk was refused: say so once, and keep trying."""
        if not self._told:
            self._told = True
            logger.warning("%s %s; fetching that chunk's ids one per request", self.endpoint, why)


@attrs.frozen
class Answer(Generic[T]):
    """What a chunk's request settled: ids ``found`` with their value, ids to fetch
    ``singly`` or to send ``again`` in a chunk, and ids ``failed`` with ``error``."""

    found: list[tuple[str, T]] = attrs.Factory(list)
    singly: list[str] = attrs.Factory(list)
    again: list[str] = attrs.Factory(list)
    failed: list[str] = attrs.Factory(list)
    error: Exception | None = None


class Chunked(Generic[T]):
    """A fetch of many ids per request: ``fetch(ids)`` sends one list request for them;
    ``one`` is the fetch of a single id, for what a chunk leaves."""

    def __init__(
        self,
        one: TwoStep[Any, T],
        limits: ChunkLimits,
        *,
        listing: Callable[[], Request],
        send: Callable[[Request], Awaitable[Response]],
        structure: Callable[[Any, type[T]], T],
        model: type[T],
        id_field: str,
        filter_name: str = "session_ids",
    ):
        self.one = one
        self.limits = limits
        self._listing = listing
        self._base: Request | None = None  # made at the first chunk, as get would
        self._send = send
        self._structure = structure  # of one listed item: structure(raw, model)
        self._model = model
        self._id_field = id_field
        self._filter = filter_name
        self._per_id = len(filter_name) + 2  # "&", "=": a plain id needs no escaping

    def cost(self, devin_id: str) -> int:
        """The bytes ``devin_id`` adds to a chunk's query."""
        return len(devin_id) + self._per_id

    def _request(self, ids: Sequence[str]) -> Request:
        base = self._base
        if base is None:
            base = self._base = self._listing()
        name = self._filter
        params = [*base.params, *((name, devin_id) for devin_id in ids), ("first", str(len(ids)))]
        return attrs.evolve(base, params=params)

    async def fetch(self, ids: list[str]) -> Answer[T]:
        """Send one request for ``ids`` and read what it settled (no request if it
        could only hold one of them: an id the list cannot carry goes by itself)."""
        asked = list(dict.fromkeys(devin_id for devin_id in ids if plain_id(devin_id)))
        if len(asked) < 2:
            return Answer(singly=ids)
        try:
            data = decode_json(await self._send(self._request(asked)))
        except (ConfigurationError, ClientUsageError):
            raise
        except Exception as exc:
            return self._failed(ids, asked, exc)
        return self._read(ids, asked, data)

    def _failed(self, ids: list[str], asked: list[str], exc: Exception) -> Answer[T]:
        status = exc.status_code if isinstance(exc, APIStatusError) else None
        if status in _TOO_LONG or isinstance(exc, ResponseTooLargeError):
            self.limits.halve(len(asked), sum(map(self.cost, asked)))
            return Answer(again=ids)
        if isinstance(exc, DecodeError):
            self.limits.stop(f"answered a list by id that does not decode ({exc})")
            return Answer(singly=ids)
        if status is not None and 400 <= status < 500 and status not in _SAME_FOR_EACH_ID:
            self.limits.refused(f"refused a list by id ({exc})")
            return Answer(singly=ids)
        wanted = set(asked)  # an id the request did not carry is still to be fetched
        return Answer(
            singly=[devin_id for devin_id in ids if devin_id not in wanted],
            failed=[devin_id for devin_id in ids if devin_id in wanted],
            error=exc,
        )

    def _read(self, ids: list[str], asked: list[str], data: Any) -> Answer[T]:
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list):
            self.limits.stop("answered a list by id with something that is not a page")
            return Answer(singly=ids)
        wanted = set(asked)
        found: dict[str, T] = {}
        doubtful: set[str] = set()  # answered twice, or not as the model
        field, structure, model = self._id_field, self._structure, self._model
        for raw in items:
            devin_id = raw.get(field) if isinstance(raw, dict) else None
            if devin_id.__class__ is not str:
                return Answer(singly=ids)  # an item that names no id: nothing to match
            if devin_id not in wanted:
                self.limits.stop(f"answered {devin_id!r}, not asked for: it ignores {self._filter}")
                return Answer(singly=ids)
            if devin_id in found or devin_id in doubtful:
                doubtful.add(devin_id)
                continue
            try:
                found[devin_id] = structure(raw, model)
            except Exception:  # its own GET says exactly what is wrong with it
                doubtful.add(devin_id)
        for devin_id in doubtful:
            found.pop(devin_id, None)
        cut = data.get("has_next_page") is True and 0 < len(found) < len(wanted)
        if cut:  # the server pages by fewer than asked: send the rest again
            self.limits.page_at(len(items))
        answer: Answer[T] = Answer()
        for devin_id in ids:
            if devin_id in found:
                answer.found.append((devin_id, found[devin_id]))
            elif cut and devin_id in wanted and devin_id not in doubtful:
                answer.again.append(devin_id)
            else:
                answer.singly.append(devin_id)
        return answer
