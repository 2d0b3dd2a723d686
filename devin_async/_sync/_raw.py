"""``with_raw_response`` of the blocking client: the async namespace's, run on the portal."""

from __future__ import annotations

import inspect
from typing import Any

from ._bridge import SyncNode

__all__ = ["SyncRawResponses"]


class SyncRawResponses:
    """Blocking ``RawResponses``: a call answers an ``APIResponse``, a list an iterator of
    them (one a page), without ``await``."""

    def __init__(self, node: SyncNode[Any]):
        self._node = node

    @classmethod
    def of(cls, node: SyncNode[Any]) -> SyncRawResponses:
        """The one of ``node``, made at its first use."""
        raw: SyncRawResponses | None = node.__dict__.get("_raw_responses")
        if raw is None:
            raw = node.__dict__["_raw_responses"] = cls(node)
        return raw

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self._node

        def raw_of(namespace: Any) -> Any:
            return getattr(namespace.with_raw_response, name)

        found = node._direct(raw_of)  # what the async client has, or its AttributeError
        made: Any
        if inspect.iscoroutinefunction(found):

            def call(*args: Any, **kwargs: Any) -> Any:
                return node._call(lambda r: raw_of(r)(*args, **kwargs))

            made = call
        else:

            def pages(*args: Any, **kwargs: Any) -> Any:
                node._direct(raw_of)(*args, **kwargs)  # bad arguments fail here, as async
                return node._iterate(lambda r: raw_of(r)(*args, **kwargs))

            made = pages
        made.__doc__ = found.__doc__
        self.__dict__[name] = made
        return made

    def __repr__(self) -> str:
        return f"<blocking {self._node._direct(lambda r: repr(r.with_raw_response))[1:-1]}>"
