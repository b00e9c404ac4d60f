"""Hostile input through `reviewlint check`: every case gets one clear, positioned
diagnostic, the run goes on, time and memory stay bounded, nothing is executed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli
from reviewlint.engine import check_bytes

GOOD = """schema_version: "1.1"
film:
  title: Quiet Harbour
  year: 2011
rating: {value: 7, min: 1, max: 10, step: 1}
review:
  body:
    - A patient film about a lighthouse keeper and the town that forgets him.
content_warnings: []
author:
  name: Ines Lago
published: "2012-04-01"
"""


def _with(extra: str) -> str:
    """The good review with one more top-level line (an `x-` key is allowed by the schema)."""
    return GOOD + extra


def _bomb() -> str:
    lines = ['x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"x-{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return GOOD + "\n".join(lines) + "\n"


# name -> (bytes, expected (code, line, col) of the one diagnostic, or None for "any RL0xx")
CASES: dict[str, tuple[bytes, tuple[str, int, int]]] = {
    "deep-flow.yaml": (_with("x-deep: " + "[" * 20000 + "]" * 20000 + "\n").encode(), ("RL001", 13, 1008)),
    "huge.yaml": (_with("x-pad: '" + "p" * 3_000_000 + "'\n").encode(), ("RL011", 1, 1)),
    "invalid-utf8.yaml": (_with("x-note: caf\xe9\n").encode("latin-1"), ("RL003", 13, 12)),
    "utf16-bom.yaml": (GOOD.encode("utf-16"), ("RL003", 1, 1)),
    "utf16-nobom.yaml": (GOOD.encode("utf-16-le"), ("RL003", 1, 1)),
    "utf32-bom.yaml": (GOOD.encode("utf-32"), ("RL003", 1, 1)),
    "utf32-nobom.yaml": (GOOD.encode("utf-32-be"), ("RL003", 1, 1)),
    "nul.yaml": (_with("x-note: a\x00b\n").encode(), ("RL003", 13, 10)),
    "binary.yaml": (bytes(range(256)) * 8, ("RL003", 1, 1)),
    "python-tag.yaml": (_with('x-run: !!python/object/apply:os.system ["touch PWNED"]\n').encode(),
                        ("RL008", 13, 8)),
    "local-tag.yaml": (_with("x-thing: !custom {a: 1}\n").encode(), ("RL008", 13, 10)),
    "empty.yaml": (b"", ("RL004", 1, 1)),
    "comments-only.yaml": (b"# nothing here yet\n# still nothing\n", ("RL004", 1, 1)),
    "multi-document.yaml": ((GOOD + "---\n" + GOOD).encode(), ("RL005", 13, 1)),
    "top-level-list.yaml": (b"- just\n- a list\n", ("RL006", 1, 1)),
    "top-level-scalar.yaml": (b"just a sentence\n", ("RL006", 1, 1)),
    "complex-key.yaml": (_with("? [a, b]\n: value\n").encode(), ("RL009", 13, 3)),
    "merge-key.yaml": (_with("x-base: {a: 1}\n<<: {x-more: 2}\n").encode(), ("RL010", 14, 1)),
    "float-overflow.yaml": (_with("x-big: 1e999\n").encode(), ("RL013", 13, 8)),
    "int-thousands-of-digits.yaml": (_with("x-big: " + "7" * 5000 + "\n").encode(), ("RL013", 13, 8)),
    "alias-bomb.yaml": (_bomb().encode(), ("RL007", 1, 1)),
    "duplicate-key.yaml": (_with("author:\n  name: Again\n").encode(), ("RL002", 13, 1)),
    "long-line.yaml": (_with("x-line: " + "word " * 200_000 + "\n").encode(), ("", 0, 0)),
}


def _write_cases(folder: Path) -> None:
    for name, (content, _) in CASES.items():
        (folder / name).write_bytes(content)


def test_each_hostile_file_gets_its_one_clear_diagnostic(tmp_path: Path) -> None:
    _write_cases(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--select", "RL0,RL1",
                                      "--output-format", "concise", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith(str(tmp_path))]
    by_file: dict[str, list[str]] = {}
    for line in lines:
        by_file.setdefault(Path(line.split(":", 1)[0]).name, []).append(line)
    for name, (_, (code, line, col)) in CASES.items():
        if not code:
            assert name not in by_file, by_file.get(name)
            continue
        found = by_file.get(name, [])
        first = found[0] if found else ""
        assert f"{name}:{line}:{col}: {code} " in first, (name, found)
        if code != "RL007":  # the bomb also lists each alias, at its own position
            assert len(found) == 1, (name, found)
    assert not (tmp_path / "PWNED").exists()
    assert not Path("PWNED").exists()


def test_alias_bomb_is_refused_before_any_expansion() -> None:
    diagnostics = check_bytes(_bomb().encode(), "bomb.yaml")
    assert diagnostics[0].message == (
        "aliases expand this document beyond 100000 values (an alias bomb?); it is not checked further")
    assert {d.code for d in diagnostics} == {"RL007"}


def test_a_small_alias_is_reported_at_the_alias_and_the_data_still_checked() -> None:
    text = _with("x-a: &shared [one]\nx-b: *shared\n")
    diagnostics = check_bytes(text.encode(), "alias.yaml")
    assert [(d.code, d.line, d.col, d.message) for d in diagnostics] == [
        ("RL007", 14, 6, "alias *shared is not allowed in reviews (it repeats the value anchored on line 13); "
                         "write the value out")]


def test_tags_are_never_constructed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "executed"
    text = _with(f'x-run: !!python/object/apply:os.system ["touch {marker}"]\n'
                 f'x-new: !!python/object/new:builtins.open ["{marker}", "w"]\n')
    monkeypatch.chdir(tmp_path)
    diagnostics = check_bytes(text.encode(), "tags.yaml")
    assert [d.code for d in diagnostics] == ["RL008", "RL008"]
    assert diagnostics[0].message == ("tag !!python/object/apply:os.system is not supported in reviews; the list "
                                      "is read as plain data and never constructed")
    assert not marker.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symlinks and permissions")
def test_symlink_loops_and_links_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "ok.yaml").write_text(GOOD, encoding="utf-8")
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("- not a review\n", encoding="utf-8")
    (tree / "escape").symlink_to(outside, target_is_directory=True)
    (tree / "linked.yaml").symlink_to(outside / "secret.yaml")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--select", "RL0,RL1", str(tree)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "No problems found (1 file checked)"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "ok.yaml").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--output-format", "concise",
                                      str(tmp_path)])
    assert f"{locked}:1:1: RL012 cannot read file: Permission denied" in result.output
    assert result.exit_code == 1


@pytest.mark.parametrize(("command", "expected"), [
    (["check", "--isolated", "--no-cache", "--output-format", "concise"],
     "locked.yaml:1:1: RL012 cannot read file: Permission denied"),
    (["format", "--isolated", "--check"], "locked.yaml:1:1: RL012 not formatted: cannot read file: Permission denied"),
    (["export"], "locked.yaml:1:1: RL012 cannot read file: Permission denied"),
])
def test_an_unreadable_named_file_is_one_diagnostic_not_a_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], expected: str) -> None:
    """pre-commit names every file. One a non-root user cannot read must get its RL012 while
    the others are checked; click's own path check used to end the run (exit 2, "Path
    'locked.yaml' is not readable"). CI runs as root, who reads anything, so the test makes
    the file unreadable the way a non-root user sees it: os.access says no, open fails."""
    import builtins

    monkeypatch.chdir(tmp_path)
    Path("locked.yaml").write_text(GOOD, encoding="utf-8")
    Path("ok.yaml").write_text(GOOD, encoding="utf-8")
    real_open, real_access = builtins.open, os.access

    def denying_open(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, (str, os.PathLike)) and os.path.basename(os.fspath(file)) == "locked.yaml":
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", denying_open)
    monkeypatch.setattr(os, "access", lambda path, mode, *a, **k: os.path.basename(os.fspath(path)) != "locked.yaml"
                        and real_access(path, mode, *a, **k))
    result = CliRunner().invoke(cli, [*command, "ok.yaml", "locked.yaml"])
    assert result.exit_code in (1, 2), result.output
    assert "not readable" not in result.output and "Usage:" not in result.output
    assert expected in result.output
    if command[0] == "export":
        assert '"@type": "Review"' in result.stdout  # the readable file is still exported


def test_a_file_that_vanishes_before_reading_is_reported(tmp_path: Path) -> None:
    from reviewlint import engine

    gone = tmp_path / "gone.yaml"
    result = engine.check_file(str(gone))
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("RL012", 1, 1, "cannot read file: file disappeared before it could be read")]
    assert result.internal_error is False


def test_read_permission_error_is_reported_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root can read any file, so CI (root) simulates the refusal at the one place we open files."""
    from reviewlint import engine, lint

    locked = tmp_path / "locked.yaml"
    locked.write_text(GOOD, encoding="utf-8")
    real_open = open

    def refusing_open(path: object, *args: object, **kwargs: object) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(lint, "open", refusing_open, raising=False)
    result = engine.check_file(str(locked))
    assert [(d.code, d.line, d.col, d.message) for d in result.diagnostics] == [
        ("RL012", 1, 1, "cannot read file: Permission denied")]


