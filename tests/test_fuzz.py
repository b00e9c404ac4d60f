"""Fuzzing: YAML-like text, mutated reviews and legacy posts never break reviewlint.

Three properties, each a plain function over one generated input so that
benchmarks/fuzz.py can run the same ones for much longer:

- yaml_like: text built from YAML's pieces (keys, indentation, flow collections,
  quotes, anchors, tags, comments, odd whitespace) -> check_text never raises, never
  reports an internal error (RL999), and every position is inside the text.
- mutated_review: an example review damaged at the text or the data level -> the
  same through check_bytes; and when it still loads, `format` either refuses with
  FormatRefused or gives text that formats to itself and loads to the same data.
- legacy_post: lines of a legacy blog post (labels, ratings, headings, nbsp, words)
  -> migrate_text never raises and accounts for every non-blank line.
- token_mutated: an example review mutated at the YAML token level (tests/yaml_mutations.py)
  -> check, `check --fix`, format, export and migrate give no traceback, no RL999, no
  position outside the file, no meaning change, no emitter refusal, and format is
  idempotent. CI runs a fixed range of seeds; benchmarks/fuzz.py runs thousands.

The example counts are small for CI; REVIEWLINT_FUZZ_EXAMPLES=N raises them all to N.
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reviewlint.diagnostics import Diagnostic
from reviewlint.document import load_bytes, load_text
from reviewlint.engine import INTERNAL_ERROR, check_bytes, check_text
from reviewlint.formatting import FormatRefused, format_text
from reviewlint.formatting.verify import same_data
from reviewlint.migrate import migrate_text
from test_migrate_property import _assert_accounted  # the accounting invariant, asserted one way
from yaml_mutations import mutated, run_pipeline

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
# YAML 1.2 line breaks, plus the ones YAML 1.1 (libyaml) also knows.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def examples(default: int) -> int:
    return int(os.environ.get("REVIEWLINT_FUZZ_EXAMPLES") or default)


def fuzz_settings(default: int) -> settings:
    return settings(max_examples=examples(default), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


# --- invariants ------------------------------------------------------------------------------

def assert_sane(diagnostics: list[Diagnostic], text: str) -> None:
    """No internal error, and every diagnostic points inside the text (or just past it)."""
    last_line = len(_BREAK.findall(text)) + 1
    for diagnostic in diagnostics:
        assert diagnostic.code != INTERNAL_ERROR, diagnostic.message
        assert 1 <= diagnostic.line <= last_line + 1, (diagnostic, last_line)
        assert diagnostic.col >= 1, diagnostic
        if diagnostic.end_line is not None:
            assert diagnostic.line <= diagnostic.end_line <= last_line + 1, diagnostic


def assert_formats_stably(text: str) -> None:
    """`format` refuses, or its output is a fixed point with the same data."""
    try:
        once = format_text(text)
    except FormatRefused:
        return
    assert format_text(once) == once
    assert same_data(load_text(once).data, load_text(text).data)


# --- (a) YAML-like text ----------------------------------------------------------------------

ODD = ["\u00a0", "\t", "\r", "\ufeff", "\u2028", "\x85", "\u200b", "é", "기생충", "😀", "\\", "\x7f", "\x01"]
KEYS = ["schema_version", "film", "title", "year", "rating", "value", "max", "review", "body", "spoilers",
        "content_warnings", "author", "name", "tags", "<<", "? ", "x-note", "", "true", "null", "1.0", "-"]
SCALARS = ["1.0", '"1.0"', "'it''s'", '"a\\u00e9\\n"', "2019", "0x1F", "1e3", ".nan", "-.inf", "~", "null", "yes",
           "no", "true", "2024-03-09", "12:30", "|", ">-", "|+2", "'unclosed", '"unclosed', "[a, b", "{a: 1",
           "[a, {b: c}, [d]]", "{a: [1, 2], b: {c: d}}", "[]", "{}", "&anchor x", "*anchor", "&a [1, *a]",
           "!!str 5", "!!python/object/apply:os.system [x]", "!local v", "!<tag:x> y", "@reserved", "`tick",
           "%percent", "a # comment", "a#no-comment", "- item", ":", "::", "- - x", "? complex", "=", "<<: *a"]
piece = st.one_of(st.sampled_from(KEYS), st.sampled_from(SCALARS), st.sampled_from(ODD),
                  st.text(st.characters(codec="utf-8"), max_size=6))


@st.composite
def yaml_line(draw: st.DrawFn) -> str:
    indent = draw(st.sampled_from(["", "", "  ", "    ", " ", "\t", "   ", "- ", "  - "]))
    shape = draw(st.integers(0, 5))
    if shape == 0:
        return indent + draw(st.sampled_from(KEYS)) + draw(st.sampled_from([": ", ":", " : ", ":\t"])) \
            + draw(st.sampled_from(SCALARS))
    if shape == 1:
        return indent + draw(st.sampled_from(KEYS)) + ":" + draw(st.sampled_from(["", " # note", " &a", " !!map"]))
    if shape == 2:
        return indent + draw(st.sampled_from(SCALARS))
    if shape == 3:
        return draw(st.sampled_from(["---", "...", "--- |", "%YAML 1.2", "%TAG ! tag:x,2024:", "# comment", ""]))
    return indent + "".join(draw(st.lists(piece, max_size=6)))


yaml_like_text = st.builds(lambda lines, newline: newline.join(lines),
                           st.lists(yaml_line(), max_size=25), st.sampled_from(["\n", "\n", "\r\n", "\r"]))


def yaml_like(text: str) -> None:
    assert_sane(check_text(text), text)


# --- (b) mutated reviews ---------------------------------------------------------------------

BASES = [path.read_bytes() for path in EXAMPLES]
TEXT_MUTATIONS = ["delete-lines", "duplicate-line", "truncate", "insert-bytes", "swap-lines", "indent-line",
                  "replace-bytes"]


def _at(fraction: float, size: int) -> int:
    return min(size, int(fraction * (size + 1)))


def mutate_text(data: bytes, kind: str, where: float, span: float, payload: bytes) -> bytes:
    lines = data.split(b"\n")
    first = _at(where, len(lines) - 1)
    if kind == "delete-lines":
        return b"\n".join(lines[:first] + lines[first + 1 + _at(span, 5):])
    if kind == "duplicate-line":
        return b"\n".join(lines[:first + 1] + lines[first:])
    if kind == "truncate":
        return data[:_at(where, len(data))]
    if kind == "insert-bytes":
        cut = _at(where, len(data))
        return data[:cut] + payload + data[cut:]
    if kind == "replace-bytes":
        cut = _at(where, len(data))
        return data[:cut] + payload + data[cut + len(payload):]
    if kind == "swap-lines":
        other = _at(span, len(lines) - 1)
        lines[first], lines[other] = lines[other], lines[first]
        return b"\n".join(lines)
    lines[first] = b" " * _at(span, 6) + lines[first].lstrip(b" ")
    return b"\n".join(lines)


NEW_VALUES: list[Any] = [None, True, 0, -1, 2**70, 7.5, float("nan"), "", "x", "\u00a0", [], {}, [1, "a"],
                         {"k": "v"}, "2024-13-45", "1.0"]


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*here, index))
    return found


def mutate_data(data: Any, kind: str, where: float, choice: int) -> Any:
    paths = [p for p in _paths(data) if p]
    if not paths:
        return data
    path = paths[_at(where, len(paths) - 1)]
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if kind == "delete":
        del parent[last]
    elif kind == "duplicate":
        if isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[f"{last}_copy"] = copy.deepcopy(parent[last])
    elif kind == "retype":
        parent[last] = copy.deepcopy(NEW_VALUES[choice % len(NEW_VALUES)])  # never shared between examples
    else:  # truncate a string or a list
        value = parent[last]
        if isinstance(value, (str, list)):
            parent[last] = value[:choice % (len(value) + 1)]
    return data


def dump(data: Any, style: int) -> bytes:
    if style == 0:
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=style == 2, default_flow_style=style == 3,
                          width=4096).encode("utf-8")


text_mutation = st.tuples(st.sampled_from(TEXT_MUTATIONS), st.floats(0, 1), st.floats(0, 1), st.binary(max_size=8))
data_mutation = st.tuples(st.sampled_from(["delete", "duplicate", "retype", "truncate"]), st.floats(0, 1),
                          st.integers(0, 1000))


@st.composite
def mutated_review_bytes(draw: st.DrawFn) -> bytes:
    base = draw(st.sampled_from(BASES))
    if draw(st.booleans()):
        data = load_bytes(base).data
        for kind, where, choice in draw(st.lists(data_mutation, min_size=1, max_size=4)):
            data = mutate_data(data, kind, where, choice)
        base = dump(data, draw(st.integers(0, 3)))
    for kind, where, span, payload in draw(st.lists(text_mutation, max_size=3)):
        base = mutate_text(base, kind, where, span, payload)
    return base


def mutated_review(data: bytes) -> None:
    document = load_bytes(data)
    # A file that does not decode has no text: bound positions by the raw bytes' lines then.
    assert_sane(check_bytes(data), document.text or data.decode("latin-1"))
    if document.loaded:
        assert_formats_stably(document.text)


# --- (c) legacy posts ------------------------------------------------------------------------

LABELS = ["Director:", "Directed by", "My Rate:", "Rating:", "Warning:", "Warnings:", "Genre:", "Country:", "Cast:",
          "Synopsis:", "Review:", "Verdict:", "Ending:", "Runtime:", "Year:", "IMDB:", "Writer:", "Language:",
          "Memorable Dialogue:", "Recommendation:", "Trivia:"]
VALUES = ["7/10", "9.5/10", "4 stars", "★★★½", "eleven", "Bong Joon-ho", "South Korea, Narnia", "1h 32m", "1999",
          "violence, gore and a dog", "Happy Ending", "Worth to Watch", "Skip it.", "", "M18", "-1/10", "10/0"]
WORDS = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=30)


@st.composite
def legacy_line(draw: st.DrawFn) -> str:
    shape = draw(st.integers(0, 5))
    space = draw(st.sampled_from([" ", " ", "\u00a0", "\t", "", "  "]))
    if shape <= 1:
        label = draw(st.sampled_from(LABELS))
        label = label.upper() if draw(st.booleans()) and shape else label
        return label + space + draw(st.one_of(st.sampled_from(VALUES), WORDS))
    if shape == 2:
        return draw(st.sampled_from(["# ", "## ", "", "**", "<h2>", "=== "])) + draw(st.one_of(
            st.sampled_from(["Review", "Synopsis", "The Verdict", "Spoilers ahead", "Parasite (2019)"]), WORDS))
    if shape == 3:
        return draw(st.sampled_from(["", " ", "\u00a0", "\t", "\u00a0\u00a0"]))
    return draw(WORDS)


legacy_text = st.builds("\n".join, st.lists(legacy_line(), max_size=30))


def legacy_post(text: str) -> None:
    for name in ("post.txt", "post.md"):
        for result in migrate_text(text, filename=name):
            _assert_accounted(result)


# --- (d) YAML-token-level mutations ------------------------------------------------------------

# Seeds for CI: fixed, so a failure names the seed that reproduces it (`mutated(seed)`).
TOKEN_SEEDS = int(os.environ.get("REVIEWLINT_FUZZ_SEEDS") or 120)


def token_mutated(seed: int) -> None:
    names, data = mutated(seed)
    outcome = run_pipeline(data, time_limit=float("inf"))  # time is measured by benchmarks/fuzz.py, not here
    assert outcome.problems == {}, (seed, names, outcome.problems)


# --- the tests -------------------------------------------------------------------------------

PROPERTIES: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], None]]] = {
    "yaml_like": (yaml_like_text, yaml_like),
    "mutated_review": (mutated_review_bytes(), mutated_review),
    "legacy_post": (legacy_text, legacy_post),
    "token_mutated": (st.integers(0, 2**32), token_mutated),
}


@pytest.mark.slow
def test_token_mutated_reviews_go_through_every_command_safely() -> None:
    from yaml_mutations import TOKEN_MUTATIONS

    problems = {}
    applied: set[str] = set()
    formatted = 0
    for seed in range(TOKEN_SEEDS):
        names, data = mutated(seed)
        applied.update(names)
        outcome = run_pipeline(data, time_limit=float("inf"))
        formatted += outcome.formatted
        if outcome.problems:
            problems[seed] = (names, outcome.problems)
    assert problems == {}, f"{len(problems)} of {TOKEN_SEEDS} seeds: {list(problems.items())[:3]}"
    # Not vacuous: every token-level mutation is tried, and many inputs still load and format.
    assert set(TOKEN_MUTATIONS) <= applied
    assert formatted >= TOKEN_SEEDS // 5


@fuzz_settings(1000)
@given(yaml_like_text)
def test_yaml_like_text_is_checked_without_internal_errors(text: str) -> None:
    yaml_like(text)


@fuzz_settings(300)
@given(mutated_review_bytes())
def test_mutated_reviews_are_checked_and_formatted_safely(data: bytes) -> None:
    mutated_review(data)


@fuzz_settings(300)
@given(legacy_text)
@example("Director: 7/10\n# Review\n# \u200b")  # a heading of a zero-width space was lost (found by fuzz.py)
def test_legacy_posts_account_for_every_line(text: str) -> None:
    legacy_post(text)


def test_the_invariants_catch_a_position_outside_the_text() -> None:
    assert_sane([Diagnostic("RL001", "x", "<string>", 3, 1)], "a: 1\n")  # just past the end is allowed
    for line, col in ((4, 1), (0, 1), (1, 0)):
        with pytest.raises(AssertionError):
            assert_sane([Diagnostic("RL001", "x", "<string>", line, col)], "a: 1\n")
    with pytest.raises(AssertionError, match="RL999"):
        assert_sane([Diagnostic(INTERNAL_ERROR, "RL999 boom", "<string>", 1, 1)], "a: 1\n")
