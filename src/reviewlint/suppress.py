"""Selection and inline suppressions, applied to one file's diagnostics.

Order: the config's selection (select / ignore / per-file-ignores) first; then generic
schema findings replaced by a rule's more specific finding at the same value; then the
`# reviewlint:` comments of the file; last, the comments that suppressed nothing are
reported (RL801) and those that cannot be understood (RL802).

Comments are not in libyaml's event stream, so the source text is scanned for them; a
`#` inside a scalar (a quoted string, a block scalar's content) is text, not a comment,
and the scalars' spans from the tree tell the two apart.

Directives:
    key: value  # reviewlint: disable=RL601,misspelling -- reason   (covers its own line)
    # reviewlint: disable=RL303 -- reason                         (covers the next entry
    key:                                                            and the block under it)
    # reviewlint: disable-file=RL507                              (covers the whole file)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache

from reviewlint.codes import ALWAYS_SHOWN, INTERNAL_ERROR, INVALID_SUPPRESSION, UNUSED_SUPPRESSION
from reviewlint.codes import diagnostic as make_diagnostic
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document, Node, iter_nodes
from reviewlint.lines import YAML_BREAK_RE, line_starts, offset_of
from reviewlint.rules import Rule, all_rules, selector_matches, suggest
from reviewlint.settings import Settings

UNUSED = UNUSED_SUPPRESSION
INVALID = INVALID_SUPPRESSION
INTERNAL = INTERNAL_ERROR
ACTIONS = ("disable", "disable-file")

_DIRECTIVE_RE = re.compile(r"#[ \t]*reviewlint[ \t]*:[ \t]*(?P<body>[^\r\n]*)")
_ACTION_RE = re.compile(r"(?P<action>[A-Za-z][\w-]*)[ \t]*(?:=[ \t]*(?P<codes>[^\r\n]*?))?[ \t]*"
                        r"(?:--[ \t]*(?P<reason>.*))?$")
_SELECTOR_RE = re.compile(r"[^,\s]+")


@dataclass(slots=True)
class Selector:
    text: str
    line: int  # 1-based, of the selector inside the comment
    col: int
    rules: list[Rule]
    used: bool = False
    codes: frozenset[str] = frozenset()  # of `rules`, for look-ups

    def __post_init__(self) -> None:
        self.codes = frozenset(entry.code for entry in self.rules)


@dataclass(slots=True)
class Directive:
    action: str
    line: int  # 1-based line of the comment
    first: int  # 1-based lines covered, inclusive (for disable-file: the whole file)
    last: int
    selectors: list[Selector] = field(default_factory=list)
    # A trailing comment on a key that opens a block (`review:  # reviewlint: ...`): it
    # covers that line only, which is seldom what was meant.
    on_block_key: bool = False


def _scalar_spans(document: Document, starts: list[int]) -> list[tuple[int, int]]:
    """Source spans of every scalar, where a `#` is text. A block scalar's header line
    may carry a real comment, so its span starts on the next line."""
    spans: list[tuple[int, int]] = []
    if document.root is None:
        return spans
    for node in iter_nodes(document.root):
        if node.kind != "scalar":
            continue
        begin = offset_of(starts, node.line, node.col)
        end = offset_of(starts, node.end_line, node.end_col)
        if node.style in ("|", ">"):
            begin = starts[node.line + 1] if node.line + 1 < len(starts) else end
        if end > begin:
            spans.append((begin, end))
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _last_lines(document: Document, text: str, starts: list[int]) -> dict[int, int]:
    """1-based start line -> last line holding content of any entry (mapping pair or list
    item) that starts there."""
    result: dict[int, int] = {}
    if document.root is None:
        return result
    ends: dict[int, int] = {}

    def content_end(node: Node) -> int:
        cached = ends.get(id(node))
        if cached is not None:
            return cached
        if node.kind == "scalar" or node.style == "flow":
            end = offset_of(starts, node.end_line, node.end_col)
            if node.style in ("|", ">"):
                end = len(text[:end].rstrip())
            value = end
        else:
            children = [c for pair in node.value for c in pair] if node.kind == "map" else list(node.value)
            value = max((content_end(c) for c in children), default=offset_of(starts, node.line, node.col))
        ends[id(node)] = value
        return value

    stack: list[Node] = [document.root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen or node.kind == "scalar":
            continue
        seen.add(id(node))
        entries: list[tuple[Node, Node]] = (list(node.value) if node.kind == "map"
                                            else [(item, item) for item in node.value])
        for head, value in entries:
            start_line = head.line + 1
            end_offset = max(content_end(value), offset_of(starts, head.line, head.col) + 1)
            last = bisect.bisect_right(starts, max(end_offset - 1, 0))
            result[start_line] = max(result.get(start_line, start_line), last)
            stack.append(value)
    return result


def _next_content_line(lines: list[str], after: int) -> int | None:
    """1-based number of the first line after line `after` that is neither blank nor a
    comment."""
    for number in range(after, len(lines)):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number + 1
    return None


def _invalid(document: Document, line: int, col: int, width: int, message: str) -> Diagnostic:
    return make_diagnostic(INVALID, message, document.path, line, col, end_line=line, end_col=col + max(width, 1))


def _parse_body(document: Document, body: str, line: int, body_col: int
                ) -> tuple[str, list[Selector], list[Diagnostic]]:
    """(action, selectors, problems) of one directive's text after `reviewlint:`."""
    parsed = _ACTION_RE.match(body)
    action = parsed.group("action") if parsed else ""
    if parsed is None or action not in ACTIONS:
        shown = action or body
        hint = suggest(shown, list(ACTIONS)) if shown else ""
        return action, [], [_invalid(document, line, body_col, len(body), f"unknown suppression {shown!r}{hint} "
                                     "(use `# reviewlint: disable=CODE` or `# reviewlint: disable-file=CODE`)")]
    codes = (parsed.group("codes") or "").strip()
    if not codes:
        return action, [], [_invalid(document, line, body_col, len(body), f"`{action}` names no rules; write "
                                     f"`# reviewlint: {action}=RL601` (codes, prefixes or names)")]
    codes_col = body_col + parsed.start("codes")
    selectors: list[Selector] = []
    problems: list[Diagnostic] = []
    for item in _SELECTOR_RE.finditer(codes):
        at, text = codes_col + item.start(), item.group(0)
        matched = selector_matches(text)
        if matched:
            selectors.append(Selector(text, line, at, matched))
        else:
            problems.append(_invalid(document, line, at, len(text), f"unknown rule or code `{text}` in suppression"
                                     f"{suggest(text, _selector_words())}"))
    return action, selectors, problems


