"""Messy reviews come back canonical, with every comment next to the same key.

`messy()` writes data the way a hurried author might: keys shuffled at every level,
4-space (or odd) indentation, flow and block collections mixed, indentless lists,
every scalar style, trailing spaces, blank lines, CRLF, a BOM, `---`, and comments
everywhere. Each comment names where it was put (`# L7` above an entry, `# E7` at the
end of its line, `# T7` closing a collection, `# H7` in the file header); the tests
look the comment up in the output and check that it sits at the same place.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint.document import load_text
from reviewlint.formatting import emit_canonical, format_text
from reviewlint.formatting.build import build
from reviewlint.formatting.comments import scan
from reviewlint.formatting.model import Collection, Root
from reviewlint.formatting.scalars import is_plain_safe, literal_safe
from reviewlint.formatting.tokens import read_tokens
from reviewlint.formatting.verify import same_data

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
Path_ = tuple[str | int, ...]
_COMMENT_SUFFIX = re.compile(r"(  # [LETH]\d+)+$")


class Messy:
    """Writes one messy document and remembers where each comment was put."""

    def __init__(self, rng: random.Random, *, comment_rate: float = 0.5) -> None:
        self.rng = rng
        self.rate = comment_rate
        self.step = rng.choice([4, 4, 3, 2])
        self.lines: list[str] = []
        self.placed: dict[str, tuple[str, Path_]] = {}

    def comment(self, kind: str, path: Path_) -> str:
        name = f"# {kind}{len(self.placed)}"
        self.placed[name] = ({"L": "leading", "E": "eol", "T": "trailing", "H": "header"}[kind], path)
        return name

    def maybe(self) -> bool:
        return self.rng.random() < self.rate

    def spaces(self) -> str:
        return " " * self.rng.choice([0, 0, 1, 3])  # trailing whitespace, to be removed

    def scalar(self, value: Any) -> str | None:
        """A one-line form of a scalar, or None when it needs a block scalar."""
        if isinstance(value, str):
            if "\n" in value:
                return None if literal_safe(value) and self.rng.random() < 0.7 else json.dumps(value)
            choices = ["double"]
            if is_plain_safe(value):
                choices += ["plain", "plain"]
            if re.fullmatch(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*", value) and value.strip(" ") == value \
                    and value:
                choices.append("single")
            style = self.rng.choice(choices)
            if style == "plain":
                return value
            if style == "single":
                return "'" + value.replace("'", "''") + "'"
            return json.dumps(value, ensure_ascii=True)
        if value is None:
            return self.rng.choice(["null", "~", "Null"])
        if isinstance(value, bool):
            return self.rng.choice(["true", "True"]) if value else self.rng.choice(["false", "FALSE"])
        if isinstance(value, float):
            return repr(value) if value == value and value not in (float("inf"), float("-inf")) else (
                ".nan" if value != value else (".inf" if value > 0 else "-.inf"))
        return str(value)

    def flow_ok(self, value: Any) -> bool:
        items = value.values() if isinstance(value, dict) else value
        return all(not isinstance(item, (dict, list)) and (not isinstance(item, str) or "\n" not in item)
                   for item in items) and (not isinstance(value, dict) or all(is_plain_safe(k) for k in value))

    def write_value(self, head: str, value: Any, indent: int, path: Path_, eol: str) -> None:
        """`head` is the text before the value on its line (`key:` or `-`)."""
        if isinstance(value, (dict, list)) and value and not (self.flow_ok(value) and self.rng.random() < 0.4):
            self.lines.append(head + eol + self.spaces())
            if isinstance(value, dict):
                self.mapping(value, indent + self.step, path)
            else:
                offset = self.rng.choice([0, 2, self.step]) if head.rstrip().endswith(":") else self.step
                # A comment closing an indentless list would sit at its mapping's column too:
                # there it is read as the mapping's, so none is put there.
                self.sequence(value, indent + offset, path, closing=offset > 0)
            return
        if isinstance(value, (dict, list)):
            self.flow(head, value, indent, path, eol)
            return
        one_line = self.scalar(value)
        if one_line is None:
            header = "|" if value.endswith("\n") and not value.endswith("\n\n") else (
                "|-" if not value.endswith("\n") else "|+")
            self.lines.append(f"{head} {header}{eol}")
            body = value[:-1] if value.endswith("\n") else value
            for line in body.split("\n"):
                self.lines.append(" " * (indent + self.step) + line if line else "")
            return
        self.lines.append(f"{head} {one_line}{eol}{self.spaces()}")

    def flow_item(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=True) if isinstance(value, str) else str(self.scalar(value))

    def flow(self, head: str, value: Any, indent: int, path: Path_, eol: str) -> None:
        if not value:
            self.lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}{eol}")
            return
        if isinstance(value, dict):
            inner = ", ".join(f"{key}: {self.flow_item(item)}" for key, item in value.items())
            self.lines.append(f"{head} {{ {inner} }}{eol}")
            return
        if self.rng.random() < 0.5:  # one item a line, each with its own comment
            self.lines.append(f"{head} [" + eol)
            for number, item in enumerate(value):
                note = "  " + self.comment("E", (*path, number)) if self.maybe() else ""
                self.lines.append(" " * (indent + self.step) + self.flow_item(item) + "," + note)
            self.lines.append(" " * (indent + self.step) + "]")
            return
        self.lines.append(f"{head} [{', '.join(self.flow_item(i) for i in value)}]{eol}")

    def leading(self, indent: int, path: Path_) -> None:
        if self.rng.random() < 0.15 and self.lines and self.lines[-1]:  # (after `|+`, one more is content)
            self.lines.append("")  # blank lines go; a blank line right above a key would
        if self.maybe():             # make the comments before the first key a file header
            self.lines.append(" " * self.rng.randint(0, indent) + self.comment("L", path))

    def trailing(self, indent: int, path: Path_) -> None:
        if self.maybe():
            self.lines.append(" " * indent + self.comment("T", path))

    def mapping(self, data: dict[str, Any], indent: int, path: Path_) -> list[str]:
        """Writes the mapping with its keys shuffled; returns them in written order."""
        keys = list(data)
        self.rng.shuffle(keys)
        for key in keys:
            self.leading(indent, (*path, key))
            eol = "   " + self.comment("E", (*path, key)) if self.maybe() else ""
            written = key if is_plain_safe(key) else json.dumps(key, ensure_ascii=True)
            self.write_value(" " * indent + written + ":", data[key], indent, (*path, key), eol)
        self.trailing(indent, path)
        return keys

    def sequence(self, data: list[Any], indent: int, path: Path_, *, closing: bool) -> None:
        for number, item in enumerate(data):
            self.leading(indent, (*path, number))
            eol = "  " + self.comment("E", (*path, number)) if self.maybe() else ""
            if isinstance(item, dict) and item:
                start = len(self.lines)
                keys = self.mapping(item, indent + self.step, (*path, number))
                first = next(n for n in range(start, len(self.lines))
                             if self.lines[n].strip() and not self.lines[n].lstrip().startswith("#"))
                if any(self.lines[n].lstrip().startswith("#") for n in range(start, first)):
                    # Comments above the first key: the dash gets a line of its own.
                    self.lines.insert(start, " " * indent + "-" + eol)
                else:
                    # First key on the dash line, as people write it; a comment at the end
                    # of that line is about that key.
                    line = self.lines[first]
                    self.lines[first] = " " * indent + "-" + line[indent + 1:]
                    if eol:
                        self.placed[eol.strip()] = ("eol", (*path, number, keys[0]))
                        self.lines[first] = self.lines[first].rstrip() + eol
                continue
            self.write_value(" " * indent + "-", item, indent, (*path, number), eol)
        if closing:
            self.trailing(indent, path)

    def document(self, data: dict[str, Any]) -> str:
        if self.rng.random() < 0.3:
            self.lines.append(self.comment("H", ()))
            self.lines.append("")
        if self.rng.random() < 0.3:
            self.lines.append("---")
        self.mapping(data, 0, ())
        text = "\n".join(self.lines) + "\n"
        if self.rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        if self.rng.random() < 0.1:
            text = "\ufeff" + text
        return text


def attachments(text: str) -> dict[str, tuple[str, Path_]]:
    """Where each comment of `text` sits in its layout tree."""
    document = load_text(text)
    body = text[1:] if text.startswith("\ufeff") else text
    root: Root = build(document, body, scan(body, read_tokens(body))).root
    found: dict[str, tuple[str, Path_]] = dict.fromkeys(root.leading, ("header", ()))
    stack: list[tuple[Any, Path_]] = [(root.value, ())]
    while stack:
        value, path = stack.pop()
        if not isinstance(value, Collection):
            continue
        found.update(dict.fromkeys(value.trailing, ("trailing", path)))
        for number, entry in enumerate(value.entries):
            where = (*path, entry.key if entry.key is not None else number)
            for joined in entry.eol:
                found.update(dict.fromkeys(re.findall(r"# [LETH]\d+", joined), ("eol", where)))
            found.update(dict.fromkeys(entry.leading, ("leading", where)))
            stack.append((entry.value, where))
    return found


def _value_at(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _first(value: Any) -> str | int:
    return next(iter(value)) if isinstance(value, dict) else 0


def _line_start(path: Path_, data: Any) -> Path_:
    """The item whose dash begins the line on which the entry at `path` is written."""
    while len(path) >= 2 and isinstance(path[-2], int) and path[-1] == _first(_value_at(data, path[:-1])):
        path = path[:-1]
    return path


def expected_place(kind: str, path: Path_, data: Any) -> tuple[str, Path_]:
    """Where a comment must end up. An item shares its first line with its first entry
    (`- name: x`, `- - a`): comments above that line belong to the item, comments at its
    end to the first key written on it, else to the item."""
    if kind == "leading":
        return kind, _line_start(path, data)
    if kind == "eol":
        top = _line_start(path, data)
        chain = [top]
        while chain[-1] and isinstance(chain[-1][-1], int):
            value = _value_at(data, chain[-1])
            if not isinstance(value, (dict, list)) or not value:
                break
            chain.append((*chain[-1], _first(value)))
        return kind, next((p for p in chain if p and isinstance(p[-1], str)), top)
    return kind, path


def canonical_order(data: Any) -> Any:
    """`data` with keys in the order the formatter writes them."""
    return load_text(emit_canonical(data)).data


def assert_canonical_with_comments(messy_text: str, placed: dict[str, tuple[str, Path_]], data: Any) -> str:
    result = format_text(messy_text)
    assert format_text(result) == result, "format(format(x)) == format(x)"
    assert same_data(load_text(result).data, data)
    # Keys the schema does not know keep the order they had in the messy text.
    data = load_text(messy_text).data
    ordered = canonical_order(data)
    found = attachments(result)
    for name, (kind, path) in placed.items():
        assert name in found, f"{name} was lost"
        assert found[name] == expected_place(kind, path, ordered), name
    stripped = [_COMMENT_SUFFIX.sub("", line) for line in result.splitlines()
                if not re.fullmatch(r" *# [LETH]\d+", line)]
    if stripped and stripped[0] == "":
        stripped = stripped[1:]  # the blank line that sets a header comment off
    assert "\n".join(stripped) + "\n" == emit_canonical(data)
    assert all(line == line.rstrip() for line in result.splitlines())
    assert "\r" not in result and result.endswith("\n")  # more than one only after a `|+` block
    return result


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_messy_examples_come_back_canonical_with_their_comments(example: Path, seed: int) -> None:
    data = load_text(example.read_text(encoding="utf-8")).data
    writer = Messy(random.Random(f"{example.stem}-{seed}"), comment_rate=0.6)
    messy_text = writer.document(data)
    assert same_data(load_text(messy_text).data, data), "the messy copy must mean the same"
    assert messy_text != emit_canonical(data)
    result = assert_canonical_with_comments(messy_text, writer.placed, data)
    assert result.count("#") >= len(writer.placed)
    assert not result.endswith("\n\n")


_TEXT = st.one_of(
    st.sampled_from(["no", "NO", "on", "yes", "y", "1.0", "15", "2019-05-30", "1:32", "~", "null", "", " lead",
                     "trail ", "a: b", "a #b", "#x", "- x", "[x]", "{x}", "it's", 'say "hi"', "back\\slash",
                     "tab\tin", "nbsp\u00a0here", "기생충", "line\nbreak", "two\n\nparagraphs\n", "end\n\n",
                     "x" * 100, " ".join(["word"] * 30), "café au lait " * 10, "\u2028", "---", "..."]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FF), max_size=30),
)
_SCALAR = st.one_of(_TEXT, st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False),
                    st.booleans(), st.none())
_KEY = st.one_of(st.sampled_from(["schema_version", "film", "title", "year", "review", "body", "author", "name",
                                  "content_warnings", "id", "x-extra", "no", "1", "a b"]),
                 st.text(alphabet="abcdefghij_-", min_size=1, max_size=8))
_DATA = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(_KEY, inner, max_size=4)), max_leaves=14)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_KEY, _DATA, min_size=1, max_size=6), st.integers(0, 2**32))
def test_generated_messy_documents(data: dict[str, Any], seed: int) -> None:
    writer = Messy(random.Random(seed))
    messy_text = writer.document(data)
    loaded = load_text(messy_text)
    assert same_data(loaded.data, data), messy_text
    assert_canonical_with_comments(messy_text, writer.placed, data)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEY, _DATA, min_size=1, max_size=6))
def test_generated_data_round_trips_through_emit_canonical(data: dict[str, Any]) -> None:
    text = emit_canonical(data)
    assert same_data(load_text(text).data, data)
    assert format_text(text) == text
