"""paths -> files: recursive search for *.yaml / *.yml, honouring .gitignore and excludes.

Directories are walked without following symlinks (a loop or a link out of the tree
is never entered). Files named explicitly on the command line are always checked,
unless they match an exclude pattern and `force_exclude` is set (as ruff's
`--force-exclude`, which pre-commit hooks use).
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(slots=True)
class Discovery:
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    # Folders that could not be read: each is reported (RL012), never passed over.
    unreadable: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def pattern_problem(pattern: str) -> str | None:
    """Why a gitignore-style pattern is invalid (`!`, `foo\\`, `[z-a]`), or None."""
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except Exception as error:  # pathspec raises its own error, re.error or ValueError
        # re.error counts positions in the regex pathspec built, not in the pattern: drop them.
        return re.sub(r" at position \d+$", "", str(error)) or type(error).__name__
    return None


def compile_patterns(lines: Sequence[str]) -> tuple[pathspec.GitIgnoreSpec, list[tuple[int, str, str]]]:
    """A spec of the valid lines, and (1-based line, pattern, reason) for each invalid one."""
    import pathspec  # imported on first use: a hook checking named files never needs it

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines), []
    except Exception:  # an invalid line: found one by one below
        pass
    valid: list[str] = []
    bad: list[tuple[int, str, str]] = []
    for number, line in enumerate(lines, 1):
        problem = pattern_problem(line)
        if problem is None:
            valid.append(line)
        else:
            bad.append((number, line, problem))
    return pathspec.GitIgnoreSpec.from_lines(valid), bad


def _gitignore_spec(directory: Path, warnings: list[str] | None = None) -> pathspec.GitIgnoreSpec | None:
    ignore = directory / ".gitignore"
    try:
        lines = ignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    spec, bad = compile_patterns(lines)
    if warnings is not None:
        # As git does, an invalid line is skipped and the rest of the file still applies.
        warnings.extend(f"{display_path(ignore)}:{number}: invalid pattern {line[:80]!r} is skipped ({reason})"
                        for number, line, reason in bad)
    return spec


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def display_path(path: str | Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it,
    with no leading './'."""
    raw = os.fspath(path)
    if os.sep == "/":
        # String work only: relpath and a Path per file were most of a warm run over 10,000
        # named files. Absolute paths with parent steps take the exact route below.
        if not os.path.isabs(raw):
            return os.path.normpath(raw)
        if "/.." not in raw:
            normal = os.path.normpath(raw)
            cwd = os.getcwd()
            if normal == cwd:
                return "."
            prefix = os.path.join(cwd, "")
            return normal[len(prefix):] if normal.startswith(prefix) else normal
    absolute = Path(raw)
    text = os.path.relpath(absolute) if absolute.is_absolute() else os.path.normpath(absolute)
    if text.startswith(".." + os.sep) or text == "..":
        return absolute.as_posix() if absolute.is_absolute() else Path(text).as_posix()
    return Path(text).as_posix()


class Excluder:
    """Exclude patterns in gitignore syntax, matched against paths relative to `root`."""

    def __init__(self, patterns: Sequence[str], root: Path) -> None:
        self.root = root
        self.spec: pathspec.GitIgnoreSpec | None = None
        if patterns:
            # Invalid patterns are refused where they are read (config.py); none reach here
            # but, should one, it is left out rather than failing the walk.
            self.spec = compile_patterns(patterns)[0]

    def excluded(self, path: Path) -> bool:
        if self.spec is None:
            return False
        relative = _relative(path.absolute(), self.root.absolute())
        return self.spec.match_file(relative) or (path.is_dir() and self.spec.match_file(relative + "/"))


def _ancestor_specs(top: Path, warnings: list[str]) -> tuple[tuple[Path, pathspec.GitIgnoreSpec], ...]:
    """The .gitignore files above `top`, up to the repository root, outermost first."""
    specs: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
    current = top.absolute().parent
    for directory in (top.absolute(), *top.absolute().parents):
        if os.path.exists(directory / ".git"):  # a folder closed to us shows no .git (never an error)
            break
    else:
        return ()
    while True:
        spec = _gitignore_spec(current, warnings)
        if spec is not None:
            specs.append((current, spec))
        if current == directory or current == current.parent:
            break
        current = current.parent
    if top.absolute() == directory:
        return ()
    return tuple(reversed(specs))


class Excluders:
    """Several exclude sets, each relative to its own root; a path excluded by any is out."""

    def __init__(self, *excluders: Excluder) -> None:
        self.excluders = excluders

    def excluded(self, path: Path) -> bool:
        return any(excluder.excluded(path) for excluder in self.excluders)


def _walk(top: Path, excluder: Excluders, result: Discovery) -> Iterator[Path]:
    # Each entry: a directory and the gitignore specs in force above it (with their base).
    stack: list[tuple[Path, tuple[tuple[Path, pathspec.GitIgnoreSpec], ...]]] = [
        (top, tuple((base, spec) for base, spec in _ancestor_specs(top, result.warnings)))]
    while stack:
        directory, specs = stack.pop()
        own = _gitignore_spec(directory, result.warnings)
        if own is not None:
            specs = (*specs, (directory, own))
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as error:
            result.unreadable.append(Skipped(display_path(directory),
                                             f"cannot read directory: {error.strerror or error}"))
            continue
        subdirs: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = entry.is_file(follow_symlinks=False)
            except OSError:
                continue
            if entry.is_symlink():
                if path.suffix.lower() in YAML_SUFFIXES or is_dir or path.is_dir():
                    result.skipped.append(Skipped(display_path(path), "symbolic link, not followed"))
                continue
            if any(spec.match_file(_relative(path.absolute(), base.absolute()) + ("/" if is_dir else ""))
                   for base, spec in specs):
                continue
            if excluder.excluded(path):
                continue
            if is_dir:
                subdirs.append(path)
            elif is_file and path.suffix.lower() in YAML_SUFFIXES:
                yield path
        stack.extend((sub, specs) for sub in reversed(subdirs))


def discover(paths: Iterable[str], *, exclude: Sequence[str] = (), root: Path | None = None,
             force_exclude: bool = False, extra_exclude: Sequence[str] = ()) -> Discovery:
    """Expand paths into the YAML files to check, in a stable order, without duplicates.
    `exclude` is relative to `root`; `extra_exclude` (the command line's) to the working
    directory."""
    base = root or Path.cwd()
    excluder = Excluders(Excluder(exclude, base), Excluder(extra_exclude, Path.cwd()))
    result = Discovery()
    seen: set[str] = set()

    def add(path: Path) -> None:
        shown = display_path(path)
        # The displayed form is relative to the working folder when the file is inside it,
        # so it identifies the file as well as an absolute path would, at no extra cost.
        key = os.path.normcase(shown if not os.path.isabs(shown) else os.path.abspath(shown))
        if key not in seen:
            seen.add(key)
            result.files.append(shown)

    for raw in paths:
        path = Path(raw)
        try:
            os.stat(raw)
        except OSError as error:
            if error.errno not in (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG, errno.ELOOP):
                # Unreadable (a folder above it is closed to us): the check reports it (RL012)
                # rather than calling it missing or failing the run.
                add(path)
                continue
        if path.is_dir():
            walker = excluder
            if excluder.excluded(path):
                if force_exclude:
                    continue
                # Named on the command line: checked, as ruff does, unless --force-exclude.
                walker = Excluders()
            for found in _walk(path, walker, result):
                add(found)
        elif path.exists() or path.is_symlink():
            if force_exclude and excluder.excluded(path):
                continue
            add(path)
        else:
            result.missing.append(raw)
    return result