def parse_directives(document: Document) -> tuple[list[Directive], list[Diagnostic]]:
    """The file's suppression comments, and RL802 findings for those that are malformed."""
    text = document.text
    if "reviewlint" not in text:
        return [], []
    starts = line_starts(text)
    spans = _scalar_spans(document, starts)
    lines = YAML_BREAK_RE.split(text)
    directives: list[Directive] = []
    problems: list[Diagnostic] = []
    last_lines: dict[int, int] | None = None
    for match in _DIRECTIVE_RE.finditer(text):
        offset = match.start()
        if _inside(spans, offset) or (offset > 0 and text[offset - 1] not in " \t\r\n\ufeff"):
            continue
        line_index = bisect.bisect_right(starts, offset) - 1
        line = line_index + 1
        body_col = match.start("body") - starts[line_index] + 1
        action, selectors, found = _parse_body(document, match.group("body").rstrip(), line, body_col)
        problems.extend(found)
        if not selectors:
            continue
        own_line = not text[starts[line_index]:offset].strip()
        if action == "disable-file":
            first, last = 1, len(lines)
        elif own_line:
            following = _next_content_line(lines, line)
            if following is None:
                first = last = line  # nothing follows: it can only be unused
            else:
                if last_lines is None:
                    last_lines = _last_lines(document, text, starts)
                first, last = following, last_lines.get(following, following)
        else:
            first = last = line
        before = text[starts[line_index]:offset].rstrip()
        on_block_key = not own_line and action == "disable" and before.endswith(":")
        directives.append(Directive(action, line, first, last, selectors, on_block_key))
    return directives, problems


