"""Snapshot setup (beta): ``/v3beta1/organizations/{org_id}/snapshot-setup/...``.

Blueprints (YAML, by tier: org, and one per repository) say how the machine new sessions
start from is built; a build runs them (``pending`` -> ``running`` -> ``succeeded``,
``failed`` or ``cancelled``) and the organization uses its newest succeeded one, or the
one it pins.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._core import ClientCore
from .._fanout.polling import TerminalStates
from .._fanout.resource import SessionFanOut
from .._http import Request
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.snapshots import (
    Blueprint,
    BlueprintFile,
    BlueprintFileList,
    BlueprintList,
    Build,
    BuildStatus,
    PresignedDownload,
)
from ._args import nonempty
from ._base import Resource
from ._beta import BetaOrgResource
from ._presigned import PresignedDownloads
from .attachments import BinaryFile, PathLike, file_part

__all__ = [
    "BLUEPRINT",
    "BLUEPRINTS",
    "BLUEPRINT_FILES",
    "BUILD_TERMINAL",
    "BlueprintUploads",
    "Blueprints",
    "Builds",
    "SnapshotSetup",
]

BUILDS = "/snapshot-setup/builds"
BUILD = BUILDS + "/{build_id}"
# The same below the organization and the enterprise prefix.
BLUEPRINTS = "/snapshot-setup/blueprints"
BLUEPRINT = BLUEPRINTS + "/{blueprint_id}"
BLUEPRINT_FILES = BLUEPRINT + "/files"

# A build is done once it succeeded, failed or was cancelled (docs: build lifecycle).
BUILD_TERMINAL = TerminalStates(statuses=frozenset({"succeeded", "failed", "cancelled"}))


class _SnapshotSetup(BetaOrgResource):
    """The group's family: beta only in the docs (``OrgResource`` once promoted to /v3/)."""


class BlueprintUploads(Resource):
    """Uploading a file a blueprint refers to, in any family that has blueprints."""

    async def _upload_file(
        self,
        blueprint_id: str,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        name: str,
        content_type: str | None,
        org_id: str | None,
        options: RequestOptions,
    ) -> BlueprintFile:
        with file_part(file, nonempty("name", name), content_type) as part:
            request = self._request(
                "POST",
                BLUEPRINT_FILES,
                {"blueprint_id": blueprint_id},
                params=query(name=name),
                files=part,
                org_id=org_id,
                options=options,
            )
            return await self._core.call(BlueprintFile, request)


