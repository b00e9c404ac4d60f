"""Every reported position lies inside the file: a line that exists (an editor, GitHub or a
SARIF viewer has no line after the last), a column at most one past that line's end, in
every output format."""

from __future__ import annotations

import io
import re

from hypothesis import example, given

from reviewlint.document import editor_lines, load_text
from reviewlint.lint import check_document
from reviewlint.report import ReportOptions, available, renderer
from reviewlint.results import CheckResult
from test_fuzz import fuzz_settings, yaml_like_text

# Line numbers as each output format writes them.
_LINE_FIELDS = re.compile(r'"(?:line|startLine|endLine|begin)"\s*:\s*(\d+)|\bline="?(\d+)|\bLine=(\d+)'
                          r'|^[^\s:]+:(\d+):\d+|\.yaml:(\d+):\d+', re.MULTILINE)


def assert_inside(text: str) -> None:
    document = load_text(text, "a.yaml")
    result = check_document(document, None)
    result.document = document
    lines = editor_lines(text) or [""]
    for diagnostic in result.diagnostics:
        assert 1 <= diagnostic.line <= len(lines), (diagnostic, len(lines))
        assert 1 <= diagnostic.col <= len(lines[diagnostic.line - 1]) + 1, diagnostic
        if diagnostic.end_line is not None and diagnostic.end_col is not None:
            assert (diagnostic.line, diagnostic.col) <= (diagnostic.end_line, diagnostic.end_col), diagnostic
            assert diagnostic.end_line <= len(lines), diagnostic
            assert diagnostic.end_col <= len(lines[diagnostic.end_line - 1]) + 1, diagnostic
    for name in available():
        out = io.StringIO()
        renderer(name)(CheckResult(files=[result]), out, ReportOptions(color=False))
        for match in _LINE_FIELDS.finditer(out.getvalue()):
            number = int(next(group for group in match.groups() if group is not None))
            assert number <= len(lines), (name, match.group(), out.getvalue()[:2000])


@fuzz_settings(150)
@given(yaml_like_text)
@example("a: [1, 2\n")  # libyaml reports this at 2:1, a line the file does not have
@example('a: "x\n\n')
@example("a: b\x85c: [\n")  # after a NEL, libyaml's lines are not an editor's
@example("film: [\r\n")
def test_every_position_is_inside_the_file_in_every_format(text: str) -> None:
    assert_inside(text)


def test_an_error_at_the_end_is_on_the_last_line() -> None:
    document = load_text("a: [1, 2\n", "a.yaml")
    [found] = check_document(document, None).diagnostics
    assert (found.code, found.line, found.col) == ("RL001", 1, 9)


def test_a_large_mapping_is_looked_up_through_an_index_with_the_first_of_duplicates() -> None:
    # thousands of unknown keys, each a finding: a scan per look-up was quadratic
    text = "".join(f"k{n}: {n}\n" for n in range(40)) + "k7: again\n"
    document = load_text(text, "a.yaml")
    found = document.lookup(("k7",))
    assert found is not None and found[0] is not None
    assert (found[0].line, found[1].value) == (7, 7)
    assert document.lookup(("k40",)) is None
    assert document.position(("k39",)) == (40, 6, 40, 8)
