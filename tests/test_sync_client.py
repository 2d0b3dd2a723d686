"""``Devin``, the blocking client, against the fake API served from a thread."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import re
import signal
import subprocess
import sys
import threading
import weakref
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from inproc import V3_SESSION

from devin_async import (
    ClientUsageError,
    ConfigurationError,
    DecodeError,
    Devin,
    NotFoundError,
    Request,
    Response,
    SessionInsights,
    SessionResponse,
    SyncPaginator,
    V1Session,
)
from devin_async._transport import AiohttpTransport
from devin_async.testing import FAKE_API_KEY, FakeDevin

ROOT = Path(__file__).resolve().parent.parent
FIRST, SECOND = "devin-abc123def456", "devin-fed987cba654"
CallNext = Callable[[Request], Awaitable[Response]]


@pytest.fixture
def server() -> Iterator[FakeDevin]:
    fake = FakeDevin()
    fake.start_in_thread()
    yield fake
    fake.stop_thread()


def make_devin(fake: FakeDevin, **kwargs: object) -> Devin:
    return Devin(
        api_key=FAKE_API_KEY,
        org_id=fake.state.default_org_id,
        base_url=fake.url,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def devin(server: FakeDevin) -> Iterator[Devin]:
    with make_devin(server) as client:
        yield client


def test_reference_calls(devin: Devin, server: FakeDevin) -> None:
    session = devin.sessions.get(FIRST)
    assert isinstance(session, SessionResponse)
    assert (session.session_id, session.title) == (FIRST, "Review PR #123")

    enterprise = devin.enterprise.sessions.get(FIRST)
    assert isinstance(enterprise, SessionResponse)
    assert enterprise.session_id == FIRST

    insights = devin.enterprise.sessions.insights(FIRST)
    assert isinstance(insights, SessionInsights)
    assert insights.analysis is not None

    old = devin.v1.sessions.get(FIRST)
    assert isinstance(old, V1Session)
    assert old.title == "Review PR #123"

    ended = devin.sessions.terminate(SECOND, archive=True)
    assert ended.session_id == SECOND
    assert server.state.sessions[SECOND]["is_archived"] is True
    delete = server.state.seen[-1]
    assert (delete.method, delete.query) == ("DELETE", [("archive", "true")])


def test_errors_come_through_unchanged(devin: Devin) -> None:
    with pytest.raises(NotFoundError) as info:
        devin.sessions.get("devin-000000000000")
    assert info.value.status_code == 404


def test_configuration_is_checked_at_construction() -> None:
    with pytest.raises(ConfigurationError):
        Devin(api_key=FAKE_API_KEY, base_url="ftp://example.com")


def test_repr_hides_the_key(devin: Devin) -> None:
    assert FAKE_API_KEY not in repr(devin)
    assert devin.org_id == "org-abc123def456"
    assert devin.base_url.startswith("http://127.0.0.1:")


def test_list_iterates_lazily_page_by_page(devin: Devin, server: FakeDevin) -> None:
    listed = devin.sessions.list(page_size=1)
    assert isinstance(listed, SyncPaginator)
    everything = [s.session_id for s in listed]
    assert sorted(everything) == [FIRST, SECOND]

    before = len(server.state.seen)
    pages = listed.pages()
    first_page = next(pages)
    assert [s.session_id for s in first_page.items] == everything[:1]
    assert first_page.has_next
    assert len(server.state.seen) == before + 1  # the second page waits to be asked for
    pages.close()

    assert [s.session_id for s in devin.sessions.list(limit=1).to_list()] == everything[:1]
    assert [s.session_id for s in devin.sessions.list(tags=["nightly"])] == [SECOND]


def test_bad_list_arguments_fail_at_the_call(devin: Devin) -> None:
    with pytest.raises(ValueError, match="page_size"):
        devin.sessions.list(page_size=0)


async def test_works_inside_a_running_event_loop(devin: Devin) -> None:
    asyncio.get_running_loop()  # as in Jupyter or an ``async def``
    assert devin.sessions.get(FIRST).session_id == FIRST
    assert len(devin.sessions.list().to_list()) == 2


class ThreadRecorder:
    """Middleware noting which thread ran each request."""

    def __init__(self) -> None:
        self.threads: set[int] = set()

    async def __call__(self, request: Request, call_next: CallNext) -> Response:
        self.threads.add(threading.get_ident())
        return await call_next(request)


def test_many_threads_share_one_loop(server: FakeDevin) -> None:
    recorder = ThreadRecorder()
    ids = [FIRST, SECOND] * 40
    with make_devin(server, middleware=[recorder]) as client, ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda i: client.sessions.get(i).session_id, ids))
    assert got == ids
    assert len(recorder.threads) == 1
    assert threading.get_ident() not in recorder.threads


class CallsBackIntoDevin:
    """Middleware that (wrongly) makes a blocking call from the client's own loop."""

    def __init__(self) -> None:
        self.client: Devin | None = None
        self.error: BaseException | None = None

    async def __call__(self, request: Request, call_next: CallNext) -> Response:
        assert self.client is not None
        try:
            self.client.sessions.get(SECOND)
        except RuntimeError as exc:
            self.error = exc
        return await call_next(request)


