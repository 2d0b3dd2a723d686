"""Attachments: upload for sessions, and download through the API's presigned redirect."""

from __future__ import annotations

import contextlib
import io
import mimetypes
import os
from collections.abc import Callable, Iterator
from typing import IO, Any, overload
from urllib.parse import urljoin

from typing_extensions import Unpack

from .._core import ClientCore
from .._decode import error_for
from .._http import Multipart, Request, limit_writes
from .._options import RequestOptions
from ..models.attachments import Attachment
from ._org import OrgResource

__all__ = [
    "Attachments",
    "BinaryFile",
    "PathLike",
    "download_presigned",
    "download_redirected",
    "file_part",
]

PathLike = str | os.PathLike[str]
# An open binary file: io's raw and buffered streams are not all ``IO[bytes]`` to a type
# checker (a gzip file, a zip member, a socket's), yet each reads and writes bytes.
BinaryFile = IO[bytes] | io.RawIOBase | io.BufferedIOBase
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@contextlib.contextmanager
def _readable(
    file: PathLike | BinaryFile | bytes | bytearray | memoryview,
) -> Iterator[tuple[Any, str | None]]:
    """The upload's content (bytes or an open binary file) and the name it suggests."""
    if isinstance(file, (bytes, bytearray, memoryview)):
        yield bytes(file), None
    elif isinstance(file, (str, os.PathLike)):
        with open(file, "rb") as f:  # streamed by the transport, not read into memory
            yield f, os.path.basename(os.fspath(file))
    elif hasattr(file, "read"):
        name = getattr(file, "name", None)
        suggested = os.path.basename(name) if isinstance(name, str) else None
        seekable = getattr(file, "seekable", None)
        # A retried upload (429, or a connect error) must send the whole file again: a
        # seekable file is rewound by the transport; a pipe can only be read once, so it
        # is read here.
        yield (file if seekable and seekable() else file.read()), suggested
    else:
        raise TypeError(f"cannot upload a {type(file).__name__}: pass a path, bytes or a file")


class Attachments(OrgResource):
    """Files for sessions: ``upload`` returns the URL to pass in ``attachment_urls``."""

    async def upload(
        self,
        file: PathLike | BinaryFile | bytes | bytearray | memoryview,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Attachment:
        """Upload a file from a path, a binary file object, or bytes (multipart)."""
        with file_part(file, filename, content_type) as part:
            request = self._request(
                "POST", "/attachments", files=part, org_id=org_id, options=options
            )
            return await self._core.call(Attachment, request)

    @overload
    async def download(
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
    async def download(
        self,
        uuid: str,
        name: str,
        *,
        to: PathLike | BinaryFile,
        max_size: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> None: ...

    async def download(
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
        request = self._request(
            "GET",
            "/attachments/{uuid}/{name}",
            {"uuid": uuid, "name": name},
            org_id=org_id,
            options=options,
        )
        return await download_redirected(self._core, request, to, max_size)


@contextlib.contextmanager
def file_part(
    file: PathLike | BinaryFile | bytes | bytearray | memoryview,
    filename: str | None,
    content_type: str | None,
) -> Iterator[Multipart]:
    """The multipart ``file`` field for an upload (v3 and v1 alike), open while in use."""
    with _readable(file) as (content, suggested):
        name = filename or suggested
        if not name:
            raise ValueError("filename= is needed when the file has no name")
        if any(ord(c) < 0x20 or c == "\x7f" for c in name):
            raise ValueError(f"filename must not contain control characters: {name!r}")
        kind = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        yield Multipart("file", name, content, kind)


async def download_redirected(
    core: ClientCore,
    request: Request,
    to: PathLike | BinaryFile | None,
    max_size: int | None = None,
) -> bytes | None:
    """Send ``request``, follow its redirect to the presigned URL without the API key, and
    return the content (or stream it into ``to``), at most ``max_size`` bytes of it.
    Shared by v3 and v1 downloads."""
    answer = await core.send(request)
    location = answer.headers.get("Location")
    redirected = answer.status in _REDIRECTS and bool(location)
    if not redirected and not 200 <= answer.status < 300:
        raise error_for(answer)
    if location and redirected:
        url = urljoin(core.settings.base_url + request.path, location)
        return await _save(core, url, b"", to, request.timeout, max_size, request)
    # A direct answer instead of the documented redirect: take its body.
    return await _save(core, None, answer.content, to, request.timeout, max_size, request)


async def download_presigned(
    core: ClientCore,
    url: str,
    to: PathLike | BinaryFile | None,
    *,
    timeout: float | None,
    max_size: int | None = None,
) -> bytes | None:
    """Fetch a presigned ``url`` without the API key (or any credential): the content, or
    streamed into ``to``, at most ``max_size`` bytes of it."""
    return await _save(core, url, b"", to, timeout, max_size, "the presigned download")


async def _save(
    core: ClientCore,
    url: str | None,
    direct: bytes,
    to: PathLike | BinaryFile | None,
    timeout: float | None,
    max_size: int | None,
    what: object,
) -> bytes | None:
    """The content of ``url`` (``direct`` when there is none), returned or written to ``to``;
    ``what`` names the transfer should it pass ``max_size``."""
    buffer = io.BytesIO()
    with _writer(buffer if to is None else to) as whole:
        write = limit_writes(whole, max_size, what)
        if url is None:
            write(direct)
        else:
            fetched = await core.download(url, write, timeout=timeout)
            if not 200 <= fetched.status < 300:
                raise error_for(fetched)
    return buffer.getvalue() if to is None else None


@contextlib.contextmanager
def _writer(to: PathLike | BinaryFile) -> Iterator[Callable[[bytes], object]]:
    """A ``write`` for ``to``; a path that fails mid-way is removed, not left half-written."""
    if not isinstance(to, (str, os.PathLike)):
        yield to.write
        return
    try:
        with open(to, "wb") as f:
            yield f.write
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(to)
        raise
