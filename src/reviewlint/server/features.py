"""Hover and completion from the schema, the vocabularies and the rule docs."""

from __future__ import annotations

import re
from typing import Any

from lsprotocol import types

from reviewlint.server import schemainfo
from reviewlint.server.positions import LineIndex
from reviewlint.server.ruledocs import doc_markdown
from reviewlint.server.yamlpath import ITEM, place_at, siblings

_WORD_AT = re.compile(r"[\w.-]+")


def schema_version_of(data: Any) -> str | None:
    """The schema version the document declares, when it is one the package knows."""
    from reviewlint import schema

    declared = data.get("schema_version") if isinstance(data, dict) else None
    return declared if isinstance(declared, str) and declared in schema.available_versions() else None


def _shown(path: tuple[str | int, ...]) -> str:
    return ".".join("[]" if step == ITEM else str(step) for step in path).replace(".[]", "[]")


def hover_text(index: LineIndex, position: types.Position, diagnostics: list[types.Diagnostic],
               version: str | None) -> str | None:
    """Markdown: the rule doc of each finding under the cursor, then what the schema says
    about the key (or vocabulary value) there."""
    parts: list[str] = []
    point = (position.line, position.character)
    for diagnostic in diagnostics:
        start = (diagnostic.range.start.line, diagnostic.range.start.character)
        end = (diagnostic.range.end.line, diagnostic.range.end.character)
        if start <= point <= end and isinstance(diagnostic.code, str):
            doc = doc_markdown(diagnostic.code)
            parts.append(f"**{diagnostic.code}** {diagnostic.message}" + (f"\n\n{doc}" if doc else ""))
    row, column = index.from_client(position)
    place = place_at(index.lines, row, column)
    if place.on_key and place.key is not None:
        path = (*place.parents, place.key)
        text = schemainfo.description(path, version)
        if text:
            parts.append(f"**`{_shown(path)}`**: {text}")
    elif not place.on_key:
        line = index.line(row)
        word = next((m.group(0) for m in _WORD_AT.finditer(line) if m.start() <= column <= m.end()), None)
        if word:
            found = next((v for v in schemainfo.values(place.path, version) if v.text == word), None)
            if found is not None and found.detail:
                parts.append(f"**`{word}`**: {found.detail}")
    return "\n\n---\n\n".join(parts) or None


def _scalar(text: str) -> str:
    """`text` as a YAML scalar that loads back as that string (`NO`, `1.0` need quotes)."""
    import yaml

    try:
        same = yaml.safe_load(text) == text
    except yaml.YAMLError:
        same = False
    return text if same else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def completion_items(index: LineIndex, position: types.Position, version: str | None) -> list[types.CompletionItem]:
    """Keys the mapping at the cursor may still take, or the values its key accepts."""
    row, column = index.from_client(position)
    line = index.line(row)
    place = place_at(index.lines, row, column)
    start = index.to_client(row + 1, column - len(place.prefix) + 1)
    replace = types.Range(start=start, end=position)
    items: list[types.CompletionItem] = []
    if place.on_key or (place.in_item and place.key is None):
        parents = place.path if place.in_item else place.parents
        has_colon = ":" in line[column:]
        taken = siblings(index.lines, row, column - len(place.prefix))
        wanted = schemainfo.required(parents, version)
        for name, text in schemainfo.keys(parents, version).items():
            if name in taken:
                continue
            items.append(types.CompletionItem(
                label=name, kind=types.CompletionItemKind.Property,
                detail="required" if name in wanted else None,
                documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text) if text else None,
                text_edit=types.TextEdit(range=replace, new_text=name if has_colon else f"{name}: "),
                sort_text=("0" if name in wanted else "1") + name))
    if not place.on_key:
        for value in schemainfo.values(place.path, version):
            items.append(types.CompletionItem(
                label=value.text, kind=types.CompletionItemKind.EnumMember, detail=value.detail or None,
                text_edit=types.TextEdit(range=replace, new_text=_scalar(value.text))))
    return items
