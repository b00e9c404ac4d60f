"""`text` (default): each finding with the source line under it and a caret marker."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, TextIO

from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.document import editor_lines
from reviewlint.links import rule_docs_url
from reviewlint.report.summary import blocking_errors, fixable_line, is_applied_fix, statistics_lines, summary_line

if TYPE_CHECKING:
    from reviewlint.report import ReportOptions
    from reviewlint.results import CheckResult, FileResult

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# A source line longer than this many characters is shown as a window around the finding,
# so a finding on a one-megabyte line prints one screen line, not a megabyte.
EXCERPT_WIDTH = 160
CONTEXT_BEFORE = 40
ELLIPSIS = "…"
# Codes of files with no source to show: refused for their size (the reporter must not
# read them either) and unreadable.
UNREAD = frozenset({"RL011", "RL012"})

# Characters that would reorder the displayed line (Trojan Source) or act on the terminal.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def hyperlink(text: str, url: str) -> str:
    """An OSC 8 terminal hyperlink (as ruff links a code to its rule's page); terminals
    without support show the text alone. Only used on a colour terminal."""
    return f"\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\"


def _style(text: str, color: bool, **styles: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **styles)  # type: ignore[arg-type]


def _visible_char(char: str, previous: str = "") -> str:
    """One character as one visible character, so the caret still lines up."""
    code = ord(char)
    if char == "\t":
        return " "
    if char == "\u00a0":
        return "\u2423"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" for C0 controls
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0 or char in _BIDI_CONTROLS:
        return "\ufffd"
    if char == "\u200d" and previous and not previous.isascii():
        return char  # a zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the picture
    if unicodedata.category(char) == "Cf":
        return "\ufffd"  # zero-width space, word joiner, soft hyphen, BOM: the caret would point at nothing
    return char


def _visible(line: str) -> str:
    """Tabs, invisible and terminal-control characters made visible, one for one."""
    if line.isprintable() and "\u00a0" not in line:
        return line
    return "".join(_visible_char(char, line[index - 1] if index else "") for index, char in enumerate(line))


def invisible_note(line: str, first: int, last: int) -> str | None:
    """Which invisible characters the excerpt shows as U+FFFD, so the reader knows what is there."""
    names = []
    for index in range(first, min(last, len(line))):
        char = line[index]
        if _visible_char(char, line[index - 1] if index else "") == "\ufffd" and char != "\ufffd":
            name = f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"
            if name not in names:
                names.append(name)
    return f"\ufffd is {', '.join(names)}" if names else None


def printable(text: str) -> str:
    """A message or path made safe for a terminal: control characters escaped, as repr does.

    Messages quote values and keys from the file, and a double-quoted YAML key may hold
    an escape character; printed raw it would drive the reader's terminal."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)


def _cells(text: str) -> int:
    """Terminal columns `text` takes, as wcwidth (MIT) measures them: wide characters
    (CJK, emoji, flags, ZWJ sequences) take two, combining marks and joiners none.
    Without this the caret drifts under a Korean title or an emoji."""
    if text.isascii() and text.isprintable():
        return len(text)  # most lines: one column a character, without importing wcwidth (~12 ms)
    import wcwidth

    width = wcwidth.wcswidth(text)
    if width >= 0:
        return int(width)
    return sum(max(0, wcwidth.wcwidth(char)) for char in text)


def excerpt(diagnostic: Diagnostic, lines: list[str], color: bool) -> list[str]:
    if not 1 <= diagnostic.line <= len(lines) + 1:
        return []
    # Line len+1 is the empty last line after a final newline, where a YAML syntax error
    # at the end of the file is reported; editors show that line too.
    full = _visible(lines[diagnostic.line - 1]) if diagnostic.line <= len(lines) else ""
    start = max(diagnostic.col - 1, 0)
    if diagnostic.end_line == diagnostic.line and diagnostic.end_col and diagnostic.end_col > diagnostic.col:
        stop = diagnostic.end_col - 1
    else:
        stop = len(full.rstrip())
    stop = max(stop, start + 1)  # at least one caret, even past the end of the line

    first, last = 0, len(full)
    if len(full) > EXCERPT_WIDTH:
        first = max(0, min(start - CONTEXT_BEFORE, len(full) - EXCERPT_WIDTH))
        last = first + EXCERPT_WIDTH
    lead = ELLIPSIS if first > 0 else ""
    tail = ELLIPSIS if last < len(full) else ""
    shown = full[first:last]
    caret_from = min(start - first, len(shown))
    caret_to = min(stop, last) - first
    pad = _cells(lead + shown[:caret_from])
    width = max(1, _cells(shown[caret_from:caret_to]))

    number = str(diagnostic.line)
    gutter = " " * len(number)
    severity_color = COLORS[diagnostic.severity]
    marker = _style("^" * width + " " + diagnostic.severity.label, color, fg=severity_color, bold=True)
    bar = _style("|", color, fg="blue")
    shown_lines = [
        f" {gutter} {bar}",
        f" {_style(number, color, fg='blue')} {bar} {lead}{shown}{tail}",
        f" {gutter} {bar} {' ' * pad}{marker}",
    ]
    raw = lines[diagnostic.line - 1] if diagnostic.line <= len(lines) else ""
    note = invisible_note(raw, first, last)
    if note:
        shown_lines.append(f" {gutter} = note: {note}")
    return shown_lines


def render(result: CheckResult, stream: TextIO, options: ReportOptions) -> None:
    # As ruff: --statistics replaces the findings with a count per rule.
    for file in [] if options.statistics or options.quiet else result.files:
        lines: list[str] | None = None
        read = False
        blocked = bool(blocking_errors(file))
        for diagnostic in file.diagnostics:
            location = _style(printable(diagnostic.location()), options.color, bold=True)
            code = _style(diagnostic.code, options.color, fg=COLORS[diagnostic.severity], bold=True)
            if options.color and diagnostic.rule:
                code = hyperlink(code, rule_docs_url(diagnostic.rule))
            fixable = " [*]" if not blocked and is_applied_fix(diagnostic, options.unsafe_fixes) else ""
            stream.write(f"{location}: {code}{fixable} {printable(diagnostic.message)}\n")
            if options.show_source:
                if not read:
                    lines, read = source_lines(file), True
                for line in excerpt(diagnostic, lines, options.color) if lines is not None else ():
                    stream.write(line.rstrip() + "\n")
                stream.write("\n")
    if options.statistics:
        for line in statistics_lines(result, options.unsafe_fixes):
            stream.write(line + "\n")
    stream.write(_style(summary_line(result), options.color, bold=True) + "\n")
    footer = fixable_line(result, options.unsafe_fixes)
    if footer:
        stream.write(footer + "\n")


def source_lines(file: FileResult) -> list[str] | None:
    """The file's lines, split as Document.lines splits them; None when there is no source
    to show: a file refused for its size (reading it here would undo the limit) or one
    that could not be read."""
    if any(d.code in UNREAD for d in file.diagnostics):
        return None
    if file.document is not None and file.document.text:
        return file.document.lines
    # utf-8-sig: the loader drops a BOM, so line 1's columns are counted without it.
    try:
        with open(file.path, encoding="utf-8-sig", errors="replace") as handle:
            return editor_lines(handle.read())
    except OSError:
        return None
