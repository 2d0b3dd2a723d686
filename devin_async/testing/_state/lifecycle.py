"""How fake sessions live: a story of steps on the fake's clock, played when read.

Nothing runs in the background: a session's due steps are applied when the state is
advanced (the app does it before every request), so time is whatever the state's
clock says: a ``FakeClock`` (simulated), a scaled clock (real time, faster), or real.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from .record import Record
from .sample import sample_of

__all__ = ["DEFAULT_STORY", "Life", "Reply", "Step", "Story"]

Reply = str | Callable[[str], str]
# The status details after which Devin has nothing left to do without a human.
_SETTLED_DETAILS = frozenset({"finished", "waiting_for_user", "waiting_for_approval"})
_STOPPED = frozenset({"exit", "error", "suspended"})


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


_UNSET: Any = _Unset()


def _default_reply(message: str) -> str:
    return f"Done: {message}"


@attrs.frozen
class Step:
    """One thing a session does, ``after`` seconds after the step before it.

    Any of: a new ``status``/``detail``, a Devin message (``say``), a pull request, a
    ``structured_output``. ``waits``: the story then pauses until a user message.
    """

    after: float = attrs.field(default=0.0, validator=attrs.validators.ge(0))
    status: str | None = None
    detail: str | None = None
    say: str | None = None
    pull_request: Record | None = None
    output: Any = _UNSET
    waits: bool = False

    @property
    def settles(self) -> bool:
        """Whether the session stops working at this step (until told more)."""
        return self.waits or self.status in _STOPPED or self.detail in _SETTLED_DETAILS


@attrs.frozen
class Story:
    """What a fake session does: ``steps`` in order, each ``after`` seconds of the fake's
    clock past the one before (counted from creation, or from the user's answer after an
    ``ask``). Chain the builders: ``Story().claim().work().ask("Which branch?")
    .finish(after=5, pr="https://github.com/acme/app/pull/7")``.

    ``reply`` (text, or a function of the user's message) is how Devin answers a message:
    said before the next settling step, or, to a session that has settled, after
    ``reply_after`` seconds of work. ``acu_rate``: ACUs consumed per second of work (a
    ``max_acu_limit`` given at creation suspends the session when reached).
    ``insights_after``: seconds ``generate_insights`` takes.
    """

    steps: tuple[Step, ...] = ()
    reply: Reply = _default_reply
    reply_after: float = 2.0
    acu_rate: float = 0.1
    insights_after: float = 3.0

    def then(self, *steps: Step) -> Story:
        return attrs.evolve(self, steps=(*self.steps, *steps))

    def claim(self, after: float = 1.0) -> Story:
        """``claimed``: a machine picked the session up."""
        return self.then(Step(after, status="claimed"))

    def work(self, after: float = 0.0) -> Story:
        """``running``/``working``."""
        return self.then(Step(after, status="running", detail="working"))

    def say(self, text: str, after: float = 0.0) -> Story:
        """A Devin message."""
        return self.then(Step(after, say=text))

    def ask(self, question: str, after: float = 0.0) -> Story:
        """Devin asks ``question`` (``running``/``waiting_for_user``) and waits for an answer."""
        return self.then(
            Step(after, status="running", detail="waiting_for_user", say=question, waits=True)
        )

    def open_pr(self, url: str, state: str = "open", after: float = 0.0) -> Story:
        return self.then(Step(after, pull_request={"pr_url": url, "pr_state": state}))

    def output(self, data: Any, after: float = 0.0) -> Story:
        """Set ``structured_output``."""
        return self.then(Step(after, output=data))

    def finish(
        self,
        after: float = 0.0,
        *,
        say: str | None = None,
        pr: str | None = None,
        output: Any = _UNSET,
    ) -> Story:
        """``running``/``finished``, saying ``say``, with pull request ``pr`` and ``output``
        (by default a sample of the session's ``structured_output_schema``, if it has one)."""
        pull = {"pr_url": pr, "pr_state": "open"} if pr else None
        step = Step(after, "running", "finished", say, pull, output)
        return self.then(step)

    def exit(self, after: float = 0.0) -> Story:
        return self.then(Step(after, status="exit"))

    def suspend(self, reason: str = "inactivity", after: float = 0.0) -> Story:
        return self.then(Step(after, status="suspended", detail=reason))

    def fail(self, after: float = 0.0) -> Story:
        return self.then(Step(after, status="error", detail="error"))

    def scaled(self, factor: float) -> Story:
        """The same story, every delay multiplied by ``factor`` (0: instant)."""
        if factor < 0:
            raise ValueError(f"factor must be >= 0, got {factor!r}")
        return attrs.evolve(
            self,
            steps=tuple(attrs.evolve(s, after=s.after * factor) for s in self.steps),
            reply_after=self.reply_after * factor,
            insights_after=self.insights_after * factor,
        )

    def instant(self) -> Story:
        """The same story with no delays: every step has happened by the next read."""
        return self.scaled(0)

    def answer(self, message: str) -> str:
        return self.reply(message) if callable(self.reply) else self.reply


def _working(rec: Record) -> bool:
    return bool(rec["status"] == "running" and rec["status_detail"] == "working")


# Claimed after a second, working a second later, finished three seconds after that.
DEFAULT_STORY = Story().claim(after=1.0).work(after=1.0).finish(after=3.0)


@attrs.define
class Life:
    """Where one session is in its story: the steps left, counted from ``base``."""

    story: Story
    base: float
    steps: deque[Step] = attrs.Factory(deque)
    waiting: bool = False
    insights_at: float | None = None
    accrued_to: float = 0.0  # ACUs are counted up to here

    def __attrs_post_init__(self) -> None:
        self.accrued_to = self.base

    def due(self, rec: Record) -> bool:
        """Whether time changes this session: a step or insights to come, or ACUs to add."""
        return (
            bool(self.steps and not self.waiting)
            or self.insights_at is not None
            or (_working(rec) and self.story.acu_rate > 0)
        )

    def play(self, steps: Iterable[Step], at: float) -> None:
        self.steps = deque(steps)
        self.base = at
        self.waiting = False

    def stop(self) -> None:
        self.steps.clear()
        self.waiting = False

    def hear(self, rec: Record, message: str, at: float) -> None:
        """A user message arrived at ``at``: it answers a question (the story resumes), is
        answered when the session next settles, or wakes a settled session to answer it."""
        if self.waiting or not self.steps:
            self._apply(rec, Step(status="running", detail="working"), at)
            self.play(self.steps or self._answering(message), at)
            return
        reply = Step(say=self.story.answer(message))
        settling = next((i for i, step in enumerate(self.steps) if step.settles), None)
        if settling is None:
            self.steps.append(reply)
            return
        # Said at the moment the session settles, without moving that moment.
        after = self.steps[settling].after
        self.steps[settling] = attrs.evolve(self.steps[settling], after=0.0)
        self.steps.insert(settling, attrs.evolve(reply, after=after))

    def _answering(self, message: str) -> list[Step]:
        said = self.story.answer(message)
        return [Step(self.story.reply_after, "running", "finished", said)]

    def advance(self, rec: Record, now: float) -> None:
        """Apply every step due by ``now`` (ACUs accrue in between), and due insights."""
        while self.steps and not self.waiting:
            due = self.base + self.steps[0].after
            if due > now or self._accrue(rec, due):
                break
            self._apply(rec, self.steps.popleft(), due)
            self.base = due
        self._accrue(rec, now)
        if self.insights_at is not None and self.insights_at <= now:
            self.insights_at = None
            if rec["analysis"] is None:
                rec["analysis"] = {"issues": [], "action_items": [], "timeline": []}

    def _accrue(self, rec: Record, until: float) -> bool:
        """Add the ACUs of work up to ``until``; True if the session hit its ACU limit."""
        since, rate = self.accrued_to, self.story.acu_rate
        self.accrued_to = max(since, until)
        if not _working(rec) or until <= since or rate <= 0:
            return False
        spent = rec["acus_consumed"] + (until - since) * rate
        limit = rec.get("max_acu_limit")
        if limit is None or spent < limit:
            rec["acus_consumed"] = spent
            return False
        hit = since + max(0.0, limit - rec["acus_consumed"]) / rate
        rec["acus_consumed"] = float(limit)
        self._apply(rec, Step(status="suspended", detail="usage_limit_exceeded"), hit)
        self.stop()
        return True

    def _apply(self, rec: Record, step: Step, at: float) -> None:
        rec["updated_at"] = at
        if step.status is not None:
            rec["status"], rec["status_detail"] = step.status, step.detail
        if step.say is not None:
            rec["messages"].append({"type": "devin_message", "message": step.say, "at": at})
        if step.pull_request is not None:
            rec["pull_requests"].append(dict(step.pull_request))
        output = step.output
        if output is _UNSET and step.detail == "finished":
            schema = rec.get("structured_output_schema")
            if schema is not None and rec["structured_output"] is None:
                output = sample_of(schema)
        if output is not _UNSET:
            rec["structured_output"] = output
        if step.waits:
            self.waiting = True
