"""The fake API's ``/v3beta1/`` data: snapshot setup, service-user API keys, repository
indexing and guardrail violations.

Records are kept in their wire shape where they have one, plus private ``_`` keys
(``_org_id``...) that say where a record belongs; what changes with time (a build's
status, an indexing job's) is computed from the fake's clock when it is shown.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

from .record import Record

__all__ = ["BetaState"]


@attrs.define
class BetaState:
    """Everything the beta groups serve beside what ``EnterpriseState`` holds (service users,
    roles, IdP groups and their members, git permissions, which those groups read).

    ``build_step``: the seconds a build spends ``pending``, then ``running``, before it ends
    as ``build_outcome``. ``index_seconds``: how long an indexing job stays ``in_progress``.
    """

    builds: dict[str, Record] = attrs.Factory(dict)
    blueprints: dict[str, Record] = attrs.Factory(dict)
    blueprint_files: dict[str, Record] = attrs.Factory(dict)
    api_keys: dict[str, Record] = attrs.Factory(dict)
    # Indexing by organization, then by repository path.
    indexing: dict[str, dict[str, Record]] = attrs.Factory(dict)
    guardrail_violations: list[Record] = attrs.Factory(list)
    build_step: float = 5.0
    build_outcome: Literal["succeeded", "failed"] = "succeeded"
    index_seconds: float = 30.0

    def add_guardrail_violation(self, *, org_id: str, created_at: float, **fields: Any) -> Record:
        """A flagged message; fields not given get plausible values."""
        violation: Record = {
            "violation_id": len(self.guardrail_violations) + 1,
            "guardrail_id": "guardrail-1",
            "guardrail_name": "No secrets in prompts",
            "org_id": org_id,
            "event_id": f"event-{len(self.guardrail_violations) + 1:06d}",
            "action_taken": "blocked",
            "confidence_score": 0.93,
            "reasoning": "The message contains what looks like an API key.",
            "user_message": "deploy with key sk-...",
            "session_id": None,
            "created_at": int(created_at),
            **fields,
        }
        self.guardrail_violations.append(violation)
        return violation
