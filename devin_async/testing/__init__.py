"""A fake Devin API for tests and demos: an in-memory ``aiohttp.web`` app on loopback.

async with FakeDevin() as fake:
    async with fake.client() as client:
        session = await client.sessions.get("devin-abc123def456")
"""

from ._app import create_app
from ._enterprise_state import EnterpriseState
from ._server import FAKE_API_KEY, FakeDevin
from ._state import FakeState, SeenRequest, seed_state
from ._v1_state import V1Store

__all__ = [
    "FAKE_API_KEY",
    "EnterpriseState",
    "FakeDevin",
    "FakeState",
    "SeenRequest",
    "V1Store",
    "create_app",
    "seed_state",
]
