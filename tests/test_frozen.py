"""Hot-path constructors of frozen classes: same objects as their __init__ makes."""

from __future__ import annotations

import attrs
import pytest
from multidict import CIMultiDict, CIMultiDictProxy

from devin_async import Request, Response
from devin_async._fanout.results import Outcome, OutcomeStatus
from devin_async._frozen import filler
from devin_async._http import new_request, new_response


def test_fillers_make_what_init_makes() -> None:
    args = ("GET", "/v3/x", (("a", "b"),), None, None, {"H": "v"}, 5.0, 2, 1024)
    request = new_request(*args)
    assert type(request) is Request
    assert request == Request(*args) and repr(request) == repr(Request(*args))
    # The filler takes headers already converted, as the transport has them.
    headers = CIMultiDictProxy(CIMultiDict[str]())
    assert new_response(200, headers, b"{}", request) == Response(200, {}, b"{}", request)
    outcome = filler(Outcome)("devin-1", OutcomeStatus.OK, 1, None, 1, 0)
    assert outcome == Outcome("devin-1", OutcomeStatus.OK, 1, None, 1, 0)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        request.path = "/elsewhere"  # type: ignore[misc]


def test_a_class_that_works_in_init_keeps_its_init() -> None:
    @attrs.frozen
    class Positive:
        n: int = attrs.field(validator=attrs.validators.gt(0))

    @attrs.frozen
    class Converted:
        n: int = attrs.field(converter=int)

    @attrs.frozen(slots=False)
    class DictBased:
        n: int

    assert filler(Positive) is Positive and filler(Converted) is Converted
    assert filler(DictBased) is DictBased
    with pytest.raises(ValueError, match="must be > 0"):
        filler(Positive)(0)
    assert filler(Converted)("3").n == 3


def test_hidden_slots_and_hand_written_inits_keep_init() -> None:
    @attrs.frozen(cache_hash=True)
    class Hashed:
        n: int

    @attrs.frozen(init=False)
    class Custom:
        n: int

        def __init__(self, n: int) -> None:
            self.__attrs_init__(n * 10)

    assert filler(Hashed) is Hashed and hash(filler(Hashed)(1)) == hash(Hashed(1))
    assert filler(Custom) is Custom and filler(Custom)(1).n == 10


def test_field_names_never_clash_with_the_generated_code() -> None:
    @attrs.frozen
    class Clashing:
        obj: int
        cls: int
        a1: int
        r: int = 0

    made = filler(Clashing)(1, 2, 3, 4)
    assert filler(Clashing) is not Clashing
    assert made == Clashing(1, 2, 3, 4)


def test_classes_that_would_notice_a_subclass_keep_init() -> None:
    import abc

    seen: list[type] = []

    @attrs.frozen
    class Registering:
        n: int

        def __init_subclass__(cls) -> None:
            seen.append(cls)

    @attrs.frozen
    class Abstract(abc.ABC):
        n: int

    assert filler(Registering) is Registering and filler(Abstract) is Abstract
    assert seen == []


def test_filled_objects_are_exactly_the_frozen_class() -> None:
    @attrs.frozen
    class Point:
        x: int
        y: int = 0

    made = filler(Point)(1, 2)
    assert type(made) is Point and made == Point(1, 2) and hash(made) == hash(Point(1, 2))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.x = 5  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del made.y
