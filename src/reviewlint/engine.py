"""The check pipeline: load -> schema -> rules -> filter, for one text or many paths.

Everything the CLI does goes through here, so a program (a test, a batch job) gets the
same results by calling these functions directly.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reviewlint import schema
from reviewlint.config import Settings, default_settings
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.discovery import Discovery, Skipped, discover, display_path
from reviewlint.document import (
    LOAD_RULE_NAMES,
    READ_ERROR,
    Document,
    editor_positions,
    load_bytes,
    load_text,
    too_large,
)

if TYPE_CHECKING:
    from reviewlint.cache import ResultCache

INTERNAL_ERROR = "RL999"
# Below this many files a process pool costs more than it saves (fork + imports ~ 30 ms).
PARALLEL_MIN_FILES = 64
INTERNAL_ERROR_NAME = "internal-error"


@dataclass(slots=True)
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_error: bool = False
    fixes_applied: int = 0
    # The document, only when the caller asked to keep it (the fixer needs it).
    document: Document | None = None
    # Set when a cache is in use: the entry key, and whether the result came from it.
    cache_key: str | None = None
    cached: bool = False


@dataclass(slots=True)
class CheckResult:
    files: list[FileResult] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files for d in f.diagnostics]

    @property
    def internal_error(self) -> bool:
        return any(f.internal_error for f in self.files)

    def problem_files(self) -> int:
        return sum(1 for f in self.files if f.diagnostics)


def internal_error(path: str, where: str, error: BaseException) -> Diagnostic:
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return Diagnostic(code=INTERNAL_ERROR, message=f"internal error in {where}: {type(error).__name__}"
                      + (f": {detail}" if detail else "") + " (please report this)",
                      path=path, line=1, col=1, severity=Severity.ERROR, rule=INTERNAL_ERROR_NAME)


def check_document(document: Document, settings: Settings | None = None) -> FileResult:
    """All diagnostics for an already-loaded document, filtered by the settings."""
    from reviewlint import rules, suppress

    settings = settings or default_settings()
    result = FileResult(path=document.path)
    found: list[Diagnostic] = list(document.diagnostics)
    if document.loaded:
        try:
            found.extend(schema.check_schema(document))
        except Exception as error:  # a bug of ours must not take the other files down
            found.append(internal_error(document.path, "schema validation", error))
            result.internal_error = True
        rule_diagnostics, failed = rules.run_rules(document, settings)
        found.extend(rule_diagnostics)
        result.internal_error = result.internal_error or failed
    found = editor_positions(document.text, suppress.apply(document, found, settings))
    found.sort(key=Diagnostic.sort_key)
    result.diagnostics = found
    return result


def check_text(text: str, path: str = "<string>", settings: Settings | None = None) -> list[Diagnostic]:
    """Check review text; the Python API's simplest entry point."""
    return check_document(load_text(text, path), settings).diagnostics


def check_bytes(data: bytes, path: str = "<bytes>", settings: Settings | None = None) -> list[Diagnostic]:
    settings = settings or default_settings()
    return check_document(load_bytes(data, path, max_bytes=settings.max_file_size), settings).diagnostics


def read_error(path: str, error: OSError) -> Diagnostic:
    reason = error.strerror or str(error)
    if isinstance(error, FileNotFoundError):
        if os.path.islink(path):
            reason = f"broken symbolic link (it points to {os.readlink(path)}, which does not exist)"
        else:
            reason = "file disappeared before it could be read"
    return unreadable(path, reason)


def unreadable(path: str, reason: str) -> Diagnostic:
    return Diagnostic(code=READ_ERROR, message=f"cannot read file: {reason}", path=path, line=1, col=1,
                      rule=LOAD_RULE_NAMES[READ_ERROR])


