"""Enterprise snapshot setup (beta): ``/v3beta1/enterprise/snapshot-setup/blueprints``.

The enterprise has at most one blueprint, applied before every organization's own.
"""

from __future__ import annotations

import builtins

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._core import ClientCore
from ..._options import RequestOptions
from ...models.snapshots import (
    Blueprint,
    BlueprintFile,
    BlueprintFileList,
    BlueprintList,
    PresignedDownload,
)
from .._beta import BetaEnterpriseResource
from .._presigned import PresignedDownloads
from ..attachments import BinaryFile, PathLike
from ..snapshot_setup import BLUEPRINT, BLUEPRINT_FILES, BLUEPRINTS, BlueprintUploads

__all__ = ["EnterpriseBlueprints", "EnterpriseSnapshotSetup"]


class _EnterpriseSnapshotSetup(BetaEnterpriseResource):
    """The group's family: beta only in the docs (``EnterpriseResource`` once promoted)."""


class EnterpriseBlueprints(_EnterpriseSnapshotSetup, BlueprintUploads, PresignedDownloads):
    """The enterprise-tier blueprint and its files."""

    async def list(self, **options: Unpack[RequestOptions]) -> builtins.list[Blueprint]:
        """The enterprise's blueprint, if it has one (a list of at most one)."""
        answer = await self._call(BlueprintList, "GET", BLUEPRINTS, options=options)
        return answer.data

    async def create(
        self, *, contents: str | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> Blueprint:
        """Create the enterprise blueprint (``ConflictError`` if there is one already)."""
        data = body(contents=contents)
        return await self._call(Blueprint, "POST", BLUEPRINTS, json=data, options=options)

    async def get(self, blueprint_id: str, **options: Unpack[RequestOptions]) -> Blueprint:
        """The blueprint's metadata (its YAML: ``contents``)."""
        return await self._call(
            Blueprint, "GET", BLUEPRINT, {"blueprint_id": blueprint_id}, options=options
        )

    async def replace(
        self, blueprint_id: str, *, contents: str, **options: Unpack[RequestOptions]
    ) -> Blueprint:
        """Replace the blueprint's YAML; no build starts."""
        return await self._call(
            Blueprint,
            "PUT",
            BLUEPRINT,
            {"blueprint_id": blueprint_id},
            json={"contents": contents},
            options=options,
        )

    async def delete(self, blueprint_id: str, **options: Unpack[RequestOptions]) -> None:
        """Delete the enterprise blueprint."""
        await self._call_no_content(
            "DELETE", BLUEPRINT, {"blueprint_id": blueprint_id}, options=options
        )

    async def contents(
        self, blueprint_id: str, **options: Unpack[RequestOptions]
    ) -> PresignedDownload:
        """A link to the blueprint's YAML; ``download`` fetches it."""
        return await self._call(
            PresignedDownload,
            "GET",
            BLUEPRINT + "/contents",
            {"blueprint_id": blueprint_id},
            options=options,
        )

    async def list_files(
        self, blueprint_id: str, **options: Unpack[RequestOptions]
    ) -> builtins.list[BlueprintFile]:
        """The files uploaded for the blueprint."""
        answer = await self._call(
            BlueprintFileList,
            "GET",
            BLUEPRINT_FILES,
            {"blueprint_id": blueprint_id},
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
        **options: Unpack[RequestOptions],
    ) -> BlueprintFile:
        """Upload a file (a path, binary file or bytes) that the YAML calls ``name``
        (``ConflictError`` if its variable name is taken)."""
        return await self._upload_file(blueprint_id, file, name, content_type, None, options)

    async def delete_file(
        self, blueprint_id: str, file_id: str, **options: Unpack[RequestOptions]
    ) -> None:
        """Delete one of the blueprint's files."""
        await self._call_no_content(
            "DELETE",
            BLUEPRINT_FILES + "/{file_id}",
            {"blueprint_id": blueprint_id, "file_id": file_id},
            options=options,
        )


class EnterpriseSnapshotSetup:
    """``client.enterprise.snapshot_setup``: the enterprise ``blueprints`` (beta)."""

    def __init__(self, core: ClientCore):
        self.blueprints = EnterpriseBlueprints(core)
