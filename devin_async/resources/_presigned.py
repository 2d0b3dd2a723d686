"""Fetching the presigned links (``PresignedDownload``) some groups answer with."""

from __future__ import annotations

from typing import overload

from ..models.snapshots import PresignedDownload
from ._base import Resource
from .attachments import BinaryFile, PathLike, download_presigned

__all__ = ["PresignedDownloads"]


class PresignedDownloads(Resource):
    """``download``: the file behind a link this group handed out."""

    @overload
    async def download(
        self, link: PresignedDownload | str, *, to: None = None, timeout: float | None = None
    ) -> bytes: ...

    @overload
    async def download(
        self,
        link: PresignedDownload | str,
        *,
        to: PathLike | BinaryFile,
        timeout: float | None = None,
    ) -> None: ...

    async def download(
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
        url = link if isinstance(link, str) else link.url
        wait = self._core.settings.timeout if timeout is None else timeout
        return await download_presigned(self._core, url, to, timeout=wait)
