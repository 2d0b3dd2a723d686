"""A made-up resource with every method shape, to show the generator needs no edits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from devin_async.resources._base import Resource


class Sample(Resource):
    """Methods of each kind the generator mirrors."""

    async def join(self, first: str, /, *rest: str, sep: str = "-") -> str:
        """Join words (a coroutine with positional-only and variadic parameters)."""
        await asyncio.sleep(0)
        return sep.join((first, *rest))

    async def count(self, n: int) -> AsyncIterator[int]:
        """Count up to ``n`` (an async generator)."""
        for i in range(n):
            yield i

    def again(self, n: int) -> AsyncIterator[int]:
        """Count again (a plain method returning an async iterator)."""
        return self.count(n)

    def upper(self, text: str) -> str:
        """A plain method."""
        return text.upper()

    @staticmethod
    def shout(text: str, suffix: str = "!") -> str:
        """A static method."""
        return text.upper() + suffix

    @classmethod
    def kind(cls, plural: bool = False) -> str:
        """A class method."""
        return cls.__name__ + ("s" if plural else "")

    @property
    def label(self) -> str:
        return "sample"


class Holder(Resource):
    """A namespace holding a resource, like ``client.enterprise``."""

    def __init__(self, core: object):
        super().__init__(core)  # type: ignore[arg-type]
        self.sample = Sample(core)  # type: ignore[arg-type]