class Builds(
    _SnapshotSetup,
    PresignedDownloads,
    SessionFanOut[Build],
    model=Build,
    terminal=BUILD_TERMINAL,
    id_field="build_id",
):
    """Snapshot builds; ``wait`` polls one until it is done."""

    async def create(
        self, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Build:
        """Start a build from the organization's blueprints; it begins ``pending``."""
        # The API takes a JSON body it reserves for later: an empty object, not none.
        return await self._call(Build, "POST", BUILDS, json={}, org_id=org_id, options=options)

    def list(
        self,
        *,
        status: BuildStatus | str | None = None,
        active: bool | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Build]:
        """The organization's builds; ``active=True`` lists only the one new sessions use."""
        return self._list(
            Build,
            BUILDS,
            params=query(status=status, active=active),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def get(
        self, build_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Build:
        """One build."""
        return await self._get_one(build_id, org_id, options)

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        return self._request_maker("GET", BUILD, each="build_id", org_id=org_id, options=options)

    async def cancel(
        self, build_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Build:
        """Stop a build still in progress (a finished one stays as it is)."""
        return await self._call(
            Build,
            "POST",
            BUILD + "/cancel",
            {"build_id": build_id},
            org_id=org_id,
            options=options,
        )

    async def pin(
        self, build_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Build:
        """Make new sessions start from this build (``ConflictError`` unless it succeeded
        within the last 7 days)."""
        return await self._call(
            Build,
            "POST",
            BUILD + "/pin",
            {"build_id": build_id},
            json={},
            org_id=org_id,
            options=options,
        )

    async def unpin(
        self, build_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Stop pinning this build (nothing happens if it is not pinned)."""
        await self._call_no_content(
            "DELETE", BUILD + "/pin", {"build_id": build_id}, org_id=org_id, options=options
        )

    async def logs(
        self, build_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PresignedDownload:
        """A link to the build's log file; ``download`` fetches it."""
        return await self._call(
            PresignedDownload,
            "GET",
            BUILD + "/logs",
            {"build_id": build_id},
            org_id=org_id,
            options=options,
        )


class Blueprints(_SnapshotSetup, BlueprintUploads, PresignedDownloads):
    """The organization's blueprints: the org tier, and one per repository."""

    async def list(
        self,
        *,
        repo_name: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[Blueprint]:
        """Every blueprint, in the order builds apply them; ``repo_name`` (``owner/repo``)
        narrows to one repository's."""
        answer = await self._call(
            BlueprintList,
            "GET",
            BLUEPRINTS,
            params=query(repo_name=repo_name),
            org_id=org_id,
            options=options,
        )
        return answer.data

    async def create(
        self,
        *,
        contents: str | NotGiven = NOT_GIVEN,
        repo_name: str | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Create the org-tier blueprint, or with ``repo_name`` a repository's; ``contents``
        is its YAML. No build starts."""
        data = body(contents=contents, repo_name=repo_name)
        return await self._call(
            Blueprint, "POST", BLUEPRINTS, json=data, org_id=org_id, options=options
        )

    async def get(
        self, blueprint_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> Blueprint:
        """One blueprint's metadata (its YAML: ``contents``)."""
        return await self._call(
            Blueprint,
            "GET",
            BLUEPRINT,
            {"blueprint_id": blueprint_id},
            org_id=org_id,
            options=options,
        )

    async def update(
        self,
        blueprint_id: str,
        *,
        contents: str | NotGiven = NOT_GIVEN,
        position: int | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Blueprint:
        """Change the YAML, or where a repository's blueprint runs among the others."""
        data = body(contents=contents, position=position)
        if not data:  # the API answers 400 to an empty update
            raise ValueError("update needs contents= or position=")
        return await self._call(
            Blueprint,
            "PATCH",
            BLUEPRINT,
            {"blueprint_id": blueprint_id},
            json=data,
            org_id=org_id,
            options=options,
        )

    async def delete(
        self, blueprint_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete a blueprint."""
        await self._call_no_content(
            "DELETE", BLUEPRINT, {"blueprint_id": blueprint_id}, org_id=org_id, options=options
        )

    async def contents(
        self, blueprint_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PresignedDownload:
        """A link to the blueprint's YAML; ``download`` fetches it."""
        return await self._call(
            PresignedDownload,
            "GET",
            BLUEPRINT + "/contents",
            {"blueprint_id": blueprint_id},
            org_id=org_id,
            options=options,
        )

    async def list_files(
        self, blueprint_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[BlueprintFile]:
        """The files uploaded for a blueprint."""
        answer = await self._call(
            BlueprintFileList,
            "GET",
            BLUEPRINT_FILES,
            {"blueprint_id": blueprint_id},
            org_id=org_id,
            options=options,
        )
        return answer.data

    async def upload_file(
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
        return await self._upload_file(blueprint_id, file, name, content_type, org_id, options)

    async def delete_file(
        self,
        blueprint_id: str,
        file_id: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Delete one of a blueprint's files."""
        await self._call_no_content(
            "DELETE",
            BLUEPRINT_FILES + "/{file_id}",
            {"blueprint_id": blueprint_id, "file_id": file_id},
            org_id=org_id,
            options=options,
        )


class SnapshotSetup:
    """``client.snapshot_setup``: the organization's ``builds`` and ``blueprints`` (beta)."""

    def __init__(self, core: ClientCore):
        self.builds = Builds(core)
        self.blueprints = Blueprints(core)
