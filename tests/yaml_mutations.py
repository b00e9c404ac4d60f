"""Mutations of example reviews at the YAML token level, and the pipeline that checks
what reviewlint makes of each (tests/test_fuzz.py runs a fixed set of seeds in CI;
benchmarks/fuzz.py runs thousands and counts).

A mutation works on libyaml's tokens and the composed tree of the current text: it swaps
a scalar, a key, adds an anchor and alias, a tag, a merge key, turns a collection into
flow style or a scalar into a block scalar, adds tabs, a BOM, other line endings, NEL,
LS or PS, zero-width and bidi characters, nesting around the cap, huge numbers, a
duplicate key or a comment. A mutation that does not fit the text (it no longer scans)
falls back to one that works on the raw text.

`run_pipeline` sends one input through check, `check --fix` (in memory), format, export
and migrate, and returns what went wrong, by kind: tracebacks, RL999, positions outside
the file, meaning changes (the formatted text must load to the data the original gives,
and read the same to ruamel.yaml, a second YAML 1.2 parser), formats that are not
idempotent, and the emitter's own re-load failures.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reviewlint.document import Document, Node, editor_lines, load_bytes, load_text
from reviewlint.formatting.tokens import Token, read_tokens
from reviewlint.lines import line_starts, offset_of

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.yaml"))
BASES = [path.read_text(encoding="utf-8") for path in EXAMPLES]

SCALARS = [
    "~", "null", "true", "False", "yes", "no", "on", "0", "-0", "010", "0o17", "0x1F", "1_000", "1e3", "1e999", "-.inf",
    ".nan", "2024-02-30", "12:30", "1.0", "+1", "''", '""', "'it''s'", '"tab\\there"', '"\\u2028"', '"\\x85 \\N"',
    '"\\uD800"', "=", "<<", "- x", "? x", ": x", "a: b", "a #b", "a#b", "[a, b]", "{a: 1}", "[]", "{}", "[[[x]]]",
    "|\n  block\n", ">-\n  folded\n  text\n", "|+\n  kept\n\n", "!!str 5", "!!int 7", "!!binary aGk=",
    "!!python/object/apply:os.system [x]", "!local x", "&anchor value", "*missing", "@x", "`x", "%x", "é", "기생충",
    "x\u200by", "\u202ereversed", "\u2066isolate\u2069", "\ufeffbom", "word " * 40,
]
KEYS = ["~", "null", "true", "True", "1", "0x1", "0o17", "1.5", "<<", "?", "", "x-num", "x-1e3", "x-true", "'1'",
        '"~"', "x-\u200b", "x-é", "[a]", "{a: 1}", "- x", "x y", "x:y"]
TAGS = ["!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!map ", "!!seq ", "!!binary ", "!custom ",
        "!!python/name:os.system ", "!<tag:yaml.org,2002:str> ", "! "]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",
             "\u2069", "\u00ad"]
BREAKS = ["\x85", "\u2028", "\u2029"]

Mutation = Callable[[str, random.Random], str | None]


# --- helpers -----------------------------------------------------------------------------------

def _tokens(text: str) -> list[Token] | None:
    try:
        return read_tokens(text)
    except (yaml.YAMLError, ValueError, UnicodeEncodeError):
        return None


def _value_scalars(tokens: list[Token]) -> list[Token]:
    """Scalar tokens that are values (they follow a `:` or `-` indicator)."""
    found = []
    for previous, token in itertools.pairwise(tokens):
        if token.kind is yaml.ScalarToken and previous.kind in (yaml.ValueToken, yaml.BlockEntryToken,
                                                                  yaml.FlowEntryToken, yaml.FlowSequenceStartToken):
            found.append(token)
    return found


def _key_scalars(tokens: list[Token]) -> list[Token]:
    return [token for previous, token in itertools.pairwise(tokens)
            if token.kind is yaml.ScalarToken and previous.kind is yaml.KeyToken]


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _indentation(text: str, index: int) -> int:
    start = _line_start(text, index)
    line = text[start:index]
    return len(line) - len(line.lstrip(" "))


def _pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))] if items else None


def _collections(document: Document) -> list[tuple[Node, Any]]:
    """(node, its data) for every block collection below the root."""
    if document.root is None:
        return []
    found: list[tuple[Node, Any]] = []
    stack: list[tuple[Node, Any]] = [(document.root, document.data)]
    while stack:
        node, data = stack.pop()
        if node is not document.root and node.kind in ("map", "seq") and node.style == "block":
            found.append((node, data))
        if node.kind == "map" and isinstance(data, dict):
            stack.extend((child, data[key.text]) for key, child in node.value
                         if key.kind == "scalar" and key.text in data)
        elif node.kind == "seq" and isinstance(data, list):
            stack.extend(zip(node.value, data, strict=False))
    return found


# --- token-level mutations --------------------------------------------------------------------

def swap_scalar(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    scalars = _value_scalars(tokens) if tokens else []
    token = _pick(rng, scalars)
    if token is None:
        return None
    others = [text[t.index:t.end_index] for t in scalars if t.end_line == t.line]
    new = _pick(rng, SCALARS + others[:20])
    if "\n" in new:  # a block scalar: its lines go under the value's indentation
        indent = " " * (_indentation(text, token.index) + 2)
        new = new.replace("\n  ", "\n" + indent)
    return _replace(text, token.index, token.end_index, new)


def odd_key(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    keys = _key_scalars(tokens) if tokens else []
    token = _pick(rng, keys)
    if token is None:
        return None
    siblings = [text[t.index:t.end_index] for t in keys if t.col == token.col and t.end_line == t.line]
    return _replace(text, token.index, token.end_index, _pick(rng, KEYS + siblings[:10]))


def anchor_and_alias(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    scalars = _value_scalars(tokens) if tokens else []
    if len(scalars) < 2:
        return None
    first, second = sorted(rng.sample(range(len(scalars)), 2))
    anchored, aliased = scalars[first], scalars[second]
    name = _pick(rng, ["a", "x1", "long-name"])
    text = _replace(text, aliased.index, aliased.end_index, f"*{name}")
    return _replace(text, anchored.index, anchored.index, f"&{name} ")


def add_tag(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    token = _pick(rng, _value_scalars(tokens) if tokens else [])
    if token is None:
        return None
    return _replace(text, token.index, token.index, _pick(rng, TAGS))


def merge_key(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    token = _pick(rng, _key_scalars(tokens) if tokens else [])
    if token is None or token.col != _indentation(text, token.index):
        return None
    start = _line_start(text, token.index)
    line = " " * token.col + _pick(rng, ["<<: {x-merged: 1}", "<<: [{x-a: 1}]", "<<: ~"]) + "\n"
    return _replace(text, start, start, line)


def flow_style(text: str, rng: random.Random) -> str | None:
    document = load_text(text)
    found = _pick(rng, _collections(document))
    if found is None:
        return None
    node, data = found
    starts = line_starts(text)
    start = offset_of(starts, node.line, node.col)
    end = min(offset_of(starts, node.end_line, node.end_col), len(text))
    if node.kind == "seq" and text[start:start + 1] == "-" and node.col == _indentation(text, start):
        pass  # an indented or indentless sequence: the flow text takes its place
    flow = json.dumps(data, ensure_ascii=False)
    tail = "\n" if text[start:end].endswith("\n") else ""
    return _replace(text, start, end, flow + tail)


def block_scalar(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    candidates = [t for t in (_value_scalars(tokens) if tokens else []) if t.line == t.end_line
                  and t.style in (None, "'", '"')]
    token = _pick(rng, candidates)
    if token is None:
        return None
    value = load_text("x: " + text[token.index:token.end_index] + "\n").data
    words = str(value.get("x") if isinstance(value, dict) else "").split() or ["word"]
    indent = " " * (_indentation(text, token.index) + 2)
    header = _pick(rng, ["|", "|-", ">", ">-", "|+", ">2", "|1-"])
    lines = [" ".join(words[number:number + 3]) for number in range(0, len(words), 3)]
    return _replace(text, token.index, token.end_index, header + "".join("\n" + indent + line for line in lines))


# --- text-level mutations ---------------------------------------------------------------------

def tabs(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    number = rng.randrange(len(lines))
    line = lines[number]
    where = _pick(rng, [0, len(line) - len(line.lstrip(" ")), line.find(": ") + 2 if ": " in line else len(line)])
    lines[number] = line[:where] + "\t" + line[where:]
    return "\n".join(lines)


def bom(text: str, rng: random.Random) -> str:
    return "\ufeff" + text if rng.random() < 0.8 else text.replace("\n", "\n\ufeff", 1)


def line_endings(text: str, rng: random.Random) -> str:
    ending = _pick(rng, ["\r\n", "\r", "\n\r"])
    if rng.random() < 0.5:
        return text.replace("\n", ending)
    cut = rng.randrange(len(text) + 1)
    return text[:cut] + text[cut:].replace("\n", ending, 3)


def unicode_breaks(text: str, rng: random.Random) -> str:
    cut = rng.randrange(len(text) + 1)
    return _replace(text, cut, cut, _pick(rng, BREAKS) + _pick(rng, ["", "  ", "x-secret: 1", "# c"]))


def invisible(text: str, rng: random.Random) -> str:
    tokens = _tokens(text)
    token = _pick(rng, _value_scalars(tokens) if tokens else [])
    cut = rng.randrange(token.index, token.end_index + 1) if token is not None else rng.randrange(len(text) + 1)
    return _replace(text, cut, cut, _pick(rng, INVISIBLE))


def deep_nesting(text: str, rng: random.Random) -> str:
    levels = rng.randint(95, 105)
    opening, closing = _pick(rng, [("[", "]"), ("{a: ", "}"), ("[{a: ", "}]")])
    return text.rstrip("\n") + "\nx-deep: " + opening * levels + "1" + closing * levels + "\n"


def huge_number(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    token = _pick(rng, _value_scalars(tokens) if tokens else [])
    if token is None:
        return None
    digits = rng.randint(990, 1010)
    new = _pick(rng, ["9" * digits, "-" + "9" * digits, "0x" + "f" * digits, "0o" + "7" * digits, "1e308", "1e309",
                      "-0.0", "0.1e-400", "1" + "0" * 400 + ".5"])
    return _replace(text, token.index, token.end_index, new)


def duplicate_key(text: str, rng: random.Random) -> str | None:
    tokens = _tokens(text)
    token = _pick(rng, _key_scalars(tokens) if tokens else [])
    if token is None:
        return None
    start = _line_start(text, token.index)
    end = text.find("\n", token.index)
    end = len(text) if end < 0 else end + 1
    line = text[start:end] if text[start:end].endswith("\n") else text[start:end] + "\n"
    return _replace(text, end, end, line)


def comment(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    number = rng.randrange(len(lines))
    kind = rng.randrange(3)
    if kind == 0:
        lines.insert(number, " " * rng.randrange(6) + "# a note " + _pick(rng, ["", "é", "\u200b", "#"]))
    elif kind == 1:
        lines[number] += _pick(rng, ["  # eol", " #x", "#glued"])
    else:
        lines[number] += "  # reviewlint: disable=" + _pick(rng, ["RL601", "RL6", "all", "RL999", "nonsense"])
    return "\n".join(lines)


TOKEN_MUTATIONS: dict[str, Mutation] = {
    "swap-scalar": swap_scalar, "odd-key": odd_key, "anchor-alias": anchor_and_alias, "tag": add_tag,
    "merge-key": merge_key, "flow-style": flow_style, "block-scalar": block_scalar, "huge-number": huge_number,
    "duplicate-key": duplicate_key,
}
TEXT_MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "tabs": tabs, "bom": bom, "line-endings": line_endings, "nel-ls-ps": unicode_breaks, "invisible": invisible,
    "deep-nesting": deep_nesting, "comment": comment,
}
MUTATIONS: dict[str, Mutation] = {**TOKEN_MUTATIONS, **TEXT_MUTATIONS}


def mutated(seed: int) -> tuple[list[str], bytes]:
    """(the mutations applied, the bytes) for one seed: an example review with 1-3
    mutations, each on the result of the one before."""
    rng = random.Random(seed)
    text = _pick(rng, BASES)
    applied: list[str] = []
    names = list(MUTATIONS)
    for _step in range(rng.randint(1, 3)):
        name = _pick(rng, names)
        result = MUTATIONS[name](text, rng)
        if result is None:  # the token-level mutation did not fit: a text-level one does
            name = _pick(rng, list(TEXT_MUTATIONS))
            result = TEXT_MUTATIONS[name](text, rng)
        applied.append(name)
        text = result
    return applied, text.encode("utf-8", "surrogatepass")


# --- the pipeline -----------------------------------------------------------------------------

KINDS = ("traceback", "RL999", "outside", "meaning", "not-idempotent", "emitter", "time-out")


@dataclass(slots=True)
class Outcome:
    problems: dict[str, list[str]] = field(default_factory=dict)  # kind -> what
    seconds: float = 0.0
    formatted: bool = False  # format produced text (not refused)
    refusals: list[str] = field(default_factory=list)  # why format refused, for the tally

    def add(self, kind: str, what: str) -> None:
        self.problems.setdefault(kind, []).append(what)


def _second_parser(text: str) -> Any:
    """ruamel.yaml's YAML 1.2 reading of `text`, dates kept as text (as reviewlint keeps them)."""
    from ruamel.yaml import YAML

    loader = YAML(typ="safe", pure=True)
    loader.constructor.add_constructor("tag:yaml.org,2002:timestamp",
                                       lambda constructor, node: constructor.construct_scalar(node))
    return loader.load(text)


