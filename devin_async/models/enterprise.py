"""v3 enterprise models (``/v3/enterprise/...``): members, organizations, settings, audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .._enums import OpenEnum
from ._base import EpochMillis, Model, model

__all__ = [
    "AcuLimit",
    "AcuLimitScope",
    "AuditLog",
    "AuditLogAction",
    "CodeScanFinding",
    "CodeScanSnippet",
    "ConsumptionCycle",
    "DefaultTag",
    "EnterpriseSelf",
    "GitConnection",
    "GitPermission",
    "GitPermissionSpec",
    "GitProviderType",
    "Hypervisor",
    "IdpGroup",
    "IdpGroupUser",
    "IdpRoleAssignment",
    "IpAccessList",
    "OrgGroup",
    "OrgGroupLimits",
    "Organization",
    "QueueLevel",
    "QueueStatus",
    "RegisteredIdpGroup",
    "Remediation",
    "Role",
    "RoleAssignment",
    "RoleType",
    "ServiceUser",
    "User",
    "UserWithIdpRoles",
]


class AuditLogAction(OpenEnum):
    """What an audit-log entry records (89 values known; new ones still parse)."""

    LOGIN = "login"
    CREATE_ORG = "create_org"
    UPDATE_ORG = "update_org"
    DELETE_ORG = "delete_org"
    REVOKE_ALL_ENTERPRISE_API_KEYS = "revoke_all_enterprise_api_keys"
    ADD_ENTERPRISE_MEMBER = "add_enterprise_member"
    DELETE_MEMBER = "delete_member"
    ADD_MEMBER = "add_member"
    ASSIGN_ROLES = "assign_roles"
    UPDATE_ROLE = "update_role"
    CREATE_ROLE = "create_role"
    DELETE_ROLE = "delete_role"
    ADD_GROUP_MEMBERSHIP = "add_group_membership"
    UPDATE_GROUP_MEMBERSHIP = "update_group_membership"
    DELETE_GROUP_MEMBERSHIP = "delete_group_membership"
    CREATE_KNOWLEDGE = "create_knowledge"
    EDIT_KNOWLEDGE = "edit_knowledge"
    DELETE_KNOWLEDGE = "delete_knowledge"
    CREATE_FOLDER = "create_folder"
    UPDATE_FOLDER = "update_folder"
    DELETE_FOLDER = "delete_folder"
    CREATE_SESSION = "create_session"
    SLEEP_SESSION = "sleep_session"
    TERMINATE_SESSION = "terminate_session"
    SEND_MESSAGE = "send_message"
    CREATE_SERVICE_API_KEY = "create_service_api_key"
    REVOKE_ENTERPRISE_API_KEY = "revoke_enterprise_api_key"
    CREATE_GITLAB_INTEGRATION = "create_gitlab_integration"
    UPDATE_GITLAB_INTEGRATION = "update_gitlab_integration"
    RECONNECT_GITLAB_INTEGRATION = "reconnect_gitlab_integration"
    DELETE_GITLAB_INTEGRATION = "delete_gitlab_integration"
    CREATE_AZURE_DEVOPS_INTEGRATION = "create_azure_devops_integration"
    RECONNECT_AZURE_DEVOPS_INTEGRATION = "reconnect_azure_devops_integration"
    DELETE_AZURE_DEVOPS_INTEGRATION = "delete_azure_devops_integration"
    REMOVE_REPO_FROM_DEVIN = "remove_repo_from_devin"
    UPDATE_ENTERPRISE_HYPERVISOR_SETTINGS = "update_enterprise_hypervisor_settings"
    UPDATE_ENTERPRISE_SETTINGS = "update_enterprise_settings"
    UPDATE_ORG_SETTINGS = "update_org_settings"
    AI_GUARDRAIL_VIOLATION = "ai_guardrail_violation"
    APPROVE_DEPLOY = "approve_deploy"
    APPROVE_TEST_APP = "approve_test_app"
    SEARCH_QUERY = "search_query"
    CREATE_ORG_API_KEY = "create_org_api_key"
    CREATE_USER_API_KEY = "create_user_api_key"
    VIEW_ORG_API_KEY = "view_org_api_key"
    VIEW_USER_API_KEY = "view_user_api_key"
    CREATE_SECRET = "create_secret"
    UPDATE_SECRET = "update_secret"
    DELETE_SECRET = "delete_secret"
    CREATE_PLAYBOOK = "create_playbook"
    UPDATE_PLAYBOOK = "update_playbook"
    DELETE_PLAYBOOK = "delete_playbook"
    ENABLE_PERSONA = "enable_persona"
    DISABLE_PERSONA = "disable_persona"
    DELETE_PERSONA = "delete_persona"
    START_REPO_SETUP = "start_repo_setup"
    DELETE_REPO_SETUP = "delete_repo_setup"
    FINISH_REPO_SETUP = "finish_repo_setup"
    GITHUB_INTEGRATION_DELETED = "github_integration_deleted"
    CREATE_GITHUB_INTEGRATION = "create_github_integration"
    DELETE_GITHUB_INTEGRATION = "delete_github_integration"
    REFRESH_GITHUB_INTEGRATION = "refresh_github_integration"
    CREATE_BITBUCKET_INTEGRATION = "create_bitbucket_integration"
    DELETE_BITBUCKET_INTEGRATION = "delete_bitbucket_integration"
    MCP_SERVER_INSTALL = "mcp_server_install"
    MCP_SERVER_ENABLE = "mcp_server_enable"
    MCP_SERVER_DISABLE = "mcp_server_disable"
    MCP_SERVER_DELETE = "mcp_server_delete"
    CREATE_MCP_VALIDATION_SESSION = "create_mcp_validation_session"
    CREATE_SERVICE_USER = "create_service_user"
    DELETE_SERVICE_USER = "delete_service_user"
    ASSIGN_SERVICE_USER_ROLE = "assign_service_user_role"
    REMOVE_SERVICE_USER_ROLE = "remove_service_user_role"
    CREATE_GIT_PERMISSION = "create_git_permission"
    DELETE_GIT_PERMISSION = "delete_git_permission"
    UPDATE_GIT_PERMISSION = "update_git_permission"
    CREATE_MAINTENANCE_TASK = "create_maintenance_task"
    UPDATE_MAINTENANCE_TASK = "update_maintenance_task"
    DELETE_MAINTENANCE_TASK = "delete_maintenance_task"
    CREATE_SNAPSHOT_SCRIPT = "create_snapshot_script"
    SCHEDULE_SNAPSHOT_SCRIPT = "schedule_snapshot_script"
    EXECUTE_SNAPSHOT_SCRIPT = "execute_snapshot_script"
    UPDATE_REPO_SETUP_STEERING_KNOWLEDGE = "update_repo_setup_steering_knowledge"
    DELETE_REPO_SETUP_STEERING_KNOWLEDGE = "delete_repo_setup_steering_knowledge"
    SET_ORG_GROUP_LIMITS = "set_org_group_limits"
    CREATE_JOIN_REQUEST = "create_join_request"
    APPROVE_JOIN_REQUEST = "approve_join_request"
    AUTOMATIC_JOIN_EVENT = "automatic_join_event"
    REJECT_JOIN_REQUEST = "reject_join_request"


@model
class AuditLog(Model):
    """One audit-log entry; ``created_at`` travels as epoch milliseconds."""

    audit_log_id: str
    action: AuditLogAction
    created_at: EpochMillis
    data: dict[str, Any] | None = None
    org_id: str | None = None
    service_user_id: str | None = None
    service_user_name: str | None = None
    user_email: str | None = None
    user_id: str | None = None


class RoleType(OpenEnum):
    ENTERPRISE = "enterprise"
    ORG = "org"


@model
class Role(Model):
    """A role; ``role_type`` is left out where the page's scope already says it
    (role assignments of one user, organization-scoped member pages)."""

    role_id: str
    role_name: str
    role_type: RoleType | None = None


@model
class RoleAssignment(Model):
    """A role held in the enterprise (``org_id`` None) or in one organization."""

    role: Role
    org_id: str | None = None


@model
class User(Model):
    user_id: str
    role_assignments: list[RoleAssignment]
    email: str | None = None
    name: str | None = None


@model
class IdpRoleAssignment(Model):
    """A role a user holds through membership of an identity-provider group."""

    idp_group_name: str
    role: Role
    org_id: str | None = None


@model
class UserWithIdpRoles(User):
    """A member with the roles given directly and, when the API says, those from IdP groups."""

    idp_role_assignments: list[IdpRoleAssignment] | None = None


@model
class IdpGroupUser(Model):
    """A user whose membership comes from identity-provider groups."""

    user_id: str
    idp_role_assignments: list[IdpRoleAssignment]
    email: str | None = None
    name: str | None = None


@model
class ServiceUser(Model):
    service_user_id: str
    name: str
    role_assignments: list[RoleAssignment]
    expires_at: datetime | None = None


@model
class IdpGroup(Model):
    """An identity-provider group and the roles its members get."""

    idp_group_name: str
    role_assignments: list[RoleAssignment]


@model
class RegisteredIdpGroup(Model):
    """An identity-provider group name registered with the enterprise."""

    idp_group_name: str


@model
class Organization(Model):
    org_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    max_cycle_acu_limit: int | None = None
    max_session_acu_limit: int | None = None


@model
class OrgGroup(Model):
    """Organizations that share one ACU cap per billing cycle."""

    org_ids: list[str]
    max_cycle_acus: int | None = None


@model
class OrgGroupLimits(Model):
    groups: dict[str, OrgGroup]


class GitProviderType(OpenEnum):
    GITHUB_TOKEN = "github_token"
    GITHUB_INDIVIDUAL_TOKEN = "github_individual_token"
    GITHUB_APP = "github_app"
    GITLAB_TOKEN = "gitlab_token"
    GITLAB_OAUTH = "gitlab_oauth"
    AZURE_DEVOPS_OAUTH = "azure_devops_oauth"
    BITBUCKET_OAUTH = "bitbucket_oauth"
    BITBUCKET_TOKEN = "bitbucket_token"


@model
class GitConnection(Model):
    git_connection_id: str
    git_provider_type: GitProviderType
    host: str
    created_at: datetime
    name: str | None = None


@model
class GitPermissionSpec(Model):
    """A git permission to grant: a connection plus a repo path, path prefix or group prefix."""

    git_connection_id: str
    repo_path: str | None = None
    prefix_path: str | None = None
    group_prefix: str | None = None


@model
class GitPermission(GitPermissionSpec):
    """A granted git permission (the API's ``GitPermissionResponse``)."""

    git_permission_id: str
    created_at: datetime | None = None
    read_only: bool = False


@model
class Hypervisor(Model):
    hypervisor_id: str
    status: str
    utilization_percentage: float
    cloud_provider_instance_id: str | None = None
    created_at: datetime | None = None
    last_heartbeat: datetime | None = None


@model
class IpAccessList(Model):
    """CIDR ranges allowed to call the API; empty means no restriction."""

    ip_ranges: list[str]


@model
class DefaultTag(Model):
    default_tag: str | None = None


class QueueLevel(OpenEnum):
    NORMAL = "normal"
    ELEVATED = "elevated"
    HIGH = "high"


@model
class QueueStatus(Model):
    queue_size: int
    status: QueueLevel


@model
class EnterpriseSelf(Model):
    """Who the enterprise credential belongs to."""

    service_user_id: str
    service_user_name: str
    org_id: str | None = None


class AcuLimitScope(OpenEnum):
    ENTERPRISE = "enterprise"
    ORG = "org"
    USER = "user"


@model
class AcuLimit(Model):
    cycle_acu_limit: int
    scope: AcuLimitScope
    org_id: str | None = None
    user_id: str | None = None


@model
class ConsumptionCycle(Model):
    """One billing cycle: from ``after`` up to ``before``."""

    after: datetime
    before: datetime


@model
class CodeScanSnippet(Model):
    file_path: str
    start_line: int
    end_line: int
    code: str | None = None
    commentary: str | None = None


@model
class CodeScanFinding(Model):
    """A code-scan finding; only ids are required, since the docs' field list is partial."""

    finding_id: str
    scan_id: str
    title: str | None = None
    description: str | None = None
    category: str | None = None
    severity: str | None = None
    status: str | None = None
    repo_name: str | None = None
    recommendation: str | None = None
    note: str | None = None
    pr_url: str | None = None
    session_id: str | None = None
    orchestrator_session_id: str | None = None
    code_owners: list[str] | None = None
    reference_snippets: list[CodeScanSnippet] | None = None
    created_at: datetime | None = None


@model
class Remediation(Model):
    """The session launched to fix a code-scan finding."""

    finding_id: str
    session_id: str
