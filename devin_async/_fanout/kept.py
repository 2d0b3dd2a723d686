"""Per-id answers kept as their body bytes while a batch runs, decoded once it is done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from .._converter import structure_hook
from .._decode import parse_json
from .._http import Request, Response
from .engine import TwoStep

__all__ = ["KeptBodies", "PerId"]

T = TypeVar("T")


@attrs.frozen
class PerId(TwoStep[Response, T]):
    """A GET per id (``start``, then ``finish`` decodes the answer into a ``model``),
    which can also run as ``kept()``: ``request_for(id)`` remakes an id's request, and
    ``id_of`` reads the id of a decoded item."""

    model: type[T]
    id_of: Callable[[T], str]
    request_for: Callable[[str], Request]

    def kept(self) -> tuple[TwoStep[Response, Any], KeptBodies[T]]:
        """This fetch with its answers kept as bodies, and what decodes them after."""
        bodies = KeptBodies(self)
        return TwoStep(self.start, bodies.keep), bodies


class KeptBodies(Generic[T]):
    """Decodes a fan-out's answers after the batch rather than as each arrives.

    While thousands of requests are in flight, every object a finished result holds
    (a model, its lists, its datetimes) is one more for the garbage collector to walk at
    each collection, which costs a fan-out about a sixth of its throughput. A body kept
    as ``bytes`` holds none. ``keep`` keeps an answer with the batch's usual status
    and content type as its body, and decodes anything else at once (an error status
    raises its error there). ``decode(id, kept)`` finishes a kept body; a body that
    does not decode cleanly is handed to the fetch's own ``finish``, rebuilt as its
    answer, so that the error it raises is the one a fetch by itself would have raised.
    """

    __slots__ = ("_content_type", "_fetch", "_hook", "_usual")

    def __init__(self, fetch: PerId[T]):
        self._fetch = fetch
        self._hook = structure_hook(fetch.model)
        self._usual: Response | None = None  # the first 2xx answer: its status and headers
        self._content_type: str | None = None

    def keep(self, response: Response) -> T | bytes:
        usual = self._usual
        if usual is None and 200 <= response.status < 300:
            usual = self._usual = response
            self._content_type = response.headers.get("Content-Type")
        if (
            usual is not None
            and response.status == usual.status
            and response.headers.get("Content-Type") == self._content_type
        ):
            return response.content
        return self._fetch.finish(response)

    def decode(self, devin_id: str, kept: T | bytes) -> T:
        """The item of ``devin_id`` from what ``keep`` kept; raises as ``finish`` would."""
        if kept.__class__ is not bytes:
            return kept  # type: ignore[return-value]  # decoded by keep already
        fetch = self._fetch
        try:
            item: T = self._hook(parse_json(kept), fetch.model)
            if fetch.id_of(item) == devin_id:
                return item
        except Exception:  # finish (below) raises the error that explains it
            pass
        usual = self._usual
        assert usual is not None  # a body is kept only once there is a usual answer
        content_type = self._content_type
        answer = Response(
            usual.status,
            {"Content-Type": content_type} if content_type is not None else {},
            kept,
            # The request as sent, credentials included: errors scrub an echoed key.
            fetch.request_for(devin_id).with_headers(usual.request.headers),
        )
        return fetch.finish(answer)
