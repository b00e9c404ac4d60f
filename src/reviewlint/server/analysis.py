"""One open document checked as the CLI checks a file: the config that governs its
path, the engine's load -> schema -> rules -> suppressions pass, the same size limit."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from reviewlint.config import ConfigError, Settings, default_settings, find_config, settings_for_path
from reviewlint.diagnostics import Diagnostic
from reviewlint.document import Document, load_bytes
from reviewlint.engine import check_document, internal_error

CONFIG_NAMES = frozenset({"pyproject.toml", ".reviewlint.yaml", ".reviewlint.yml"})


@dataclass(slots=True)
class Analysis:
    """What the server knows about one version of one document."""

    path: str
    text: str
    version: int | None
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    settings: Settings = field(default_factory=default_settings)
    excluded: bool = False
    canonical: bool | None = None  # whether the text is already formatted (found when first needed)
    # The text with every safe fix applied, once computed ("" for none): editors ask for code
    # actions on every cursor move, and the answer is the same for one version.
    fixed_all: str | None = None


class Configs:
    """Settings per folder, read through the CLI's config search; `reload` forgets them
    (a config file changed)."""

    def __init__(self) -> None:
        self._by_folder: dict[str, tuple[Settings, str | None]] = {}
        self._excluded: dict[str, bool] = {}

    def reload(self) -> None:
        self._by_folder.clear()
        self._excluded.clear()
        clear = getattr(find_config, "cache_clear", None)  # the config search caches what it found
        if clear is not None:
            clear()

    def settings(self, path: str) -> tuple[Settings, str | None]:
        """(settings, the config error that made them the defaults, if any)."""
        folder = os.path.dirname(os.path.abspath(path))
        found = self._by_folder.get(folder)
        if found is None:
            try:
                found = (settings_for_path(folder), None)
            except ConfigError as error:
                found = (Settings(root=Path(folder)), str(error))
            self._by_folder[folder] = found
        settings, problem = found
        return settings.for_file(path), problem

    def excluded(self, path: str, settings: Settings) -> bool:
        """Whether `check` would leave this file out of a walk of its tree: hidden (a name
        starting with `.`, as `.github/workflows/ci.yml`), or excluded by the config's
        `exclude` or a .gitignore, as with `check --force-exclude` (the pre-commit hook)."""
        cached = self._excluded.get(path)
        if cached is None:
            if hidden(path, settings.root):
                cached = True
            elif not os.path.isfile(path):
                cached = False  # an unsaved buffer: nothing to exclude it by
            else:
                from reviewlint.discovery import discover

                found = discover([path], exclude=settings.exclude, root=settings.root, force_exclude=True)
                cached = not found.files and not found.missing
            self._excluded[path] = cached
        return cached


def hidden(path: str, root: Path) -> bool:
    absolute = Path(os.path.abspath(path))
    try:
        parts = absolute.relative_to(root.absolute()).parts
    except ValueError:
        parts = (absolute.name,)
    return any(part.startswith(".") for part in parts)


def is_config_file(path: str) -> bool:
    return os.path.basename(path) in CONFIG_NAMES


def analyse(text: str, path: str, version: int | None, configs: Configs) -> tuple[Analysis, str | None]:
    """Check `text` as the file at `path`; never raises. Returns the analysis and a config
    error to show the user, if the governing config could not be read."""
    document: Document | None = None
    settings, config_error = default_settings(), None
    try:
        settings, config_error = configs.settings(path)
        if configs.excluded(path, settings):
            return Analysis(path, text, version, None, [], settings, excluded=True), config_error
        # Bytes, as the CLI reads a file: the same decoding checks and size limit.
        document = load_bytes(text.encode("utf-8", "surrogatepass"), path, max_bytes=settings.max_file_size)
        diagnostics = check_document(document, settings).diagnostics
    except Exception as error:  # a bug of ours: reported as RL999, the server goes on
        diagnostics = [internal_error(path, "reviewlint server", error)]
    return Analysis(path, text, version, document, diagnostics, settings), config_error