def test_many_aliases_are_listed_ten_at_most_then_counted() -> None:
    aliases = "".join(f"x-copy-{n}: *shared\n" for n in range(12))
    diagnostics = check_bytes(_with("x-a: &shared [one]\n" + aliases).encode(), "many.yaml")
    assert [d.line for d in diagnostics] == [*range(14, 24), 24]
    assert diagnostics[-1].message == "2 more aliases from here on are not listed one by one"
    assert (diagnostics[-1].line, diagnostics[-1].col) == (24, 12)  # the 11th alias, `x-copy-10: *shared`


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_reported_not_waited_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO blocks until something writes to it: a named one hung the run."""
    monkeypatch.chdir(tmp_path)
    os.mkfifo("pipe.yaml")
    Path("ok.yaml").write_text(GOOD, encoding="utf-8")
    for extra in (["--no-cache"], []):  # the cache's stat path must not open it either
        result = CliRunner().invoke(cli, ["check", "--isolated", *extra, "--output-format", "concise", "pipe.yaml",
                                          "ok.yaml"])
        assert result.exit_code == 1
        assert result.stdout.splitlines()[0] == \
            "pipe.yaml:1:1: RL012 cannot read file: not a regular file (a named pipe, socket or device)"


HINT = "(raise it with --max-file-size or `max-file-size` in the config to check it)"


def test_standard_input_is_read_only_up_to_the_size_limit() -> None:
    """Standard input has no size to check first: it is read up to the limit, no further."""
    checked = CliRunner().invoke(cli, ["check", "--isolated", "--output-format", "concise", "--max-file-size", "100",
                                       "-"], input="# padding\n" * 20)
    assert checked.exit_code == 1
    assert checked.stdout.splitlines()[0] == f"-:1:1: RL011 input is over the limit of 100 bytes {HINT}"
    formatted = CliRunner().invoke(cli, ["format", "--isolated", "-"], input="# padding\n" * 300_000)
    assert (formatted.exit_code, formatted.stdout) == (2, "")
    assert formatted.stderr == \
        f"reviewlint: error: -:1:1: RL011 not formatted: input is over the limit of 2097152 bytes {HINT}\n"


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "!!float .inf"])
def test_an_infinite_or_nan_rating_is_a_bad_number_not_a_clean_review(value: str) -> None:
    text = GOOD.replace("rating: {value: 7,", f"rating: {{value: {value},")
    assert text != GOOD
    found = [(d.code, d.message) for d in check_bytes(text.encode(), "r.yaml")]
    spelled = value.split()[-1]
    assert ("RL013", f"{spelled} (infinity or not-a-number) cannot be stored as JSON; write a finite number") in found


def test_nesting_past_the_cap_is_rl015_at_the_collection_that_passes_it() -> None:
    # 495 nested flow lists passed `check` and crashed `check --fix` (RecursionError).
    text = _with("x-deep: " + "[" * 495 + "]" * 495 + "\n")
    diagnostics = check_bytes(text.encode(), "deep.yaml")
    assert [(d.code, d.line, d.col, d.message) for d in diagnostics] == [
        ("RL015", 13, 108, "values are nested more than 100 levels deep here; a review holds a few levels (the "
                           "file is not checked further)")]
    fixed = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--fix", "-"], input=text)
    assert "Traceback" not in fixed.output and "RecursionError" not in fixed.output


def test_nesting_just_under_the_cap_is_checked() -> None:
    text = _with("x-deep: " + "[" * 98 + "]" * 98 + "\n")
    assert check_bytes(text.encode(), "deep.yaml") == []


def test_aliases_that_nest_past_the_cap_are_refused() -> None:
    lines = ["x-0: &a0 [x]"] + [f"x-{n}: &a{n} [*a{n - 1}]" for n in range(1, 120)]
    diagnostics = check_bytes(_with("\n".join(lines) + "\n").encode(), "nested-aliases.yaml")
    assert diagnostics[0].message == ("aliases nest this document's values more than 100 levels deep; it is not "
                                      "checked further")


def test_an_alias_inside_the_value_it_names_is_refused() -> None:
    diagnostics = check_bytes(_with("x-loop: &a [1, *a]\n").encode(), "loop.yaml")
    assert diagnostics[0].message == ("an alias refers to a value that holds it: the data would be infinite; it is "
                                      "not checked further")


def test_aliases_are_limited_by_the_text_they_expand_to() -> None:
    # 200 aliases of one 0.9 MB text: 201 values, but 180 MB for every rule to read.
    text = _with("x-long: &long '" + "word " * 180_000 + "'\nx-copies: [" + ", ".join(["*long"] * 200) + "]\n")
    diagnostics = check_bytes(text.encode(), "copies.yaml")
    assert diagnostics[0].message == ("aliases expand this document beyond 4194304 characters of text (an alias "
                                      "bomb?); it is not checked further")
    assert {d.code for d in diagnostics} == {"RL007"}


@pytest.mark.parametrize("value", ["9" * 400, "-" + "9" * 400, "0x" + "f" * 300])
def test_a_rating_past_a_double_is_a_bad_number_not_an_internal_error(value: str) -> None:
    # found by the token-level fuzzer: the rating rules took float() of it (OverflowError, RL999)
    text = GOOD.replace("rating: {value: 7,", f"rating: {{value: {value},")
    # read as text instead, which the schema then reports as the wrong type
    assert [d.code for d in check_bytes(text.encode(), "big.yaml")] == ["RL013", "RL103"]


def test_schema_validation_stops_after_five_thousand_errors_and_says_so() -> None:
    text = GOOD.replace("content_warnings: []\n", "content_warnings:\n" + "".join(f"  - {n}\n" for n in range(5100)))
    found = check_bytes(text.encode(), "many.yaml")
    assert sum(d.code == "RL103" for d in found) == 5000
    assert [(d.code, d.line, d.message) for d in found if d.code == "RL110"] == [
        ("RL110", 1, "schema validation stopped after 5000 errors; fix these and check again for the rest")]
