"""What every generated facade class stands on: the client's portal and the live async client.

The generated classes (``_generated.py``) only say which async method a blocking one
mirrors; how it runs (on the portal, fork-aware) lives here, once.
"""

from __future__ import annotations

import atexit
import os
import threading
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

from typing_extensions import Self

from .._errors import ClientUsageError
from .._pagination import AsyncPaginator, Page
from .._serving import served_here
from ._portal import Portal

if TYPE_CHECKING:
    from .._client import AsyncDevin

__all__ = ["SyncClientBase", "SyncNode", "SyncPaginator"]

T = TypeVar("T")
R = TypeVar("R")

# A forked child must not touch its parent's loop, sockets or epoll set (they are shared
# with the parent): what it inherited is parked here, never closed, never collected.
_INHERITED_FROM_PARENT: list[object] = []
_clients_lock = threading.Lock()
_open_clients: weakref.WeakSet[SyncClientBase] = weakref.WeakSet()


def _reset_after_fork() -> None:
    global _clients_lock
    _clients_lock = threading.Lock()  # another parent thread may have held it at fork time


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


@atexit.register
def _close_open_clients() -> None:
    with _clients_lock:
        clients = list(_open_clients)
    for client in clients:
        client._shut_down(only_in_process=os.getpid())


class SyncNode(Generic[R]):
    """A blocking view of one async namespace ``R``, found on the live async client."""

    def __init__(self, owner: SyncClientBase, resolve: Callable[[AsyncDevin], R]):
        self._owner = owner
        self._resolve = resolve

    def _call(self, fn: Callable[[R], Awaitable[T]]) -> T:
        resolve = self._resolve
        return self._owner._run(lambda client: fn(resolve(client)))

    def _paginate(self, fn: Callable[[R], AsyncPaginator[T]]) -> SyncPaginator[T]:
        resolve = self._resolve
        return SyncPaginator(self._owner, lambda client: fn(resolve(client)))

    def _iterate(self, fn: Callable[[R], AsyncIterator[T]]) -> Generator[T, None, None]:
        resolve = self._resolve
        return self._owner._iterate(lambda client: fn(resolve(client)))

    def _direct(self, fn: Callable[[R], T]) -> T:
        """For plain (non-async) methods: no I/O, so they run in the caller's thread."""
        return fn(self._resolve(self._owner._live()[1]))


class SyncPaginator(Generic[T]):
    """``for item in client.sessions.list(...)``: lazy, one page in memory at a time.

    ``pages()`` yields whole pages. Each iteration starts over from the first page.
    """

    def __init__(self, owner: SyncClientBase, make: Callable[[AsyncDevin], AsyncPaginator[T]]):
        make(owner._live()[1])  # bad arguments fail here, at the call, as with AsyncDevin
        self._owner = owner
        self._make = make

    def pages(self) -> Generator[Page[T], None, None]:
        """Each page in turn, fetched only when asked for; ``close()`` it to stop early."""
        make = self._make
        return self._owner._iterate(lambda client: make(client).pages())

    def __iter__(self) -> Iterator[T]:
        make = self._make
        for models in self._owner._iterate(lambda client: make(client)._item_pages()):
            yield from models

    def to_list(self) -> list[T]:
        """Every item in one list (mind memory on large result sets)."""
        return list(self)


_WAITS_ON_ITSELF = (
    "this blocking Devin call would wait for a server (a FakeDevin) that runs on the event "
    "loop it blocks, for ever: use fake.sync_client() or fake.start_in_thread(), which serve "
    "from a thread of their own, or AsyncDevin with 'await' in async code"
)


class SyncClientBase(SyncNode["AsyncDevin"]):
    """The blocking client's machinery: one portal and one async client per process."""

    def __init__(self, make_client: Callable[[], AsyncDevin]):
        super().__init__(self, lambda client: client)
        self._make_client = make_client
        self._client = make_client()  # configuration errors surface here, at construction
        self._portal = Portal(serving=self._client)
        self._pid = os.getpid()
        with _clients_lock:
            _open_clients.add(self)

    def _live(self) -> tuple[Portal, AsyncDevin]:
        """This process's portal and async client; a forked child gets fresh ones."""
        if self._pid != os.getpid():
            with _clients_lock:
                if self._pid != os.getpid():
                    _INHERITED_FROM_PARENT.append((self._portal, self._client))
                    self._client = self._make_client()
                    self._portal = Portal(serving=self._client)
                    self._pid = os.getpid()
        return self._portal, self._client

    def _callable(self) -> tuple[Portal, AsyncDevin]:
        """``_live()``, refusing a call that would wait on its own thread's loop."""
        live = self._live()
        if served_here(live[1].base_url):
            raise ClientUsageError(_WAITS_ON_ITSELF)
        return live

    def _run(self, fn: Callable[[AsyncDevin], Awaitable[T]]) -> T:
        portal, client = self._callable()
        return portal.call(lambda: fn(client))

    def _iterate(self, fn: Callable[[AsyncDevin], AsyncIterator[T]]) -> Generator[T, None, None]:
        portal, client = self._callable()
        return portal.iterate(lambda: fn(client))

    def _shut_down(
        self, *, only_in_process: int | None = None, wait: bool = True, final: bool = False
    ) -> None:
        if only_in_process is not None and self._pid != only_in_process:
            return
        self._portal.stop(last=self._client.aclose, wait=wait, final=final)

    def close(self) -> None:
        """Close the connection pool and stop the background loop, for good: later calls
        raise ``ClientUsageError`` (make a new client), and so do calls still waiting or
        in flight in other threads."""
        self._live()
        self._shut_down(final=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __del__(self) -> None:
        # A finalizer may run on any thread, so it schedules the shutdown and never waits.
        if getattr(self, "_pid", None) == os.getpid():
            self._shut_down(wait=False)

    def __repr__(self) -> str:
        client = getattr(self, "_client", None)  # None while __init__ has not set it
        if client is None:
            return f"{type(self).__name__}(<not configured>)"
        return f"{type(self).__name__}(base_url={client.base_url!r}, org_id={client.org_id!r})"
