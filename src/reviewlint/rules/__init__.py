"""The rule registry and runner.

Every module of this package whose name does not start with `_` is a rule family; each
registers its rules with the `@rule` decorator when imported. The registry is therefore
built from the modules themselves. Codes are grouped by family:

    RL0xx load (document/)        RL5xx film metadata
    RL1xx schema (schema.py)      RL6xx prose hygiene
    RL2xx ratings                 RL7xx schema versions
    RL3xx content warnings        RL8xx inline suppressions (suppress.py)
    RL4xx spoilers                RL999 internal error (lint.py)

The codes other stages report are declared once in codes.py. The selector grammar
(`ALL`, a code prefix, a rule name) is interpreted here only, by `selector_score`.
Running the rules is runner.py's job, a layer above the resolved settings.

Public API (other modules build on it): `all_rules()`, `get_rule()`, `selector_score()`,
`selector_matches()`, `validate_selectors()`, `validate_rule_options()`.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from reviewlint.diagnostics import FixSafety, Severity
from reviewlint.errors import ConfigError
from reviewlint.rules._core import OptionSpec, Rule, registered, show_default, type_name
from reviewlint.words import did_you_mean, shorten

__all__ = [
    "FixSafety", "OptionSpec", "Rule", "Severity", "all_rules", "describe_options", "get_rule",
    "selector_matches", "selector_score", "show_default", "suggest", "validate_rule_options", "validate_selectors",
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
    return did_you_mean(word, candidates)


def selector_score(selector: str, code: str, name: str) -> int | None:
    """How specifically `selector` names the code: None when it does not; `ALL` 0, a code
    prefix its length, a rule name 100 (more specific than any prefix)."""
    text = selector.strip()
    if text == "ALL":
        return 0
    if text == name:
        return 100
    upper = text.upper()
    if upper.startswith("RL") and code.startswith(upper):
        return len(text)
    return None


def selector_matches(selector: str) -> list[Rule]:
    """The rules a selector (`ALL`, a code prefix or a rule name) names."""
    return [entry for entry in all_rules() if selector_score(selector, entry.code, entry.name) is not None]


def _selector_words() -> list[str]:
    return [entry.code for entry in all_rules()] + [entry.name for entry in all_rules()]


def validate_selectors(selectors: tuple[str, ...], where: str) -> None:
    """Each selector must name at least one rule; otherwise a ConfigError with a did-you-mean."""
    for selector in selectors:
        if not selector.strip():
            raise ConfigError(f"{where}: empty rule selector")
        if not selector_matches(selector):
            raise ConfigError(f"{where}: unknown rule or code `{shorten(selector.strip())}`"
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
        raise ConfigError(f"{where} must be {'an' if name[0] in 'aeiou' else 'a'} {name}, got {shorten(repr(value))}")
    if kind is float:
        return float(value)
    return tuple(value) if kind is list else value


def validate_rule_options(table: dict[str, Any], source: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """`rules.<name or code>.<option> = value` -> ((rule name, ((option, value), ...)), ...)."""
    result: dict[str, dict[str, Any]] = {}
    for raw, options in table.items():
        raw_name = shorten(str(raw))
        entry = get_rule(str(raw))
        if entry is None or entry.check is None:
            known = [r.name for r in all_rules() if r.check is not None]
            hint = suggest(str(raw), known + [r.code for r in all_rules() if r.check is not None])
            if entry is not None:
                raise ConfigError(f"{source}: `rules.{raw_name}`: {entry.code} is reported by the "
                                  f"{entry.family} stage and has no options")
            raise ConfigError(f"{source}: `rules.{raw_name}`: unknown rule{hint}")
        if not isinstance(options, dict):
            raise ConfigError(f"{source}: `rules.{raw_name}` must be a table of options")
        specs = {**entry.options, **COMMON_OPTIONS}
        checked: dict[str, Any] = dict(result.get(entry.name, {}))
        for option, value in options.items():
            where = f"{source}: `rules.{raw_name}.{shorten(str(option))}`"
            if option not in specs:
                known_options = ", ".join(f"`{name}`" for name in specs)
                hint = suggest(str(option), list(specs))
                raise ConfigError(f"{source}: `rules.{raw_name}`: unknown option `{shorten(str(option))}`{hint} "
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


def describe_options(entry: Rule) -> dict[str, dict[str, Any]]:
    """Options as plain data (for `reviewlint rules --output-format json`)."""
    return {name: {"type": type_name(kind), "default": list(default) if isinstance(default, tuple) else default,
                   "description": description}
            for name, (kind, default, description) in entry.options.items()}

