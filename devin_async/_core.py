"""What every resource shares: settings, the pipeline, and one way to make a typed call."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from ._clock import Clock, RealClock
from ._config import DEFAULT_POOL_SIZE, Settings, check_size
from ._converter import structure, structure_hook
from ._decode import decode_json
from ._errors import ClientUsageError, ConfigurationError
from ._http import NO_HEADERS, Handler, Multipart, Request, Response, Transport, new_request
from ._options import RequestOptions, check_option_names
from ._pagination import MAX_PAGE_SIZE, AsyncPaginator, PageStyle
from ._paths import build_path, path_maker
from ._query import query

__all__ = ["ClientCore", "check_options"]

T = TypeVar("T")

_BREAKS_HEADER = re.compile(r"[\r\n]")


def check_options(options: RequestOptions) -> None:
    """Refuse an unknown keyword or an option of the wrong type or range, before sending."""
    check_option_names(options)
    timeout = options.get("timeout")
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0
    ):
        raise ConfigurationError(f"timeout must be a positive number of seconds, got {timeout!r}")
    retries = options.get("max_retries")
    if retries is not None and (
        isinstance(retries, bool) or not isinstance(retries, int) or retries < 0
    ):
        raise ConfigurationError(f"max_retries must be an int >= 0, got {retries!r}")
    size = options.get("max_response_size")
    if size is not None:
        check_size("max_response_size", size)
    _check_extras(options)


def _check_extras(options: RequestOptions) -> None:
    # Messages name types, never values: a header value is often a credential.
    headers = options.get("extra_headers")
    if headers is not None:
        if not isinstance(headers, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
        ):
            raise ConfigurationError(
                f"extra_headers must map header names to str values, got {type(headers).__name__}"
            )
        if any(_BREAKS_HEADER.search(k + v) for k, v in headers.items()):
            raise ConfigurationError("extra_headers must not hold line breaks")
        if any(k.lower() == "authorization" for k in headers):
            raise ConfigurationError(
                "extra_headers cannot replace Authorization: it carries the client's API key "
                "(make a client with api_key= for another key)"
            )
    for name in ("extra_query", "extra_body"):
        value = options.get(name)
        if value is not None and (
            not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value)
        ):
            raise ConfigurationError(
                f"{name} must be a mapping with str keys, got {type(value).__name__}"
            )


def _with_extras(
    options: RequestOptions, params: Sequence[tuple[str, str]], json: Any, files: Multipart | None
) -> tuple[Sequence[tuple[str, str]], Any, Mapping[str, str]]:
    """``params``, ``json`` and the headers of a call, with its ``extra_*`` options merged."""
    headers = options.get("extra_headers")
    extra_query = options.get("extra_query")
    extra_body = options.get("extra_body")
    if extra_query:
        kept = [pair for pair in params if pair[0] not in extra_query]
        params = kept + query(**extra_query)
    if extra_body:
        if files is not None:
            raise ConfigurationError("extra_body cannot join a multipart upload")
        if json is None:
            json = dict(extra_body)
        elif isinstance(json, Mapping):
            json = {**json, **extra_body}
        else:
            raise ConfigurationError(
                f"extra_body merges into a JSON object; this call sends a {type(json).__name__}"
            )
    return params, json, dict(headers) if headers else NO_HEADERS


_CLOSED = (
    "this client is closed: make a new one for more calls "
    "(clients are cheap; 'async with AsyncDevin() as client:' closes each when done)"
)


async def _refuse_closed(request: Request) -> Response:
    raise ClientUsageError(f"{request}: {_CLOSED}")


async def _refuse_closed_download(
    url: str, write: object, *, timeout: float | None = None
) -> Response:
    raise ClientUsageError(f"download: {_CLOSED}")


class ClientCore:
    """Builds requests, sends them through the pipeline, decodes and structures answers."""

    def __init__(
        self,
        settings: Settings,
        pipeline: Handler,
        transport: Transport,
        *,
        default_concurrency: int = DEFAULT_POOL_SIZE,
        clock: Clock | None = None,
    ):
        self.settings = settings
        self.send = pipeline
        self.download = transport.download  # outside the pipeline: no API key goes along
        self.default_concurrency = default_concurrency  # of fan-outs: the pool size
        self.clock = clock or RealClock()
        self._decoders: dict[type[Any], Callable[[Response], Any]] = {}  # per model type

    def close(self) -> None:
        """Refuse every call from now on: a closed client does not silently reopen. The
        pipeline handler is swapped rather than checked, so open calls pay nothing."""
        self.send = _refuse_closed
        self.download = _refuse_closed_download

    def refuse_if_closed(self, what: str) -> None:
        """For a call that may send nothing (a fan-out of no ids): closed is closed."""
        if self.send is _refuse_closed:
            raise ClientUsageError(f"{what}: {_CLOSED}")

    def recording(self, record: Callable[[Response], object]) -> ClientCore:
        """A twin of this core that hands ``record`` each answer it gets (a raw-response
        call's own): everything else is shared, and the usual path is not touched."""
        twin = copy.copy(self)
        original = self  # its send is looked up per request: a closed client still refuses

        async def recorded(request: Request) -> Response:
            response = await original.send(request)
            record(response)
            return response

        twin.send = recorded
        return twin

    def org_id(self, override: str | None) -> str | None:
        return override if override is not None else self.settings.org_id

    def _shape(
        self,
        params: Sequence[tuple[str, str]],
        json: Any,
        files: Multipart | None,
        options: RequestOptions | None,
    ) -> tuple[
        Sequence[tuple[str, str]], Any, Mapping[str, str], float | None, int | None, int | None
    ]:
        """A call's query, body, headers, timeout, retry count and response size: its
        options checked and its ``extra_*`` merged. A call without options (the usual
        one, and every id of a fan-out) skips all of it."""
        if not options:
            return params, json, NO_HEADERS, self.settings.timeout, None, None
        check_options(options)
        params, json, headers = _with_extras(options, params, json, files)
        return (
            params,
            json,
            headers,
            options.get("timeout", self.settings.timeout),
            options.get("max_retries"),
            options.get("max_response_size"),
        )

    def request(
        self,
        method: str,
        template: str,
        *,
        path: Mapping[str, object] | None = None,
        params: Sequence[tuple[str, str]] = (),
        json: Any = None,
        files: Multipart | None = None,
        options: RequestOptions | None = None,
    ) -> Request:
        params, json, headers, timeout, retries, size = self._shape(params, json, files, options)
        path_ = build_path(template, path) if path else template
        return new_request(method, path_, params, json, files, headers, timeout, retries, size)

    def request_maker(
        self,
        method: str,
        template: str,
        *,
        path: Mapping[str, object],
        each: str,
        params: Sequence[tuple[str, str]] = (),
        options: RequestOptions | None = None,
    ) -> Callable[[str], Request]:
        """``request`` for many values of the path parameter ``each`` (a fan-out's ids):
        options are checked and the other path parameters placed once, not per id."""
        params, json, headers, timeout, retries, size = self._shape(params, None, None, options)
        path_of = path_maker(template, path, each)

        def make(value: str) -> Request:
            path_ = path_of(value)
            return new_request(method, path_, params, json, None, headers, timeout, retries, size)

        return make

    async def respond(self, request: Request) -> Response:
        """The answer to ``request`` through the pipeline as it is now (closed: refused)."""
        return await self.send(request)

    async def call_json(self, request: Request, *, empty_ok: bool = False) -> Any:
        """The decoded JSON answer to ``request`` (``None`` for an allowed empty body)."""
        return decode_json(await self.send(request), empty_ok=empty_ok)

    def paginate(
        self,
        item_type: type[T],
        request: Request,
        *,
        style: PageStyle = PageStyle.CURSOR,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        items_key: str = "items",
    ) -> AsyncPaginator[T]:
        """A lazy iterator over every page ``request`` lists; the filters ride along."""
        return AsyncPaginator(
            self.respond,
            request,
            item_type,
            style=style,
            page_size=page_size,
            limit=limit,
            items_key=items_key,
        )

    async def call(self, cast_to: type[T], request: Request) -> T:
        """The answer to ``request`` as a ``cast_to`` model."""
        return self.decoder(cast_to)(await self.send(request))

    def decoder(self, cast_to: type[T]) -> Callable[[Response], T]:
        """Turns a response into a ``cast_to`` model (the typed error if it is not a 2xx);
        made once per type, for the thousands of answers of a fan-out."""
        decode = self._decoders.get(cast_to)
        if decode is None:
            hook = structure_hook(cast_to)

            def decode(response: Response) -> T:
                data = decode_json(response)
                try:
                    return hook(data, cast_to)  # type: ignore[no-any-return]
                except Exception:  # structure() says what did not fit, in a DecodeError
                    return structure(data, cast_to, what=response.request)

            self._decoders[cast_to] = decode
        return decode
