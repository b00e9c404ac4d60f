"""examples/invalid/README.md documents the exact output for each file; prove it."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, REPO, invoke

INVALID = EXAMPLES / "invalid"
SECTION = re.compile(r"^## `(?P<name>[^`]+)` \((?P<code>RL\d{3})\)\n.*?^```text\n(?P<output>.*?)^```$",
                     re.MULTILINE | re.DOTALL)


def documented() -> dict[str, tuple[str, str]]:
    text = (INVALID / "README.md").read_text(encoding="utf-8")
    sections = {m["name"]: (m["code"], m["output"]) for m in SECTION.finditer(text)}
    assert len(sections) == text.count("\n## "), "a section is not in the `## `file` (CODE)` + text-block form"
    return sections


def test_every_invalid_example_is_documented_and_every_documented_file_exists() -> None:
    assert set(documented()) == {path.name for path in INVALID.glob("*.yaml")}


def test_the_examples_cover_every_load_and_schema_problem_a_file_can_hold() -> None:
    codes = {code for code, _ in documented().values()}
    # RL011 (size) and RL012 (unreadable) are file-system states; RL110 is unreachable in 1.0.
    assert codes == {f"RL{n:03d}" for n in (*range(1, 11), 13, *range(101, 110))}


@pytest.mark.parametrize("name", sorted(documented()))
def test_documented_output_is_the_real_output(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, expected = documented()[name]
    result = invoke("check", "--isolated", "--no-cache", "--output-format", "concise",
                    f"examples/invalid/{name}")
    assert result.exit_code == 1
    assert result.stdout == expected
    assert f": {code} " in expected.splitlines()[0]


def test_each_file_has_its_one_problem_only() -> None:
    """One class of problem per file: the documented findings all carry the file's code."""
    for name, (code, output) in documented().items():
        findings = output.splitlines()[:-1]
        assert findings, name
        assert all(f": {code} " in line for line in findings), (name, findings)
