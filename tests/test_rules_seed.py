"""The issue's "done when": the legacy seed review, converted to YAML by hand, is checked
and its non-breaking space, its mixed quotes and "potray" are flagged at their exact
positions.

The seed is third-party text: the test reads it from /work/shared (beside the repository)
and builds the YAML here; only the structure is written in this file, every sentence comes
from the seed.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewlint.cli import cli
from reviewlint.document import load_text
from rulekit import findings

SEED = "seeds/000_aac41312e441cadf.txt"
LABELS = ("Warning:", "Synopsis:", "Review:", "Memorable Scene:", "Memorable Dialogue:", "Ending:",
          "Recommendation:")


def sections(text: str) -> dict[str, list[str]]:
    """Label -> the raw lines under it (up to the next label); "" holds the header."""
    result: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        if line.strip() in LABELS:
            current = line.strip()
            result[current] = []
        else:
            result[current].append(line)
    return result


def paragraphs(lines: list[str]) -> list[str]:
    """Non-empty paragraphs. Python's str.strip() would eat a non-breaking space, so only
    ASCII white space is stripped: a hand conversion copies text as it is."""
    return [line.strip(" \t") for line in lines if line.strip(" \t")]


def literal(text: str, indent: str) -> str:
    return "|-\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))


def folded(text: str, indent: str, width: int = 72) -> str:
    return ">-\n" + "\n".join(textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent,
                                            break_long_words=False, break_on_hyphens=False))


def fact(header: list[str], label: str) -> str:
    """The value after `label` on the header's fact line that carries it ("Director: X | Writer: Y")."""
    for line in header:
        for part in line.split("|"):
            if part.strip().startswith(label):
                return part.strip().removeprefix(label).strip()
    raise AssertionError(f"the seed has no {label!r} fact")


def seed_yaml(seed: str) -> str:
    parts = sections(seed)
    header = paragraphs(parts[""])
    title_line, logline = header[0], header[-1]
    title = next(line for line in header if "|" in line and ":" not in line).split("|")[0].strip()  # "T | Y | R"
    headline = title_line.split("–", 1)[1].strip()
    synopsis = paragraphs(parts["Synopsis:"])
    body = paragraphs(parts["Review:"])
    scene_lines = [line.rstrip(" \t") for line in parts["Memorable Scene:"]]
    while scene_lines and not scene_lines[0]:
        scene_lines.pop(0)
    while scene_lines and not scene_lines[-1]:
        scene_lines.pop()
    dialogue = paragraphs(parts["Memorable Dialogue:"])[0]
    warning_source = paragraphs(parts["Warning:"])[0]
    verdict_text, author = paragraphs(parts["Recommendation:"])[:2]
    lines = [
        'schema_version: "1.1"',
        "film:",
        f"  title: {title}",
        "  year: 2023",
        "  runtime_minutes: 92",
        "  genres: [One-Person Army Action, Action, Thriller]",
        "  countries: [KR]",
        "  original_language: ko",
        f"  directors: [{fact(header, 'Director:')}]",
        f"  writers: [{fact(header, 'Writer:')}]",
        f"  cast: [{fact(header, 'Cast:')}]",
        "external_ratings:",
        "  - {source: imdb, value: 6.3, max: 10}",
        'rating: {value: 7, min: 1, max: 10, step: 1, original: "7/10"}',
        "review:",
        f"  headline: {json.dumps(headline, ensure_ascii=False)}",
        f"  logline: {folded(logline, '    ')}",
        "  synopsis:",
        f"    text: {literal((chr(10) * 2).join(synopsis), '      ')}",
        "    spoiler: false",
        "  body:",
        *[f"    - {folded(paragraph, '      ')}" for paragraph in body],
        "  memorable_scene:",
        f"    text: {literal(chr(10).join(scene_lines), '      ')}",
        "    spoiler: true",
        "  memorable_dialogue:",
        f"    - quote: {json.dumps(dialogue.strip('“”'), ensure_ascii=False)}",
        "  recommendation:",
        "    verdict: worth-watching",
        f"    text: {verdict_text}",
        "content_warnings: [violence, profanity, drugs, sexual-violence, suicide, alcohol, smoking, death-grief, gore]",
        f"content_warnings_source: {json.dumps(warning_source, ensure_ascii=False)}",
        "ending:",
        f"  type: {'happy' if paragraphs(parts['Ending:'])[0] == 'Happy Ending' else 'other'}",
        "  spoiler: true",
        "spoilers: minor",
        "author:",
        f"  name: {author.strip('()')}",
        "language: en",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def seed_text(shared_dir: Path) -> str:
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"the seed review {path} is not available")
    return path.read_text(encoding="utf-8")


