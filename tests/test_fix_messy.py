"""The issue's "done when": a deliberately messy copy of each example (shuffled keys,
odd indentation, trailing spaces, no-break spaces, comments everywhere) comes back
canonical, with its comments, in one `reviewlint check --fix`; a second run changes
nothing."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli
from reviewlint.document import load_text
from reviewlint.formatting import format_text
from reviewlint.formatting.verify import same_data
from test_format_messy import EXAMPLES, Messy, attachments, canonical_order, expected_place

OLD = 1_000_000_000


def with_no_break_spaces(data: dict[str, Any]) -> dict[str, Any]:
    """The example with a no-break space in each paragraph, as pasted from a web page."""
    body = data["review"]["body"]
    data["review"]["body"] = [paragraph.replace(" ", "\u00a0", 1) for paragraph in body]
    return data


def plain_spaces(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: plain_spaces(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain_spaces(value) for value in data]
    return data.replace("\u00a0", " ") if isinstance(data, str) else data


@pytest.mark.parametrize("seed", range(2))
def test_one_check_fix_makes_messy_copies_canonical_and_a_second_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    monkeypatch.chdir(tmp_path)
    placed: dict[str, dict[str, tuple[str, tuple[str | int, ...]]]] = {}
    originals: dict[str, Any] = {}
    for example in EXAMPLES:
        data = load_text(example.read_text(encoding="utf-8")).data
        writer = Messy(random.Random(f"fix-{example.stem}-{seed}"), comment_rate=0.6)
        messy_text = writer.document(with_no_break_spaces(data))
        (tmp_path / example.name).write_text(messy_text, encoding="utf-8", newline="")
        placed[example.name] = writer.placed
        originals[example.name] = load_text(messy_text).data

    first = CliRunner().invoke(cli, ["check", "--fix", "--isolated", "--no-cache", "."], catch_exceptions=False)
    assert first.exit_code in (0, 1), first.output
    for example in EXAMPLES:
        assert f" in {example.name}\n" in first.stderr or f"Reformatted {example.name}\n" in first.stderr
        text = (tmp_path / example.name).read_text(encoding="utf-8")
        assert format_text(text) == text, f"{example.name} is not canonical after --fix"
        data = load_text(text).data
        assert same_data(plain_spaces(data), plain_spaces(originals[example.name]))
        found = attachments(text)
        ordered = canonical_order(data)
        for name, (kind, path) in placed[example.name].items():
            assert found.get(name) == expected_place(kind, path, ordered), f"{example.name}: {name}"
        os.utime(tmp_path / example.name, ns=(OLD, OLD))

    before = {example.name: (tmp_path / example.name).read_bytes() for example in EXAMPLES}
    second = CliRunner().invoke(cli, ["check", "--fix", "--isolated", "--no-cache", "."], catch_exceptions=False)
    assert second.exit_code in (0, 1), second.output
    assert "Fixed" not in second.stderr and "Reformatted" not in second.stderr
    for example in EXAMPLES:
        assert (tmp_path / example.name).read_bytes() == before[example.name]
        assert (tmp_path / example.name).stat().st_mtime_ns == OLD
