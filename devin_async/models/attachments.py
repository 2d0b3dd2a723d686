"""Files uploaded for, or produced by, sessions."""

from __future__ import annotations

from .._enums import OpenEnum
from ._base import Model, model

__all__ = ["Attachment", "AttachmentSource", "SessionAttachment"]


@model
class Attachment(Model):
    """An uploaded file; pass ``url`` in a session's ``attachment_urls``."""

    attachment_id: str
    name: str
    url: str


class AttachmentSource(OpenEnum):
    DEVIN = "devin"
    USER = "user"


@model
class SessionAttachment(Attachment):
    source: AttachmentSource
    content_type: str | None = None