def _supersede(diagnostics: list[Diagnostic], rules_by_code: dict[str, Rule]) -> list[Diagnostic]:
    """Drop generic findings that a rule replaced with a specific one at the same value."""
    replaced: set[tuple[str, tuple[str | int, ...]]] = set()
    for diagnostic in diagnostics:
        entry = rules_by_code.get(diagnostic.code)
        if entry is not None and entry.supersedes:
            replaced.update((code, diagnostic.json_path) for code in entry.supersedes)
    if not replaced:
        return diagnostics
    return [d for d in diagnostics if (d.code, d.json_path) not in replaced]


def _unused(document: Document, directives: list[Directive], settings: Settings) -> list[Diagnostic]:
    table = settings.table
    found: list[Diagnostic] = []
    for directive in directives:
        for selector in directive.selectors:
            if selector.used:
                continue
            active = selector.codes & table.enabled
            if active:
                message = f"suppression of `{selector.text}` suppresses nothing"
                if directive.action == "disable":
                    where = "on this line" if directive.first == directive.last == directive.line else \
                        f"on lines {directive.first}-{directive.last}" if directive.first != directive.last else \
                        f"on line {directive.first}"
                    message += f" {where}"
                if directive.on_block_key:
                    message += "; to cover the whole block, put the comment on its own line above the key"
                else:
                    message += "; remove it"
            else:
                message = f"suppression of `{selector.text}` has no effect: the rule is not enabled for this file"
            found.append(make_diagnostic(UNUSED, message, document.path, selector.line, selector.col,
                                    end_line=selector.line, end_col=selector.col + len(selector.text)))
    return found


def _covers(selector: Selector, diagnostic: Diagnostic) -> bool:
    return diagnostic.code in selector.codes


@cache
def _rules_by_code() -> dict[str, Rule]:
    return {entry.code: entry for entry in all_rules()}


@cache
def _selector_words() -> list[str]:
    return [entry.code for entry in all_rules()] + [entry.name for entry in all_rules()]


def is_selected(diagnostic: Diagnostic, settings: Settings) -> bool:
    """Whether `settings` (select, ignore, per-file ignores) let this finding be shown."""
    return diagnostic.code in ALWAYS_SHOWN or diagnostic.code in settings.table.enabled


def apply(document: Document, diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """The diagnostics a user sees for this file under `settings`."""
    if not document.loaded:
        return list(diagnostics)  # they explain why nothing else was checked
    table = settings.table
    rules_by_code = _rules_by_code()
    kept = _supersede([d for d in diagnostics if d.code in ALWAYS_SHOWN or d.code in table.enabled], rules_by_code)
    directives, problems = parse_directives(document)
    if not directives and not problems:
        return kept
    visible: list[Diagnostic] = []
    for found in kept:
        if found.code in ALWAYS_SHOWN:
            visible.append(found)
            continue
        hidden = False
        for directive in directives:
            if directive.first <= found.line <= directive.last:
                for selector in directive.selectors:
                    if _covers(selector, found):
                        selector.used = hidden = True
        if not hidden:
            visible.append(found)
    meta = problems + _unused(document, directives, settings)
    # Only a file-wide suppression can silence these (a line one would hide itself). Found
    # once: a scan of every directive per finding was quadratic in the number of comments.
    file_wide = [s for d in directives if d.action == "disable-file" for s in d.selectors]
    for found in meta:
        if found.code not in table.enabled:
            continue
        if any(_covers(s, found) for s in file_wide):
            continue
        level = table.severities.get(found.code)
        visible.append(replace(found, severity=level) if level is not None else found)
    return visible
