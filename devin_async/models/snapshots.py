"""Snapshot setup (``/v3beta1/``): blueprints, the builds made from them, and the presigned
links to their logs and YAML."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import attrs

from .._enums import OpenEnum
from ._base import Model, model

__all__ = [
    "Blueprint",
    "BlueprintFile",
    "BlueprintFileList",
    "BlueprintList",
    "BlueprintType",
    "Build",
    "BuildStatus",
    "BuildTrigger",
    "PresignedDownload",
]


class BuildStatus(OpenEnum):
    """A build goes ``pending`` -> ``running`` -> ``succeeded``, ``failed`` or ``cancelled``."""

    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class BuildTrigger(OpenEnum):
    MANUAL = "manual"
    AUTO = "auto"


@model
class Build(Model):
    """One snapshot build of the organization's blueprints (docs: future fields are additive)."""

    build_id: str
    status: BuildStatus
    pinned: bool
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None = None
    completed_at: datetime | None = None
    trigger: BuildTrigger | None = None
    triggered_by_user_id: str | None = None


class BlueprintType(OpenEnum):
    """Which tier a blueprint configures (docs: the list may grow)."""

    ENTERPRISE = "enterprise"
    ORG = "org"
    REPO = "repo"


@model
class Blueprint(Model):
    """A blueprint's metadata; its YAML is fetched through ``contents``."""

    blueprint_id: str
    type: BlueprintType
    created_at: datetime
    updated_at: datetime
    repo_name: str | None = None


@model
class BlueprintList(Model):
    """Blueprints in the order builds apply them."""

    data: list[Blueprint]


@model
class BlueprintFile(Model):
    """A file a blueprint's YAML refers to, exposed to builds as ``env_var_name``."""

    file_id: str
    blueprint_id: str
    name: str
    env_var_name: str
    size_bytes: int
    created_at: datetime
    updated_at: datetime


@model
class BlueprintFileList(Model):
    data: list[BlueprintFile]


def _without_signature(url: str) -> str:
    parts = urlsplit(url)
    return repr(f"{parts.scheme}://{parts.netloc}{parts.path}")


@model
class PresignedDownload(Model):
    """A short-lived link (about 10 minutes) to a file in storage, fetched without the API key.

    Its query string is the signature: a repr leaves it out.
    """

    url: str = attrs.field(repr=_without_signature)
    expires_at: datetime
