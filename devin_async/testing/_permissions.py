"""Which v3 permission each fake route needs (docs: endpoint pages and the v3 overview).

Read by route template, e.g. ``/v3/organizations/{org_id}/sessions``. ``None``: the
docs name none (v1 has no RBAC; org metrics and consumption are unconfirmed). A leaf:
it imports nothing of the fake.
"""

from __future__ import annotations

import re

__all__ = ["permission_for"]

_ORG = r"^/v3/organizations/\{org_id\}"
_ENT = r"^/v3/enterprise"
_ENT_ORG = _ENT + r"/organizations/\{org_id\}"

# (template pattern, permission to read (GET), to change (else; the same if left out)):
# the first match wins.
_TABLE: tuple[tuple[str, str | None, str | None] | tuple[str, str], ...] = (
    (_ORG + "/sessions", "ViewOrgSessions", "ManageOrgSessions"),
    (_ORG + "/knowledge/", "ManageOrgKnowledge"),
    (_ORG + "/playbooks", "ManageOrgPlaybooks"),
    (_ORG + "/secrets", "ManageOrgSecrets"),
    (_ORG + "/schedules", "ManageOrgSchedules"),
    (_ORG + "/attachments", None, "UseDevinSessions"),
    (_ORG + "/code-scans", "ViewCodeScans", "UseCodeScans"),
    (_ORG + "/pr-reviews", "UseReviewManual"),
    (_ENT + "/sessions", "ViewAccountSessions", "ManageAccountSessions"),
    (_ENT_ORG + "/(audit-logs|tags)", "ManageEnterpriseSettings"),
    (_ENT_ORG + "/git-providers", "ManageGitIntegrations"),
    (_ENT_ORG + "/members", "ManageAccountMembership"),
    (_ENT_ORG + "/metrics", "ViewAccountMetrics"),
    (_ENT_ORG + "/code-scans", "ViewAccountCodeScans", "UseAccountCodeScans"),
    (_ENT + "/(organizations|org-group-limits)", "ManageOrganizations"),
    (_ENT + "/(audit-logs|ip-access-list)", "ManageEnterpriseSettings"),
    (_ENT + "/(members|idp-groups|roles)", "ManageAccountMembership"),
    (_ENT + "/knowledge/", "ManageAccountKnowledge"),
    (_ENT + "/playbooks", "ManageAccountPlaybooks"),
    (_ENT + "/git-providers", "ManageGitIntegrations"),
    (_ENT + "/consumption", "ManageBilling"),
    (_ENT + "/(metrics|queue)", "ViewAccountMetrics"),
    (_ENT + "/hypervisors", "ViewEnterpriseInfraDetails"),
    (_ENT + "/self", "ReadAccountMeta"),
    (_ENT + "/code-scans", "ViewAccountCodeScans", "UseAccountCodeScans"),
    (_ENT + "/pr-reviews", "UseReviewManual"),
)
_RULES = [(re.compile(row[0]), row[1], row[-1]) for row in _TABLE]


def permission_for(method: str, template: str) -> str | None:
    """The permission a request to the route ``template`` needs, if the docs name one."""
    for pattern, read, write in _RULES:
        if pattern.match(template):
            return read if method in ("GET", "HEAD") else write
    return None
