"""The fake API's in-memory state: one record per session, rendered per family."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .._faults import FaultPlan
from .beta import BetaState
from .enterprise import EnterpriseState
from .lifecycle import DEFAULT_STORY, Life, Story
from .record import Record
from .reviews import CodeReviewState
from .v1 import V1Store

__all__ = ["V1_KEY_PREFIX", "FakeState", "SeenRequest", "StoryChoice"]

# v1 keys: service keys ``apk_...`` and personal keys ``apk_user_...``; v3 takes ``cog_...``.
V1_KEY_PREFIX = "apk_"

# The story of each session created through the API: one for all, or chosen per session
# (from its record: its "prompt", "tags", "title"...).
StoryChoice = Story | Callable[[Record], Story]


@attrs.define
class SeenRequest:
    """One request as the fake server saw it (the key itself is never kept); ``path`` is
    decoded but for an encoded ``/`` or ``%``, which stay as sent."""

    method: str
    path: str
    query: list[tuple[str, str]]
    authorized: bool
    at: float
    body: Any = None


@attrs.define
class FakeState:
    """Everything the fake API knows; tests may read and change it directly.

    Sessions created through the API play ``story`` on ``clock``; records show each
    session as of the last request (``advance()`` catches up by hand).
    """

    # The v3 key (any key but a v1 one, when None); v1 takes it or ``v1_api_key``.
    api_key: str | None = None
    v1_api_key: str | None = None
    # More keys it accepts, each with the permissions it lacks; and those no key has.
    keys: dict[str, set[str]] = attrs.Factory(dict)
    denied: set[str] = attrs.Factory(set)
    default_org_id: str = "org-abc123def456"
    sessions: dict[str, Record] = attrs.Factory(dict)
    enterprise: EnterpriseState = attrs.Factory(EnterpriseState)
    # Other v3 resources by kind ("notes", "playbooks", "secrets", "schedules",
    # "attachments"), each by id, in creation order.
    records: dict[str, dict[str, Record]] = attrs.Factory(dict)
    # What ``GET /v3/self`` answers.
    principal: Record = attrs.Factory(
        lambda: {
            "principal_type": "service_user",
            "service_user_id": "service-user-1",
            "service_user_name": "ci-bot",
            "org_id": "org-abc123def456",
        }
    )
    seen: list[SeenRequest] = attrs.Factory(list)
    clock: Callable[[], float] = time.time
    v1: V1Store = attrs.Factory(V1Store)
    faults: FaultPlan = attrs.Factory(FaultPlan)
    code_review: CodeReviewState = attrs.Factory(CodeReviewState)
    story: StoryChoice = DEFAULT_STORY
    lives: dict[str, Life] = attrs.Factory(dict)
    beta: BetaState = attrs.Factory(BetaState)
    _ids: itertools.count[int] = attrs.Factory(lambda: itertools.count(1))
    _due: set[str] = attrs.Factory(set)  # ids of the lives time still changes

    def add_key(self, token: str, *, lacks: Iterable[str] = ()) -> str:
        """Accept ``token`` too (``apk_...``: v1 only), without the permissions ``lacks``."""
        self.keys[token] = set(lacks)
        return token

    def deny(self, *permissions: str, key: str | None = None) -> None:
        """Answer 403 where a request needs one of ``permissions``: for ``key``, or any key."""
        (self.denied if key is None else self.keys.setdefault(key, set())).update(permissions)

    def allow(self, *permissions: str, key: str | None = None) -> None:
        """Undo ``deny``."""
        (self.denied if key is None else self.keys.setdefault(key, set())).difference_update(
            permissions
        )

    def accepts(self, token: str, *, v1: bool) -> bool:
        """Whether ``token`` opens the v1 (``v1=True``) or the v3 API."""
        if not token or (not v1 and token.startswith(V1_KEY_PREFIX)):
            return False
        known = token in self.keys or token == self.api_key or (v1 and token == self.v1_api_key)
        return known or self.api_key is None

    def lacks(self, token: str, permission: str) -> bool:
        return permission in self.denied or permission in self.keys.get(token, ())

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):012x}"

    def of_kind(self, kind: str) -> dict[str, Record]:
        return self.records.setdefault(kind, {})

    def add_session(self, *, story: Story | None = None, **fields: Any) -> Record:
        """Store a session record; missing fields get realistic defaults.

        It stays as given, unless a ``story`` is given to play (or messages wake it).
        """
        now = self.clock()
        devin_id = fields.pop("session_id", None) or self.new_id("devin-")
        record: Record = {
            "session_id": devin_id,
            "org_id": self.default_org_id,
            "status": "running",
            "status_detail": "working",
            "title": None,
            "created_at": now,
            "updated_at": now,
            "tags": [],
            "pull_requests": [],
            "acus_consumed": 0.0,
            "messages": [],
            "structured_output": None,
            "playbook_id": None,
            "user_id": "email|user-1",
            "service_user_id": None,
            "origin": "api",
            "is_archived": False,
            "analysis": None,
            "category": None,
            "subcategory": None,
            "parent_session_id": None,
            "child_session_ids": [],
        }
        record.update(fields)
        self.sessions[devin_id] = record
        if story is not None:
            self.play(devin_id, story)
        return record

    def create_session(
        self, prompt: str, *, author: Mapping[str, str] | None = None, **fields: Any
    ) -> Record:
        """A session as the API creates one: ``new``, then playing its ``story``.

        ``author``: extra fields of the initial message (v1's ``username``, ``origin``).
        """
        initial = {"type": "initial_user_message", "message": prompt, "at": self.clock()}
        messages = [{**initial, **(author or {})}]
        rec = self.add_session(
            status="new", status_detail=None, prompt=prompt, messages=messages, **fields
        )
        story = self.story if isinstance(self.story, Story) else self.story(rec)
        self.play(rec["session_id"], story)
        return rec

    def play(self, devin_id: str, story: Story) -> Life:
        """Play ``story`` on a stored session from now (its steps so far are dropped)."""
        now = self.clock()
        life = self.lives[devin_id] = Life(story, now)
        life.play(story.steps, now)
        self._due.add(devin_id)
        return life

    def _life(self, devin_id: str) -> Life:
        life = self.lives.get(devin_id)
        if life is None:
            story = self.story if isinstance(self.story, Story) else DEFAULT_STORY
            life = self.lives[devin_id] = Life(story, self.clock())
        return life

    def advance(self) -> None:
        """Apply what every live session did up to now."""
        if not self._due:
            return
        now = self.clock()
        for devin_id in list(self._due):
            rec = self.sessions.get(devin_id)
            life = self.lives[devin_id]
            if rec is not None:
                life.advance(rec, now)
            if rec is None or not life.due(rec):
                self._due.discard(devin_id)

    def hear(self, rec: Record, message: str, **extra: Any) -> None:
        """A user message to a session; Devin answers (see ``Story.reply``)."""
        now = self.clock()
        rec["messages"].append({"type": "user_message", "message": message, "at": now, **extra})
        rec["updated_at"] = now
        if rec["status"] in ("exit", "error"):  # an ended session hears nothing
            return
        self._life(rec["session_id"]).hear(rec, message, now)
        self._due.add(rec["session_id"])

    def stop(self, rec: Record, status: str, detail: str | None = None) -> None:
        """End a session's story with ``status``/``detail`` (terminated, archived)."""
        life = self.lives.get(rec["session_id"])
        if life is not None:
            life.stop()
        rec.update(status=status, status_detail=detail, updated_at=self.clock())

    def request_insights(self, rec: Record) -> str:
        """``"started"`` (the analysis appears after the story's ``insights_after``) or
        ``"already_exists"``."""
        life = self._life(rec["session_id"])
        if rec["analysis"] is not None or life.insights_at is not None:
            return "already_exists"
        life.insights_at = self.clock() + life.story.insights_after
        self._due.add(rec["session_id"])
        self.advance()  # an instant story has them at once
        return "started"
