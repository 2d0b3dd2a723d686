"""Legacy v1 attachments: upload a file for a prompt, download one by its URL parts."""

from __future__ import annotations

import json
from typing import overload

from typing_extensions import Unpack

from ..._decode import error_for
from ..._errors import DecodeError
from ..._http import Response
from ..._options import RequestOptions
from ..attachments import BinaryFile, PathLike, download_redirected, file_part
from ._base import V1Resource

__all__ = ["V1Attachments", "attachment_url"]


def attachment_url(response: Response) -> str:
    """The URL an upload answered: as text/plain (legacy spec) or a JSON string (newer)."""
    if not 200 <= response.status < 300:
        raise error_for(response)
    text = response.content.decode("utf-8", errors="replace").strip()
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: a hostile nesting depth
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


class V1Attachments(V1Resource):
    """Files for sessions: reference an uploaded one in a prompt with ``prompt_line(url)``."""

    @staticmethod
    def prompt_line(url: str) -> str:
        """The line a prompt needs to attach ``url`` (docs: ``ATTACHMENT:"<url>"`` on its own)."""
        return f'ATTACHMENT:"{url}"'

    async def upload(
        self,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> str:
        """Upload a file from a path, a binary file object, or bytes; returns its URL."""
        with file_part(file, filename, content_type) as part:
            request = self._request("POST", "/attachments", files=part, options=options)
            return attachment_url(await self._core.send(request))

    @overload
    async def download(
        self,
        uuid: str,
        name: str,
        *,
        to: None = None,
        max_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> bytes: ...

    @overload
    async def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile,
        max_size: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def download(
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
        request = self._request(
            "GET", "/attachments/{uuid}/{name}", {"uuid": uuid, "name": name}, options=options
        )
        return await download_redirected(self._core, request, to, max_size)
