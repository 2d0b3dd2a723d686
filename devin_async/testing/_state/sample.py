"""A small value that fits a JSON Schema: the fake's structured output for a given schema.

Covers what structured-output schemas use (objects, arrays, scalars, enums, ``const``,
``default``, ``examples``, ``anyOf``/``oneOf``/``allOf``, local ``$ref``); anything else
gets ``None``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["sample_of"]

_SCALARS: dict[str, Any] = {
    "string": "example",
    "integer": 1,
    "number": 1.0,
    "boolean": True,
    "null": None,
}


def sample_of(schema: Any) -> Any:
    """A value valid for ``schema`` (Draft 7, self-contained), every property filled."""
    return _sample(schema, schema, depth=0)


def _resolve(ref: str, root: Any) -> Any:
    node = root
    for part in ref.removeprefix("#/").split("/") if ref != "#" else ():
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _sample(schema: Any, root: Any, depth: int) -> Any:
    if not isinstance(schema, dict) or depth > 20:  # true/false schemas, or a $ref loop
        return None
    if "$ref" in schema:
        return _sample(_resolve(schema["$ref"], root), root, depth + 1)
    for key in ("const", "default"):
        if key in schema:
            return schema[key]
    if schema.get("enum"):
        return schema["enum"][0]
    if schema.get("examples"):
        return schema["examples"][0]
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            return _sample(schema[key][0], root, depth + 1)
    if schema.get("allOf"):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(part if isinstance(part, dict) else {})
        return _sample(merged, root, depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "array" if "items" in schema else None
    if kind == "object":
        props = schema.get("properties") or {}
        return {name: _sample(sub, root, depth + 1) for name, sub in props.items()}
    if kind == "array":
        return [_sample(schema.get("items"), root, depth + 1)] if schema.get("items") else []
    return _SCALARS.get(kind) if isinstance(kind, str) else None
