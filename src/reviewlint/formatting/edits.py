"""Fix edits, applied to the layout tree and, for verification, to plain data.

An Edit sets or deletes the value at a JSON path. Both functions follow the same
rules, so the data the formatter writes can be compared with the data the fixes
declare:

- setting a missing key adds it (missing parent mappings are created); setting item
  `len(list)` appends; any other missing step is an EditError;
- the edits of one fix are applied in their order.

On the tree, comments never disappear with a value: those inside a replaced value
move above its entry; those of a deleted entry move above the next entry, or to the
end of its collection, or above the collection's own key when it is left empty.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from reviewlint.diagnostics import Edit
from reviewlint.formatting.model import Collection, Entry, Root, Value, from_data

JsonPath = tuple[str | int, ...]


class EditError(ValueError):
    """An edit whose path does not fit the document."""


def _show(path: JsonPath) -> str:
    return "/".join(str(step) for step in path) or "(root)"


def _inner_comments(value: Value) -> list[str]:
    comments: list[str] = []
    stack: list[Value] = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, Collection):
            for entry in current.entries:
                comments.extend(entry.leading)
                comments.extend(entry.eol)
                stack.append(entry.value)
            comments.extend(current.trailing)
    return comments


# --- plain data ---------------------------------------------------------------------------------

def apply_to_data(data: Any, edits: Iterable[Edit]) -> Any:
    """A copy of `data` with `edits` applied."""
    result = copy.deepcopy(data)
    for edit in edits:
        result = _apply_one_to_data(result, edit)
    return result


def _apply_one_to_data(data: Any, edit: Edit) -> Any:
    path = tuple(edit.path)
    if not path:
        if edit.delete:
            raise EditError("cannot delete the whole document")
        return copy.deepcopy(edit.value)
    parent = data
    for number, step in enumerate(path[:-1]):
        if isinstance(parent, dict) and isinstance(step, str):
            if step not in parent and not edit.delete:
                parent[step] = {}
            if step not in parent:
                raise EditError(f"no value at {_show(path[:number + 1])}")
            parent = parent[step]
        elif isinstance(parent, list) and isinstance(step, int) and 0 <= step < len(parent):
            parent = parent[step]
        else:
            raise EditError(f"no value at {_show(path[:number + 1])}")
    last = path[-1]
    if isinstance(parent, dict) and isinstance(last, str):
        if edit.delete:
            if last not in parent:
                raise EditError(f"no value at {_show(path)} to delete")
            del parent[last]
        else:
            parent[last] = copy.deepcopy(edit.value)
    elif isinstance(parent, list) and isinstance(last, int):
        if edit.delete:
            if not 0 <= last < len(parent):
                raise EditError(f"no item at {_show(path)} to delete")
            del parent[last]
        elif 0 <= last < len(parent):
            parent[last] = copy.deepcopy(edit.value)
        elif last == len(parent):
            parent.append(copy.deepcopy(edit.value))
        else:
            raise EditError(f"no item at {_show(path)}")
    else:
        raise EditError(f"no value at {_show(path)}")
    return data


# --- the layout tree ----------------------------------------------------------------------------

def apply_to_tree(root: Root, edits: Iterable[Edit]) -> None:
    for edit in edits:
        _apply_one_to_tree(root, edit)


def _replace_value(entry: Entry, data: Any) -> None:
    old = entry.value
    entry.leading.extend(_inner_comments(old))
    entry.value = from_data(data)
    if isinstance(entry.value, Collection):
        entry.value.owner = entry


def _apply_one_to_tree(root: Root, edit: Edit) -> None:
    path = tuple(edit.path)
    if not path:
        if edit.delete:
            raise EditError("cannot delete the whole document")
        root.leading.extend(_inner_comments(root.value))
        root.value = from_data(edit.value)
        return
    parent = root.value
    for number, step in enumerate(path[:-1]):
        if not isinstance(parent, Collection):
            raise EditError(f"no value at {_show(path[:number + 1])}")
        child = _child(parent, step)
        if child is None:
            if parent.kind == "map" and isinstance(step, str) and not edit.delete:
                child = parent.add(Entry(step, Collection("map")))
            else:
                raise EditError(f"no value at {_show(path[:number + 1])}")
        parent = child.value
    last = path[-1]
    if not isinstance(parent, Collection) or (parent.kind == "map") != isinstance(last, str):
        raise EditError(f"no value at {_show(path)}")
    target = _child(parent, last)
    if edit.delete:
        if target is None:
            raise EditError(f"no value at {_show(path)} to delete")
        _delete(parent, target, root)
    elif target is not None:
        _replace_value(target, edit.value)
    elif parent.kind == "map" or last == len(parent.entries):
        parent.add(Entry(last if isinstance(last, str) else None, from_data(edit.value)))
    else:
        raise EditError(f"no item at {_show(path)}")


def _child(collection: Collection, step: str | int) -> Entry | None:
    if collection.kind == "map":
        return collection.find(step) if isinstance(step, str) else None
    if isinstance(step, int) and not isinstance(step, bool) and 0 <= step < len(collection.entries):
        return collection.entries[step]
    return None


def _delete(collection: Collection, entry: Entry, root: Root) -> None:
    comments = [*entry.leading, *entry.eol, *_inner_comments(entry.value)]
    index = collection.entries.index(entry)
    del collection.entries[index]
    if not comments:
        return
    if index < len(collection.entries):
        collection.entries[index].leading[:0] = comments
    elif collection.entries:
        collection.trailing[:0] = comments
    elif collection.owner is not None:
        collection.owner.leading.extend(comments)
    else:
        root.trailing.extend(comments)


__all__ = ["EditError", "apply_to_data", "apply_to_tree"]
