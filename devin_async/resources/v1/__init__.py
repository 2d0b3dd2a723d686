"""The legacy v1 family: ``client.v1.<group>``."""

from __future__ import annotations

from ..._core import ClientCore
from .attachments import V1Attachments
from .audit_logs import V1AuditLogs
from .consumption import V1Consumption
from .knowledge import V1KnowledgeNotes
from .playbooks import V1Playbooks
from .secrets import V1Secrets
from .sessions import V1Sessions

__all__ = ["V1"]


class V1:
    """v1 groups (``/v1/...``, ``apk_...`` keys), served during the deprecation period."""

    def __init__(self, core: ClientCore):
        self.sessions = V1Sessions(core)
        self.attachments = V1Attachments(core)
        self.secrets = V1Secrets(core)
        self.knowledge = V1KnowledgeNotes(core)
        self.playbooks = V1Playbooks(core)
        self.audit_logs = V1AuditLogs(core)
        self.consumption = V1Consumption(core)
