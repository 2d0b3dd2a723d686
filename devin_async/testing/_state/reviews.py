"""The fake API's PR reviews and code scans, whose status follows the fake's clock."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .record import Record

__all__ = ["REVIEW_STEPS", "SCAN_STEPS", "CodeReviewState", "status_at"]

# The states a review or scan passes through, in order; the last one is where it ends
# unless its record says otherwise (``_ends``: "errored", "failed", "cancelled").
REVIEW_STEPS = ("pending", "running", "completed")
SCAN_STEPS = ("waiting", "pending", "running", "completed")


def status_at(record: Record, now: float, steps: Sequence[str], step_seconds: float) -> str:
    """Where ``record`` is in ``steps`` at ``now``: one step per ``step_seconds`` since
    its ``created_at``."""
    index = int((now - record["created_at"]) // step_seconds) if step_seconds > 0 else len(steps)
    if index >= len(steps) - 1:
        return str(record.get("_ends") or steps[-1])
    return steps[max(index, 0)]


def _shared_profile() -> dict[str, Record]:
    profile: Record = {
        "profile_id": "profile-security",
        "mode": "discover",
        "scan_type": "security",
        "org_id": None,  # shared by the enterprise with every organization
    }
    return {profile["profile_id"]: profile}


@attrs.define
class CodeReviewState:
    """PR reviews (in creation order) and code scans with their profiles, in wire shape
    plus private keys (``_pr_url``, ``_ends``)."""

    pr_reviews: list[Record] = attrs.Factory(list)
    scans: dict[str, Record] = attrs.Factory(dict)
    profiles: dict[str, Record] = attrs.Factory(_shared_profile)
    # Seconds a review or scan spends in each state before the next one.
    step_seconds: float = 5.0
    # Scans an organization may have unfinished at once (more: 409, "backlog full").
    max_backlog: int = 20