def test_blocking_call_from_its_own_loop_raises_at_once(server: FakeDevin) -> None:
    callback = CallsBackIntoDevin()
    with make_devin(server, middleware=[callback]) as client:
        callback.client = client
        assert client.sessions.get(FIRST).session_id == FIRST
    assert callback.error is not None
    assert "own event loop thread" in str(callback.error)


class HangsOnce:
    """Middleware whose first request never answers, recording its cancellation."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.cancelled = threading.Event()

    async def __call__(self, request: Request, call_next: CallNext) -> Response:
        if not self.started.is_set():
            self.started.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                self.cancelled.set()
                raise
        return await call_next(request)


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="needs POSIX signals")
def test_ctrl_c_cancels_the_request_in_flight(server: FakeDevin) -> None:
    assert threading.current_thread() is threading.main_thread()
    hang = HangsOnce()
    main = threading.main_thread().ident
    assert main is not None

    def press_ctrl_c() -> None:
        if hang.started.wait(10):
            signal.pthread_kill(main, signal.SIGINT)

    presser = threading.Thread(target=press_ctrl_c)
    with make_devin(server, middleware=[hang]) as client:
        presser.start()
        with pytest.raises(KeyboardInterrupt):
            client.sessions.get(FIRST)
        presser.join()
        assert hang.cancelled.is_set()
        assert client.sessions.get(FIRST).session_id == FIRST  # the client is still usable


def test_close_stops_the_loop_and_later_calls_are_refused(server: FakeDevin) -> None:
    client = make_devin(server)
    client.sessions.get(FIRST)
    thread = client._portal._thread
    assert thread is not None
    client.close()
    assert not thread.is_alive()
    transport = client._client._transport
    assert isinstance(transport, AiohttpTransport) and not transport.is_open
    threads = threading.active_count()
    with pytest.raises(ClientUsageError, match="this Devin client is closed: make a new one"):
        client.sessions.get(SECOND)
    with pytest.raises(ClientUsageError, match="closed"):
        list(client.sessions.list())
    assert threading.active_count() == threads  # no loop was started again
    client.close()
    client.close()  # closing twice is harmless
    with make_devin(server) as fresh:
        assert fresh.sessions.get(SECOND).session_id == SECOND


def test_a_dropped_client_shuts_down_without_warnings(server: FakeDevin) -> None:
    client = make_devin(server)
    client.sessions.get(FIRST)
    thread = client._portal._thread
    assert thread is not None
    del client
    gc.collect()
    thread.join(10)
    assert not thread.is_alive()


ATEXIT_SCRIPT = """
import atexit, sys
state = {}

def check():  # registered first, so it runs after the client's own exit hook
    client = state["client"]
    clean = not client._client._transport.is_open and not state["thread"].is_alive()
    print("clean" if clean else "LEFT OPEN")

atexit.register(check)
from devin_async import Devin
from devin_async.testing import FAKE_API_KEY, FakeDevin