def _positions_inside(diagnostics: list[Any], text: str, outcome: Outcome, stage: str) -> None:
    if not text:
        return
    lines = editor_lines(text) or [""]
    for d in diagnostics:
        inside = 1 <= d.line <= len(lines) and 1 <= d.col <= len(lines[d.line - 1]) + 1
        if d.end_line is not None and d.end_col is not None:
            inside = inside and d.end_line <= len(lines) and d.end_col <= len(lines[d.end_line - 1]) + 1
        if not inside:
            outcome.add("outside", f"{stage}: {d.code} at {d.line}:{d.col}-{d.end_line}:{d.end_col} "
                                   f"({len(lines)} lines)")


def _guarded(outcome: Outcome, stage: str, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as error:
        outcome.add("traceback", f"{stage}: {type(error).__name__}: {error}"[:300] + "\n"
                    + "".join(traceback.format_exc(limit=-4)))
        return None


def run_pipeline(data: bytes, *, time_limit: float = 10.0) -> Outcome:
    """check, check --fix (in memory), format, export and migrate of one input."""
    from reviewlint.diagnostics import Severity
    from reviewlint.export import exporter
    from reviewlint.fixing import applicable, fix_document
    from reviewlint.formatting import FormatRefused, VerifyFailed, format_text
    from reviewlint.formatting.verify import first_difference, same_data
    from reviewlint.lint import check_document
    from reviewlint.migrate import migrate_text
    from reviewlint.settings import default_settings

    outcome = Outcome()
    started = time.perf_counter()
    settings = default_settings()
    document = _guarded(outcome, "load", lambda: load_bytes(data, "fuzz.yaml"))
    if document is None:
        return outcome
    text = document.text
    result = _guarded(outcome, "check", lambda: check_document(document, settings))
    if result is not None:
        for d in result.diagnostics:
            if d.code == "RL999":
                outcome.add("RL999", f"check: {d.message}")
        _positions_inside(result.diagnostics, text, outcome, "check")
    if document.loaded and result is not None:
        def fix() -> None:
            try:
                fixed = fix_document(document, applicable(result.diagnostics, True), settings, unsafe=True,
                                     checked=result)
            except FormatRefused:
                return
            except VerifyFailed as error:
                outcome.add("emitter", f"fix: {error}")
                return
            after = load_text(fixed.text, "fuzz.yaml")
            if not after.loaded:
                outcome.add("meaning", "fix: the fixed text does not load: " + "; ".join(
                    d.message for d in after.diagnostics if d.severity is Severity.ERROR)[:200])
            if fixed.result is not None:
                for d in fixed.result.diagnostics:
                    if d.code == "RL999":
                        outcome.add("RL999", f"fix: {d.message}")
                _positions_inside(fixed.result.diagnostics, fixed.text, outcome, "fix")

        _guarded(outcome, "fix", fix)

        def format_and_compare() -> None:
            try:
                once = format_text(text, "fuzz.yaml")
            except FormatRefused as refused:
                outcome.refusals.append(refused.diagnostic.message)
                return
            except VerifyFailed as error:
                outcome.add("emitter", f"format: {error}")
                return
            outcome.formatted = True
            reloaded = load_text(once)
            if not same_data(reloaded.data, document.data):
                outcome.add("meaning", f"format: differs at {first_difference(reloaded.data, document.data)}")
            twice = format_text(once)
            if twice != once:
                outcome.add("not-idempotent", "format: a second format changes the text")
            try:
                second = _second_parser(once)
            except Exception as error:  # the canonical text must be plain YAML 1.2 to any reader
                outcome.add("meaning", f"format: ruamel.yaml cannot read the output: {type(error).__name__}")
                return
            if not same_data(second, reloaded.data):
                outcome.add("meaning", f"format: ruamel.yaml reads the output differently at "
                                       f"{first_difference(second, reloaded.data)}")

        _guarded(outcome, "format", format_and_compare)
        if result is not None and not any(d.severity is Severity.ERROR for d in result.diagnostics
                                          if d.code < "RL200"):
            for name in ("jsonld", "markdown"):
                _guarded(outcome, f"export {name}", lambda name=name: exporter(name)(document.data))  # type: ignore[misc]
    previous = os.environ.get("REVIEWLINT_DEBUG")
    os.environ["REVIEWLINT_DEBUG"] = "1"  # migrate raises instead of reporting its own internal error
    try:
        _guarded(outcome, "migrate", lambda: migrate_text(text, filename="old-review.yaml"))
    finally:
        if previous is None:
            os.environ.pop("REVIEWLINT_DEBUG", None)
        else:
            os.environ["REVIEWLINT_DEBUG"] = previous
    outcome.seconds = time.perf_counter() - started
    if outcome.seconds > time_limit:
        outcome.add("time-out", f"{outcome.seconds:.1f} s")
    return outcome
