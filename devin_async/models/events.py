"""A session's timeline: messages and events (shell, file, git, ...)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "EventCategory",
    "EventDetail",
    "EventDirection",
    "EventMatch",
    "MessageSource",
    "SessionEvent",
    "SessionMessage",
]


class MessageSource(OpenEnum):
    DEVIN = "devin"
    USER = "user"


@model
class SessionMessage(Model):
    event_id: str
    message: str
    source: MessageSource
    created_at: datetime


class EventCategory(OpenEnum):
    SHELL = "shell"
    FILE = "file"
    SEARCH = "search"
    BROWSER = "browser"
    MCP = "mcp"
    GIT = "git"
    MESSAGE = "message"
    STATUS = "status"
    SECRET = "secret"
    TODO = "todo"
    RECORDING = "recording"
    KNOWLEDGE = "knowledge"
    PLAYBOOK = "playbook"
    WEBHOOK = "webhook"
    LIFECYCLE = "lifecycle"
    OTHER = "other"


class EventDirection(OpenEnum):
    """``incoming``: user or webhook to Devin; ``outgoing``: Devin to the user."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"


@model
class _EventBase(Model):
    event_id: str
    event_type: str
    category: EventCategory
    direction: EventDirection
    created_at: datetime


@model
class SessionEvent(_EventBase):
    """One event of a session's timeline, with a one-line summary."""

    summary: str


@model
class EventMatch(SessionEvent):
    """An event found by a search, with the text around the match."""

    match_context: str


@model
class EventDetail(_EventBase):
    """An event's full contents; fields cut to ``max_content_length`` are named."""

    contents: Any
    truncated_fields: list[str] | None = None
