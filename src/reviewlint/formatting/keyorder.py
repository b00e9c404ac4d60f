"""Canonical key order, read from the schema's `properties` order at every level.

Keys the schema knows come first, in the schema's order; other keys (extensions,
typos) keep their relative order after them, so nothing moves further than needed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from reviewlint.formatting.model import Collection, Entry

# Subschemas are followed through $ref/allOf/oneOf/anyOf; this bounds a cyclic schema.
_MAX_EXPANSION = 50


def _expand(schema: Any, root: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    """`schema` and every subschema it combines with, $refs resolved (local ones only)."""
    if not isinstance(schema, dict) or depth > _MAX_EXPANSION:
        return []
    found = [schema]
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith("#/"):
        target: Any = root
        for part in reference[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        found.extend(_expand(target, root, depth + 1))
    for keyword in ("allOf", "oneOf", "anyOf"):
        for branch in schema.get(keyword, []) or []:
            found.extend(_expand(branch, root, depth + 1))
    return found


def _child_schemas(schemas: list[dict[str, Any]], step: str | int, root: dict[str, Any]) -> list[dict[str, Any]]:
    children: list[dict[str, Any]] = []
    for schema in schemas:
        if isinstance(step, int):
            items = schema.get("items")
            children.extend(_expand(items, root))
        else:
            properties = schema.get("properties")
            if isinstance(properties, dict) and step in properties:
                children.extend(_expand(properties[step], root))
    return children


@cache
def _order(version: str, path: tuple[str | int, ...]) -> dict[str, int]:
    from reviewlint.schema import load_schema

    root = load_schema(version)
    schemas = _expand(root, root)
    for step in path:
        schemas = _child_schemas(schemas, step, root)
        if not schemas:
            return {}
    order: dict[str, int] = {}
    for schema in schemas:
        properties = schema.get("properties")
        if isinstance(properties, dict):
            for name in properties:
                order.setdefault(name, len(order))
    return order


def schema_version_for(data: Any) -> str | None:
    """The schema version whose key order applies to `data`, or None without schemas."""
    from reviewlint.schema import available_versions, pick_version

    if not available_versions():
        return None
    declared = data.get("schema_version") if isinstance(data, dict) else None
    version, _problem, _severity = pick_version(declared)
    return version or available_versions()[-1]


def sort_keys(collection: Collection, version: str | None, path: tuple[str | int, ...] = ()) -> None:
    """Reorder every mapping below `collection` in place, entries carrying their comments."""
    stack: list[tuple[Collection, tuple[str | int, ...]]] = [(collection, path)]
    while stack:
        current, where = stack.pop()
        if current.kind == "map":
            order = _order(version, where) if version else {}
            if order:
                unknown = len(order)

                def rank(entry: Entry, order: dict[str, int] = order, unknown: int = unknown) -> int:
                    return order.get(entry.key or "", unknown)

                current.entries.sort(key=rank)  # stable: unknown keys keep their order
        for entry in current.entries:
            if isinstance(entry.value, Collection):
                # Item positions do not matter to the schema: any index selects `items`.
                step: str | int = entry.key if entry.key is not None else 0
                stack.append((entry.value, (*where, step)))
