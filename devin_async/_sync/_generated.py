"""The blocking facade, generated from ``AsyncDevin`` by ``tools/gen_sync.py``.

Do not edit: change the async client, then run ``python tools/gen_sync.py``.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterable, Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from ssl import SSLContext
from typing import Any, Literal, overload

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven
from .._client import AsyncDevin, T
from .._clock import Clock
from .._config import DEFAULT_POOL_SIZE, conceal, reveal
from .._fanout.polling import DEFAULT_MAX_POLL_INTERVAL, DEFAULT_MAX_WAIT, DEFAULT_POLL_INTERVAL
from .._fanout.resource import OnError
from .._fanout.results import BulkResult, Outcome, ProgressCallback
from .._http import Handler, Middleware, Transport
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE
from .._pipeline.ratelimit import RateLimit
from .._pipeline.retry import RetryPolicy
from .._transport import ConnectorFactory
from ..models.attachments import Attachment, SessionAttachment
from ..models.code_scans import CodeScan, CodeScanMetrics, CodeScanProfileSummary, CodeScanType
from ..models.common import Timestamp
from ..models.consumption import Consumption
from ..models.enterprise import (
    AcuLimit,
    AuditLog,
    AuditLogAction,
    CodeScanFinding,
    ConsumptionCycle,
    DefaultTag,
    EnterpriseSelf,
    GitConnection,
    GitPermission,
    GitPermissionSpec,
    Hypervisor,
    IdpGroup,
    IpAccessList,
    Organization,
    OrgGroup,
    OrgGroupLimits,
    QueueStatus,
    RegisteredIdpGroup,
    Remediation,
    Role,
    ServiceUser,
    User,
)
from ..models.events import EventDetail, EventMatch, SessionEvent, SessionMessage
from ..models.guardrails import GuardrailViolation
from ..models.identity import Principal
from ..models.knowledge import KnowledgeFolders, NoteResponse
from ..models.members import IdpGroupUser, OrgUser, UserWithIdpRoles
from ..models.metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionMetrics,
    UsageMetrics,
)
from ..models.playbooks import PlaybookResponse
from ..models.pr_reviews import PrReview
from ..models.repositories import (
    RepoIndexingStatusResponse,
    Repository,
    RepositoryIndexingResponse,
    RepositoryIndexSpec,
)
from ..models.schedules import NotifyOn, ScheduleAgent, ScheduleResponse, ScheduleType
from ..models.secrets import SecretResponse, SecretType
from ..models.service_users import (
    ApiKeyResponse,
    ApiKeyWithTokenResponse,
    ProvisionedServiceUserResponse,
)
from ..models.sessions import (
    AdvancedMode,
    DevinMode,
    InsightGeneration,
    SessionInsights,
    SessionResponse,
    SessionSecret,
)
from ..models.snapshots import Blueprint, BlueprintFile, Build, BuildStatus, PresignedDownload
from ..models.v1 import (
    V1AuditLog,
    V1Detail,
    V1EnterpriseConsumption,
    V1Knowledge,
    V1KnowledgeList,
    V1MessageResult,
    V1Playbook,
    V1PlaybookStatus,
    V1Secret,
    V1SecretCreated,
    V1SecretType,
    V1Session,
    V1SessionCreated,
    V1SessionSummary,
)
from ..resources._custom import Params
from ..resources.attachments import Attachments, BinaryFile, PathLike
from ..resources.code_scans import CodeScans
from ..resources.consumption import ConsumptionResource
from ..resources.enterprise import Enterprise
from ..resources.enterprise.audit_logs import AuditLogs
from ..resources.enterprise.code_scans import EnterpriseCodeScans, FindingStatus, Severity
from ..resources.enterprise.consumption import EnterpriseConsumption
from ..resources.enterprise.git_providers import GitProviders
from ..resources.enterprise.guardrail_violations import GuardrailViolations
from ..resources.enterprise.knowledge import EnterpriseKnowledge, EnterprisePlaybooks
from ..resources.enterprise.members import IdpGroups, ServiceUsers, Users
from ..resources.enterprise.metrics import EnterpriseMetrics
from ..resources.enterprise.org_tags import OrgTags
from ..resources.enterprise.organizations import Organizations
from ..resources.enterprise.pr_reviews import EnterprisePrReviews
from ..resources.enterprise.service_user_api_keys import ApiKeyStatus, ServiceUserApiKeys
from ..resources.enterprise.sessions import EnterpriseSessionFilters, EnterpriseSessions
from ..resources.enterprise.settings import (
    EnterpriseIdentity,
    Hypervisors,
    HypervisorStatus,
    IpAccessListResource,
    Queue,
    Roles,
)
from ..resources.enterprise.snapshot_setup import EnterpriseBlueprints, EnterpriseSnapshotSetup
from ..resources.identity import Identity
from ..resources.knowledge import Knowledge
from ..resources.metrics import Metrics
from ..resources.playbooks import Playbooks
from ..resources.pr_reviews import PrReviews
from ..resources.repositories import Repositories
from ..resources.schedules import Schedules
from ..resources.secrets import Secrets
from ..resources.service_users import EnterpriseServiceUserProvisioning, ServiceUserProvisioning
from ..resources.sessions import EventFilters, SessionFilters, Sessions
from ..resources.snapshot_setup import Blueprints, Builds, SnapshotSetup
from ..resources.users import OrgUsers
from ..resources.v1 import V1
from ..resources.v1.attachments import V1Attachments
from ..resources.v1.audit_logs import V1AuditLogs
from ..resources.v1.consumption import V1Consumption
from ..resources.v1.knowledge import V1KnowledgeNotes
from ..resources.v1.playbooks import V1Playbooks
from ..resources.v1.secrets import V1Secrets
from ..resources.v1.sessions import V1_DEFAULT_PAGE_SIZE, V1Sessions
from ._bridge import SyncClientBase, SyncNode, SyncPaginator
from ._raw import SyncRawResponses

__all__ = [
    "Devin",
    "SyncAttachments",
    "SyncAuditLogs",
    "SyncBlueprints",
    "SyncBuilds",
    "SyncCodeScans",
    "SyncConsumptionResource",
    "SyncEnterprise",
    "SyncEnterpriseBlueprints",
    "SyncEnterpriseCodeScans",
    "SyncEnterpriseConsumption",
    "SyncEnterpriseIdentity",
    "SyncEnterpriseKnowledge",
    "SyncEnterpriseMetrics",
    "SyncEnterprisePlaybooks",
    "SyncEnterprisePrReviews",
    "SyncEnterpriseServiceUserProvisioning",
    "SyncEnterpriseSessions",
    "SyncEnterpriseSnapshotSetup",
    "SyncGitProviders",
    "SyncGuardrailViolations",
    "SyncHypervisors",
    "SyncIdentity",
    "SyncIdpGroups",
    "SyncIpAccessListResource",
    "SyncKnowledge",
    "SyncMetrics",
    "SyncOrgTags",
    "SyncOrgUsers",
    "SyncOrganizations",
    "SyncPlaybooks",
    "SyncPrReviews",
    "SyncQueue",
    "SyncRepositories",
    "SyncRoles",
    "SyncSchedules",
    "SyncSecrets",
    "SyncServiceUserApiKeys",
    "SyncServiceUserProvisioning",
    "SyncServiceUsers",
    "SyncSessions",
    "SyncSnapshotSetup",
    "SyncUsers",
    "SyncV1",
    "SyncV1Attachments",
    "SyncV1AuditLogs",
    "SyncV1Consumption",
    "SyncV1KnowledgeNotes",
    "SyncV1Playbooks",
    "SyncV1Secrets",
    "SyncV1Sessions",
]


class SyncSessions(SyncNode[Sessions]):
    """Blocking ``Sessions``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[SessionFilters],
    ) -> SyncPaginator[SessionResponse]:
        """Every session matching the filters, fetched lazily page by page.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **filters,
            )
        )

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[SessionFilters],
    ) -> SyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        return self._paginate(
            lambda r: r.list_insights(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **filters,
            )
        )

    def create(
        self,
        prompt: str,
        *,
        title: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        repos: Sequence[str] | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        child_playbook_id: str | NotGiven | None = NOT_GIVEN,
        knowledge_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        secret_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        session_secrets: Sequence[SessionSecret] | NotGiven | None = NOT_GIVEN,
        session_links: Sequence[str] | NotGiven | None = NOT_GIVEN,
        attachment_urls: Sequence[str] | NotGiven | None = NOT_GIVEN,
        max_acu_limit: int | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven | None = NOT_GIVEN,
        create_as_user_id: str | NotGiven | None = NOT_GIVEN,
        structured_output_schema: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        structured_output_required: bool | NotGiven | None = NOT_GIVEN,
        devin_mode: DevinMode | str | NotGiven | None = NOT_GIVEN,
        platform: str | NotGiven | None = NOT_GIVEN,
        advanced_mode: AdvancedMode | str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Start a session; only the options passed are sent.

        ``platform`` is ``"inherit"``, ``"default"`` or a configured label (an unknown one
        is a 400 listing the labels). ``advanced_mode`` is from the older schema; the
        newest docs drop it.
        """
        return self._call(
            lambda r: r.create(
                prompt,
                title=title,
                tags=tags,
                repos=repos,
                playbook_id=playbook_id,
                child_playbook_id=child_playbook_id,
                knowledge_ids=knowledge_ids,
                secret_ids=secret_ids,
                session_secrets=session_secrets,
                session_links=session_links,
                attachment_urls=attachment_urls,
                max_acu_limit=max_acu_limit,
                bypass_approval=bypass_approval,
                create_as_user_id=create_as_user_id,
                structured_output_schema=structured_output_schema,
                structured_output_required=structured_output_required,
                devin_mode=devin_mode,
                platform=platform,
                advanced_mode=advanced_mode,
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

    def archive(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Archive a session, putting it to sleep if it is running."""
        return self._call(
            lambda r: r.archive(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def events(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[EventFilters],
    ) -> SyncPaginator[SessionEvent]:
        """The session's events with one-line summaries, fetched lazily."""
        return self._paginate(
            lambda r: r.events(
                devin_id,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **filters,
            )
        )

    def search_events(
        self,
        devin_id: str,
        text: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[EventFilters],
    ) -> SyncPaginator[EventMatch]:
        """Events whose commands, paths, messages, URLs... contain ``text`` (any case)."""
        return self._paginate(
            lambda r: r.search_events(
                devin_id,
                text,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **filters,
            )
        )

    def event_details(
        self,
        devin_id: str,
        *,
        event_ids: Sequence[str] | None = None,
        offset: int | None = None,
        limit: int | None = None,
        max_content_length: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EventDetail]:
        """Full contents of events: up to 20 ``event_ids``, or ``limit`` (max 50) from
        ``offset`` in the timeline. Long fields are cut to ``max_content_length``.
        """
        return self._call(
            lambda r: r.event_details(
                devin_id,
                event_ids=event_ids,
                offset=offset,
                limit=limit,
                max_content_length=max_content_length,
                org_id=org_id,
                **options,
            )
        )

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

    def send_message(
        self,
        devin_id: str,
        message: str,
        *,
        message_as_user_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Send a message to a session (waking it if asleep).

        At enterprise level this needs ManageAccountSessions.
        """
        return self._call(
            lambda r: r.send_message(
                devin_id,
                message,
                message_as_user_id=message_as_user_id,
                org_id=org_id,
                **options,
            )
        )

    def messages(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[SessionMessage]:
        """The session's messages, oldest first, fetched lazily.

        The enterprise spec nests ``first``/``after`` in a ``qs`` object; they travel
        flat, as on every other cursor list (INVENTORY section 3).
        """
        return self._paginate(
            lambda r: r.messages(
                devin_id,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def attachments(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SessionAttachment]:
        """Every file attached to the session, by the user or by Devin.

        The SDK-generated spec answers a bare list, a docs page ``{"items": [...]}``:
        both are accepted.
        """
        return self._call(
            lambda r: r.attachments(
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

    @overload
    def insights_many(
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
    ) -> BulkResult[SessionInsights]: ...

    @overload
    def insights_many(
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
    ) -> BulkResult[Outcome[SessionInsights]]: ...

    def insights_many(
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
        """``insights`` for every id, as ``get_many`` does ``get``: up to 200 sessions per
        request through ``list_insights`` (``batch=False``: one request per id).
        """
        return self._call(
            lambda r: r.insights_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def generate_insights(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> InsightGeneration:
        """Ask for the AI analysis now; it arrives later on ``insights``."""
        return self._call(
            lambda r: r.generate_insights(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def tags(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """The session's tags."""
        return self._call(
            lambda r: r.tags(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def add_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Append ``tags`` (the server drops duplicates); returns every tag now set."""
        return self._call(
            lambda r: r.add_tags(
                devin_id,
                tags,
                org_id=org_id,
                **options,
            )
        )

    def set_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Replace every tag with ``tags`` (``[]`` clears them); returns the new tags."""
        return self._call(
            lambda r: r.set_tags(
                devin_id,
                tags,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def get_many(
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
    ) -> BulkResult[SessionResponse]: ...

    @overload
    def get_many(
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
    ) -> BulkResult[Outcome[SessionResponse]]: ...

    def get_many(
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
        return self._call(
            lambda r: r.get_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

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
    ) -> Iterator[tuple[str, Outcome[SessionResponse]]]:
        """``(id, outcome)`` pairs in completion order, ``ids`` consumed lazily.

        At most ``concurrency`` requests are alive and memory stays flat for any
        number of ids. Ids are not de-duplicated (that would need memory per id).
        Use ``async with`` when you may stop early: leaving it cancels what is in flight.
        ``batch`` as in ``get_many``: a chunk takes the ids that have arrived.
        """
        return self._iterate(
            lambda r: r.iter_many(
                ids,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def wait(
        self,
        devin_id: str,
        *,
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Poll one session until it reaches a terminal state, and return it.

        ``until`` replaces the terminal rule (default: the family's ``TerminalStates``).
        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return self._call(
            lambda r: r.wait(
                devin_id,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[SessionResponse]: ...

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[SessionResponse]]: ...

    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        until: Callable[[SessionResponse], bool] | None = None,
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
        return self._call(
            lambda r: r.wait_many(
                ids,
                on_error=on_error,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                concurrency=concurrency,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncAttachments(SyncNode[Attachments]):
    """Blocking ``Attachments``: the same methods, without ``await``."""

    def upload(
        self,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Attachment:
        """Upload a file from a path, a binary file object, or bytes (multipart)."""
        return self._call(
            lambda r: r.upload(
                file,
                filename=filename,
                content_type=content_type,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: None = None,
        max_size: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...

    @overload
    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile,
        max_size: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile | None = None,
        max_size: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes | None:
        """Download an attachment: its bytes, or streamed into ``to`` (a path or binary file).

        The API answers with a redirect to a presigned URL on another host; that request
        carries no API key. A path that fails mid-way is removed, not left half-written.
        ``max_size`` (bytes; none by default) stops a larger file with
        ``ResponseTooLargeError``; ``max_response_size`` does not apply to the file.
        """
        return self._call(
            lambda r: r.download(
                uuid,
                name,
                to=to,
                max_size=max_size,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncKnowledge(SyncNode[Knowledge]):
    """Blocking ``Knowledge``: the same methods, without ``await``."""

    def list(
        self,
        *,
        folder_path: str | None = None,
        pinned_repo: str | None = None,
        search: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[NoteResponse]:
        """Every note, optionally only those in a folder, pinned to a repo, or matching text."""
        return self._paginate(
            lambda r: r.list(
                folder_path=folder_path,
                pinned_repo=pinned_repo,
                search=search,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        note_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """One note."""
        return self._call(
            lambda r: r.get(
                note_id,
                org_id=org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        name: str,
        body: str,
        trigger: str,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Create a note; ``pinned_repo`` limits it to one repository."""
        return self._call(
            lambda r: r.create(
                name=name,
                body=body,
                trigger=trigger,
                pinned_repo=pinned_repo,
                org_id=org_id,
                **options,
            )
        )

    def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger: str,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Replace a note's name, body and trigger (the API has no partial update)."""
        return self._call(
            lambda r: r.update(
                note_id,
                name=name,
                body=body,
                trigger=trigger,
                pinned_repo=pinned_repo,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        note_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Delete a note; returns it as it was."""
        return self._call(
            lambda r: r.delete(
                note_id,
                org_id=org_id,
                **options,
            )
        )

    def folders(
        self,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> KnowledgeFolders:
        """The whole folder tree with per-folder note counts."""
        return self._call(
            lambda r: r.folders(
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncPlaybooks(SyncNode[Playbooks]):
    """Blocking ``Playbooks``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[PlaybookResponse]:
        """Every playbook of the organization."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        playbook_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """One playbook."""
        return self._call(
            lambda r: r.get(
                playbook_id,
                org_id=org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Create a playbook; ``macro`` is ``!`` then letters, digits, ``_`` or ``-``."""
        return self._call(
            lambda r: r.create(
                title=title,
                body=body,
                macro=macro,
                org_id=org_id,
                **options,
            )
        )

    def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Replace a playbook's title and body (PUT: the API has no partial update)."""
        return self._call(
            lambda r: r.update(
                playbook_id,
                title=title,
                body=body,
                macro=macro,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        playbook_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Delete a playbook; returns it as it was."""
        return self._call(
            lambda r: r.delete(
                playbook_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncSecrets(SyncNode[Secrets]):
    """Blocking ``Secrets``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[SecretResponse]:
        """Every secret's metadata (never its value)."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        key: str,
        value: str,
        secret_type: SecretType | str = SecretType.KEY_VALUE,
        is_sensitive: bool | NotGiven = NOT_GIVEN,
        note: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SecretResponse:
        """Store a secret (``secret_type`` is sent as the API's ``type``)."""
        return self._call(
            lambda r: r.create(
                key=key,
                value=value,
                secret_type=secret_type,
                is_sensitive=is_sensitive,
                note=note,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        secret_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SecretResponse:
        """Delete a secret; returns its metadata as it was."""
        return self._call(
            lambda r: r.delete(
                secret_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncSchedules(SyncNode[Schedules]):
    """Blocking ``Schedules``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[ScheduleResponse]:
        """Every schedule (this endpoint pages by limit/offset; iteration hides it)."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        schedule_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """One schedule."""
        return self._call(
            lambda r: r.get(
                schedule_id,
                org_id=org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        name: str,
        prompt: str,
        frequency: str | NotGiven | None = NOT_GIVEN,
        schedule_type: ScheduleType | str | NotGiven = NOT_GIVEN,
        scheduled_at: datetime | NotGiven | None = NOT_GIVEN,
        interval_count: int | NotGiven = NOT_GIVEN,
        agent: ScheduleAgent | str | NotGiven = NOT_GIVEN,
        notify_on: NotifyOn | str | NotGiven = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven = NOT_GIVEN,
        create_as_user_id: str | NotGiven | None = NOT_GIVEN,
        target_devin_id: str | NotGiven | None = NOT_GIVEN,
        slack_channel_id: str | NotGiven | None = NOT_GIVEN,
        slack_team_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """Create a schedule: recurring (cron ``frequency``) or ``one_time`` at ``scheduled_at``."""
        return self._call(
            lambda r: r.create(
                name=name,
                prompt=prompt,
                frequency=frequency,
                schedule_type=schedule_type,
                scheduled_at=scheduled_at,
                interval_count=interval_count,
                agent=agent,
                notify_on=notify_on,
                playbook_id=playbook_id,
                tags=tags,
                bypass_approval=bypass_approval,
                create_as_user_id=create_as_user_id,
                target_devin_id=target_devin_id,
                slack_channel_id=slack_channel_id,
                slack_team_id=slack_team_id,
                org_id=org_id,
                **options,
            )
        )

    def update(
        self,
        schedule_id: str,
        *,
        name: str | NotGiven | None = NOT_GIVEN,
        prompt: str | NotGiven | None = NOT_GIVEN,
        enabled: bool | NotGiven | None = NOT_GIVEN,
        frequency: str | NotGiven | None = NOT_GIVEN,
        schedule_type: ScheduleType | str | NotGiven | None = NOT_GIVEN,
        scheduled_at: datetime | NotGiven | None = NOT_GIVEN,
        interval_count: int | NotGiven | None = NOT_GIVEN,
        agent: ScheduleAgent | str | NotGiven | None = NOT_GIVEN,
        notify_on: NotifyOn | str | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven | None = NOT_GIVEN,
        run_as_user_id: str | NotGiven | None = NOT_GIVEN,
        target_devin_id: str | NotGiven | None = NOT_GIVEN,
        slack_channel_id: str | NotGiven | None = NOT_GIVEN,
        slack_team_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """Change only the fields passed (PATCH); ``None`` clears a field, e.g.
        ``run_as_user_id=None`` reverts to the default bot user.
        """
        return self._call(
            lambda r: r.update(
                schedule_id,
                name=name,
                prompt=prompt,
                enabled=enabled,
                frequency=frequency,
                schedule_type=schedule_type,
                scheduled_at=scheduled_at,
                interval_count=interval_count,
                agent=agent,
                notify_on=notify_on,
                playbook_id=playbook_id,
                tags=tags,
                bypass_approval=bypass_approval,
                run_as_user_id=run_as_user_id,
                target_devin_id=target_devin_id,
                slack_channel_id=slack_channel_id,
                slack_team_id=slack_team_id,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        schedule_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """Delete a schedule (soft: the API keeps its record); returns it as it was."""
        return self._call(
            lambda r: r.delete(
                schedule_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncMetrics(SyncNode[Metrics]):
    """Blocking ``Metrics``: the same methods, without ``await``."""

    def active_users(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct active users over the whole range."""
        return self._call(
            lambda r: r.active_users(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_id=org_id,
                **options,
            )
        )

    def dau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each day of the range."""
        return self._call(
            lambda r: r.dau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_id=org_id,
                **options,
            )
        )

    def wau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each week of the range."""
        return self._call(
            lambda r: r.wau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_id=org_id,
                **options,
            )
        )

    def mau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each month of the range."""
        return self._call(
            lambda r: r.mau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_id=org_id,
                **options,
            )
        )

    def sessions(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and those that merged PRs."""
        return self._call(
            lambda r: r.sessions(
                time_after=time_after,
                time_before=time_before,
                playbook_id=playbook_id,
                user_ids=user_ids,
                service_user_ids=service_user_ids,
                org_id=org_id,
                **options,
            )
        )

    def prs(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests created, opened, merged and closed."""
        return self._call(
            lambda r: r.prs(
                time_after=time_after,
                time_before=time_before,
                playbook_id=playbook_id,
                user_ids=user_ids,
                service_user_ids=service_user_ids,
                org_id=org_id,
                **options,
            )
        )

    def searches(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        """Searches created in the range."""
        return self._call(
            lambda r: r.searches(
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    def usage(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Sessions, searches and PRs in the range (all time when no bound is given)."""
        return self._call(
            lambda r: r.usage(
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncConsumptionResource(SyncNode[ConsumptionResource]):
    """Blocking ``ConsumptionResource``: the same methods, without ``await``."""

    def daily(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """The organization's ACUs per day."""
        return self._call(
            lambda r: r.daily(
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    def daily_for_user(
        self,
        user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One user's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_user(
                user_id,
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    def daily_for_service_user(
        self,
        service_user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One service user's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_service_user(
                service_user_id,
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    def daily_for_session(
        self,
        session_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One session's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_session(
                session_id,
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncCodeScans(SyncNode[CodeScans]):
    """Blocking ``CodeScans``: the same methods, without ``await``."""

    def start(
        self,
        repo_name: str,
        *,
        host: str | NotGiven | None = NOT_GIVEN,
        profile_id: str | NotGiven | None = NOT_GIVEN,
        scan_type: CodeScanType | str | NotGiven | None = NOT_GIVEN,
        commit_sha: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScan:
        """Scan ``repo_name`` (``owner/repo``, reached through the org's git integration).

        ``scan_type`` defaults to the profile's, else ``security``; ``commit_sha`` to the
        latest commit of the default branch. Errors: ``BadRequestError`` when the type does
        not fit the profile, ``PermissionDeniedError`` when the org allows ingestion only,
        ``NotFoundError`` for a repo or profile it cannot see, ``ConflictError`` when the
        scan backlog is full (retry later).
        """
        return self._call(
            lambda r: r.start(
                repo_name,
                host=host,
                profile_id=profile_id,
                scan_type=scan_type,
                commit_sha=commit_sha,
                org_id=org_id,
                **options,
            )
        )

    def list_profiles(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[CodeScanProfileSummary]:
        """The profiles scans can use (the org's own and those the enterprise shares),
        newest first.
        """
        return self._paginate(
            lambda r: r.list_profiles(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def metrics(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScanMetrics:
        """Open findings and scan pull requests over a window of at most 100 days."""
        return self._call(
            lambda r: r.metrics(
                time_after=time_after,
                time_before=time_before,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncPrReviews(SyncNode[PrReviews]):
    """Blocking ``PrReviews``: the same methods, without ``await``."""

    def create(
        self,
        pr_url: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Start a review of the pull request's latest commit (``pr_url``: its full URL)."""
        return self._call(
            lambda r: r.create(
                pr_url,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """The latest review of the PR's head, or of ``commit_sha`` (full or a prefix).

        ``NotFoundError`` until a review exists for that commit.
        """
        return self._call(
            lambda r: r.get(
                pr_url,
                commit_sha=commit_sha,
                org_id=org_id,
                **options,
            )
        )

    def wait(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Poll ``get`` until the review is completed or errored, and return it.

        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return self._call(
            lambda r: r.wait(
                pr_url,
                commit_sha=commit_sha,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncIdentity(SyncNode[Identity]):
    """Blocking ``Identity``: the same methods, without ``await``."""

    def get(
        self,
        **options: Unpack[RequestOptions],
    ) -> Principal:
        """The caller: a ``ServiceUserSelf``, ``PatUserSelf``, ... by ``principal_type``.

        An unknown principal type still parses, as a plain ``Principal``.
        """
        return self._call(
            lambda r: r.get(
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncBuilds(SyncNode[Builds]):
    """Blocking ``Builds``: the same methods, without ``await``."""

    def create(
        self,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Build:
        """Start a build from the organization's blueprints; it begins ``pending``."""
        return self._call(
            lambda r: r.create(
                org_id=org_id,
                **options,
            )
        )

    def list(
        self,
        *,
        status: BuildStatus | str | None = None,
        active: bool | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[Build]:
        """The organization's builds; ``active=True`` lists only the one new sessions use."""
        return self._paginate(
            lambda r: r.list(
                status=status,
                active=active,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        build_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Build:
        """One build."""
        return self._call(
            lambda r: r.get(
                build_id,
                org_id=org_id,
                **options,
            )
        )

    def cancel(
        self,
        build_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Build:
        """Stop a build still in progress (a finished one stays as it is)."""
        return self._call(
            lambda r: r.cancel(
                build_id,
                org_id=org_id,
                **options,
            )
        )

    def pin(
        self,
        build_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Build:
        """Make new sessions start from this build (``ConflictError`` unless it succeeded
        within the last 7 days).
        """
        return self._call(
            lambda r: r.pin(
                build_id,
                org_id=org_id,
                **options,
            )
        )

    def unpin(
        self,
        build_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Stop pinning this build (nothing happens if it is not pinned)."""
        return self._call(
            lambda r: r.unpin(
                build_id,
                org_id=org_id,
                **options,
            )
        )

    def logs(
        self,
        build_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PresignedDownload:
        """A link to the build's log file; ``download`` fetches it."""
        return self._call(
            lambda r: r.logs(
                build_id,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: None = None,
        timeout: float | None = None,
    ) -> bytes: ...

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile,
        timeout: float | None = None,
    ) -> None: ...

    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile | None = None,
        timeout: float | None = None,
    ) -> bytes | None:
        """The linked file: its bytes, or streamed into ``to`` (a path or binary file).

        The storage host gets no API key. A link lasts about ten minutes; past that the
        host refuses it (``PermissionDeniedError``): ask for a new one.
        """
        return self._call(
            lambda r: r.download(
                link,
                to=to,
                timeout=timeout,
            )
        )

    @overload
    def get_many(
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
    ) -> BulkResult[Build]: ...

    @overload
    def get_many(
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
    ) -> BulkResult[Outcome[Build]]: ...

    def get_many(
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
        return self._call(
            lambda r: r.get_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

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
    ) -> Iterator[tuple[str, Outcome[Build]]]:
        """``(id, outcome)`` pairs in completion order, ``ids`` consumed lazily.

        At most ``concurrency`` requests are alive and memory stays flat for any
        number of ids. Ids are not de-duplicated (that would need memory per id).
        Use ``async with`` when you may stop early: leaving it cancels what is in flight.
        ``batch`` as in ``get_many``: a chunk takes the ids that have arrived.
        """
        return self._iterate(
            lambda r: r.iter_many(
                ids,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def wait(
        self,
        devin_id: str,
        *,
        until: Callable[[Build], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Build:
        """Poll one session until it reaches a terminal state, and return it.

        ``until`` replaces the terminal rule (default: the family's ``TerminalStates``).
        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return self._call(
            lambda r: r.wait(
                devin_id,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        until: Callable[[Build], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Build]: ...

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        until: Callable[[Build], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[Build]]: ...

    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        until: Callable[[Build], bool] | None = None,
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
        return self._call(
            lambda r: r.wait_many(
                ids,
                on_error=on_error,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                concurrency=concurrency,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncBlueprints(SyncNode[Blueprints]):
    """Blocking ``Blueprints``: the same methods, without ``await``."""

    def list(
        self,
        *,
        repo_name: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Blueprint]:
        """Every blueprint, in the order builds apply them; ``repo_name`` (``owner/repo``)
        narrows to one repository's.
        """
        return self._call(
            lambda r: r.list(
                repo_name=repo_name,
                org_id=org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        contents: str | NotGiven = NOT_GIVEN,
        repo_name: str | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Create the org-tier blueprint, or with ``repo_name`` a repository's; ``contents``
        is its YAML. No build starts.
        """
        return self._call(
            lambda r: r.create(
                contents=contents,
                repo_name=repo_name,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        blueprint_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """One blueprint's metadata (its YAML: ``contents``)."""
        return self._call(
            lambda r: r.get(
                blueprint_id,
                org_id=org_id,
                **options,
            )
        )

    def update(
        self,
        blueprint_id: str,
        *,
        contents: str | NotGiven = NOT_GIVEN,
        position: int | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Change the YAML, or where a repository's blueprint runs among the others."""
        return self._call(
            lambda r: r.update(
                blueprint_id,
                contents=contents,
                position=position,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        blueprint_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a blueprint."""
        return self._call(
            lambda r: r.delete(
                blueprint_id,
                org_id=org_id,
                **options,
            )
        )

    def contents(
        self,
        blueprint_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PresignedDownload:
        """A link to the blueprint's YAML; ``download`` fetches it."""
        return self._call(
            lambda r: r.contents(
                blueprint_id,
                org_id=org_id,
                **options,
            )
        )

    def list_files(
        self,
        blueprint_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BlueprintFile]:
        """The files uploaded for a blueprint."""
        return self._call(
            lambda r: r.list_files(
                blueprint_id,
                org_id=org_id,
                **options,
            )
        )

    def upload_file(
        self,
        blueprint_id: str,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        name: str,
        content_type: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BlueprintFile:
        """Upload a file (a path, binary file or bytes) that the YAML calls ``name``."""
        return self._call(
            lambda r: r.upload_file(
                blueprint_id,
                file,
                name=name,
                content_type=content_type,
                org_id=org_id,
                **options,
            )
        )

    def delete_file(
        self,
        blueprint_id: str,
        file_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete one of a blueprint's files."""
        return self._call(
            lambda r: r.delete_file(
                blueprint_id,
                file_id,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: None = None,
        timeout: float | None = None,
    ) -> bytes: ...

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile,
        timeout: float | None = None,
    ) -> None: ...

    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile | None = None,
        timeout: float | None = None,
    ) -> bytes | None:
        """The linked file: its bytes, or streamed into ``to`` (a path or binary file).

        The storage host gets no API key. A link lasts about ten minutes; past that the
        host refuses it (``PermissionDeniedError``): ask for a new one.
        """
        return self._call(
            lambda r: r.download(
                link,
                to=to,
                timeout=timeout,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncSnapshotSetup(SyncNode[SnapshotSetup]):
    """Blocking ``SnapshotSetup``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], SnapshotSetup],
    ) -> None:
        super().__init__(owner, resolve)
        self.builds = SyncBuilds(owner, lambda c: resolve(c).builds)
        self.blueprints = SyncBlueprints(owner, lambda c: resolve(c).blueprints)


class SyncOrgUsers(SyncNode[OrgUsers]):
    """Blocking ``OrgUsers``: the same methods, without ``await``."""

    def list(
        self,
        *,
        email: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[OrgUser]:
        """Users with roles assigned directly in the organization (``email``: that one)."""
        return self._paginate(
            lambda r: r.list(
                email=email,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def get(
        self,
        user_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UserWithIdpRoles:
        """One member, with direct roles and those from IdP groups."""
        return self._call(
            lambda r: r.get(
                user_id,
                org_id=org_id,
                **options,
            )
        )

    def list_idp_users(
        self,
        *,
        email: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[IdpGroupUser]:
        """Members who hold roles through IdP groups, with the groups that give them."""
        return self._paginate(
            lambda r: r.list_idp_users(
                email=email,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncRepositories(SyncNode[Repositories]):
    """Blocking ``Repositories``: the same methods, without ``await``."""

    def list(
        self,
        *,
        filter_name: str | None = None,
        only_repo_paths: Sequence[str] | None = None,
        exclude_repo_paths: Sequence[str] | None = None,
        load_indexing_status: bool | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[Repository]:
        """Repositories available to the organization; ``load_indexing_status`` adds each
        one's indexing state.
        """
        return self._paginate(
            lambda r: r.list(
                filter_name=filter_name,
                only_repo_paths=only_repo_paths,
                exclude_repo_paths=exclude_repo_paths,
                load_indexing_status=load_indexing_status,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def list_indexed(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[RepositoryIndexingResponse]:
        """Repositories with indexing enabled, and their branches."""
        return self._paginate(
            lambda r: r.list_indexed(
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def index_many(
        self,
        repositories: Sequence[RepositoryIndexSpec | str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RepositoryIndexingResponse]:
        """Enable indexing for several repositories (paths, or specs naming branches) and
        start their jobs; idempotent.
        """
        return self._call(
            lambda r: r.index_many(
                repositories,
                org_id=org_id,
                **options,
            )
        )

    def unindex_many(
        self,
        repository_paths: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RepositoryIndexingResponse]:
        """Disable indexing for several repositories and clear their branches."""
        return self._call(
            lambda r: r.unindex_many(
                repository_paths,
                org_id=org_id,
                **options,
            )
        )

    def indexing_status(
        self,
        repository_path: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepoIndexingStatusResponse:
        """Whether a repository is indexed, and its latest jobs."""
        return self._call(
            lambda r: r.indexing_status(
                repository_path,
                org_id=org_id,
                **options,
            )
        )

    def index(
        self,
        repository_path: str,
        *,
        branch_names: Sequence[str] | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Enable indexing for one repository (its default branch unless ``branch_names``)
        and start its jobs; idempotent.
        """
        return self._call(
            lambda r: r.index(
                repository_path,
                branch_names=branch_names,
                org_id=org_id,
                **options,
            )
        )

    def unindex(
        self,
        repository_path: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Disable indexing for one repository and clear its branches."""
        return self._call(
            lambda r: r.unindex(
                repository_path,
                org_id=org_id,
                **options,
            )
        )

    def remove_branch(
        self,
        repository_path: str,
        branch_name: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Stop indexing one branch of a repository."""
        return self._call(
            lambda r: r.remove_branch(
                repository_path,
                branch_name,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncServiceUserProvisioning(SyncNode[ServiceUserProvisioning]):
    """Blocking ``ServiceUserProvisioning``: the same methods, without ``await``."""

    def create(
        self,
        *,
        name: str,
        role_id: str,
        ttl_seconds: int,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ProvisionedServiceUserResponse:
        """A new service user with an organization role, and its token (shown this once),
        valid ``ttl_seconds`` (a year at most).
        """
        return self._call(
            lambda r: r.create(
                name=name,
                role_id=role_id,
                ttl_seconds=ttl_seconds,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseSessions(SyncNode[EnterpriseSessions]):
    """Blocking ``EnterpriseSessions``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> SyncPaginator[SessionResponse]:
        """Every session matching the filters, in any organization, fetched lazily."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                **filters,
            )
        )

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> SyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        return self._paginate(
            lambda r: r.list_insights(
                page_size=page_size,
                limit=limit,
                **filters,
            )
        )

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

    def send_message(
        self,
        devin_id: str,
        message: str,
        *,
        message_as_user_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Send a message to a session (waking it if asleep).

        At enterprise level this needs ManageAccountSessions.
        """
        return self._call(
            lambda r: r.send_message(
                devin_id,
                message,
                message_as_user_id=message_as_user_id,
                org_id=org_id,
                **options,
            )
        )

    def messages(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[SessionMessage]:
        """The session's messages, oldest first, fetched lazily.

        The enterprise spec nests ``first``/``after`` in a ``qs`` object; they travel
        flat, as on every other cursor list (INVENTORY section 3).
        """
        return self._paginate(
            lambda r: r.messages(
                devin_id,
                page_size=page_size,
                limit=limit,
                org_id=org_id,
                **options,
            )
        )

    def attachments(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[SessionAttachment]:
        """Every file attached to the session, by the user or by Devin.

        The SDK-generated spec answers a bare list, a docs page ``{"items": [...]}``:
        both are accepted.
        """
        return self._call(
            lambda r: r.attachments(
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

    @overload
    def insights_many(
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
    ) -> BulkResult[SessionInsights]: ...

    @overload
    def insights_many(
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
    ) -> BulkResult[Outcome[SessionInsights]]: ...

    def insights_many(
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
        """``insights`` for every id, as ``get_many`` does ``get``: up to 200 sessions per
        request through ``list_insights`` (``batch=False``: one request per id).
        """
        return self._call(
            lambda r: r.insights_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def generate_insights(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> InsightGeneration:
        """Ask for the AI analysis now; it arrives later on ``insights``."""
        return self._call(
            lambda r: r.generate_insights(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def tags(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """The session's tags."""
        return self._call(
            lambda r: r.tags(
                devin_id,
                org_id=org_id,
                **options,
            )
        )

    def add_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Append ``tags`` (the server drops duplicates); returns every tag now set."""
        return self._call(
            lambda r: r.add_tags(
                devin_id,
                tags,
                org_id=org_id,
                **options,
            )
        )

    def set_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Replace every tag with ``tags`` (``[]`` clears them); returns the new tags."""
        return self._call(
            lambda r: r.set_tags(
                devin_id,
                tags,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def get_many(
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
    ) -> BulkResult[SessionResponse]: ...

    @overload
    def get_many(
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
    ) -> BulkResult[Outcome[SessionResponse]]: ...

    def get_many(
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
        return self._call(
            lambda r: r.get_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

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
    ) -> Iterator[tuple[str, Outcome[SessionResponse]]]:
        """``(id, outcome)`` pairs in completion order, ``ids`` consumed lazily.

        At most ``concurrency`` requests are alive and memory stays flat for any
        number of ids. Ids are not de-duplicated (that would need memory per id).
        Use ``async with`` when you may stop early: leaving it cancels what is in flight.
        ``batch`` as in ``get_many``: a chunk takes the ids that have arrived.
        """
        return self._iterate(
            lambda r: r.iter_many(
                ids,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def wait(
        self,
        devin_id: str,
        *,
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Poll one session until it reaches a terminal state, and return it.

        ``until`` replaces the terminal rule (default: the family's ``TerminalStates``).
        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return self._call(
            lambda r: r.wait(
                devin_id,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[SessionResponse]: ...

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        until: Callable[[SessionResponse], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[SessionResponse]]: ...

    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        until: Callable[[SessionResponse], bool] | None = None,
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
        return self._call(
            lambda r: r.wait_many(
                ids,
                on_error=on_error,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                concurrency=concurrency,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncAuditLogs(SyncNode[AuditLogs]):
    """Blocking ``AuditLogs``: the same methods, without ``await``."""

    def list(
        self,
        *,
        org_id: str | None = None,
        action: AuditLogAction | str | None = None,
        order: Literal["asc", "desc"] | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[AuditLog]:
        """Entries of the whole enterprise, or of ``org_id`` only.

        ``time_after``/``time_before`` are epoch seconds (or datetimes); the API wants
        ``time_after`` whenever ``time_before`` is given, and a window of at most 100 days.
        """
        return self._paginate(
            lambda r: r.list(
                org_id=org_id,
                action=action,
                order=order,
                time_after=time_after,
                time_before=time_before,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncOrganizations(SyncNode[Organizations]):
    """Blocking ``Organizations``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[Organization]:
        """Every organization of the enterprise."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def get(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """One organization, with its ACU limits."""
        return self._call(
            lambda r: r.get(
                org_id,
                **options,
            )
        )

    def create(
        self,
        *,
        name: str,
        max_cycle_acu_limit: int | NotGiven | None = NOT_GIVEN,
        max_session_acu_limit: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """Create an organization; ACU limits not given are left to the server's default."""
        return self._call(
            lambda r: r.create(
                name=name,
                max_cycle_acu_limit=max_cycle_acu_limit,
                max_session_acu_limit=max_session_acu_limit,
                **options,
            )
        )

    def update(
        self,
        org_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        max_cycle_acu_limit: int | NotGiven | None = NOT_GIVEN,
        max_session_acu_limit: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """Rename an organization or change its ACU limits; ``None`` removes a limit."""
        return self._call(
            lambda r: r.update(
                org_id,
                name=name,
                max_cycle_acu_limit=max_cycle_acu_limit,
                max_session_acu_limit=max_session_acu_limit,
                **options,
            )
        )

    def delete(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """Delete an organization from the enterprise."""
        return self._call(
            lambda r: r.delete(
                org_id,
                **options,
            )
        )

    def get_group_limits(
        self,
        **options: Unpack[RequestOptions],
    ) -> OrgGroupLimits:
        """The named groups of organizations that share an ACU cap per billing cycle."""
        return self._call(
            lambda r: r.get_group_limits(
                **options,
            )
        )

    def replace_group_limits(
        self,
        groups: Mapping[str, OrgGroup],
        **options: Unpack[RequestOptions],
    ) -> OrgGroupLimits:
        """Replace the whole organization-group configuration with ``groups``."""
        return self._call(
            lambda r: r.replace_group_limits(
                groups,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncUsers(SyncNode[Users]):
    """Blocking ``Users``: the same methods, without ``await``."""

    def get(
        self,
        user_id: str,
        **options: Unpack[RequestOptions],
    ) -> UserWithIdpRoles:
        """One enterprise member, with the roles its IdP groups give it where the API says."""
        return self._call(
            lambda r: r.get(
                user_id,
                **options,
            )
        )

    def list_idp_users(
        self,
        *,
        email: str | None = None,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[IdpGroupUser]:
        """Users who are members through IdP groups, of the enterprise or of ``org_id``
        (``email``: an exact match).
        """
        return self._paginate(
            lambda r: r.list_idp_users(
                email=email,
                org_id=org_id,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def invite(
        self,
        emails: Sequence[str],
        *,
        enterprise_role_id: str,
        **options: Unpack[RequestOptions],
    ) -> list[User]:
        """Invite people by email into the enterprise with one role."""
        return self._call(
            lambda r: r.invite(
                emails,
                enterprise_role_id=enterprise_role_id,
                **options,
            )
        )

    def assign(
        self,
        user_id: str,
        *,
        org_id: str,
        role_id: str,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Add an enterprise member to organization ``org_id`` with a role."""
        return self._call(
            lambda r: r.assign(
                user_id,
                org_id=org_id,
                role_id=role_id,
                **options,
            )
        )

    def list(
        self,
        *,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[User]:
        """Members of the enterprise, or of ``org_id``, with their role assignments."""
        return self._paginate(
            lambda r: r.list(
                org_id=org_id,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def update(
        self,
        member_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Change the member's role in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.update(
                member_id,
                role_id=role_id,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        member_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> User:
        """Remove the member from the enterprise, or from ``org_id`` only."""
        return self._call(
            lambda r: r.delete(
                member_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncServiceUsers(SyncNode[ServiceUsers]):
    """Blocking ``ServiceUsers``: the same methods, without ``await``."""

    def get(
        self,
        service_user_id: str,
        **options: Unpack[RequestOptions],
    ) -> ServiceUser:
        """One service user of the enterprise."""
        return self._call(
            lambda r: r.get(
                service_user_id,
                **options,
            )
        )

    def assign(
        self,
        service_user_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceUser:
        """Give the service user a role in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.assign(
                service_user_id,
                role_id=role_id,
                org_id=org_id,
                **options,
            )
        )

    def list(
        self,
        *,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[ServiceUser]:
        """Members of the enterprise, or of ``org_id``, with their role assignments."""
        return self._paginate(
            lambda r: r.list(
                org_id=org_id,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def update(
        self,
        member_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceUser:
        """Change the member's role in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.update(
                member_id,
                role_id=role_id,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        member_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceUser:
        """Remove the member from the enterprise, or from ``org_id`` only."""
        return self._call(
            lambda r: r.delete(
                member_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncIdpGroups(SyncNode[IdpGroups]):
    """Blocking ``IdpGroups``: the same methods, without ``await``."""

    def get(
        self,
        idp_group_name: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdpGroup:
        """One group's role assignments in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.get(
                idp_group_name,
                org_id=org_id,
                **options,
            )
        )

    def assign(
        self,
        idp_group_name: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdpGroup:
        """Give the group's members a role in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.assign(
                idp_group_name,
                role_id=role_id,
                org_id=org_id,
                **options,
            )
        )

    def list_registered(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[RegisteredIdpGroup]:
        """Group names registered with the enterprise (with or without roles)."""
        return self._paginate(
            lambda r: r.list_registered(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def register(
        self,
        idp_group_names: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> list[RegisteredIdpGroup]:
        """Register group names from the identity provider, several at once."""
        return self._call(
            lambda r: r.register(
                idp_group_names,
                **options,
            )
        )

    def unregister(
        self,
        idp_group_name: str,
        **options: Unpack[RequestOptions],
    ) -> RegisteredIdpGroup:
        """Remove a registered group name from the enterprise."""
        return self._call(
            lambda r: r.unregister(
                idp_group_name,
                **options,
            )
        )

    def list(
        self,
        *,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[IdpGroup]:
        """Members of the enterprise, or of ``org_id``, with their role assignments."""
        return self._paginate(
            lambda r: r.list(
                org_id=org_id,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def update(
        self,
        member_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdpGroup:
        """Change the member's role in the enterprise, or in ``org_id``."""
        return self._call(
            lambda r: r.update(
                member_id,
                role_id=role_id,
                org_id=org_id,
                **options,
            )
        )

    def delete(
        self,
        member_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdpGroup:
        """Remove the member from the enterprise, or from ``org_id`` only."""
        return self._call(
            lambda r: r.delete(
                member_id,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncRoles(SyncNode[Roles]):
    """Blocking ``Roles``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[Role]:
        """The enterprise- and organization-level roles members can be given."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncGitProviders(SyncNode[GitProviders]):
    """Blocking ``GitProviders``: the same methods, without ``await``."""

    def list_connections(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[GitConnection]:
        """The enterprise's connections to GitHub, GitLab, Azure DevOps and Bitbucket."""
        return self._paginate(
            lambda r: r.list_connections(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def list_permissions(
        self,
        org_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[GitPermission]:
        """The repositories (or path/group prefixes) organization ``org_id`` may use."""
        return self._paginate(
            lambda r: r.list_permissions(
                org_id,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def create_permissions(
        self,
        org_id: str,
        permissions: Sequence[GitPermissionSpec],
        **options: Unpack[RequestOptions],
    ) -> list[GitPermission]:
        """Grant ``permissions`` to ``org_id`` in addition to what it has."""
        return self._call(
            lambda r: r.create_permissions(
                org_id,
                permissions,
                **options,
            )
        )

    def replace_permissions(
        self,
        org_id: str,
        permissions: Sequence[GitPermissionSpec],
        **options: Unpack[RequestOptions],
    ) -> list[GitPermission]:
        """Make ``permissions`` the whole set ``org_id`` has."""
        return self._call(
            lambda r: r.replace_permissions(
                org_id,
                permissions,
                **options,
            )
        )

    def clear_permissions(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> list[GitPermission]:
        """Revoke every git permission of ``org_id``; answers the ones removed."""
        return self._call(
            lambda r: r.clear_permissions(
                org_id,
                **options,
            )
        )

    def update_permission(
        self,
        org_id: str,
        git_permission_id: str,
        *,
        read_only: bool | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GitPermission:
        """Change one git permission (PATCH: only the arguments passed are sent)."""
        return self._call(
            lambda r: r.update_permission(
                org_id,
                git_permission_id,
                read_only=read_only,
                **options,
            )
        )

    def delete_permission(
        self,
        org_id: str,
        git_permission_id: str,
        **options: Unpack[RequestOptions],
    ) -> GitPermission:
        """Revoke one git permission."""
        return self._call(
            lambda r: r.delete_permission(
                org_id,
                git_permission_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseKnowledge(SyncNode[EnterpriseKnowledge]):
    """Blocking ``EnterpriseKnowledge``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[NoteResponse]:
        """Every enterprise-level note."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def create(
        self,
        *,
        name: str,
        body: str,
        trigger: str,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """A note every organization's sessions can recall."""
        return self._call(
            lambda r: r.create(
                name=name,
                body=body,
                trigger=trigger,
                **options,
            )
        )

    def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger: str,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Replace a note's name, body and trigger (the API has no partial update)."""
        return self._call(
            lambda r: r.update(
                note_id,
                name=name,
                body=body,
                trigger=trigger,
                **options,
            )
        )

    def delete(
        self,
        note_id: str,
        **options: Unpack[RequestOptions],
    ) -> NoteResponse:
        """Delete a note; answers it as it was."""
        return self._call(
            lambda r: r.delete(
                note_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterprisePlaybooks(SyncNode[EnterprisePlaybooks]):
    """Blocking ``EnterprisePlaybooks``: the same methods, without ``await``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[PlaybookResponse]:
        """Every enterprise-level playbook."""
        return self._paginate(
            lambda r: r.list(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def get(
        self,
        playbook_id: str,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """One playbook."""
        return self._call(
            lambda r: r.get(
                playbook_id,
                **options,
            )
        )

    def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Create a playbook; ``macro`` (e.g. ``"!deploy"``) invokes it from a prompt."""
        return self._call(
            lambda r: r.create(
                title=title,
                body=body,
                macro=macro,
                **options,
            )
        )

    def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Replace a playbook's title, body and macro (PUT: the API has no partial update)."""
        return self._call(
            lambda r: r.update(
                playbook_id,
                title=title,
                body=body,
                macro=macro,
                **options,
            )
        )

    def delete(
        self,
        playbook_id: str,
        **options: Unpack[RequestOptions],
    ) -> PlaybookResponse:
        """Delete a playbook, freeing its macro."""
        return self._call(
            lambda r: r.delete(
                playbook_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseMetrics(SyncNode[EnterpriseMetrics]):
    """Blocking ``EnterpriseMetrics``: the same methods, without ``await``."""

    def active_users(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct users active in the whole range (at least ``min_sessions``/``min_searches``)."""
        return self._call(
            lambda r: r.active_users(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_ids=org_ids,
                **options,
            )
        )

    def dau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each day of the range."""
        return self._call(
            lambda r: r.dau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_ids=org_ids,
                **options,
            )
        )

    def wau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each week of the range."""
        return self._call(
            lambda r: r.wau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_ids=org_ids,
                **options,
            )
        )

    def mau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each month of the range."""
        return self._call(
            lambda r: r.mau(
                time_after=time_after,
                time_before=time_before,
                min_sessions=min_sessions,
                min_searches=min_searches,
                org_ids=org_ids,
                **options,
            )
        )

    def prs(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests opened, created, merged and closed by Devin sessions."""
        return self._call(
            lambda r: r.prs(
                time_after=time_after,
                time_before=time_before,
                org_ids=org_ids,
                user_ids=user_ids,
                service_user_ids=service_user_ids,
                playbook_id=playbook_id,
                **options,
            )
        )

    def sessions(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and how many merged a PR."""
        return self._call(
            lambda r: r.sessions(
                time_after=time_after,
                time_before=time_before,
                org_ids=org_ids,
                user_ids=user_ids,
                service_user_ids=service_user_ids,
                playbook_id=playbook_id,
                **options,
            )
        )

    def searches(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        """Searches created in the range."""
        return self._call(
            lambda r: r.searches(
                time_after=time_after,
                time_before=time_before,
                org_ids=org_ids,
                **options,
            )
        )

    def usage(
        self,
        *,
        org_id: str | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Session, search and PR counts of the enterprise, or of ``org_id`` only."""
        return self._call(
            lambda r: r.usage(
                org_id=org_id,
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseConsumption(SyncNode[EnterpriseConsumption]):
    """Blocking ``EnterpriseConsumption``: the same methods, without ``await``."""

    def daily(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """The whole enterprise's ACUs per day."""
        return self._call(
            lambda r: r.daily(
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    def daily_for_organization(
        self,
        org_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One organization's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_organization(
                org_id,
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    def daily_for_service_user(
        self,
        service_user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One service user's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_service_user(
                service_user_id,
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    def daily_for_session(
        self,
        session_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One session's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_session(
                session_id,
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    def daily_for_user(
        self,
        user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One user's ACUs per day."""
        return self._call(
            lambda r: r.daily_for_user(
                user_id,
                time_after=time_after,
                time_before=time_before,
                **options,
            )
        )

    def cycles(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[ConsumptionCycle]:
        """The enterprise's billing cycles."""
        return self._paginate(
            lambda r: r.cycles(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def acu_limits(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[AcuLimit]:
        """Every organization-level Devin ACU limit."""
        return self._paginate(
            lambda r: r.acu_limits(
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def set_acu_limit(
        self,
        org_id: str,
        *,
        cycle_acu_limit: int,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Create or change an organization's ACU limit per billing cycle (answers no body)."""
        return self._call(
            lambda r: r.set_acu_limit(
                org_id,
                cycle_acu_limit=cycle_acu_limit,
                **options,
            )
        )

    def delete_acu_limit(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Remove an organization's ACU limit (answers no body)."""
        return self._call(
            lambda r: r.delete_acu_limit(
                org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncHypervisors(SyncNode[Hypervisors]):
    """Blocking ``Hypervisors``: the same methods, without ``await``."""

    def list(
        self,
        *,
        status: HypervisorStatus | str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[Hypervisor]:
        """The enterprise's hypervisors, by ``status`` (the server's default unless given)."""
        return self._paginate(
            lambda r: r.list(
                status=status,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncIpAccessListResource(SyncNode[IpAccessListResource]):
    """Blocking ``IpAccessListResource``: the same methods, without ``await``."""

    def get(
        self,
        **options: Unpack[RequestOptions],
    ) -> IpAccessList:
        """The ranges allowed now."""
        return self._call(
            lambda r: r.get(
                **options,
            )
        )

    def add(
        self,
        ip_ranges: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> IpAccessList:
        """Append ``ip_ranges`` (CIDR strings) to the list; existing ranges stay."""
        return self._call(
            lambda r: r.add(
                ip_ranges,
                **options,
            )
        )

    def replace(
        self,
        ip_ranges: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> IpAccessList:
        """Make ``ip_ranges`` (CIDR strings) the whole list."""
        return self._call(
            lambda r: r.replace(
                ip_ranges,
                **options,
            )
        )

    def clear(
        self,
        **options: Unpack[RequestOptions],
    ) -> IpAccessList:
        """Remove every range (no IP restriction)."""
        return self._call(
            lambda r: r.clear(
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncOrgTags(SyncNode[OrgTags]):
    """Blocking ``OrgTags``: the same methods, without ``await``."""

    def get(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> list[str]:
        """The tags sessions of ``org_id`` may carry."""
        return self._call(
            lambda r: r.get(
                org_id,
                **options,
            )
        )

    def add(
        self,
        org_id: str,
        tags: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> list[str]:
        """Add ``tags`` to the allowed set."""
        return self._call(
            lambda r: r.add(
                org_id,
                tags,
                **options,
            )
        )

    def set(
        self,
        org_id: str,
        tags: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> list[str]:
        """Make ``tags`` the whole allowed set."""
        return self._call(
            lambda r: r.set(
                org_id,
                tags,
                **options,
            )
        )

    def clear(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> list[str]:
        """Allow no tags at all."""
        return self._call(
            lambda r: r.clear(
                org_id,
                **options,
            )
        )

    def remove(
        self,
        org_id: str,
        tag: str,
        **options: Unpack[RequestOptions],
    ) -> list[str]:
        """Drop one tag from the allowed set."""
        return self._call(
            lambda r: r.remove(
                org_id,
                tag,
                **options,
            )
        )

    def get_default(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> DefaultTag:
        """The tag new sessions of ``org_id`` get when they name none."""
        return self._call(
            lambda r: r.get_default(
                org_id,
                **options,
            )
        )

    def set_default(
        self,
        org_id: str,
        tag: str,
        **options: Unpack[RequestOptions],
    ) -> DefaultTag:
        """Give new sessions of ``org_id`` the tag ``tag`` when they name none."""
        return self._call(
            lambda r: r.set_default(
                org_id,
                tag,
                **options,
            )
        )

    def clear_default(
        self,
        org_id: str,
        **options: Unpack[RequestOptions],
    ) -> DefaultTag:
        """Stop tagging new sessions by default."""
        return self._call(
            lambda r: r.clear_default(
                org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncQueue(SyncNode[Queue]):
    """Blocking ``Queue``: the same methods, without ``await``."""

    def status(
        self,
        **options: Unpack[RequestOptions],
    ) -> QueueStatus:
        """How many sessions wait to start, and whether that is normal."""
        return self._call(
            lambda r: r.status(
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseCodeScans(SyncNode[EnterpriseCodeScans]):
    """Blocking ``EnterpriseCodeScans``: the same methods, without ``await``."""

    def list_scans(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        repo_name: str | None = None,
        org_ids: Sequence[str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[CodeScan]:
        """Scans, newest first, by creation time, repository and organization."""
        return self._paginate(
            lambda r: r.list_scans(
                time_after=time_after,
                time_before=time_before,
                repo_name=repo_name,
                org_ids=org_ids,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def list_profiles(
        self,
        *,
        org_ids: Sequence[str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[CodeScanProfileSummary]:
        """Scan profiles of the enterprise's organizations (and those it shares)."""
        return self._paginate(
            lambda r: r.list_profiles(
                org_ids=org_ids,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def metrics(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> CodeScanMetrics:
        """Open findings and scan pull requests over a window of at most 100 days."""
        return self._call(
            lambda r: r.metrics(
                time_after=time_after,
                time_before=time_before,
                org_ids=org_ids,
                **options,
            )
        )

    def list_findings(
        self,
        *,
        org_ids: Sequence[str] | None = None,
        scan_id: str | None = None,
        repo_name: str | None = None,
        severity: Sequence[Severity | str] | None = None,
        status: Sequence[FindingStatus | str] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[CodeScanFinding]:
        """Findings, newest first, filtered by organization, scan, repo, severity, status."""
        return self._paginate(
            lambda r: r.list_findings(
                org_ids=org_ids,
                scan_id=scan_id,
                repo_name=repo_name,
                severity=severity,
                status=status,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def remediate(
        self,
        org_id: str,
        scan_id: str,
        finding_id: str,
        **options: Unpack[RequestOptions],
    ) -> Remediation:
        """Launch a session that fixes the finding (409 ``ConflictError`` if one exists)."""
        return self._call(
            lambda r: r.remediate(
                org_id,
                scan_id,
                finding_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterprisePrReviews(SyncNode[EnterprisePrReviews]):
    """Blocking ``EnterprisePrReviews``: the same methods, without ``await``."""

    def create(
        self,
        pr_url: str,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Start a review of the pull request's latest commit (``pr_url``: its full URL)."""
        return self._call(
            lambda r: r.create(
                pr_url,
                **options,
            )
        )

    def get(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """The latest review of the PR's head, or of ``commit_sha`` (full or a prefix).

        ``NotFoundError`` until a review exists for that commit.
        """
        return self._call(
            lambda r: r.get(
                pr_url,
                commit_sha=commit_sha,
                **options,
            )
        )

    def wait(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Poll ``get`` until the review is completed or errored, as ``client.pr_reviews.wait``."""
        return self._call(
            lambda r: r.wait(
                pr_url,
                commit_sha=commit_sha,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseIdentity(SyncNode[EnterpriseIdentity]):
    """Blocking ``EnterpriseIdentity``: the same methods, without ``await``."""

    def get(
        self,
        **options: Unpack[RequestOptions],
    ) -> EnterpriseSelf:
        """The enterprise service user this client's key belongs to."""
        return self._call(
            lambda r: r.get(
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseBlueprints(SyncNode[EnterpriseBlueprints]):
    """Blocking ``EnterpriseBlueprints``: the same methods, without ``await``."""

    def list(
        self,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Blueprint]:
        """The enterprise's blueprint, if it has one (a list of at most one)."""
        return self._call(
            lambda r: r.list(
                **options,
            )
        )

    def create(
        self,
        *,
        contents: str | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Create the enterprise blueprint (``ConflictError`` if there is one already)."""
        return self._call(
            lambda r: r.create(
                contents=contents,
                **options,
            )
        )

    def get(
        self,
        blueprint_id: str,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """The blueprint's metadata (its YAML: ``contents``)."""
        return self._call(
            lambda r: r.get(
                blueprint_id,
                **options,
            )
        )

    def replace(
        self,
        blueprint_id: str,
        *,
        contents: str,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Replace the blueprint's YAML; no build starts."""
        return self._call(
            lambda r: r.replace(
                blueprint_id,
                contents=contents,
                **options,
            )
        )

    def delete(
        self,
        blueprint_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete the enterprise blueprint."""
        return self._call(
            lambda r: r.delete(
                blueprint_id,
                **options,
            )
        )

    def contents(
        self,
        blueprint_id: str,
        **options: Unpack[RequestOptions],
    ) -> PresignedDownload:
        """A link to the blueprint's YAML; ``download`` fetches it."""
        return self._call(
            lambda r: r.contents(
                blueprint_id,
                **options,
            )
        )

    def list_files(
        self,
        blueprint_id: str,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[BlueprintFile]:
        """The files uploaded for the blueprint."""
        return self._call(
            lambda r: r.list_files(
                blueprint_id,
                **options,
            )
        )

    def upload_file(
        self,
        blueprint_id: str,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        name: str,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BlueprintFile:
        """Upload a file (a path, binary file or bytes) that the YAML calls ``name``
        (``ConflictError`` if its variable name is taken).
        """
        return self._call(
            lambda r: r.upload_file(
                blueprint_id,
                file,
                name=name,
                content_type=content_type,
                **options,
            )
        )

    def delete_file(
        self,
        blueprint_id: str,
        file_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete one of the blueprint's files."""
        return self._call(
            lambda r: r.delete_file(
                blueprint_id,
                file_id,
                **options,
            )
        )

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: None = None,
        timeout: float | None = None,
    ) -> bytes: ...

    @overload
    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile,
        timeout: float | None = None,
    ) -> None: ...

    def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile | None = None,
        timeout: float | None = None,
    ) -> bytes | None:
        """The linked file: its bytes, or streamed into ``to`` (a path or binary file).

        The storage host gets no API key. A link lasts about ten minutes; past that the
        host refuses it (``PermissionDeniedError``): ask for a new one.
        """
        return self._call(
            lambda r: r.download(
                link,
                to=to,
                timeout=timeout,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseSnapshotSetup(SyncNode[EnterpriseSnapshotSetup]):
    """Blocking ``EnterpriseSnapshotSetup``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], EnterpriseSnapshotSetup],
    ) -> None:
        super().__init__(owner, resolve)
        self.blueprints = SyncEnterpriseBlueprints(owner, lambda c: resolve(c).blueprints)


class SyncServiceUserApiKeys(SyncNode[ServiceUserApiKeys]):
    """Blocking ``ServiceUserApiKeys``: the same methods, without ``await``."""

    def list(
        self,
        service_user_id: str,
        *,
        status: ApiKeyStatus | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[ApiKeyResponse]:
        """The service user's keys (never their tokens); the API lists all unless ``status``."""
        return self._paginate(
            lambda r: r.list(
                service_user_id,
                status=status,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def create(
        self,
        service_user_id: str,
        *,
        name: str,
        expires_at: Timestamp | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyWithTokenResponse:
        """A new key named ``name``, valid until ``expires_at`` (epoch seconds or a datetime,
        in the future) or for good; its ``token`` is shown this once.
        """
        return self._call(
            lambda r: r.create(
                service_user_id,
                name=name,
                expires_at=expires_at,
                **options,
            )
        )

    def revoke(
        self,
        service_user_id: str,
        api_key_id: str,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyResponse:
        """Revoke a key (``ConflictError`` if it already is); its metadata as it now is."""
        return self._call(
            lambda r: r.revoke(
                service_user_id,
                api_key_id,
                **options,
            )
        )

    def rotate(
        self,
        service_user_id: str,
        api_key_id: str,
        *,
        new_key_expires_at: Timestamp | NotGiven | None = NOT_GIVEN,
        revoke_current: bool | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> ApiKeyWithTokenResponse:
        """A new key replacing ``api_key_id``, which is revoked unless ``revoke_current=False``;
        the new ``token`` is shown this once.
        """
        return self._call(
            lambda r: r.rotate(
                service_user_id,
                api_key_id,
                new_key_expires_at=new_key_expires_at,
                revoke_current=revoke_current,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterpriseServiceUserProvisioning(SyncNode[EnterpriseServiceUserProvisioning]):
    """Blocking ``EnterpriseServiceUserProvisioning``: the same methods, without ``await``."""

    def create(
        self,
        *,
        name: str,
        role_id: str,
        ttl_seconds: int,
        **options: Unpack[RequestOptions],
    ) -> ProvisionedServiceUserResponse:
        """A new service user with an enterprise role, and its token (shown this once),
        valid ``ttl_seconds`` (a year at most).
        """
        return self._call(
            lambda r: r.create(
                name=name,
                role_id=role_id,
                ttl_seconds=ttl_seconds,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncGuardrailViolations(SyncNode[GuardrailViolations]):
    """Blocking ``GuardrailViolations``: the same methods, without ``await``."""

    def list(
        self,
        *,
        org_id: str | None = None,
        guardrail_id: str | None = None,
        session_id: str | None = None,
        order: Literal["asc", "desc"] | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[GuardrailViolation]:
        """Violations in the whole enterprise, or in ``org_id`` only; ``time_after`` and
        ``time_before`` are epoch seconds or datetimes.
        """
        return self._paginate(
            lambda r: r.list(
                org_id=org_id,
                guardrail_id=guardrail_id,
                session_id=session_id,
                order=order,
                time_after=time_after,
                time_before=time_before,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncEnterprise(SyncNode[Enterprise]):
    """Blocking ``Enterprise``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], Enterprise],
    ) -> None:
        super().__init__(owner, resolve)
        self.sessions = SyncEnterpriseSessions(owner, lambda c: resolve(c).sessions)
        self.audit_logs = SyncAuditLogs(owner, lambda c: resolve(c).audit_logs)
        self.organizations = SyncOrganizations(owner, lambda c: resolve(c).organizations)
        self.users = SyncUsers(owner, lambda c: resolve(c).users)
        self.service_users = SyncServiceUsers(owner, lambda c: resolve(c).service_users)
        self.idp_groups = SyncIdpGroups(owner, lambda c: resolve(c).idp_groups)
        self.roles = SyncRoles(owner, lambda c: resolve(c).roles)
        self.git_providers = SyncGitProviders(owner, lambda c: resolve(c).git_providers)
        self.knowledge = SyncEnterpriseKnowledge(owner, lambda c: resolve(c).knowledge)
        self.playbooks = SyncEnterprisePlaybooks(owner, lambda c: resolve(c).playbooks)
        self.metrics = SyncEnterpriseMetrics(owner, lambda c: resolve(c).metrics)
        self.consumption = SyncEnterpriseConsumption(owner, lambda c: resolve(c).consumption)
        self.hypervisors = SyncHypervisors(owner, lambda c: resolve(c).hypervisors)
        self.ip_access_list = SyncIpAccessListResource(owner, lambda c: resolve(c).ip_access_list)
        self.org_tags = SyncOrgTags(owner, lambda c: resolve(c).org_tags)
        self.queue = SyncQueue(owner, lambda c: resolve(c).queue)
        self.code_scans = SyncEnterpriseCodeScans(owner, lambda c: resolve(c).code_scans)
        self.pr_reviews = SyncEnterprisePrReviews(owner, lambda c: resolve(c).pr_reviews)
        self.self = SyncEnterpriseIdentity(owner, lambda c: resolve(c).self)
        self.snapshot_setup = SyncEnterpriseSnapshotSetup(
            owner, lambda c: resolve(c).snapshot_setup
        )
        self.service_user_api_keys = SyncServiceUserApiKeys(
            owner, lambda c: resolve(c).service_user_api_keys
        )
        self.service_user_provisioning = SyncEnterpriseServiceUserProvisioning(
            owner, lambda c: resolve(c).service_user_provisioning
        )
        self.guardrail_violations = SyncGuardrailViolations(
            owner, lambda c: resolve(c).guardrail_violations
        )


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

    def list(
        self,
        *,
        tags: Sequence[str] | None = None,
        user_email: str | None = None,
        page_size: int = V1_DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> SyncPaginator[V1SessionSummary]:
        """Every session of the organization, newest first, fetched lazily by limit/offset.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        return self._paginate(
            lambda r: r.list(
                tags=tags,
                user_email=user_email,
                page_size=page_size,
                limit=limit,
                **options,
            )
        )

    def create(
        self,
        prompt: str,
        *,
        title: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        idempotent: bool | NotGiven = NOT_GIVEN,
        unlisted: bool | NotGiven = NOT_GIVEN,
        snapshot_id: str | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        max_acu_limit: int | NotGiven | None = NOT_GIVEN,
        secret_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        knowledge_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        session_secrets: Sequence[SessionSecret] | NotGiven | None = NOT_GIVEN,
        structured_output_schema: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1SessionCreated:
        """Start a session.

        ``idempotent=True`` makes the API return the existing identical session instead
        of starting another (``is_new_session`` says which), so a resend cannot start
        two. Only the arguments passed are sent. ``secret_ids`` and ``knowledge_ids``:
        left out or ``None`` means all of them, ``[]`` none.
        """
        return self._call(
            lambda r: r.create(
                prompt,
                title=title,
                tags=tags,
                idempotent=idempotent,
                unlisted=unlisted,
                snapshot_id=snapshot_id,
                playbook_id=playbook_id,
                max_acu_limit=max_acu_limit,
                secret_ids=secret_ids,
                knowledge_ids=knowledge_ids,
                session_secrets=session_secrets,
                structured_output_schema=structured_output_schema,
                **options,
            )
        )

    def send_message(
        self,
        session_id: str,
        message: str,
        **options: Unpack[RequestOptions],
    ) -> V1MessageResult:
        """Send a message to a session; see ``V1MessageResult`` for the server's notice."""
        return self._call(
            lambda r: r.send_message(
                session_id,
                message,
                **options,
            )
        )

    def update_tags(
        self,
        session_id: str,
        tags: Sequence[str],
        **options: Unpack[RequestOptions],
    ) -> V1Detail:
        """Replace the session's tags with ``tags`` (``[]`` removes them all)."""
        return self._call(
            lambda r: r.update_tags(
                session_id,
                tags,
                **options,
            )
        )

    def terminate(
        self,
        session_id: str,
        **options: Unpack[RequestOptions],
    ) -> V1Detail:
        """End a session (the API answers 400 if it already exited)."""
        return self._call(
            lambda r: r.terminate(
                session_id,
                **options,
            )
        )

    @overload
    def get_many(
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
    ) -> BulkResult[V1Session]: ...

    @overload
    def get_many(
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
    ) -> BulkResult[Outcome[V1Session]]: ...

    def get_many(
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
        return self._call(
            lambda r: r.get_many(
                ids,
                on_error=on_error,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

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
    ) -> Iterator[tuple[str, Outcome[V1Session]]]:
        """``(id, outcome)`` pairs in completion order, ``ids`` consumed lazily.

        At most ``concurrency`` requests are alive and memory stays flat for any
        number of ids. Ids are not de-duplicated (that would need memory per id).
        Use ``async with`` when you may stop early: leaving it cancels what is in flight.
        ``batch`` as in ``get_many``: a chunk takes the ids that have arrived.
        """
        return self._iterate(
            lambda r: r.iter_many(
                ids,
                concurrency=concurrency,
                deadline=deadline,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    def wait(
        self,
        devin_id: str,
        *,
        until: Callable[[V1Session], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> V1Session:
        """Poll one session until it reaches a terminal state, and return it.

        ``until`` replaces the terminal rule (default: the family's ``TerminalStates``).
        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return self._call(
            lambda r: r.wait(
                devin_id,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                org_id=org_id,
                **options,
            )
        )

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        until: Callable[[V1Session], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[V1Session]: ...

    @overload
    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        until: Callable[[V1Session], bool] | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        concurrency: int | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[V1Session]]: ...

    def wait_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        until: Callable[[V1Session], bool] | None = None,
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
        return self._call(
            lambda r: r.wait_many(
                ids,
                on_error=on_error,
                until=until,
                max_wait=max_wait,
                interval=interval,
                max_interval=max_interval,
                concurrency=concurrency,
                on_progress=on_progress,
                batch=batch,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1Attachments(SyncNode[V1Attachments]):
    """Blocking ``V1Attachments``: the same methods, without ``await``."""

    @staticmethod
    def prompt_line(
        url: str,
    ) -> str:
        """The line a prompt needs to attach ``url`` (docs: ``ATTACHMENT:"<url>"`` on its own)."""
        return V1Attachments.prompt_line(
            url,
        )

    def upload(
        self,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> str:
        """Upload a file from a path, a binary file object, or bytes; returns its URL."""
        return self._call(
            lambda r: r.upload(
                file,
                filename=filename,
                content_type=content_type,
                **options,
            )
        )

    @overload
    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: None = None,
        max_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...

    @overload
    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile,
        max_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile | None = None,
        max_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes | None:
        """Download an attachment: its bytes, or streamed into ``to`` (a path or binary file).

        The API answers 307 to a presigned URL on another host; that request carries no
        API key, which must never reach a third party. ``max_size`` (bytes; none by
        default) stops a larger file with ``ResponseTooLargeError``.
        """
        return self._call(
            lambda r: r.download(
                uuid,
                name,
                to=to,
                max_size=max_size,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1Secrets(SyncNode[V1Secrets]):
    """Blocking ``V1Secrets``: the same methods, without ``await``."""

    def list(
        self,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[V1Secret]:
        """Metadata of every secret (never the values)."""
        return self._call(
            lambda r: r.list(
                **options,
            )
        )

    def create(
        self,
        *,
        type: V1SecretType | str,
        key: str,
        value: str,
        sensitive: bool = True,
        note: str = "",
        **options: Unpack[RequestOptions],
    ) -> V1SecretCreated:
        """Store a secret; ``key`` must be unique in the organization (else 409 ConflictError).

        ``type`` is ``cookie``, ``key-value`` or ``totp``. The API documents ``note`` as
        required, so it is always sent (empty unless given).
        """
        return self._call(
            lambda r: r.create(
                type=type,
                key=key,
                value=value,
                sensitive=sensitive,
                note=note,
                **options,
            )
        )

    def delete(
        self,
        secret_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a secret (the API answers 204, or 200 with a message: both are success)."""
        return self._call(
            lambda r: r.delete(
                secret_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1KnowledgeNotes(SyncNode[V1KnowledgeNotes]):
    """Blocking ``V1KnowledgeNotes``: the same methods, without ``await``."""

    def list(
        self,
        **options: Unpack[RequestOptions],
    ) -> V1KnowledgeList:
        """Every knowledge note and folder (system knowledge excluded); not paginated."""
        return self._call(
            lambda r: r.list(
                **options,
            )
        )

    def create(
        self,
        *,
        name: str,
        body: str,
        trigger_description: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        parent_folder_id: str | NotGiven | None = NOT_GIVEN,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Knowledge:
        """Create a note; ``pinned_repo`` is ``"all"``, ``"owner/repo"`` or ``None``."""
        return self._call(
            lambda r: r.create(
                name=name,
                body=body,
                trigger_description=trigger_description,
                macro=macro,
                parent_folder_id=parent_folder_id,
                pinned_repo=pinned_repo,
                **options,
            )
        )

    def update(
        self,
        note_id: str,
        *,
        name: str,
        body: str,
        trigger_description: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        parent_folder_id: str | NotGiven | None = NOT_GIVEN,
        pinned_repo: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Knowledge:
        """Replace a note in full (PUT): pass every field the note should keep."""
        return self._call(
            lambda r: r.update(
                note_id,
                name=name,
                body=body,
                trigger_description=trigger_description,
                macro=macro,
                parent_folder_id=parent_folder_id,
                pinned_repo=pinned_repo,
                **options,
            )
        )

    def delete(
        self,
        note_id: str,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete a note (the API answers 204 No Content)."""
        return self._call(
            lambda r: r.delete(
                note_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1Playbooks(SyncNode[V1Playbooks]):
    """Blocking ``V1Playbooks``: the same methods, without ``await``."""

    def list(
        self,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[V1Playbook]:
        """Every team playbook; not paginated."""
        return self._call(
            lambda r: r.list(
                **options,
            )
        )

    def get(
        self,
        playbook_id: str,
        **options: Unpack[RequestOptions],
    ) -> V1Playbook:
        """One playbook."""
        return self._call(
            lambda r: r.get(
                playbook_id,
                **options,
            )
        )

    def create(
        self,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1Playbook:
        """Create a playbook; ``macro`` (e.g. ``"!deploy"``) invokes it from a prompt."""
        return self._call(
            lambda r: r.create(
                title=title,
                body=body,
                macro=macro,
                **options,
            )
        )

    def update(
        self,
        playbook_id: str,
        *,
        title: str,
        body: str,
        macro: str | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1PlaybookStatus:
        """Replace a playbook's title, body and macro (PUT: the API has no partial update)."""
        return self._call(
            lambda r: r.update(
                playbook_id,
                title=title,
                body=body,
                macro=macro,
                **options,
            )
        )

    def delete(
        self,
        playbook_id: str,
        **options: Unpack[RequestOptions],
    ) -> V1PlaybookStatus:
        """Delete a playbook, freeing its macro."""
        return self._call(
            lambda r: r.delete(
                playbook_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1AuditLogs(SyncNode[V1AuditLogs]):
    """Blocking ``V1AuditLogs``: the same methods, without ``await``."""

    def list(
        self,
        *,
        limit: int = 100,
        before: Timestamp | str | None = None,
        after: Timestamp | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[V1AuditLog]:
        """Up to ``limit`` entries, newest first, inside the optional time window.

        One request: to go further back, pass ``before=`` the oldest ``created_at`` seen.
        A ``datetime`` bound is sent as epoch milliseconds; ints and strings as given.
        """
        return self._call(
            lambda r: r.list(
                limit=limit,
                before=before,
                after=after,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1Consumption(SyncNode[V1Consumption]):
    """Blocking ``V1Consumption``: the same methods, without ``await``."""

    def get(
        self,
        *,
        start_date: date | str,
        end_date: date | str,
        **options: Unpack[RequestOptions],
    ) -> V1EnterpriseConsumption:
        """Per-session usage between two dates (inclusive).

        Path UNCONFIRMED: the only source (the legacy spec) lists ``/enterprise/consumption``
        without the ``/v1`` prefix, and it is used as listed. The API answers 403 unless
        support has enabled it.
        """
        return self._call(
            lambda r: r.get(
                start_date=start_date,
                end_date=end_date,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """These methods answering ``APIResponse``: status, headers, request id, ``parse()``."""
        return SyncRawResponses.of(self)


class SyncV1(SyncNode[V1]):
    """Blocking ``V1``: the same methods, without ``await``."""

    def __init__(
        self,
        owner: SyncClientBase,
        resolve: Callable[[AsyncDevin], V1],
    ) -> None:
        super().__init__(owner, resolve)
        self.sessions = SyncV1Sessions(owner, lambda c: resolve(c).sessions)
        self.attachments = SyncV1Attachments(owner, lambda c: resolve(c).attachments)
        self.secrets = SyncV1Secrets(owner, lambda c: resolve(c).secrets)
        self.knowledge = SyncV1KnowledgeNotes(owner, lambda c: resolve(c).knowledge)
        self.playbooks = SyncV1Playbooks(owner, lambda c: resolve(c).playbooks)
        self.audit_logs = SyncV1AuditLogs(owner, lambda c: resolve(c).audit_logs)
        self.consumption = SyncV1Consumption(owner, lambda c: resolve(c).consumption)


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
    ) -> None:
        secret_key = conceal(api_key)  # see conceal(): no frame keeps the raw key
        del api_key
        super().__init__(
            lambda: AsyncDevin(
                api_key=reveal(secret_key),
                org_id=org_id,
                base_url=base_url,
                timeout=timeout,
                max_retries=max_retries,
                max_response_size=max_response_size,
                allow_insecure_http=allow_insecure_http,
                pool_size=pool_size,
                middleware=middleware,
                transport=transport,
                retry=retry,
                rate_limit=rate_limit,
                clock=clock,
                proxy=proxy,
                trust_env=trust_env,
                ssl=ssl,
                connector_factory=connector_factory,
            )
        )
        self.sessions = SyncSessions(self, lambda c: c.sessions)
        self.attachments = SyncAttachments(self, lambda c: c.attachments)
        self.knowledge = SyncKnowledge(self, lambda c: c.knowledge)
        self.playbooks = SyncPlaybooks(self, lambda c: c.playbooks)
        self.secrets = SyncSecrets(self, lambda c: c.secrets)
        self.schedules = SyncSchedules(self, lambda c: c.schedules)
        self.metrics = SyncMetrics(self, lambda c: c.metrics)
        self.consumption = SyncConsumptionResource(self, lambda c: c.consumption)
        self.code_scans = SyncCodeScans(self, lambda c: c.code_scans)
        self.pr_reviews = SyncPrReviews(self, lambda c: c.pr_reviews)
        self.self = SyncIdentity(self, lambda c: c.self)
        self.snapshot_setup = SyncSnapshotSetup(self, lambda c: c.snapshot_setup)
        self.users = SyncOrgUsers(self, lambda c: c.users)
        self.repositories = SyncRepositories(self, lambda c: c.repositories)
        self.service_user_provisioning = SyncServiceUserProvisioning(
            self, lambda c: c.service_user_provisioning
        )
        self.enterprise = SyncEnterprise(self, lambda c: c.enterprise)
        self.v1 = SyncV1(self, lambda c: c.v1)

    @property
    def base_url(self) -> str:
        return self._direct(lambda r: r.base_url)

    @property
    def org_id(self) -> str | None:
        return self._direct(lambda r: r.org_id)

    @overload
    def request(
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
    def request(
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

    def request(
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
        return self._call(
            lambda r: r.request(
                method,
                path,
                params=params,
                json=json,
                cast_to=cast_to,
                org_id=org_id,
                **options,
            )
        )

    @property
    def with_raw_response(self) -> SyncRawResponses:
        """``request`` answering an ``APIResponse``: status, headers, request id, ``parse()``.

        Every namespace has its own: ``client.sessions.with_raw_response.get(...)``.
        """
        return SyncRawResponses.of(self)
