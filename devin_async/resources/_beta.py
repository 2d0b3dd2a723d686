"""The ``/v3beta1/`` families: groups the docs publish only under the beta prefix.

A group names its family once, in the one class its resources derive from
(``class _SnapshotSetup(BetaOrgResource)``): the docs have moved groups from
``/v3beta1/`` to ``/v3/`` before (Feb 2026), and such a move is then that one line
(``OrgResource`` / ``EnterpriseResource``).
"""

from __future__ import annotations

from ._base import Resource
from ._org import OrgResource

__all__ = ["BetaEnterpriseResource", "BetaOrgResource"]


class BetaOrgResource(OrgResource):
    """A beta resource of one organization: the client's ``org_id`` unless a call passes one."""

    _prefix = "/v3beta1/organizations/{org_id}"


# A Resource, as EnterpriseResource is (it adds only its prefix): importing that from
# the enterprise package would run the package, whose groups import this module.
class BetaEnterpriseResource(Resource):
    """A beta ``client.enterprise.<group>``: ``org_id`` is always the caller's own."""

    _prefix = "/v3beta1/enterprise"
