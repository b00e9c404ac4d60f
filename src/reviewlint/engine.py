"""Checking many paths: discovery, the config that governs each file, the cache, and a
process pool. The per-file pass itself is lint.py; this module re-exports it, so
`reviewlint.engine` stays the one place a program imports the check from.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reviewlint.codes import INTERNAL_ERROR
from reviewlint.config import SettingsLookup
from reviewlint.discovery import Discovery, discover, display_path
from reviewlint.lint import (
    check_bytes,
    check_document,
    check_file,
    check_text,
    internal_error,
    load_file,
    read_error,
    read_file,
    unreadable,
)
from reviewlint.results import CheckResult, FileResult
from reviewlint.settings import Settings

if TYPE_CHECKING:
    from reviewlint.cache import ResultCache

__all__ = [
    "INTERNAL_ERROR", "PARALLEL_MIN_FILES", "CheckResult", "FileResult", "SettingsLookup", "check_bytes",
    "check_document", "check_file", "check_paths", "check_text", "default_jobs", "discover_with_config",
    "internal_error", "iter_results", "load_file", "read_error", "read_file", "unreadable",
]

# Whatever gives a file's settings: a SettingsLookup (the config search), or any function.
SettingsFor = Callable[[str], Settings]

# Below this many files a process pool costs more than it saves (fork + imports ~ 30 ms).
PARALLEL_MIN_FILES = 64


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Set in each worker process by _init_worker: the pool sends only file paths.
_worker_state: tuple[SettingsFor, ResultCache | None] | None = None


def _init_worker(lookup: SettingsFor, cache: ResultCache | None) -> None:
    global _worker_state
    _worker_state = (lookup, cache)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_state is not None
    lookup, cache = _worker_state
    return check_file(path, lookup(path), cache=cache)


def _iter_parallel(files: list[str], lookup: SettingsFor, cache: ResultCache | None,
                   jobs: int) -> Iterator[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                 initializer=_init_worker, initargs=(lookup, cache)) as pool:
            chunk = max(1, min(64, len(files) // (jobs * 8)))
            for result in pool.map(_check_in_worker, files, chunksize=chunk):
                done += 1
                yield result
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish in this process rather than lose files.
        for path in files[done:]:
            yield check_file(path, lookup(path), cache=cache)


def iter_results(files: list[str], lookup: SettingsFor, *, jobs: int = 1,
                 cache: ResultCache | None = None) -> Iterator[FileResult]:
    """Results in the files' order, streamed: nothing holds every parsed document.

    With a cache, this process answers the hits itself (a read and a hash each) and
    only the misses go to the pool, so an unchanged tree never pays for workers."""
    if cache is None:
        yield from _run(files, lookup, jobs, None)
        return
    hits: dict[int, FileResult] = {}
    misses: list[str] = []
    for index, path in enumerate(files):
        hit = _cached(path, lookup(path), cache)
        if hit is None:
            misses.append(path)
        else:
            hits[index] = hit
    computed = _run(misses, lookup, jobs, cache)
    for index in range(len(files)):
        yield hits[index] if index in hits else next(computed)


def _cached(path: str, settings: Settings, cache: ResultCache) -> FileResult | None:
    try:
        info = os.stat(path)
        if info.st_size > settings.max_file_size or not stat.S_ISREG(info.st_mode):
            return None  # the full path reports it
        absolute = os.path.abspath(path)
        key = cache.key_from_stat(absolute, info, settings)
        if key is None:
            with open(path, "rb") as handle:
                data = handle.read()
            key = cache.entry_key(data, settings)
    except OSError:
        return None  # the full path reports it
    found = cache.get(key, path)
    if found is None:
        return None
    cache.remember_stat(absolute, info, settings, key)
    return FileResult(path=path, diagnostics=found, cache_key=key, cached=True)


def _run(files: list[str], lookup: SettingsFor, jobs: int, cache: ResultCache | None) -> Iterator[FileResult]:
    if jobs > 1 and len(files) >= PARALLEL_MIN_FILES:
        yield from _iter_parallel(files, lookup, cache, jobs)
    else:
        for path in files:
            yield check_file(path, lookup(path), cache=cache)


def discover_with_config(paths: Iterable[str], lookup: SettingsFor, *, exclude: Iterable[str] = (),
                         force_exclude: bool = False) -> Discovery:
    """Discover files under each path with the excludes of the config that governs it
    (relative to that config's folder), plus the CLI's excludes (relative to the
    working directory)."""
    cli_excludes = list(exclude)
    merged = Discovery()
    seen: set[str] = set()
    for raw in paths:
        if not force_exclude and os.path.isfile(raw) and not os.path.islink(raw):
            # A file named on the command line (pre-commit passes thousands) is checked
            # whatever the excludes say: no config lookup, no walk.
            shown = display_path(raw)
            if shown not in seen:
                seen.add(shown)
                merged.files.append(shown)
            continue
        anchor = raw if os.path.isdir(raw) else os.path.dirname(raw) or "."
        settings = lookup(os.path.join(anchor, "_"))
        found = discover([raw], exclude=settings.exclude, root=settings.root, force_exclude=force_exclude,
                         extra_exclude=cli_excludes)
        merged.missing.extend(found.missing)
        merged.skipped.extend(found.skipped)
        merged.unreadable.extend(found.unreadable)
        merged.warnings.extend(warning for warning in found.warnings if warning not in merged.warnings)
        for path in found.files:
            if path not in seen:
                seen.add(path)
                merged.files.append(path)
    return merged


def check_paths(paths: Iterable[str], *, settings_for: SettingsFor | None = None,
                exclude: Iterable[str] = (), force_exclude: bool = False, jobs: int | None = None,
                cache_dir: str | None = None, progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """Discover and check every review under `paths`. `cache_dir` enables the result cache;
    `progress(done, total)` is called as each file finishes (the CLI's progress line)."""
    lookup = settings_for or SettingsLookup()
    found = discover_with_config(paths, lookup, exclude=exclude, force_exclude=force_exclude)
    result = CheckResult(missing=found.missing, skipped=found.skipped, warnings=found.warnings)
    # A folder that cannot be read is a finding of its own, never a silent pass.
    result.files.extend(FileResult(path=folder.path, diagnostics=[unreadable(folder.path, folder.reason,
                                                                             prefix="")])
                        for folder in found.unreadable)
    cache = None
    if cache_dir is not None:
        from reviewlint.cache import ResultCache

        cache = ResultCache(Path(cache_dir))
    for file_result in iter_results(found.files, lookup, jobs=jobs or default_jobs(), cache=cache):
        if cache is not None and file_result.cache_key and not file_result.cached:
            cache.put(file_result.cache_key, file_result.diagnostics)
            with contextlib.suppress(OSError):  # gone since: it simply stays out of the stat index
                cache.remember_stat(os.path.abspath(file_result.path), os.stat(file_result.path),
                                    lookup(file_result.path), file_result.cache_key)
        result.files.append(file_result)
        if progress is not None:
            progress(len(result.files), len(found.files) + len(found.unreadable))
    if cache is not None:
        cache.save()
    return result
