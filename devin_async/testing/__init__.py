"""A fake Devin API for tests and demos: an in-memory ``aiohttp.web`` app on loopback.

async with FakeDevin(clock=FakeClock()) as fake:
    async with fake.client() as client:
        created = await client.sessions.create("Fix the flaky test")
        session = await client.sessions.wait(created.session_id)  # new ... running/finished

Sessions play a ``Story`` on the fake's clock; ``pytest_plugin`` offers it as fixtures.
"""

from .._clock import FakeClock, is_testing, set_testing
from ._app import create_app
from ._faults import (
    DropConnection,
    ErrorStatus,
    Fault,
    FaultPlan,
    FaultRule,
    MalformedBody,
    SlowResponse,
    TruncatedBody,
)
from ._scaled_clock import ScaledClock
from ._server import FAKE_API_KEY, FAKE_V1_API_KEY, FakeDevin
from ._state import (
    DEFAULT_STORY,
    EnterpriseState,
    FakeState,
    SeenRequest,
    Step,
    Story,
    StoryChoice,
    V1Store,
    seed_state,
)

__all__ = [
    "DEFAULT_STORY",
    "FAKE_API_KEY",
    "FAKE_V1_API_KEY",
    "DropConnection",
    "EnterpriseState",
    "ErrorStatus",
    "FakeClock",
    "FakeDevin",
    "FakeState",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "MalformedBody",
    "ScaledClock",
    "SeenRequest",
    "SlowResponse",
    "Step",
    "Story",
    "StoryChoice",
    "TruncatedBody",
    "V1Store",
    "create_app",
    "is_testing",
    "seed_state",
    "set_testing",
]
