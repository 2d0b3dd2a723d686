"""The v3 enterprise family: ``client.enterprise.<group>``."""

from __future__ import annotations

from ..._core import ClientCore
from .audit_logs import AuditLogs
from .code_scans import EnterpriseCodeScans
from .consumption import EnterpriseConsumption
from .git_providers import GitProviders
from .knowledge import EnterpriseKnowledge, EnterprisePlaybooks
from .members import IdpGroups, ServiceUsers, Users
from .metrics import EnterpriseMetrics
from .org_tags import OrgTags
from .organizations import Organizations
from .pr_reviews import EnterprisePrReviews
from .sessions import EnterpriseSessions
from .settings import EnterpriseIdentity, Hypervisors, IpAccessListResource, Queue, Roles

__all__ = ["Enterprise"]


class Enterprise:
    """Enterprise-scoped groups (``/v3/enterprise/...``), for enterprise service users.

    Where a group exists per organization too, its methods take ``org_id=``; the
    client's default organization never applies here.
    """

    def __init__(self, core: ClientCore):
        self.sessions = EnterpriseSessions(core)
        self.audit_logs = AuditLogs(core)
        self.organizations = Organizations(core)
        self.users = Users(core)
        self.service_users = ServiceUsers(core)
        self.idp_groups = IdpGroups(core)
        self.roles = Roles(core)
        self.git_providers = GitProviders(core)
        self.knowledge = EnterpriseKnowledge(core)
        self.playbooks = EnterprisePlaybooks(core)
        self.metrics = EnterpriseMetrics(core)
        self.consumption = EnterpriseConsumption(core)
        self.hypervisors = Hypervisors(core)
        self.ip_access_list = IpAccessListResource(core)
        self.org_tags = OrgTags(core)
        self.queue = Queue(core)
        self.code_scans = EnterpriseCodeScans(core)
        self.pr_reviews = EnterprisePrReviews(core)
        self.self = EnterpriseIdentity(core)
