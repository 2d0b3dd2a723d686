"""Repositories an organization can use, and their indexing (``/v3beta1/``).

A repository is named by its path, such as ``github.com/owner/repo``.
"""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "IndexJobStatus",
    "RepoIndexJobResponse",
    "RepoIndexingStatusResponse",
    "Repository",
    "RepositoryIndexSpec",
    "RepositoryIndexingResponse",
]


class IndexJobStatus(OpenEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    FAILED = "failed"


@model
class RepoIndexJobResponse(Model):
    """One indexing job (search index or wiki) of one commit."""

    job_id: str
    commit: str
    status: IndexJobStatus
    created_at: datetime
    branch_name: str | None = None


@model
class RepoIndexingStatusResponse(Model):
    indexing_enabled: bool
    latest_indexes: list[RepoIndexJobResponse]
    latest_completed_search_index_job: RepoIndexJobResponse | None = None
    latest_completed_wiki_index_job: RepoIndexJobResponse | None = None


@model
class RepositoryIndexingResponse(Model):
    """Whether a repository is indexed, and which branches."""

    repository_path: str
    indexing_enabled: bool
    branches: list[str]
    indexing_status: RepoIndexingStatusResponse | None = None


@model
class Repository(Model):
    """A repository the organization's git connections give it."""

    repo_name: str
    repo_path: str
    git_connection_id: str
    git_connection_host: str
    provider_repository_id: str
    repo_description: str | None = None
    repo_language: str | None = None
    last_updated_at: datetime | None = None
    indexing_status: RepoIndexingStatusResponse | None = None


@model
class RepositoryIndexSpec(Model):
    """A repository to index; its default branch unless ``branch_names`` says otherwise."""

    repository_path: str
    branch_names: list[str] | None = None
