"""Positions inside scalars: every value character maps back to the source character it
came from, for plain, quoted, literal and folded scalars (rules/_text.py)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import valid_review_text
from reviewlint.document import load_text
from reviewlint.lines import line_col, line_starts
from reviewlint.rules._text import quick_layout, scalar_runs, value_offsets

BASE_REVIEW = valid_review_text()


def scalar_offsets(text: str) -> tuple[str, list[int] | None]:
    document = load_text(text)
    assert document.root is not None
    node = document.root.value[0][1]
    if node.kind == "seq":
        node = node.value[0]
    return node.text, value_offsets(text, line_starts(text), node)


def positions(text: str, value: str, offsets: list[int], char: str) -> list[tuple[int, int]]:
    starts = line_starts(text)
    return [line_col(starts, offsets[i]) for i, c in enumerate(value) if c == char]


@pytest.mark.parametrize(("source", "char", "expected"), [
    # plain, over several lines: continuation indentation is skipped
    ("key: one two\n  three x four\n", "x", [(2, 9)]),
    # single-quoted: '' is one quote in the value, and points at the first of the two
    ("key: 'it''s x'\n", "x", [(1, 13)]),
    ("key: 'it''s x'\n", "'", [(1, 9)]),
    # double-quoted: escapes map to their backslash; an escaped line break adds nothing
    ('key: "a\\u00a0b x"\n', "\u00a0", [(1, 8)]),
    ('key: "a\\\n   b x"\n', "x", [(2, 6)]),
    # literal block: indentation stripped, trailing spaces kept
    ("key: |\n  one  \n  two x\n", "x", [(3, 7)]),
    ("key: |\n  one  \n  two\n", " ", [(2, 6), (2, 7)]),
    # folded block: the line break folded into a space maps to the break
    ("key: >\n  one\n  two x\n", "x", [(3, 7)]),
    ("key: >\n  one\n  two x\n", " ", [(2, 6), (3, 6)]),
    # more-indented lines in a folded block keep their extra spaces
    ("key: >\n  a\n    b\n", "b", [(3, 5)]),
    # explicit indentation indicator
    ("key: |2\n    lead x\n", "x", [(2, 10)]),
    # CRLF line ends count as one break
    ("key: |\r\n  one\r\n  x\r\n", "x", [(3, 3)]),
    # a block scalar in a list item, a comment on its header line
    ("key:\n  - |  # note\n    a # not a comment x\n", "x", [(3, 23)]),
    # wide characters count as one column each, as libyaml counts them
    ("key: 기생충 x\n", "x", [(1, 10)]),
])
def test_value_characters_map_to_their_source(source: str, char: str, expected: list[tuple[int, int]]) -> None:
    value, offsets = scalar_offsets(source)
    assert offsets is not None
    assert positions(source, value, offsets, char) == expected


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",),
                                       exclude_characters="\x85\u2028\u2029\ufeff"), max_size=60)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_TEXT, style=st.sampled_from([None, "'", '"', "|", ">"]), width=st.integers(8, 40),
       nested=st.booleans())
def test_every_style_maps_every_character(value: str, style: str | None, width: int, nested: bool) -> None:
    data = {"key": [value]} if nested else {"key": value}
    try:
        source = yaml.dump(data, default_style=style, width=width, allow_unicode=True)
    except yaml.YAMLError:
        return
    document = load_text(source)
    if document.root is None or document.diagnostics:
        return
    node = document.root.value[0][1]
    if node.kind == "seq":
        node = node.value[0]
    if node.kind != "scalar" or not isinstance(node.value, str):
        return
    offsets = value_offsets(source, line_starts(source), node)
    assert offsets is not None, (source, node.text)
    assert len(offsets) == len(node.text)
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)
    starts = line_starts(source)
    for index, offset in enumerate(offsets):
        layout = quick_layout(source, starts, node)
        quick = None if layout is None else layout(index)
        if quick is not None:
            assert (quick[0] + 1, quick[1] + 1) == line_col(starts, offset), (source, index)
    for char, offset in zip(node.text, offsets, strict=True):
        found = source[offset]
        if char in " \n\t":
            continue  # white space may come from folding or an escape
        assert found == char or found == "\\" or (char == "'" and found == "'"), (source, char, offset)


def test_runs_map_a_folded_text_in_few_runs_and_look_up_like_the_offsets() -> None:
    # Each line of a folded text is one run (plus one per folded break): the map is O(lines).
    source = "key: >-\n" + "".join(f"  line {n} of the text\n" for n in range(200))
    document = load_text(source)
    assert document.root is not None
    node = document.root.value[0][1]
    starts = line_starts(source)
    runs = scalar_runs(source, starts, node)
    assert runs is not None
    assert len(runs.value_starts) <= 2 * 200
    offsets = value_offsets(source, starts, node)
    assert offsets == [runs.offset(index) for index in range(len(node.text))]


def test_a_scalar_with_many_findings_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewlint.rules import _context
    from reviewlint.rules._context import Context, Field

    calls: list[int] = []
    real = _context._text.scalar_runs

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_context._text, "scalar_runs", counting)
    source = 'key: "' + "word \\n" * 500 + 'end"\n'
    document = load_text(source)
    assert document.root is not None
    node = document.root.value[0][1]
    context = Context(document)
    field = Field(("key",), node, node.text)
    points = [context.span(field.node, index, index + 4) for index in range(0, len(node.text) - 4, 6)]
    assert len(calls) == 1
    assert points[0] == (1, 7, 1, 11)
    assert points[-1][0] == 1 and points[-1][1] > points[0][1]


@pytest.mark.parametrize(("repeats", "more"), [(100, None), (101, "1 more doubled-word finding in this value is"),
                                              (350, "250 more doubled-word findings in this value are")])
def test_one_rule_lists_at_most_a_hundred_findings_in_one_value(repeats: int, more: str | None) -> None:
    from reviewlint.lint import check_text

    body = "    - >-\n" + "".join(f"      the the film {n}\n" for n in range(repeats))
    text = BASE_REVIEW.replace("  body:\n", "  body:\n" + body, 1)
    found = [d for d in check_text(text) if d.code == "RL604"]
    assert len(found) == min(repeats, 100) + (1 if more else 0)
    if more:
        summary = found[-1] if found[-1].message.startswith(more) else next(d for d in found if "more" in d.message)
        assert summary.message == f"{more} not listed one by one (the first 100 are)"
        assert summary.fix is None
