"""The whole yaml-test-suite (402 streams) through `check`.

The suite is third-party data beside the repository (../shared/yaml-test-suite); the tests
read it in place and skip when it is absent. Every stream must give positioned diagnostics
and never a traceback or an internal error. Invalid streams must give a load diagnostic,
and valid streams must load to the data their in.json holds.

Our parser is libyaml, which implements YAML 1.1 syntax. Where it disagrees with the
suite (a YAML 1.2 reference), the streams are listed below with the reason, and the tests
assert those lists exactly, so a libyaml upgrade that changes them is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli
from reviewlint.config import Settings
from reviewlint.document import load_bytes
from reviewlint.engine import check_file

STREAM_COUNT = 402

# Invalid in YAML 1.2, accepted by libyaml. None of them can hide a problem in a review:
# each is a formatting slip that libyaml reads the way the author meant.
LIBYAML_ACCEPTS_INVALID = {
    "9C9N": "a flow sequence continued at a lower indentation than its key",
    "DK95/01": "a tab at the start of a continuation line inside a double-quoted scalar",
    "QB6E": "a multi-line double-quoted scalar continued at a lower indentation",
    "S98Z": "a block scalar whose leading empty lines are more indented than its first content line",
    "SU5Z": "a comment without a space before '#' after a double-quoted scalar",
    "X4QW": "a comment without a space before '#' after a block scalar indicator",
}

# Valid YAML 1.2 that libyaml rejects with a syntax error (RL001). They are edge cases of
# flow mappings (colon on the next line, empty or multi-line keys), tabs as separation,
# anchors with unusual characters, 1.2-only directives and bare documents after `...`,
# zero-indented block scalars: a review written in the ordinary way meets none of them, and
# a rejection is reported, never silently misread.
LIBYAML_REJECTS_VALID = frozenset({
    "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "6BCT", "6CA3", "6LVF",
    "6M2F", "7Z25", "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4", "BEC7", "CFD4", "DBG4", "DK3J", "DK95/00",
    "DK95/03", "DK95/04", "FP8R", "FRK4", "HM87/00", "HWV9", "K3WX", "M2N8/00", "M7A3", "MUS6/05", "MUS6/06",
    "NHX8", "NJ66", "NKF9", "Q5MG", "QT73", "R4YG", "S3PD", "SM9W/01", "UKK6/00", "UT92", "VJP3/01", "W4TN",
    "W5VH", "Y79Y/001", "Y79Y/010",
})

# Valid streams that libyaml reads to different data than the suite's in.json.
LIBYAML_MISREADS = {
    "652Z": "`{ ?foo: bar }`: libyaml takes `?` as the explicit-key indicator; in 1.2 `?foo` is a plain key",
    "L24T/01": "a literal block scalar ending in a line of spaces loses its final line break",
    "Y2GN": "`&an:chor value`: libyaml ends the anchor name at the colon",
}


def suite_root(shared: Path) -> Path:
    root = shared / "yaml-test-suite"
    if not root.is_dir():
        pytest.skip(f"yaml-test-suite not found at {root}")
    return root


def streams(root: Path) -> dict[str, Path]:
    return {folder.relative_to(root).as_posix(): folder for folder in sorted(p.parent for p in root.rglob("in.yaml"))}


def json_documents(text: str) -> list[Any]:
    decoder = json.JSONDecoder()
    documents: list[Any] = []
    index = 0
    while True:
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text):
            return documents
        value, index = decoder.raw_decode(text, index)
        documents.append(value)


def same(ours: Any, theirs: Any) -> bool:
    """Equal as JSON sees data: booleans are not numbers, and a number is its value
    (JSON cannot say 450.0 apart from 450, as in UGM3's `price: 450.00`)."""
    if isinstance(ours, bool) or isinstance(theirs, bool):
        return type(ours) is type(theirs) and ours == theirs
    if isinstance(ours, (int, float)) and isinstance(theirs, (int, float)):
        return ours == theirs
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(same(a, b) for a, b in zip(ours, theirs, strict=True))
    return type(ours) is type(theirs) and ours == theirs


def test_every_stream_is_checked_with_positioned_diagnostics_and_no_internal_error(shared_dir: Path) -> None:
    found = streams(suite_root(shared_dir))
    assert len(found) == STREAM_COUNT
    problems: list[tuple[object, ...]] = []
    for name, folder in found.items():
        path = folder / "in.yaml"
        data = path.read_bytes()
        line_count = len(data.decode("utf-8", errors="replace").splitlines())
        result = check_file(str(path))  # every rule, default settings: rules must survive odd data too
        if result.internal_error:
            problems.append((name, "internal error", [d.message for d in result.diagnostics]))
        for diagnostic in result.diagnostics:
            if diagnostic.code == "RL999" or not (1 <= diagnostic.line <= line_count + 1 and diagnostic.col >= 1):
                problems.append((name, diagnostic.code, diagnostic.line, diagnostic.col, diagnostic.message))
    assert problems == []


def test_invalid_streams_get_a_load_diagnostic(shared_dir: Path) -> None:
    found = streams(suite_root(shared_dir))
    invalid = {name: folder for name, folder in found.items() if (folder / "error").exists()}
    assert len(invalid) == 94
    accepted = set()
    for name, folder in invalid.items():
        document = load_bytes((folder / "in.yaml").read_bytes(), name)
        if not any(d.code.startswith("RL0") for d in document.diagnostics):
            accepted.add(name)
    assert accepted == set(LIBYAML_ACCEPTS_INVALID)


def test_valid_streams_load_to_the_suites_data(shared_dir: Path) -> None:
    found = streams(suite_root(shared_dir))
    rejected, misread, compared = set(), set(), 0
    for name, folder in found.items():
        if (folder / "error").exists():
            continue
        document = load_bytes((folder / "in.yaml").read_bytes(), name)
        if any(d.code == "RL001" for d in document.diagnostics):
            rejected.add(name)
            continue
        if not (folder / "in.json").exists():
            continue
        expected = json_documents((folder / "in.json").read_text(encoding="utf-8"))
        if len(expected) != 1 or not isinstance(expected[0], dict):
            continue  # the review loader reads one mapping; streams of several documents get RL005
        compared += 1
        if not same(document.data, expected[0]):
            misread.add(name)
    assert rejected == LIBYAML_REJECTS_VALID
    assert misread == set(LIBYAML_MISREADS)
    assert compared == 101  # valid, single-mapping streams that libyaml parses


def test_the_check_command_over_the_whole_suite(shared_dir: Path) -> None:
    root = suite_root(shared_dir)
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--jobs", "1", "--output-format", "json",
                                      str(root)])
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.output
    report = json.loads(result.stdout)
    assert report["summary"]["files_checked"] == STREAM_COUNT
    assert not [d for d in report["diagnostics"] if d["code"] == "RL999"]
    # Nothing in the suite is a review, so every stream has at least one finding.
    assert report["summary"]["files_with_problems"] == STREAM_COUNT


def test_settings_do_not_change_what_is_a_load_error(shared_dir: Path) -> None:
    """The load family runs before any rule selection can matter: selecting only RL0 gives
    the same load diagnostics as the defaults, stream by stream."""
    found = streams(suite_root(shared_dir))
    only_load = Settings(select=("RL0",))
    for name, folder in list(found.items())[::10]:
        path = str(folder / "in.yaml")
        default = [d for d in check_file(path).diagnostics if d.code.startswith("RL0")]
        assert check_file(path, only_load).diagnostics == default, name
