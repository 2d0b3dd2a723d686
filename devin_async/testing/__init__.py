"""A fake Devin API for tests and demos: an in-memory ``aiohttp.web`` app on loopback.

async with FakeDevin() as fake:
    async with fake.client() as client:
        session = await client.sessions.get("devin-abc123def456")
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
from ._server import FAKE_API_KEY, FakeDevin
from ._state import EnterpriseState, FakeState, SeenRequest, V1Store, seed_state

__all__ = [
    "FAKE_API_KEY",
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
    "SeenRequest",
    "SlowResponse",
    "TruncatedBody",
    "V1Store",
    "create_app",
    "is_testing",
    "seed_state",
    "set_testing",
]
