"""What the schema says about a JSON path: its description, the keys a mapping there
may hold, the values it accepts (enums, and the vocabularies the rules check against)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reviewlint import schema, vocab

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    detail: str = ""


def _resolve(node: Any, root: dict[str, Any]) -> Any:
    """Follow a local `$ref` (`#/$defs/name`); the schema has no other kind."""
    seen = 0
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and seen < 10:
        target: Any = root
        for step in node["$ref"].lstrip("#/").split("/"):
            target = target.get(step, {}) if isinstance(target, dict) else {}
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        seen += 1
    return node


def _branches(node: Any, root: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """`node` and, through allOf/anyOf/oneOf, every schema it combines."""
    node = _resolve(node, root)
    if not isinstance(node, dict):
        return
    yield node
    for combinator in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(combinator, []) or []:
            yield from _branches(branch, root)


def schemas_at(path: JsonPath, version: str | None = None) -> list[dict[str, Any]]:
    """Every (sub)schema that applies at `path`; empty when the schema knows no such path."""
    root = schema.load_schema(version or schema.current_version())
    current: list[dict[str, Any]] = list(_branches(root, root))
    for step in path:
        following: list[dict[str, Any]] = []
        for node in current:
            if isinstance(step, int):
                if "items" in node:
                    following.extend(_branches(node["items"], root))
            else:
                properties = node.get("properties", {})
                if isinstance(properties, dict) and step in properties:
                    following.extend(_branches(properties[step], root))
        current = following
        if not current:
            break
    return current


def description(path: JsonPath, version: str | None = None) -> str | None:
    for node in schemas_at(path, version):
        text = node.get("description")
        if isinstance(text, str):
            return text
    return None


def keys(path: JsonPath, version: str | None = None) -> dict[str, str]:
    """Key -> description of the properties a mapping at `path` may hold."""
    root = schema.load_schema(version or schema.current_version())
    found: dict[str, str] = {}
    for node in schemas_at(path, version):
        properties = node.get("properties", {})
        if not isinstance(properties, dict):
            continue
        for name, sub in properties.items():
            text = next((b.get("description") for b in _branches(sub, root) if b.get("description")), "")
            found.setdefault(name, str(text or ""))
    return found


def required(path: JsonPath, version: str | None = None) -> set[str]:
    return {name for node in schemas_at(path, version) for name in node.get("required", []) or []}


def _vocabulary(path: JsonPath) -> list[Value]:
    """Values a controlled vocabulary holds for `path` (the rules check them; the schema
    only constrains their form)."""
    names = tuple(step for step in path if isinstance(step, str))
    if names == ("film", "genres"):
        return [Value(slug, label) for slug, label in vocab.genres().items()]
    if names == ("film", "countries"):
        return [Value(code, name) for code, name in vocab.countries().items()]
    if names in (("language",), ("film", "original_language")):
        return [Value(code, name) for code, name in vocab.languages().items()]
    if names == ("schema_version",):
        return [Value(version, "published schema version") for version in reversed(schema.available_versions())]
    if names == ("review", "recommendation", "verdict"):
        return [Value(slug, str(entry.get("label", ""))) for slug, entry in vocab.verdicts().items()]
    if names == ("ending", "type"):
        return [Value(slug, text) for slug, text in vocab.ending_types().items()]
    if names in (("content_warnings",), ("content_warnings", "id")):
        return [Value(slug, entry["label"]) for slug, entry in vocab.content_warnings().items()]
    return []


def values(path: JsonPath, version: str | None = None) -> list[Value]:
    """The values accepted at `path`: the vocabulary's with their labels, else the
    schema's enums."""
    found = {value.text: value for value in _vocabulary(path)}
    for node in schemas_at(path, version):
        for option in node.get("enum", []) or []:
            if isinstance(option, str) and option not in found:
                found[option] = Value(option)
    return list(found.values())
