"""The rule registry and runner.

Every module of this package whose name does not start with `_` is a rule family; each
registers its rules with the `@rule` decorator when imported. The registry is therefore
built from the modules themselves. Codes are grouped by family:

    RL0xx load (document.py)      RL5xx film metadata
    RL1xx schema (schema.py)      RL6xx prose hygiene
    RL2xx ratings                 RL7xx schema versions
    RL3xx content warnings        RL8xx inline suppressions (suppress.py)
    RL4xx spoilers                RL999 internal error (engine.py)

Public API (other modules build on it): `all_rules()`, `get_rule()`, `run_rules()`,
`validate_selectors()`, `validate_rule_options()`, `enabled()`.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from reviewlint.config import ConfigError
from reviewlint.diagnostics import Diagnostic, FixSafety, Severity
from reviewlint.rules._core import Options, OptionSpec, Rule, registered, show_default, type_name

if TYPE_CHECKING:
    from reviewlint.config import Settings
    from reviewlint.document import Document

__all__ = [
    "FixSafety", "OptionSpec", "Rule", "Severity", "all_rules", "describe_options", "enabled", "get_rule",
    "run_rules", "selector_matches", "show_default", "suggest", "validate_rule_options", "validate_selectors",
]

# Options every rule accepts on top of its own.
COMMON_OPTIONS: dict[str, OptionSpec] = {
    "severity": (str, "", "Report this rule's findings at this severity (error, warning or info) instead of its "
                 "default."),
}


@cache
def _load() -> dict[str, Rule]:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return dict(sorted(registered().items()))


def all_rules() -> list[Rule]:
    """Every documented code, lint rules and the codes other stages report, by code."""
    return list(_load().values())


@cache
def _by_name() -> dict[str, Rule]:
    return {entry.name: entry for entry in all_rules()}


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    return _load().get(key.upper()) or _by_name().get(key.lower())


def suggest(word: str, candidates: list[str]) -> str:
    import difflib

    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"; did you mean `{matches[0]}`?" if matches else ""


def selector_matches(selector: str) -> list[Rule]:
    """The rules a selector (`ALL`, a code prefix or a rule name) names."""
    text = selector.strip()
    if text == "ALL":
        return all_rules()
    by_name = _by_name().get(text)
    if by_name is not None:
        return [by_name]
    upper = text.upper()
    if upper.startswith("RL"):
        return [entry for entry in all_rules() if entry.code.startswith(upper)]
    return []


def _selector_words() -> list[str]:
    return [entry.code for entry in all_rules()] + [entry.name for entry in all_rules()]


def validate_selectors(selectors: tuple[str, ...], where: str) -> None:
    """Each selector must name at least one rule; otherwise a ConfigError with a did-you-mean."""
    for selector in selectors:
        if not selector.strip():
            raise ConfigError(f"{where}: empty rule selector")
        if not selector_matches(selector):
            raise ConfigError(f"{where}: unknown rule or code `{selector.strip()}`"
                              f"{suggest(selector.strip(), _selector_words())}")


def _check_value(kind: type, value: Any, where: str) -> Any:
    """`value` converted to the option's type (lists become tuples, so Settings stay
    hashable); a ConfigError when it does not fit."""
    if kind is bool:
        ok = isinstance(value, bool)
    elif kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif kind is str:
        ok = isinstance(value, str)
    else:
        ok = isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
    if not ok:
        name = type_name(kind)
        raise ConfigError(f"{where} must be {'an' if name[0] in 'aeiou' else 'a'} {name}, got {value!r}")
    if kind is float:
        return float(value)
    return tuple(value) if kind is list else value


def validate_rule_options(table: dict[str, Any], source: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """`rules.<name or code>.<option> = value` -> ((rule name, ((option, value), ...)), ...)."""
    result: dict[str, dict[str, Any]] = {}
    for raw_name, options in table.items():
        entry = get_rule(str(raw_name))
        if entry is None or entry.check is None:
            known = [r.name for r in all_rules() if r.check is not None]
            hint = suggest(str(raw_name), known + [r.code for r in all_rules() if r.check is not None])
            if entry is not None:
                raise ConfigError(f"{source}: `rules.{raw_name}`: {entry.code} is reported by the "
                                  f"{entry.family} stage and has no options")
            raise ConfigError(f"{source}: `rules.{raw_name}`: unknown rule{hint}")
        if not isinstance(options, dict):
            raise ConfigError(f"{source}: `rules.{raw_name}` must be a table of options")
        specs = {**entry.options, **COMMON_OPTIONS}
        checked: dict[str, Any] = dict(result.get(entry.name, {}))
        for option, value in options.items():
            where = f"{source}: `rules.{raw_name}.{option}`"
            if option not in specs:
                known_options = ", ".join(f"`{name}`" for name in specs)
                hint = suggest(str(option), list(specs))
                raise ConfigError(f"{source}: `rules.{raw_name}`: unknown option `{option}`{hint} "
                                  f"(options of {entry.name}: {known_options})")
            checked[option] = _check_value(specs[option][0], value, where)
            if option == "severity":
                try:
                    Severity.parse(str(value))
                except ValueError as error:
                    raise ConfigError(f"{where}: {error}") from None
        if entry.validate_options is not None:
            problem = entry.validate_options({**entry.defaults(), **checked})
            if problem:
                raise ConfigError(f"{source}: `rules.{raw_name}`: {problem}")
        result[entry.name] = checked
    return tuple((name, tuple(sorted(options.items()))) for name, options in sorted(result.items()))


def enabled(entry: Rule, settings: Settings) -> bool:
    return settings.is_enabled(entry.code, entry.name, default=entry.default_enabled)


@lru_cache(maxsize=64)
def _plan(settings: Settings) -> tuple[tuple[Rule, Options, Severity | None], ...]:
    """The rules to run under `settings`, each with its options (defaults filled in)."""
    steps: list[tuple[Rule, Options, Severity | None]] = []
    for entry in all_rules():
        if entry.check is None or not enabled(entry, settings):
            continue
        options = {**entry.defaults(), **settings.options_for(entry.name)}
        level = options.pop("severity", "")
        steps.append((entry, options, Severity.parse(level) if level else None))
    return tuple(steps)


def _supported(document: Document) -> bool:
    """False for a document on a schema these rules were not written for (RL109 says so)."""
    from reviewlint import schema

    declared = document.data.get("schema_version") if isinstance(document.data, dict) else None
    if not isinstance(declared, str):
        return True
    version, _problem, _severity = schema.pick_version(declared)
    return version is not None or not declared.replace(".", "").isdigit()


def run_rules(document: Document, settings: Settings) -> tuple[list[Diagnostic], bool]:
    """(diagnostics, whether a rule failed internally). A rule that raises costs the file
    one RL999 diagnostic; the other rules still run."""
    from reviewlint.rules._context import Context

    if not document.loaded or not _supported(document):
        return [], False
    context = Context(document, settings.vocabulary)
    found: list[Diagnostic] = []
    failures: list[tuple[Rule, Exception]] = []
    for entry, options, level in _plan(settings):
        context.rule = entry
        assert entry.check is not None
        try:
            produced = list(entry.check(context, options))
        except Exception as error:  # a bug in one rule must not hide the others' findings
            failures.append((entry, error))
            continue
        if level is not None:
            produced = [replace(d, severity=level) for d in produced]
        found.extend(produced)
    if failures:
        from reviewlint.engine import internal_error

        first, problem = failures[0]
        where = f"rule {first.name}"
        if len(failures) > 1:
            where += f" (and {', '.join(other.name for other, _ in failures[1:])})"
        found.append(internal_error(document.path, where, problem))
    return found, bool(failures)


def describe_options(entry: Rule) -> dict[str, dict[str, Any]]:
    """Options as plain data (for `reviewlint rules --output-format json`)."""
    return {name: {"type": type_name(kind), "default": list(default) if isinstance(default, tuple) else default,
                   "description": description}
            for name, (kind, default, description) in entry.options.items()}

