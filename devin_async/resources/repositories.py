"""Repositories and their indexing (beta): ``/v3beta1/organizations/{org_id}/repositories``.

A repository is named by its path (``github.com/owner/repo``), which the API takes in
the URL with its slashes: each part is encoded on its own, and ``..`` or empty parts
are refused before anything is sent.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.repositories import (
    RepoIndexingStatusResponse,
    Repository,
    RepositoryIndexingResponse,
    RepositoryIndexSpec,
)
from ._beta import BetaOrgResource

__all__ = ["Repositories"]

_REPOSITORIES = "/repositories"
_INDEXING = _REPOSITORIES + "/indexing"
# {name:path}: the value keeps its slashes (see _paths).
_REPOSITORY_INDEXING = _REPOSITORIES + "/{repository_path:path}/indexing"


def _specs(repositories: Sequence[RepositoryIndexSpec | str]) -> list[object]:
    """The body's ``repositories``: a bare path indexes that repository's default branch."""
    out: list[object] = []
    for repo in repositories:
        out.append({"repository_path": repo} if isinstance(repo, str) else repo)
    return out


class Repositories(BetaOrgResource):
    """``client.repositories``: what the organization's git connections give it, and which
    repositories (and branches) are indexed for search and the wiki.

    Beta only in the docs (``OrgResource`` once promoted to /v3/).
    """

    def list(
        self,
        *,
        filter_name: str | None = None,
        only_repo_paths: Sequence[str] | None = None,
        exclude_repo_paths: Sequence[str] | None = None,
        load_indexing_status: bool | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Repository]:
        """Repositories available to the organization; ``load_indexing_status`` adds each
        one's indexing state."""
        params = query(
            filter_name=filter_name,
            only_repo_paths=only_repo_paths,
            exclude_repo_paths=exclude_repo_paths,
            load_indexing_status=load_indexing_status,
        )
        return self._list(
            Repository,
            _REPOSITORIES,
            params=params,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    def list_indexed(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[RepositoryIndexingResponse]:
        """Repositories with indexing enabled, and their branches."""
        return self._list(
            RepositoryIndexingResponse,
            _INDEXING,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def index_many(
        self,
        repositories: Sequence[RepositoryIndexSpec | str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RepositoryIndexingResponse]:
        """Enable indexing for several repositories (paths, or specs naming branches) and
        start their jobs; idempotent."""
        data = body(repositories=_specs(repositories))
        return await self._call(
            builtins.list[RepositoryIndexingResponse],
            "PUT",
            _INDEXING,
            json=data,
            org_id=org_id,
            options=options,
        )

    async def unindex_many(
        self,
        repository_paths: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[RepositoryIndexingResponse]:
        """Disable indexing for several repositories and clear their branches."""
        data = {"repository_paths": list(repository_paths)}
        return await self._call(
            builtins.list[RepositoryIndexingResponse],
            "DELETE",
            _INDEXING,
            json=data,
            org_id=org_id,
            options=options,
        )

    async def indexing_status(
        self,
        repository_path: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepoIndexingStatusResponse:
        """Whether a repository is indexed, and its latest jobs."""
        return await self._call(
            RepoIndexingStatusResponse,
            "GET",
            _REPOSITORY_INDEXING,
            {"repository_path": repository_path},
            org_id=org_id,
            options=options,
        )

    async def index(
        self,
        repository_path: str,
        *,
        branch_names: Sequence[str] | NotGiven = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Enable indexing for one repository (its default branch unless ``branch_names``)
        and start its jobs; idempotent."""
        return await self._call(
            RepositoryIndexingResponse,
            "PUT",
            _REPOSITORY_INDEXING,
            {"repository_path": repository_path},
            json=body(branch_names=branch_names),
            org_id=org_id,
            options=options,
        )

    async def unindex(
        self,
        repository_path: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Disable indexing for one repository and clear its branches."""
        return await self._call(
            RepositoryIndexingResponse,
            "DELETE",
            _REPOSITORY_INDEXING,
            {"repository_path": repository_path},
            org_id=org_id,
            options=options,
        )

    async def remove_branch(
        self,
        repository_path: str,
        branch_name: str,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> RepositoryIndexingResponse:
        """Stop indexing one branch of a repository."""
        return await self._call(
            RepositoryIndexingResponse,
            "DELETE",
            _REPOSITORY_INDEXING + "/branches/{branch_name}",
            {"repository_path": repository_path, "branch_name": branch_name},
            org_id=org_id,
            options=options,
        )
