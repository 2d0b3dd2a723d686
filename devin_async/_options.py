"""Per-call overrides that every API method accepts as keyword arguments, and the check
that a keyword a method got is one it takes."""

from __future__ import annotations

import difflib
import inspect
import sys
from collections.abc import Collection, Mapping
from types import FrameType

from typing_extensions import TypedDict

__all__ = ["OPTION_KEYS", "RequestOptions", "check_option_names", "unexpected_keywords"]


class RequestOptions(TypedDict, total=False):
    """``timeout`` in seconds for each attempt; ``max_retries`` retries after the first try;
    ``max_response_size`` the bytes a JSON answer may take (as sent, and inflated).

    The client's ``RetryPolicy.budget`` bounds the whole call, retries included.

    ``extra_headers``, ``extra_query`` and ``extra_body`` send what a method has no
    argument for (yet): headers on top of the SDK's (not ``Authorization``, which is the
    client's key), query parameters replacing any of the same name (values as filters
    take them: a list repeats the name, ``None`` drops the parameter), and fields merged
    into the JSON object the call sends (the whole body, for a call that sends none).
    They go to the API only, never to the presigned host of a download.
    """

    timeout: float
    max_retries: int
    max_response_size: int
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, object]
    extra_body: Mapping[str, object]


OPTION_KEYS = frozenset(RequestOptions.__optional_keys__ | RequestOptions.__required_keys__)


def check_option_names(options: Mapping[str, object]) -> None:
    """Refuse a keyword that is no option: every method gathers what it does not name in
    ``**options``, so a misspelt argument (``timout=``, ``tag=``) lands here."""
    unknown = options.keys() - OPTION_KEYS
    if unknown:
        raise unexpected_keywords(sorted(unknown), options)


def unexpected_keywords(
    unknown: Collection[str], kwargs: Mapping[str, object], known: Collection[str] = OPTION_KEYS
) -> TypeError:
    """The ``TypeError`` Python itself would give, naming the method whose ``**kwargs`` is
    ``kwargs`` and the argument it probably meant. Only ever built on the error path."""
    method, params = _taker_of(kwargs)
    candidates = [*params, *known]
    hints = []
    for name in unknown:
        close = difflib.get_close_matches(name, candidates, n=1)
        hints.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    what = "an unexpected keyword argument" if len(hints) == 1 else "unexpected keyword arguments"
    return TypeError(f"{method}() got {what} {', '.join(hints)}")


def _taker_of(kwargs: Mapping[str, object]) -> tuple[str, list[str]]:
    """The name and parameters of the function up the stack whose ``**`` parameter holds
    ``kwargs``: the public method the user called, whose signature the error should name.
    Found by identity, so helpers that pass ``options`` along by name are skipped."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if code.co_flags & inspect.CO_VARKEYWORDS:
            named = code.co_argcount + code.co_kwonlyargcount
            star = 1 if code.co_flags & inspect.CO_VARARGS else 0
            local = frame.f_locals
            if local.get(code.co_varnames[named + star]) is kwargs:
                owner = local.get("self")  # the user's class, not the base defining the method
                method = f"{type(owner).__name__}.{code.co_name}" if owner else code.co_name
                return method, [p for p in code.co_varnames[:named] if p != "self"]
        frame = frame.f_back
    return "a method", []
