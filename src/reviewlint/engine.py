"""The check pipeline: load -> schema -> rules -> filter, for one text or many paths.

Everything the CLI does goes through here, so a program (a test, a batch job) gets the
same results by calling these functions directly.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from reviewlint import schema
from reviewlint.config import Settings, default_settings
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.discovery import Skipped, discover
from reviewlint.document import LOAD_RULE_NAMES, READ_ERROR, Document, load_bytes, load_text, too_large

INTERNAL_ERROR = "RL999"
INTERNAL_ERROR_NAME = "internal-error"


@dataclass(slots=True)
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    internal_error: bool = False
    fixes_applied: int = 0
    # The document, only when the caller asked to keep it (the fixer needs it).
    document: Document | None = None


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
    found = suppress.apply(document, found, settings)
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
        reason = "file disappeared before it could be read"
    return Diagnostic(code=READ_ERROR, message=f"cannot read file: {reason}", path=path, line=1, col=1,
                      rule=LOAD_RULE_NAMES[READ_ERROR])


def load_file(path: str, settings: Settings) -> Document:
    """Read and parse one file; never raises for I/O or content problems."""
    try:
        size = os.stat(path).st_size
        if size > settings.max_file_size:
            return too_large(path, size, settings.max_file_size)
        with open(path, "rb") as handle:
            data = handle.read(settings.max_file_size + 1)
    except OSError as error:
        return Document(path=path, text="", root=None, data=None, diagnostics=[read_error(path, error)])
    return load_bytes(data, path, max_bytes=settings.max_file_size)


def check_file(path: str, settings: Settings | None = None, *, keep_document: bool = False) -> FileResult:
    settings = settings or default_settings()
    try:
        document = load_file(path, settings)
        result = check_document(document, settings)
    except Exception as error:  # never a traceback for one file; the others go on
        return FileResult(path=path, diagnostics=[internal_error(path, "reviewlint", error)], internal_error=True)
    if keep_document:
        result.document = document
    return result


def iter_check(files: Iterable[str], settings_for: SettingsLookup) -> Iterator[FileResult]:
    for path in files:
        yield check_file(path, settings_for(path))


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


def check_paths(paths: Iterable[str], *, settings_for: SettingsLookup | None = None,
                exclude: Iterable[str] = (), force_exclude: bool = False) -> CheckResult:
    """Discover and check every review under `paths`."""
    lookup = settings_for or SettingsLookup()
    base = lookup(os.path.join(os.getcwd(), "_"))
    found = discover(paths, exclude=[*base.exclude, *exclude], force_exclude=force_exclude,
                     root=base.root)
    result = CheckResult(missing=found.missing, skipped=found.skipped)
    result.files.extend(iter_check(found.files, lookup))
    return result
