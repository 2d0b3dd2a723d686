"""``AsyncDevin``: the primary, asyncio client."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from ssl import SSLContext
from types import TracebackType
from typing import Any, TypeVar, overload

import attrs
from typing_extensions import Unpack

from ._argcheck import checked
from ._clock import Clock, RealClock
from ._config import DEFAULT_POOL_SIZE, check_ssl, conceal, resolve_settings
from ._core import ClientCore
from ._errors import ConfigurationError
from ._http import Handler, Middleware, Transport
from ._options import RequestOptions
from ._pipeline.attempts import AttemptCounter
from ._pipeline.auth import AuthMiddleware
from ._pipeline.compose import build_pipeline
from ._pipeline.log import LoggingMiddleware, log_as_environment_says
from ._pipeline.ratelimit import RateLimit, RateLimitMiddleware
from ._pipeline.retry import RetryMiddleware, RetryPolicy
from ._raw import RawResponses
from ._transport import AiohttpTransport, ConnectorFactory, as_transport
from .resources._custom import ClientRequests, Params
from .resources.attachments import Attachments
from .resources.code_scans import CodeScans
from .resources.consumption import ConsumptionResource
from .resources.enterprise import Enterprise
from .resources.identity import Identity
from .resources.knowledge import Knowledge
from .resources.metrics import Metrics
from .resources.playbooks import Playbooks
from .resources.pr_reviews import PrReviews
from .resources.repositories import Repositories
from .resources.schedules import Schedules
from .resources.secrets import Secrets
from .resources.service_users import ServiceUserProvisioning
from .resources.sessions import Sessions
from .resources.snapshot_setup import SnapshotSetup
from .resources.users import OrgUsers
from .resources.v1 import V1

__all__ = ["AsyncDevin"]

T = TypeVar("T")


class AsyncDevin:
    """Async client for the Devin API: ``async with AsyncDevin() as client: ...``.

    Settings come from keyword arguments, then ``DEVIN_API_KEY``, ``DEVIN_ORG_ID``
    and ``DEVIN_BASE_URL``. ``middleware`` are extra ``(request, call_next)`` layers,
    run inside the built-in ones (retry, rate limit, auth, logging), just before the
    transport. ``transport`` replaces the aiohttp one: a ``Transport``, or a bare async
    function taking a ``Request`` (downloads then go through it too); ``aclose()``
    closes it. ``max_retries`` overrides ``retry.max_retries``; ``clock`` replaces the
    real time source of retry and rate-limit waits (see ``devin_async.testing.FakeClock``).
    ``max_response_size`` (bytes, default 32 MiB) bounds every JSON answer, as sent and
    inflated: past it a call raises ``ResponseTooLargeError`` (per call ``max_response_size=``).

    Networking (the aiohttp transport): ``proxy`` sends every request, downloads too,
    through one proxy (``http://user:pass@host:port``); without it, ``trust_env`` (on by
    default, as in curl, requests and httpx) takes ``HTTPS_PROXY``/``HTTP_PROXY``/
    ``ALL_PROXY`` and ``NO_PROXY`` from the environment, read once here; ``.netrc`` is
    never read. ``ssl`` is ``True`` (verify), an ``ssl.SSLContext`` (a custom CA, a client
    certificate) or ``False`` (no verification). ``connector_factory`` makes the aiohttp
    connector of each connection pool, on the loop that uses it (DNS, local address,
    keep-alive, its own ``ssl=``); the client closes what it makes. ``DEVIN_LOG=debug|info``
    turns on the ``devin_async`` logger, with a stderr handler if none is set up.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        org_id: str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        max_response_size: int | None = None,
        allow_insecure_http: bool = False,
        pool_size: int = DEFAULT_POOL_SIZE,
        middleware: Sequence[Middleware] = (),
        transport: Transport | Handler | None = None,
        retry: RetryPolicy | None = None,
        rate_limit: RateLimit | None = None,
        clock: Clock | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        ssl: SSLContext | bool = True,
        connector_factory: ConnectorFactory | None = None,
    ):
        secret_key = conceal(api_key)  # before anything that can raise: see conceal()
        del api_key
        log_as_environment_says()
        policy = retry or RetryPolicy()
        self._settings = resolve_settings(
            api_key=secret_key,
            org_id=org_id,
            base_url=base_url,
            timeout=timeout,
            max_retries=policy.max_retries if max_retries is None else max_retries,
            allow_insecure_http=allow_insecure_http,
            max_response_size=max_response_size,
        )
        policy = attrs.evolve(policy, max_retries=self._settings.max_retries)
        if transport is None:
            self._transport: Transport = AiohttpTransport(
                self._settings.base_url,
                pool_size=pool_size,
                max_response_size=self._settings.max_response_size,
                proxy=proxy,
                trust_env=trust_env,
                ssl=check_ssl(ssl, connector_factory),
                connector_factory=connector_factory,
            )
        elif proxy is not None or ssl is not True or connector_factory is not None:
            raise ConfigurationError(
                "proxy=, ssl= and connector_factory= set up the aiohttp transport; "
                "a transport= of your own does its own networking"
            )
        else:
            self._transport = as_transport(transport)
        layers: list[Middleware] = [
            RetryMiddleware(policy, clock=clock),
            RateLimitMiddleware(
                rate_limit or RateLimit(), max_wait=policy.max_retry_after, clock=clock
            ),
            AuthMiddleware(self._settings),
            LoggingMiddleware(),
        ]
        layers.extend(middleware)
        layers.append(AttemptCounter())  # innermost: sees every attempt a fan-out makes
        pipeline = build_pipeline(layers, self._transport.send)
        cap = rate_limit.max_in_flight if rate_limit else None
        self._core = ClientCore(
            self._settings,
            pipeline,
            self._transport,
            default_concurrency=min(pool_size, cap or pool_size),
            clock=clock or RealClock(),
        )
        self._requests = ClientRequests(self._core)
        self.sessions = Sessions(self._core)
        self.attachments = Attachments(self._core)
        self.knowledge = Knowledge(self._core)
        self.playbooks = Playbooks(self._core)
        self.secrets = Secrets(self._core)
        self.schedules = Schedules(self._core)
        self.metrics = Metrics(self._core)
        self.consumption = ConsumptionResource(self._core)
        self.code_scans = CodeScans(self._core)
        self.pr_reviews = PrReviews(self._core)
        self.self = Identity(self._core)
        self.snapshot_setup = SnapshotSetup(self._core)
        self.users = OrgUsers(self._core)
        self.repositories = Repositories(self._core)
        self.service_user_provisioning = ServiceUserProvisioning(self._core)
        self.enterprise = Enterprise(self._core)
        self.v1 = V1(self._core)

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def org_id(self) -> str | None:
        return self._settings.org_id

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        cast_to: type[T],
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> T: ...

    @overload
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        cast_to: None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any: ...

    @checked
    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        cast_to: type[T] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Any:
        """Call any endpoint, one the SDK has no method for included, through the same
        retries, 429 gate, rate limit, auth, logging and typed errors as every method.

        ``path`` is below the base URL (``"/v3/organizations/{org_id}/..."``: ``{org_id}``
        is the call's organization; a query in it is kept). ``params`` are query
        parameters (a mapping, or pairs), ``json`` the body. The answer is the decoded
        JSON (``None`` for an empty body), or a ``cast_to`` (a model, ``list[Model]``, ...).
        ``with_raw_response.request(...)`` gives the status and headers too.
        """
        return await self._requests._send(method, path, params, json, cast_to, org_id, options)

    @property
    def with_raw_response(self) -> RawResponses:
        """``request`` answering an ``APIResponse``: status, headers, request id, ``parse()``.

        Every namespace has its own: ``client.sessions.with_raw_response.get(...)``.
        """
        return self._requests.with_raw_response

    async def aclose(self) -> None:
        """Close the transport (the connection pool); later calls raise ``ClientUsageError``."""
        self._core.close()
        await self._transport.aclose()

    async def __aenter__(self) -> AsyncDevin:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __del__(self) -> None:
        transport = getattr(self, "_transport", None)
        if isinstance(transport, AiohttpTransport) and transport.is_open:
            warnings.warn(
                f"{self!r} was not closed; use 'async with' or 'await client.aclose()'",
                ResourceWarning,
                stacklevel=2,
            )

    def __repr__(self) -> str:
        settings = getattr(self, "_settings", None)  # None while __init__ has not set it
        if settings is None:
            return "AsyncDevin(<not configured>)"
        return f"AsyncDevin(base_url={settings.base_url!r}, org_id={settings.org_id!r})"
