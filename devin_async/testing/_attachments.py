"""The attachment store every family shares: uploads, and downloads through a 307 to a
"presigned" URL on the same loopback server."""

from __future__ import annotations

import secrets as _random
import uuid

from aiohttp import web

from ._state import Record
from ._wire import state_of

__all__ = [
    "PRESIGNED",
    "presigned_redirect",
    "public_attachment",
    "save_upload",
    "stored_attachment",
]

PRESIGNED = "/_presigned/{token}"


def public_attachment(rec: Record) -> Record:
    """An upload's answer (the docs' AttachmentUploadResponse)."""
    return {k: rec[k] for k in ("attachment_id", "name", "url")}


async def save_upload(request: web.Request, org: str, url_path: str) -> Record | None:
    """Store a multipart ``file`` upload (any family); ``None`` if there is no such field.

    ``url_path`` is where the API serves it, with ``{uuid}`` and ``{name}`` to fill.
    """
    form = await request.post()
    file = form.get("file")
    if not isinstance(file, web.FileField):
        return None
    attachment_id = str(uuid.uuid4())
    path = url_path.format(uuid=attachment_id, name=file.filename)
    rec = {
        "attachment_id": attachment_id,
        "name": file.filename,
        "url": f"{request.scheme}://{request.host}{path}",
        "content_type": file.content_type,
        "content": file.file.read(),
        "org_id": org,
        "token": _random.token_urlsafe(16),
    }
    state_of(request).of_kind("attachments")[attachment_id] = rec
    return rec


def stored_attachment(request: web.Request, org: str) -> Record | None:
    """The attachment the path's ``{uuid}`` and ``{name}`` name, if ``org`` owns it."""
    rec = state_of(request).of_kind("attachments").get(request.match_info["uuid"])
    if rec is None or rec["org_id"] != org or rec["name"] != request.match_info["name"]:
        return None
    return rec


def presigned_redirect(request: web.Request, rec: Record) -> web.HTTPException:
    # Like the real API: a redirect to a presigned URL, here on the same loopback server.
    location = f"{request.scheme}://{request.host}" + PRESIGNED.format(token=rec["token"])
    return web.HTTPTemporaryRedirect(location)
