"""The fake API's in-memory state: data classes and their seed, no HTTP."""

from .enterprise import DAY, EnterpriseState
from .fake import FakeState, SeenRequest
from .record import Record
from .seed import seed_state
from .v1 import V1Store

__all__ = ["DAY", "EnterpriseState", "FakeState", "Record", "SeenRequest", "V1Store", "seed_state"]
