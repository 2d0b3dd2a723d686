"""Pure decoding of responses: JSON bodies out, typed errors for everything else."""

from __future__ import annotations

import json
from typing import Any, TypeVar

import orjson

from ._config import ERROR_BODY_KEPT
from ._errors import APIStatusError, DecodeError, RateLimitError, excerpt, status_error_class
from ._http import Response, bearer_token
from ._pipeline.retry_after import parse_retry_after

__all__ = [
    "MOST_LEVELS",
    "NestedTooDeeply",
    "decode_json",
    "error_detail",
    "error_for",
    "has_long_number",
    "nests_deeper_than",
    "parse_json",
]


_Text = TypeVar("_Text", str, bytes)


def _content_type(response: Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


# orjson reads a body about three times faster than the stdlib, and gives the same data
# for everything but a number of 19 or more digits (it turns one beyond 64 bits into a
# float, silently); it refuses what the stdlib tolerates (NaN, a BOM, lone surrogates).
# Those bodies go to the stdlib, so what a body means never depends on the parser.
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_NUMBER = b"0" * 19
# Any run of 19 digits covers three consecutive bytes of content[::6]. Looking at that
# sixth first rules out almost every body (ten-digit timestamps never match) for a
# fifth of the cost of scanning it all.
_STRIDE, _SAMPLED_RUN = 6, b"000"


class NestedTooDeeply(ValueError):
    """JSON whose arrays and objects nest deeper than a parser can follow."""


# orjson refuses deeper nesting; the stdlib, from Python 3.12, parses it (it recurses in
# C, past Python's recursion limit), so its answers are held to the same bound.
MOST_LEVELS = 1024
_TOO_DEEP = "JSON nested too deeply to decode"


def nests_deeper_than(data: Any, most: int) -> bool:
    stack = [(data, 1)] if isinstance(data, (dict, list)) else []
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else value
        if depth > most:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def has_long_number(content: bytes) -> bool:
    """Whether ``content`` has a run of 19 or more digits (a number orjson would read
    wrong, or a string that happens to hold one): the stdlib reads such a body."""
    # find(), not `in`: bytes.__contains__ first tries its argument as an int, and
    # raising and swallowing that TypeError costs more than the search.
    sample = content[::_STRIDE].translate(_DIGITS_AS_ZEROS)
    if sample.find(_SAMPLED_RUN) < 0:
        return False
    return content.translate(_DIGITS_AS_ZEROS).find(_LONG_NUMBER) >= 0


def parse_json(content: bytes) -> Any:
    """JSON text as Python data, exactly as ``json.loads`` reads it; ``ValueError`` if not JSON
    (``NestedTooDeeply`` for nesting past orjson's 1024 levels or the stdlib's stack)."""
    if not has_long_number(content):
        try:
            return orjson.loads(content)
        except orjson.JSONDecodeError:
            pass
    try:
        data = json.loads(content)
    except RecursionError:  # the stdlib recurses once per level: a hostile depth ends here
        raise NestedTooDeeply(_TOO_DEEP) from None
    if nests_deeper_than(data, MOST_LEVELS):
        raise NestedTooDeeply(_TOO_DEEP)
    return data


def _not_json(response: Response, problem: ValueError) -> DecodeError:
    what = problem if isinstance(problem, NestedTooDeeply) else "not valid JSON"
    content = _shown(response.content, response)
    return DecodeError(
        f"{response.request} answered {response.status} "
        f"with a body that is {what} ({_content_type(response) or 'no content type'}"
        f", {len(response.content)} bytes): {excerpt(content)!r}",
        status_code=response.status,
        body=content,
        path=response.request.path,
    )


def _shown(text: _Text, response: Response) -> _Text:
    """``text`` from the answer as an error may show it: a server that echoes the bearer
    token the request carried does not get it into a message, a body or a detail."""
    token = bearer_token(response.request.headers)
    if not token:
        return text
    if isinstance(text, bytes):
        return _scrubbed(text, token.encode(), b"***")
    return _scrubbed(text, token, "***")


def _scrubbed(text: _Text, secret: _Text, stars: _Text) -> _Text:
    text = text.replace(secret, stars)
    # A body cut short may end in the start of the token: that goes too (4 bytes or more).
    for end in range(len(secret) - 1, 3, -1):
        if text.endswith(secret[:end]):
            return text[:-end] + stars
    return text


def error_detail(body: Any) -> tuple[Any, str]:
    """The ``detail`` of an error body, and a one-line summary of it.

    Handles ``{"detail": str}``, ``{"detail": [validation errors]}`` and RFC 9457
    problem details (``title``/``detail``/``errors``).
    """
    if not isinstance(body, dict):
        return body, "" if body is None else str(body)[:200]
    detail = body.get("detail")
    if isinstance(detail, list):
        parts = []
        for err in detail:
            if isinstance(err, dict):
                loc = ".".join(str(p) for p in err.get("loc", ()))
                parts.append(f"{loc}: {err.get('msg', err)}" if loc else str(err.get("msg", err)))
            else:
                parts.append(str(err))
        return detail, "; ".join(parts)
    if detail is None and isinstance(body.get("errors"), list):
        return body["errors"], str(body.get("title") or "validation failed")
    summary = detail if isinstance(detail, str) else body.get("title")
    return (detail if detail is not None else body.get("title")), str(summary or "")


def error_for(response: Response) -> APIStatusError:
    """The typed error for a non-2xx response; never raises itself."""
    request = response.request
    content = response.content
    cut = len(content) > ERROR_BODY_KEPT  # the transport reads one byte more than is kept
    if cut:
        content = content[:ERROR_BODY_KEPT]
    content = _shown(content, response)
    parsed: Any = None
    if content:
        try:
            parsed = parse_json(content)
        except ValueError:  # UnicodeDecodeError and NestedTooDeeply included
            parsed = None
    detail, summary = None, ""
    if parsed is not None:
        try:
            detail, summary = error_detail(parsed)
        except RecursionError:  # str() of data nested nearly as deep as orjson allows
            parsed = None
    if parsed is None:
        summary = excerpt(content)
    message = f"{request} answered {response.status}"
    if summary:
        message += f": {summary}"
    request_id = response.request_id
    if request_id:
        request_id = _shown(request_id, response)
        message += f" (request id {request_id})"
    if cut:
        message += f" (body cut to its first {ERROR_BODY_KEPT} bytes)"
    cls = status_error_class(response.status)
    kwargs: dict[str, Any] = {
        "status_code": response.status,
        "detail": detail,
        "body": content,
        "request_id": request_id,
        "headers": response.headers,
        "method": request.method,
        "path": request.path,
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=parse_retry_after(response.headers), **kwargs)
    return cls(message, **kwargs)


def decode_json(response: Response, *, empty_ok: bool = False) -> Any:
    """The JSON body of a 2xx response; raises the typed error for anything else.

    ``empty_ok`` is for endpoints documented to answer with no body (204, or 200
    with nothing); they decode to ``None``.
    """
    if not 200 <= response.status < 300:
        raise error_for(response)
    content = response.content
    if not content or (content[:1].isspace() and not content.strip()):
        if empty_ok:
            return None
        raise DecodeError(
            f"{response.request} answered {response.status} "
            "with an empty body where JSON was expected",
            status_code=response.status,
            path=response.request.path,
        )
    try:
        return parse_json(content)
    except ValueError as exc:  # UnicodeDecodeError included
        raise _not_json(response, exc) from None
