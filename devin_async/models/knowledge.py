"""Knowledge notes and their folder tree (v3 organization and enterprise)."""

from __future__ import annotations

from datetime import datetime

from ._base import Model, model
from .common import AccessType

__all__ = ["Folder", "KnowledgeFolders", "NoteResponse"]


@model
class NoteResponse(Model):
    """A knowledge note: ``trigger`` says when Devin recalls ``body``."""

    note_id: str
    name: str
    body: str
    trigger: str
    access_type: AccessType
    created_at: datetime
    updated_at: datetime
    folder_path: str = ""
    is_enabled: bool = True
    folder_id: str | None = None
    macro: str | None = None
    org_id: str | None = None
    pinned_repo: str | None = None


@model
class Folder(Model):
    folder_id: str
    name: str
    path: str
    note_count: int
    parent_folder_id: str | None = None


@model
class KnowledgeFolders(Model):
    """The whole folder tree, with the count of notes outside any folder."""

    folders: list[Folder]
    root_note_count: int