def read_file(path: str, settings: Settings) -> bytes | Document:
    """The file's bytes, or a Document holding the diagnostic that says why not."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # opening a named pipe would wait for a writer forever
            return Document(path=path, text="", root=None, data=None, diagnostics=[
                unreadable(path, "not a regular file (a named pipe, socket or device)")])
        if info.st_size > settings.max_file_size:
            return too_large(path, info.st_size, settings.max_file_size)
        with open(path, "rb") as handle:
            return handle.read(settings.max_file_size + 1)
    except OSError as error:
        return Document(path=path, text="", root=None, data=None, diagnostics=[read_error(path, error)])


def load_file(path: str, settings: Settings) -> Document:
    """Read and parse one file; never raises for I/O or content problems."""
    data = read_file(path, settings)
    if isinstance(data, Document):
        return data
    return load_bytes(data, path, max_bytes=settings.max_file_size)


def check_file(path: str, settings: Settings | None = None, *, keep_document: bool = False,
               cache: ResultCache | None = None) -> FileResult:
    settings = settings or default_settings()
    try:
        data = read_file(path, settings)
        key = None
        if cache is not None and not isinstance(data, Document):
            key = cache.entry_key(data, settings)
            hit = None if keep_document else cache.get(key, path)
            if hit is not None:
                return FileResult(path=path, diagnostics=hit, cache_key=key, cached=True)
        document = data if isinstance(data, Document) else load_bytes(data, path, max_bytes=settings.max_file_size)
        result = check_document(document, settings)
        result.cache_key = key if not result.internal_error else None
    except Exception as error:  # never a traceback for one file; the others go on
        return FileResult(path=path, diagnostics=[internal_error(path, "reviewlint", error)], internal_error=True)
    if keep_document:
        result.document = document
    return result


class SettingsLookup:
    """Settings per file, found by the config search; cached per directory."""

    def __init__(self, overrides: dict[str, object] | None = None, config_file: str | None = None,
                 isolated: bool = False) -> None:
        from reviewlint.config import settings_for_path

        self._resolve = settings_for_path
        self.overrides = overrides or {}
        self.config_file = config_file
        self.isolated = isolated
        self._cache: dict[str, Settings] = {}

    def __call__(self, path: str) -> Settings:
        directory = os.path.dirname(os.path.abspath(path))
        cached = self._cache.get(directory)
        if cached is None:
            cached = self._resolve(directory, overrides=self.overrides, config_file=self.config_file,
                                   isolated=self.isolated)
            self._cache[directory] = cached
        return cached.for_file(path)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# Set in each worker process by _init_worker: the pool sends only file paths.
_worker_state: tuple[SettingsLookup, ResultCache | None] | None = None


def _init_worker(lookup: SettingsLookup, cache: ResultCache | None) -> None:
    global _worker_state
    _worker_state = (lookup, cache)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_state is not None
    lookup, cache = _worker_state
    return check_file(path, lookup(path), cache=cache)


def _iter_parallel(files: list[str], lookup: SettingsLookup, cache: ResultCache | None,
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


def iter_results(files: list[str], lookup: SettingsLookup, *, jobs: int = 1,
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


def _run(files: list[str], lookup: SettingsLookup, jobs: int, cache: ResultCache | None) -> Iterator[FileResult]:
    if jobs > 1 and len(files) >= PARALLEL_MIN_FILES:
        yield from _iter_parallel(files, lookup, cache, jobs)
    else:
        for path in files:
            yield check_file(path, lookup(path), cache=cache)


def discover_with_config(paths: Iterable[str], lookup: SettingsLookup, *, exclude: Iterable[str] = (),
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
        for path in found.files:
            if path not in seen:
                seen.add(path)
                merged.files.append(path)
    return merged


def check_paths(paths: Iterable[str], *, settings_for: SettingsLookup | None = None,
                exclude: Iterable[str] = (), force_exclude: bool = False, jobs: int | None = None,
                cache_dir: str | None = None) -> CheckResult:
    """Discover and check every review under `paths`. `cache_dir` enables the result cache."""
    lookup = settings_for or SettingsLookup()
    found = discover_with_config(paths, lookup, exclude=exclude, force_exclude=force_exclude)
    result = CheckResult(missing=found.missing, skipped=found.skipped)
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
    if cache is not None:
        cache.save()
    return result
