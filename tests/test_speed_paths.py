"""The fast paths must never change a result: cache, process pool, jsonschema-rs."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewlint import engine, schema
from reviewlint.cache import ResultCache
from reviewlint.document import load_text
from reviewlint.engine import SettingsLookup, check_paths

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

BROKEN = """schema_version: "1.1"
film:
  title: Broken
  year: twenty
rating: {value: 7, min: 1, max: 10, step: 1}
review:
  body: [Fine prose here.]
content_warnings: []
author: {name: Someone}
published: "2020-01-01"
"""


def _write_corpus(folder: Path, count: int) -> list[Path]:
    sources = sorted(EXAMPLES.glob("*.yaml"))
    written = []
    for number in range(count):
        target = folder / f"review-{number:03d}.yaml"
        if number % 7 == 3:
            target.write_text(BROKEN, encoding="utf-8")
        else:
            target.write_bytes(sources[number % len(sources)].read_bytes())
        written.append(target)
    return written


def _summary(result: engine.CheckResult) -> list[tuple[str, str, int, int, str]]:
    return [(d.path, d.code, d.line, d.col, d.message) for d in result.diagnostics]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reviews"
    folder.mkdir()
    _write_corpus(folder, engine.PARALLEL_MIN_FILES + 6)
    return folder


def test_parallel_results_equal_serial_results_in_the_same_order(corpus: Path) -> None:
    lookup = SettingsLookup(isolated=True)
    serial = check_paths([str(corpus)], settings_for=lookup, jobs=1)
    parallel = check_paths([str(corpus)], settings_for=lookup, jobs=2)
    assert [f.path for f in parallel.files] == [f.path for f in serial.files]
    assert _summary(parallel) == _summary(serial)
    assert any(d.code == "RL103" for d in serial.diagnostics)


def test_warm_cache_returns_the_cold_results_and_marks_them_cached(corpus: Path, tmp_path: Path) -> None:
    lookup = SettingsLookup(isolated=True)
    cache_dir = tmp_path / "cache"
    cold = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=str(cache_dir))
    assert not any(f.cached for f in cold.files)
    warm = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=str(cache_dir))
    assert all(f.cached for f in warm.files)
    assert _summary(warm) == _summary(cold)
    assert (cache_dir / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_edited_file_misses_the_cache(corpus: Path, tmp_path: Path) -> None:
    lookup = SettingsLookup(isolated=True)
    cache_dir = str(tmp_path / "cache")
    check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    edited = corpus / "review-003.yaml"
    edited.write_text(BROKEN.replace("year: twenty", "year: 2001"), encoding="utf-8")
    again = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    by_path = {Path(f.path).name: f for f in again.files}
    assert by_path["review-003.yaml"].cached is False
    assert by_path["review-003.yaml"].diagnostics == []
    assert by_path["review-000.yaml"].cached is True


def test_different_settings_do_not_share_entries(corpus: Path, tmp_path: Path) -> None:
    cache_dir = str(tmp_path / "cache")
    check_paths([str(corpus)], settings_for=SettingsLookup(isolated=True), jobs=1, cache_dir=cache_dir)
    ignoring = SettingsLookup({"ignore": ("RL103",)}, isolated=True)
    result = check_paths([str(corpus)], settings_for=ignoring, jobs=1, cache_dir=cache_dir)
    assert not any(f.cached for f in result.files)
    assert not any(d.code == "RL103" for d in result.diagnostics)


@pytest.mark.parametrize("garbage", [b"", b"not json", b'{"entries": [1, 2]}',
                                     b'{"entries": {"k": [{"c": "RL1"}]}}'])
def test_a_damaged_cache_is_ignored_not_fatal(corpus: Path, tmp_path: Path, garbage: bytes) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (ResultCache(cache_dir).file).write_bytes(garbage)
    result = check_paths([str(corpus)], settings_for=SettingsLookup(isolated=True), jobs=1,
                         cache_dir=str(cache_dir))
    assert any(d.code == "RL103" for d in result.diagnostics)
    assert json.loads(ResultCache(cache_dir).file.read_text(encoding="utf-8"))["format"] == 1


def test_cache_write_failure_still_reports_results(corpus: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = check_paths([str(corpus)], settings_for=SettingsLookup(isolated=True), jobs=1,
                         cache_dir=str(blocked))
    assert any(d.code == "RL103" for d in result.diagnostics)
    assert blocked.read_text(encoding="utf-8") == "a file where the cache folder should be"


def test_cache_leaves_no_temporary_files(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    check_paths([str(corpus)], settings_for=SettingsLookup(isolated=True), jobs=1, cache_dir=str(cache_dir))
    assert sorted(p.name for p in cache_dir.iterdir() if p.name.startswith(".tmp")) == []
    assert not any(name.startswith(".tmp") for name in os.listdir(corpus))


# --- jsonschema-rs and python-jsonschema must agree -------------------------------------------

def _valid_data() -> dict[str, Any]:
    document = load_text((EXAMPLES / "parasite.yaml").read_text(encoding="utf-8"), "parasite.yaml")
    assert isinstance(document.data, dict)
    return document.data


LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-3000, 3000), st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=12), st.sampled_from(["tt1234567", "KR", "ko", "2024-02-30", "2024-02-29",
                                                          "violence", "happy", "must-watch", "", "x-y"]))
VALUES = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                      st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fast_and_full_validators_agree_on_mutated_reviews(data: st.DataObject) -> None:
    review = copy.deepcopy(_valid_data())
    paths = [p for p in _paths(review) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        parent: Any = review
        for part in path[:-1]:
            parent = parent[part] if (isinstance(parent, dict) and part in parent) or (
                isinstance(parent, list) and isinstance(part, int) and part < len(parent)) else None
            if parent is None:
                break
        if parent is None:
            continue
        key = path[-1]
        if isinstance(parent, dict) and key in parent:
            if data.draw(st.booleans()):
                parent[key] = data.draw(VALUES)
            else:
                del parent[key]
        elif isinstance(parent, list) and isinstance(key, int) and key < len(parent):
            parent[key] = data.draw(VALUES)
    full_valid = schema.validator_for("1.0").is_valid(review)
    assert schema.is_valid_fast(review, "1.0") == full_valid


def test_fast_validator_refuses_remote_references() -> None:
    import jsonschema_rs

    with pytest.raises(jsonschema_rs.ValidationError, match="Retrieval is disabled"):
        jsonschema_rs.Draft202012Validator({"$ref": "https://example.com/other.json"}, offline=True)


def _age(folder: Path, seconds: int) -> None:
    """Backdate every file, so the stat index may trust it (recent edits are not indexed)."""
    past = int((os.stat(folder).st_mtime - seconds) * 1e9)
    for path in folder.iterdir():
        os.utime(path, ns=(past, past))


def test_an_unchanged_old_file_is_answered_from_its_stat_without_reading(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _age(corpus, 60)
    lookup = SettingsLookup(isolated=True)
    cache_dir = str(tmp_path / "cache")
    cold = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    opened: list[str] = []
    real_open = open

    def counting_open(path: object, *args: object, **kwargs: object) -> object:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(engine, "open", counting_open, raising=False)
    warm = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    assert all(f.cached for f in warm.files)
    assert _summary(warm) == _summary(cold)
    assert [p for p in opened if p.endswith(".yaml")] == []


def test_an_old_file_edited_since_is_read_again(corpus: Path, tmp_path: Path) -> None:
    _age(corpus, 60)
    lookup = SettingsLookup(isolated=True)
    cache_dir = str(tmp_path / "cache")
    check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    edited = corpus / "review-003.yaml"
    edited.write_text(BROKEN.replace("year: twenty", "year: 2001"), encoding="utf-8")
    _age(corpus, 30)  # an older mtime than now, yet not the one the index recorded
    again = check_paths([str(corpus)], settings_for=lookup, jobs=1, cache_dir=cache_dir)
    by_path = {Path(f.path).name: f for f in again.files}
    assert by_path["review-003.yaml"].cached is False
    assert by_path["review-003.yaml"].diagnostics == []
