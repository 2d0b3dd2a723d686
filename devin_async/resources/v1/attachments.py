"""Legacy v1 attachments: upload a file for a prompt, download one by its URL parts."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Union
from urllib.parse import urljoin

from typing_extensions import Unpack

from ..._decode import error_for
from ..._errors import DecodeError
from ..._http import Multipart, Response
from ..._options import RequestOptions
from .._base import Resource

__all__ = ["V1Attachments", "attachment_url"]

FileInput = Union[bytes, "os.PathLike[str]", IO[bytes]]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def attachment_url(response: Response) -> str:
    """The URL an upload answered: as text/plain (legacy spec) or a JSON string (newer)."""
    if not 200 <= response.status < 300:
        raise error_for(response)
    text = response.content.decode("utf-8", errors="replace").strip()
    try:
        value = json.loads(text)
    except ValueError:
        value = text
    if isinstance(value, str) and value.startswith(("https://", "http://")):
        return value
    raise DecodeError(
        f"POST {response.request.path} answered {response.status} without an attachment URL: "
        f"{text[:200]!r}",
        status_code=response.status,
        body=response.content,
        path=response.request.path,
    )


async def _content(file: FileInput, filename: str | None) -> tuple[bytes, str]:
    if isinstance(file, str):
        raise TypeError("pass a path as pathlib.Path, or the file's content as bytes")
    if isinstance(file, (bytes, bytearray, memoryview)):
        data, default_name = bytes(file), None
    elif isinstance(file, os.PathLike):
        path = Path(file)
        data, default_name = await asyncio.to_thread(path.read_bytes), path.name
    elif callable(getattr(file, "read", None)):
        data = await asyncio.to_thread(file.read)
        if not isinstance(data, bytes):
            raise TypeError("the file must be opened in binary mode ('rb')")
        name = getattr(file, "name", None)
        default_name = os.path.basename(name) if isinstance(name, str) else None
    else:
        raise TypeError(f"file must be bytes, a path or a binary file, not {type(file).__name__}")
    name = filename or default_name
    if not name:
        raise ValueError("filename is required when uploading bytes or an unnamed stream")
    if any(ord(c) < 0x20 or c == "\x7f" for c in name):
        raise ValueError(f"filename must not contain control characters: {name!r}")
    return data, name


class V1Attachments(Resource):
    """Files for sessions: reference an uploaded one in a prompt with ``prompt_line(url)``."""

    @staticmethod
    def prompt_line(url: str) -> str:
        """The line a prompt needs to attach ``url`` (docs: ``ATTACHMENT:"<url>"`` on its own)."""
        return f'ATTACHMENT:"{url}"'

    async def upload(
        self,
        file: FileInput,
        *,
        filename: str | None = None,
        content_type: str = "application/octet-stream",
        **options: Unpack[RequestOptions],
    ) -> str:
        """Upload a file (bytes, a path, or a binary file object); returns its URL."""
        data, name = await _content(file, filename)
        request = self._core.request(
            "POST",
            "/v1/attachments",
            files=Multipart("file", name, data, content_type),
            options=options,
        )
        return attachment_url(await self._core.send(request))

    async def download_to(
        self,
        uuid: str,
        name: str,
        write: Callable[[bytes], object],
        **options: Unpack[RequestOptions],
    ) -> None:
        """Stream an attachment into ``write`` chunk by chunk.

        The API answers 307 to a presigned URL on another host; that URL is fetched
        without the API key, which must never reach a third party.
        """
        request = self._core.request(
            "GET",
            "/v1/attachments/{uuid}/{name}",
            path={"uuid": uuid, "name": name},
            options=options,
        )
        response = await self._core.send(request)
        location = response.headers.get("Location")
        if response.status in _REDIRECTS and location:
            target = urljoin(self._core.settings.base_url + request.path, location)
            response = await self._core.download(target, write, timeout=request.timeout)
            if not 200 <= response.status < 300:
                raise error_for(response)
            return
        if not 200 <= response.status < 300:
            raise error_for(response)
        write(response.content)  # served directly, without a redirect

    async def download(self, uuid: str, name: str, **options: Unpack[RequestOptions]) -> bytes:
        """An attachment's content, in memory (``download_to`` streams large files)."""
        chunks = bytearray()
        await self.download_to(uuid, name, chunks.extend, **options)
        return bytes(chunks)