fake = FakeDevin()
fake.start_in_thread()
client = Devin(api_key=FAKE_API_KEY, org_id=fake.state.default_org_id, base_url=fake.url)
client.sessions.get("devin-abc123def456")
state.update(client=client, thread=client._portal._thread)
"""


def test_interpreter_exit_closes_an_open_client() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error", "-c", ATEXIT_SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # -X dev's asyncio debug mode reports callbacks slower than 0.1 s: on a loaded machine
    # that is timing, not a leak or an unclosed resource, which is what this test is about.
    stderr = SLOW_CALLBACK.sub("", done.stderr)
    assert (done.returncode, done.stdout.strip(), stderr) == (0, "clean", "")


SLOW_CALLBACK = re.compile(r"^Executing <.*> took [0-9.]+ seconds\n", re.MULTILINE)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")  # 3.12+: fork with threads
def test_a_forked_child_gets_its_own_loop_and_session(devin: Devin) -> None:
    assert devin.sessions.get(FIRST).session_id == FIRST  # the parent's loop and pool exist
    parent_portal = devin._portal
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        code = 1
        try:
            answer = devin.sessions.get(SECOND).session_id
            fresh = devin._portal is not parent_portal
            devin.close()
            os.write(write_end, f"{answer} {fresh}".encode())
            code = 0
        except BaseException as exc:
            os.write(write_end, repr(exc).encode())
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert (os.waitstatus_to_exitcode(status), report) == (0, f"{SECOND} True")
    assert devin._portal is parent_portal
    assert devin.sessions.get(FIRST).session_id == FIRST  # the parent's loop is unharmed


def test_close_racing_calls_in_other_threads_fails_them_clearly_and_leaks_nothing(
    server: FakeDevin,
) -> None:
    client = make_devin(server)
    outcomes: dict[str, int] = {}
    stop = threading.Event()

    def worker() -> None:
        while not stop.is_set():
            try:
                client.sessions.get("devin-abc123def456")
                key = "ok"
            except ClientUsageError:
                key = "closed"
            except BaseException as exc:  # anything else is a defect
                key = type(exc).__name__
            outcomes[key] = outcomes.get(key, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for _ in range(30):
        client.close()
    stop.set()
    for t in threads:
        t.join(timeout=10)
    client.close()
    assert not any(t.is_alive() for t in threads), "a caller hung"
    assert set(outcomes) <= {"ok", "closed"}, outcomes
    gc.collect()  # an orphaned aiohttp pool would warn here (warnings are errors)


async def test_a_blocking_call_to_a_fake_on_its_own_loop_fails_at_once() -> None:
    """Issue 18.4: inside async def, a Devin pointed at a fake served by that very loop
    would block the loop the answer needs; it says so instead of hanging."""
    async with FakeDevin() as fake:
        settings = {"api_key": FAKE_API_KEY, "org_id": fake.state.default_org_id}
        refused = pytest.raises(ClientUsageError, match=r"fake\.sync_client\(\)")
        with Devin(base_url=fake.url, **settings) as client, refused:  # type: ignore[arg-type]
            client.sessions.get(FIRST)
        with fake.sync_client() as client:  # the way that works: a thread-served twin
            assert client.sessions.get(FIRST).session_id == FIRST


def test_a_fake_served_from_a_thread_works_with_a_blocking_client() -> None:
    fake = FakeDevin()
    url = fake.start_in_thread()
    try:
        with Devin(base_url=url, api_key=FAKE_API_KEY, org_id=fake.state.default_org_id) as c:
            assert c.sessions.get(FIRST).session_id == FIRST
    finally:
        fake.stop_thread()


def _one_page_of(items: list[dict[str, object]]) -> Callable[[Request], Awaitable[Response]]:
    body = json.dumps({"items": items, "end_cursor": None, "has_next_page": False}).encode()

    async def answer(request: Request) -> Response:
        return Response(200, {"Content-Type": "application/json"}, body, request)

    return answer


def _session(n: int, **fields: object) -> dict[str, object]:
    return {**V3_SESSION, "session_id": f"devin-{n}", **fields}


def test_list_makes_each_item_when_it_is_reached() -> None:
    transport = _one_page_of([_session(1), _session(2, tags="api"), _session(3)])
    with Devin(api_key="cog_test", org_id="org-1", transport=transport) as client:
        seen: list[str] = []
        with pytest.raises(DecodeError, match=r"\(item 1 of the page\) does not fit"):  # noqa: PT012
            for session in client.sessions.list():
                seen.append(session.session_id)
        assert seen == ["devin-1"]  # the good item before the bad one was given
        with pytest.raises(DecodeError, match=r"\(item 1 of the page\) does not fit"):
            next(client.sessions.list().pages())  # a page is all or nothing

    transport = _one_page_of([_session(i) for i in range(4)])
    with Devin(api_key="cog_test", org_id="org-1", transport=transport) as client:
        made: list[weakref.ref[SessionResponse]] = []
        for session in client.sessions.list():
            assert [ref() for ref in made] == [None] * len(made)  # dropped ones are freed
            made.append(weakref.ref(session))
        assert len(made) == 4
