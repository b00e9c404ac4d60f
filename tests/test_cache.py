"""The result cache is untrusted input: whatever its folder holds, a run gives the right
answer, never an error, and never reads or writes through a link."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from conftest import valid_review_text
from reviewlint.cache import ResultCache
from reviewlint.engine import SettingsLookup, check_paths

VALID = valid_review_text()
BROKEN = VALID.replace("year: 2011", "year: twenty")
WRONG_TYPE = ("r.yaml", "RL103", 4, 9, "`year` must be an integer, got 'twenty'")


def _check(folder: Path, cache_dir: Path) -> list[tuple[str, str, int, int, str]]:
    result = check_paths([str(folder / "r.yaml")], settings_for=SettingsLookup({"select": ("RL1",)}, isolated=True),
                         jobs=1, cache_dir=str(cache_dir))
    return [(Path(d.path).name, d.code, d.line, d.col, d.message) for d in result.diagnostics]


@pytest.fixture
def review(tmp_path: Path) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    old = time.time() - 60  # old enough for the stat index ("racy git" skips fresh files)
    os.utime(path, (old, old))
    return path


def _cache_file(cache_dir: Path) -> Path:
    return ResultCache(cache_dir).file


def _filled(review: Path) -> Path:
    """A cache folder after one run over `review`: one entry, one stat record."""
    cache_dir = review.parent / "cache"
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]
    return cache_dir


def test_a_cache_nested_past_the_stack_is_discarded(review: Path) -> None:
    cache_dir = review.parent / "cache"
    cache_dir.mkdir()
    _cache_file(cache_dir).write_text("[" * 100_000, encoding="utf-8")
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]  # rewritten whole, and read back
    assert json.loads(_cache_file(cache_dir).read_text(encoding="utf-8"))["format"] == 1


def test_a_stat_record_of_the_wrong_shape_is_discarded(review: Path) -> None:
    cache_dir = _filled(review)
    data = json.loads(_cache_file(cache_dir).read_text(encoding="utf-8"))
    (record,) = data["stats"].values()
    record[4] = ["a", "list"]  # was the settings key: a list cannot be compared with one, nor hashed
    _cache_file(cache_dir).write_text(json.dumps(data), encoding="utf-8")
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]


@pytest.mark.parametrize(("field", "value"), [
    ("l", "NaN"), ("o", None), ("el", 0), ("eo", 2 ** 40), ("s", "error"), ("m", 5), ("p", "film"), ("f", [1]),
])
def test_an_entry_with_a_field_of_the_wrong_type_is_a_miss(review: Path, field: str, value: object) -> None:
    cache_dir = _filled(review)
    data = json.loads(_cache_file(cache_dir).read_text(encoding="utf-8"))
    (entry,) = data["entries"].values()
    entry[0][field] = value
    _cache_file(cache_dir).write_text(json.dumps(data), encoding="utf-8")
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]


def test_a_file_rewritten_with_its_size_and_mtime_restored_is_read_again(review: Path) -> None:
    cache_dir = _filled(review)
    before = review.stat()
    fixed = BROKEN.replace("year: twenty", "year: 201xyz")
    assert len(fixed) == len(BROKEN)
    review.write_text(fixed, encoding="utf-8")
    os.utime(review, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` does
    after = review.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert _check(review.parent, cache_dir) == [("r.yaml", "RL103", 4, 9, "`year` must be an integer, got '201xyz'")]


def test_a_dangling_gitignore_link_in_the_cache_creates_nothing_outside(review: Path, tmp_path: Path) -> None:
    cache_dir = review.parent / "cache"
    cache_dir.mkdir()
    outside = tmp_path / "outside" / "planted"
    outside.parent.mkdir()
    (cache_dir / ".gitignore").symlink_to(outside)
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]
    assert not outside.exists()
    assert _cache_file(cache_dir).is_file()  # the results themselves are still cached


def test_a_cache_folder_that_is_a_link_is_never_used(review: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    kept = elsewhere / "results-v1-0123456789abcdef.json"
    kept.write_text("someone else's file", encoding="utf-8")
    link = review.parent / "cache-link"
    link.symlink_to(elsewhere, target_is_directory=True)
    assert _check(review.parent, link) == [WRONG_TYPE]
    assert _check(review.parent, link) == [WRONG_TYPE]
    assert sorted(p.name for p in elsewhere.iterdir()) == [kept.name]
    assert kept.read_text(encoding="utf-8") == "someone else's file"


def test_a_cache_file_that_is_a_link_is_not_read(review: Path, tmp_path: Path) -> None:
    cache_dir = _filled(review)
    real = _cache_file(cache_dir)
    moved = tmp_path / "moved.json"
    real.rename(moved)
    real.symlink_to(moved)
    cache = ResultCache(cache_dir)
    assert (cache.entries, cache.stats) == ({}, {})


def test_a_cache_file_too_big_to_be_ours_is_not_read(review: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewlint import cache as cache_module

    cache_dir = _filled(review)
    monkeypatch.setattr(cache_module, "MAX_CACHE_BYTES", 10)
    cache = ResultCache(cache_dir)
    assert (cache.entries, cache.stats) == ({}, {})
    assert _check(review.parent, cache_dir) == [WRONG_TYPE]
