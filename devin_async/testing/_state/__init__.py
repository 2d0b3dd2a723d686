"""The fake API's in-memory state: data classes and their seed, no HTTP."""

from .enterprise import DAY, EnterpriseState
from .fake import V1_KEY_PREFIX, FakeState, SeenRequest, StoryChoice
from .lifecycle import DEFAULT_STORY, Step, Story
from .record import Record
from .seed import seed_state
from .v1 import V1Store

__all__ = [
    "DAY",
    "DEFAULT_STORY",
    "V1_KEY_PREFIX",
    "EnterpriseState",
    "FakeState",
    "Record",
    "SeenRequest",
    "Step",
    "Story",
    "StoryChoice",
    "V1Store",
    "seed_state",
]
