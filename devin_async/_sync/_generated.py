"""The blocking facade, generated from ``AsyncDevin`` by ``tools/gen_sync.py``.

Do not edit: change the async client, then run ``python tools/gen_sync.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from typing_extensions import Unpack

from .._client import AsyncDevin
from .._http import Handler, Middleware
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE
from .._transport import DEFAULT_POOL_SIZE
from ..models.sessions import SessionInsights, SessionResponse
from ..models.v1 import V1Session
from ..resources.enterprise import Enterprise
from ..resources.enterprise.sessions import EnterpriseSessions
from ..resources.sessions import Sessions
from ..resources.v1 import V1
from ..resources.v1.sessions import V1Sessions
from ._bridge import SyncClientBase, SyncNode, SyncPaginator

__all__ = [
    "Devin",
    "SyncEnterprise",
    "SyncEnterpriseSessions",
    "SyncSessions",
    "SyncV1",
    "SyncV1Sessions",
]


class SyncSessions(SyncNode[Sessions]):
    """Blocking ``Sessions``: the same methods, without ``await``."""

    def get(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        return self._call(
            lambda r: r.get(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def list(
        self,
        *,
        tags: Sequence[str] | None = None,
        session_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        origins: Sequence[str] | None = None,
        playbook_id: str | None = None,
        schedule_id: str | None = None,
        created_after: int | datetime | None = None,
        created_before: int | datetime | None = None,
        updated_after: int | datetime | None = None,
        updated_before: int | datetime | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[SessionResponse]:
        """Every session matching the filters, fetched lazily page by page.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        return self._paginate(
            lambda r: r.list(
                tags=tags,
                session_ids=session_ids,
                user_ids=user_ids,
                service_user_ids=service_user_ids,
                origins=origins,
                playbook_id=playbook_id,
                schedule_id=schedule_id,
                created_after=created_after,
                created_before=created_before,
                updated_after=updated_after,
                updated_before=updated_before,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def terminate(
        self,
        devin_id: str,
        *,
        archive: bool | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Terminate a session; ``archive=True`` archives it too."""
        return self._call(
            lambda r: r.terminate(
                devin_id,
                archive=archive,
                org_id=org_id,
                **options,
            )
        )


class SyncEnterpriseSessions(SyncNode[EnterpriseSessions]):
    """Blocking ``EnterpriseSessions``: the same methods, without ``await``."""

    def get(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Get one session (needs ViewAccountSessions at enterprise level)."""
        return self._call(
            lambda r: r.get(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def insights(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionInsights:
        """A session with its metrics and AI analysis (``analysis`` is None until generated)."""
        return self._call(
            lambda r: r.insights(
                devin_id,
                org_id=org_id,
                **options,
            )
        )


class SyncEnterprise(SyncNode[Enterprise]):
    """Blocking ``Enterprise``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], Enterprise],
    ) -> None:
        super().__init__(owner, resolve)
        self.sessions = SyncEnterpriseSessions(owner, lambda c: resolve(c).sessions)


class SyncV1Sessions(SyncNode[V1Sessions]):
    """Blocking ``V1Sessions``: the same methods, without ``await``."""

    def get(
        self,
        session_id: str,
        **options: Unpack[RequestOptions],
    ) -> V1Session:
        """Get one session with its messages."""
        return self._call(
            lambda r: r.get(
                session_id,
                **options,
            )
        )


class SyncV1(SyncNode[V1]):
    """Blocking ``V1``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], V1],
    ) -> None:
        super().__init__(owner, resolve)
        self.sessions = SyncV1Sessions(owner, lambda c: resolve(c).sessions)


class Devin(SyncClientBase):
    """Blocking client for the Devin API: ``with Devin() as client: ...``.

    The same namespaces, methods and arguments as ``AsyncDevin``, without ``await``;
    calls run on one private event loop in a daemon thread. Generated: do not edit.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        org_id: str | None = None,
        base_url: str | None = None,
        timeout: float | None = None,
        max_retries: int | None = None,
        allow_insecure_http: bool = False,
        pool_size: int = DEFAULT_POOL_SIZE,
        middleware: Sequence[Middleware] = (),
        transport: Handler | None = None,
    ) -> None:
        super().__init__(
            lambda: AsyncDevin(
                api_key=api_key,
                org_id=org_id,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                allow_insecure_http=allow_insecure_http,
                pool_size=pool_size,
                middleware=middleware,
                transport=transport,
            )
        )
        self.sessions = SyncSessions(self, lambda c: c.sessions)
        self.enterprise = SyncEnterprise(self, lambda c: c.enterprise)
        self.v1 = SyncV1(self, lambda c: c.v1)

    @property
    def base_url(self) -> str:
        return self._direct(lambda r: r.base_url)

    @property
    def org_id(self) -> str | None:
        return self._direct(lambda r: r.org_id)
