"""The text report's excerpt: invisible characters shown, the caret under the right cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.report.text import _cells, excerpt


def caret_lines(line: str, col: int, end_col: int) -> list[str]:
    diagnostic = Diagnostic("RL107", "x", "a.yaml", 1, col, Severity.ERROR, "", 1, end_col)
    return excerpt(diagnostic, [line], color=False)


def test_a_zero_width_space_is_shown_and_named() -> None:
    line = "title: Past\u200bLives"
    shown = caret_lines(line, 8, 18)
    assert shown[1] == " 1 | title: Past\ufffdLives"
    assert shown[2] == "   |        ^^^^^^^^^^ error"
    assert shown[3] == "   = note: \ufffd is U+200B ZERO WIDTH SPACE"


def test_caret_under_emoji_and_a_zwj_family_counts_terminal_cells() -> None:
    line = "title: 😀👨\u200d👩\u200d👧 x"
    # The finding is the `x` after the pictures: 2 cells for 😀 and 2 for the family.
    column = line.index("x") + 1
    shown = caret_lines(line, column, column + 1)
    assert shown[1] == f" 1 | {line}"
    assert shown[2] == "   |" + " " * (1 + 7 + 2 + 2 + 1) + "^ error"
    assert len(shown) == 3  # the joiners inside the emoji are not "invisible characters"


def test_caret_under_korean_and_combining_marks() -> None:
    line = "title: 한국 cafe\u0301 x"
    column = line.index("x") + 1
    assert caret_lines(line, column, column + 1)[2] == "   |" + " " * (1 + 7 + 4 + 1 + 4 + 1) + "^ error"


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_cells_never_negative(text: str) -> None:
    assert _cells(text) >= 0


def test_on_a_colour_terminal_the_code_links_to_the_rules_page() -> None:
    import io

    from reviewlint.engine import CheckResult, FileResult
    from reviewlint.report import ReportOptions, renderer

    finding = Diagnostic("RL103", "bad", "a.yaml", 1, 1, Severity.ERROR, "wrong-type")
    stream = io.StringIO()
    renderer("text")(CheckResult(files=[FileResult("a.yaml", [finding])]), stream,
                     ReportOptions(color=True, show_source=False))
    page = "https://github.com/reviewlint/reviewlint/blob/main/docs/rules/wrong-type.md"
    assert f"\x1b]8;;{page}\x1b\\" in stream.getvalue()
    plain = io.StringIO()
    renderer("text")(CheckResult(files=[FileResult("a.yaml", [finding])]), plain, ReportOptions(show_source=False))
    assert "\x1b" not in plain.getvalue()
