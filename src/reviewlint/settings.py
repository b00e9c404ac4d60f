"""Settings: what governs the check of one file, with the rule selection resolved once.

`Settings` holds what the user chose (selectors, per-rule options, limits); its `table`
is that choice resolved against the rule registry: the set of enabled codes, and each
rule to run with its options and severity. Rules and suppressions look codes up in it
and never interpret a selector or read a config file (reading files is config.py's job,
a layer above), as ruff's resolved `LinterSettings` sit below its configuration.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reviewlint.diagnostics import Severity
from reviewlint.document.loading import DEFAULT_MAX_BYTES
from reviewlint.vocabulary import EMPTY, Vocabulary

if TYPE_CHECKING:
    from reviewlint.rules._core import Options, Rule

# The largest `max-file-size` accepted: a review is kilobytes, and a file is read whole.
MAX_FILE_SIZE_LIMIT = 1024 * 1024 * 1024

RuleOptions = tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]


class RuleStep(NamedTuple):
    """One lint rule to run: its options (defaults filled in) and a severity override."""

    rule: Rule
    options: Options
    severity: Severity | None


@dataclass(frozen=True, slots=True)
class RuleTable:
    """The selection resolved: which codes are shown, which rules run and how."""

    enabled: frozenset[str]
    steps: tuple[RuleStep, ...]
    severities: dict[str, Severity]  # code -> the severity the user set for it


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)
    source: str | None = None  # the config file these came from, for messages
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_level: Severity = Severity.ERROR
    exclude: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_BYTES
    rule_options: RuleOptions = ()
    schema_comment: bool = False
    vocabulary: Vocabulary = EMPTY  # the site's accepted terms, ignored phrases and cues

    @property
    def table(self) -> RuleTable:
        """The resolved selection (computed once per distinct selection, then shared)."""
        return resolve(self.select, self.extend_select, self.ignore, self.rule_options)

    def for_file(self, path: str) -> Settings:
        """These settings with the per-file ignores that match `path` folded into `ignore`."""
        if not self.per_file_ignores:
            return self
        relative = _relative_to(path, self.root)
        extra: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if glob_match(relative, pattern):
                extra.extend(codes)
        return replace(self, ignore=(*self.ignore, *extra)) if extra else self

    def options_for(self, rule_name: str) -> dict[str, Any]:
        for name, options in self.rule_options:
            if name == rule_name:
                return dict(options)
        return {}

    def is_enabled(self, code: str) -> bool:
        """Whether findings of `code` are shown: a look-up in the resolved table."""
        return code in self.table.enabled


def default_settings() -> Settings:
    return Settings()


def _best_match(code: str, name: str, selectors: tuple[str, ...]) -> int | None:
    from reviewlint.rules import selector_score

    scores = [score for selector in selectors if (score := selector_score(selector, code, name)) is not None]
    return max(scores) if scores else None


def _selected(entry: Rule, select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """ruff's selection logic: the most specific matching selector wins; ignore beats
    select at equal specificity; a rule no selector names keeps its default unless
    `select` replaced the defaults."""
    best_select = _best_match(entry.code, entry.name, (*select, *extend_select))
    best_ignore = _best_match(entry.code, entry.name, ignore)
    if best_select is None and best_ignore is None:
        return entry.default_enabled if not select else False
    if best_ignore is None:
        return True
    if best_select is None:
        return False
    return best_select > best_ignore


@lru_cache(maxsize=256)
def resolve(select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
            rule_options: RuleOptions) -> RuleTable:
    """Selectors and per-rule options resolved against every registered code."""
    from reviewlint.rules import all_rules  # the registry loads the rule modules: only when a check needs it

    options_by_rule = {name: dict(options) for name, options in rule_options}
    enabled: set[str] = set()
    steps: list[RuleStep] = []
    severities: dict[str, Severity] = {}
    for entry in all_rules():
        if not _selected(entry, select, extend_select, ignore):
            continue
        enabled.add(entry.code)
        options = {**entry.defaults(), **options_by_rule.get(entry.name, {})}
        level = options.pop("severity", "")
        severity = Severity.parse(level) if level else None
        if severity is not None:
            severities[entry.code] = severity
        if entry.check is not None:
            steps.append(RuleStep(entry, options, severity))
    return RuleTable(frozenset(enabled), tuple(steps), severities)


def _relative_to(path: str, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root.absolute()).as_posix()
    except ValueError:
        return absolute.as_posix()


def glob_match(relative: str, pattern: str) -> bool:
    """`relative` matches `pattern` in gitignore syntax. (config.py refuses invalid
    patterns; should one arrive here it matches as a glob only.) Never both: fnmatch's `*`
    crosses `/`, so `reviews/*.yaml` would also match `reviews/sub/x.yaml`."""
    from reviewlint.discovery import pattern_problem

    if pattern_problem(pattern) is None:
        import pathspec

        return bool(pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(relative))
    return fnmatch.fnmatch(relative, pattern)
