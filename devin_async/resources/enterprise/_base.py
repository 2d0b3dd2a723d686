"""What every enterprise group shares: the ``/v3/enterprise`` prefix, and paths that
exist both enterprise-wide and per organization."""

from __future__ import annotations

from .._base import Resource

__all__ = ["EnterpriseResource", "org_scoped"]


def org_scoped(suffix: str, org_id: str | None) -> str:
    """The enterprise-wide path ``suffix``, or one organization's when ``org_id`` is set.

    Several groups exist at both levels (``/v3/enterprise/members/users`` and
    ``/v3/enterprise/organizations/{org_id}/members/users``); one method serves both,
    passing ``org_id=org_id`` on to the call.
    """
    return suffix if org_id is None else "/organizations/{org_id}" + suffix


class EnterpriseResource(Resource):
    """A ``client.enterprise.<group>``: typed calls under ``/v3/enterprise``.

    The client's default organization never applies here: ``org_id`` is always the
    caller's own.
    """

    _prefix = "/v3/enterprise"
