"""The blocking client: ``Devin`` over one background event loop."""

from ._bridge import SyncPaginator
from ._generated import Devin

__all__ = ["Devin", "SyncPaginator"]
