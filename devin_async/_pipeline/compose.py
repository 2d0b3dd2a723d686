"""Composes the layers, outermost first, into one handler around the transport."""

from __future__ import annotations

import types
from collections.abc import Awaitable, Sequence

from .._http import Handler, Middleware, Request, Response, StockLayer

__all__ = ["build_pipeline"]


def build_pipeline(middleware: Sequence[Middleware], transport: Handler) -> Handler:
    """Compose once, outermost first; each request then costs one call per layer."""
    handler = transport
    for layer in reversed(middleware):
        handler = _bind(layer, handler)
    return handler


def _bind(layer: Middleware, call_next: Handler) -> Handler:
    # A closure, not functools.partial(layer, call_next=...): a partial passes its
    # keyword through a dict on every call, twice the cost of this frame. A layer
    # object's __call__ is looked up once here: calling the object looks it up per call.
    if isinstance(layer, StockLayer):
        return layer.handler(call_next)
    call = layer if isinstance(layer, types.FunctionType) else _method_of(layer)

    def handler(request: Request) -> Awaitable[Response]:
        return call(request, call_next)

    return handler


def _method_of(layer: Middleware) -> Middleware:
    # Found where ``layer(...)`` finds it: on the class and its bases, never the instance.
    found = (vars(k)["__call__"] for k in type(layer).__mro__ if "__call__" in vars(k))
    method = next(found, None)
    if isinstance(method, types.FunctionType):  # a class written in Python
        return types.MethodType(method, layer)
    return layer  # a partial, a builtin, ...: calling it is as fast as it gets