def where(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line:col of the first `needle` in `text` (plus `offset` characters), found by
    plain string search: an independent check of the rules' position mapping."""
    index = text.index(needle) + offset
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def test_the_seed_converts_to_a_valid_review(seed_text: str) -> None:
    text = seed_yaml(seed_text)
    assert [f for f in findings(text) if f[0].startswith(("RL0", "RL1"))] == []


def test_the_seed_findings_are_the_nbsp_the_mixed_quote_and_potray(seed_text: str) -> None:
    text = seed_yaml(seed_text)
    assert text.count("\u00a0") == 1 and text.count("potray") == 1 and text.count("Don't") == 1
    assert findings(text) == [
        ("RL509", 1, 1, "the review has no `published` date; add it as YYYY-MM-DD"),
        ("RL606", 62, 46, "'potray' is a misspelling of 'portray'"),
        ("RL602", 83, 7, "no-break space (U+00A0) in the text; use a plain space"),
        ("RL603", 86, 18, "straight quote ' in a document that uses curly quotes; use ’"),
    ]
    # The same positions, found by searching the text itself.
    assert where(text, "potray") == (62, 46)
    assert where(text, "\u00a0") == (83, 7)
    assert where(text, "Don't", 3) == (86, 18)


def test_check_on_the_seed_file_reports_them(seed_text: str, tmp_path: Path) -> None:
    review = tmp_path / "seed.yaml"
    review.write_text(seed_yaml(seed_text), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--output-format", "concise",
                                      str(review)])
    assert result.exit_code == 0  # all warnings: the default fail level is error
    lines = result.output.splitlines()
    assert f"{review}:62:46: RL606 'potray' is a misspelling of 'portray'" in lines
    assert f"{review}:83:7: RL602 no-break space (U+00A0) in the text; use a plain space" in lines
    assert f"{review}:86:18: RL603 straight quote ' in a document that uses curly quotes; use ’" in lines
    strict = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--fail-level", "warning", str(review)])
    assert strict.exit_code == 1


def test_the_seeds_free_text_warnings_map_to_slugs(seed_text: str) -> None:
    """RL301 on the seed's own "Warning:" sentence, written as a list."""
    sentence = paragraphs(sections(seed_text)["Warning:"])[0]
    listed = sentence.removeprefix("Contains ").rstrip(".").split(",")
    phrases = [phrase.strip().removeprefix("and ").strip() for phrase in listed]
    text = seed_yaml(seed_text).replace(
        "content_warnings: [violence, profanity, drugs, sexual-violence, suicide, alcohol, smoking, death-grief, gore]",
        "content_warnings: [" + ", ".join(phrases) + "]")
    found = [f for f in findings(text) if f[0] in ("RL301", "RL104")]
    assert [(code, message) for code, _line, _col, message in found] == [
        ("RL301", "content warning 'strong language' is not a vocabulary slug; its slug is 'profanity'"),
        ("RL301", "content warning 'harmful substances' is not a vocabulary slug; its slug is 'drugs'"),
        ("RL301", "content warning 'sexual violence' is not a vocabulary slug; its slug is 'sexual-violence'"),
    ]


def test_the_seeds_findings_are_fixed_by_check_fix(seed_text: str, tmp_path: Path) -> None:
    """The fixes are data edits the formatter applies: afterwards only the missing date is left."""
    review = tmp_path / "seed.yaml"
    review.write_text(seed_yaml(seed_text), encoding="utf-8")
    fixed = CliRunner().invoke(cli, ["check", "--isolated", "--no-cache", "--fix", "--unsafe-fixes",
                                     "--output-format", "concise", str(review)])
    assert fixed.exit_code == 0, fixed.output
    text = review.read_text(encoding="utf-8")
    assert "\u00a0" not in text and "potray" not in text and "Don't" not in text
    data = load_text(text).data
    parts = sections(seed_text)
    misspelt = re.search(r"(?:\S+ ){4}potray(?: \S+){2}", paragraphs(parts["Review:"])[4])
    assert misspelt is not None
    assert misspelt.group().replace("potray", "portray") in data["review"]["body"][4]
    dialogue = paragraphs(parts["Memorable Dialogue:"])[0].strip("“”")
    assert data["review"]["memorable_dialogue"][0]["quote"] == dialogue.replace("Don't", "Don’t")
    scene_end = [line for line in paragraphs(parts["Memorable Scene:"]) if line.strip()][-1].split()[-4:]
    assert data["review"]["memorable_scene"]["text"].endswith(" ".join(scene_end) + "\n")
    assert [f[0] for f in findings(text)] == ["RL509"]
