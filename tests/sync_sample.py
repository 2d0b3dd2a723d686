"""A made-up resource with every method shape, to show the generator needs no edits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Generic, TypeVar

from devin_async.resources._base import Resource

T = TypeVar("T")


class Numbered(Generic[T]):
    """An async iterator class (like a bulk iterator): ``(index, value)`` pairs."""

    def __init__(self, values: list[T]):
        self._values = list(values)
        self._index = 0
        self.closed = False

    def __aiter__(self) -> Numbered[T]:
        return self

    async def __anext__(self) -> tuple[int, T]:
        if self._index >= len(self._values):
            raise StopAsyncIteration
        self._index += 1
        return self._index - 1, self._values[self._index - 1]

    async def aclose(self) -> None:
        self.closed = True


class Echoes(Resource, Generic[T]):
    """A generic base: the subclass says what ``T`` is."""

    async def echo(self, value: T) -> T:
        """Give ``value`` back."""
        return value

    def numbered(self, values: list[T]) -> Numbered[T]:
        """Number ``values`` (a plain method returning an async iterator object)."""
        return Numbered(values)


class Sample(Echoes[str]):
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
