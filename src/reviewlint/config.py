"""Configuration: `[tool.reviewlint]` in pyproject.toml or `.reviewlint.yaml`.

The nearest file above each checked file wins (no merging), as in ruff. CLI flags are
applied on top. Every key is validated: an unknown key or a bad value raises
ConfigError naming the file and the key, with a did-you-mean.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from reviewlint.diagnostics import Severity
from reviewlint.errors import ConfigError
from reviewlint.rules import validate_rule_options, validate_selectors
from reviewlint.settings import Settings, default_settings
from reviewlint.vocabulary import VocabularyError, parse_vocabulary
from reviewlint.words import did_you_mean

__all__ = [
    "CONFIG_FILES", "KNOWN_KEYS", "ConfigError", "Settings", "SettingsLookup", "apply_overrides", "default_settings",
    "find_config", "parse_per_file_ignore", "parse_rule_option", "parse_table", "settings_for_path",
]

# In one folder the dedicated file wins over pyproject.toml, as ruff's .ruff.toml does.
CONFIG_FILES = (".reviewlint.yaml", ".reviewlint.yml", "pyproject.toml")

KNOWN_KEYS = (
    "select", "ignore", "extend-select", "per-file-ignores", "fail-level", "exclude", "max-file-size", "rules",
    "schema-comment", "vocabulary",
)


# --- reading files ------------------------------------------------------------------------------

def _read_pyproject(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    section = data.get("tool", {}).get("reviewlint")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.reviewlint] must be a table")
    return section


def _read_yaml_config(path: Path) -> dict[str, Any]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)  # safe loading only: config files are untrusted too
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{_show_path(path)}:{mark.line + 1}:{mark.column + 1}" if mark is not None else _show_path(path)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys")
    return data


@cache
def find_config(directory: str) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config at or above `directory`: (file, raw table)."""
    current = Path(directory).absolute()
    while True:
        for name in CONFIG_FILES:
            candidate = current / name
            if candidate.is_file():
                table = _read_pyproject(candidate) if name == "pyproject.toml" else _read_yaml_config(candidate)
                if table is not None:
                    return candidate, table
        if current.parent == current:
            return None
        current = current.parent


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where} must be a list of strings")


def parse_table(table: dict[str, Any], source: str, root: Path) -> Settings:
    """Validate a raw config table into Settings."""
    settings = Settings(root=root, source=source)
    changes: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{source}: `{key}`"
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{source}: unknown key `{key}`{did_you_mean(str(key), KNOWN_KEYS)}")
        if key in ("select", "ignore", "extend-select"):
            selectors = _string_list(value, where)
            validate_selectors(selectors, where)
            changes[key.replace("-", "_")] = selectors
        elif key == "exclude":
            changes["exclude"] = _string_list(value, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of glob = [codes]")
            pairs = []
            for pattern, codes in value.items():
                selectors = _string_list(codes, f"{where} for {pattern!r}")
                validate_selectors(selectors, f"{where} for {pattern!r}")
                pairs.append((str(pattern), selectors))
            changes["per_file_ignores"] = tuple(pairs)
        elif key == "fail-level":
            try:
                changes["fail_level"] = Severity.parse(str(value))
            except ValueError as error:
                raise ConfigError(f"{where}: {error}") from None
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(f"{where} must be a positive number of bytes, got {value!r}")
            changes["max_file_size"] = value
        elif key == "schema-comment":
            if not isinstance(value, bool):
                raise ConfigError(f"{where} must be true or false, got {value!r}")
            changes["schema_comment"] = value
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of rule name = {{options}}")
            changes["rule_options"] = validate_rule_options(value, source)
        elif key == "vocabulary":
            try:
                changes["vocabulary"] = parse_vocabulary(value)
            except VocabularyError as error:
                raise ConfigError(f"{source}: {error}") from None
    return replace(settings, **changes)


def apply_overrides(settings: Settings, overrides: dict[str, Any]) -> Settings:
    """CLI flags on top of file settings. `extend-select` and `ignore` from the CLI add to
    the file's; `select` replaces it."""
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if value is None or value == ():
            continue
        if key in ("select", "ignore", "extend_select"):
            validate_selectors(tuple(value), f"--{key.replace('_', '-')}")
            changes[key] = tuple(value) if key == "select" else (*getattr(settings, key), *value)
        elif key == "fail_level":
            changes[key] = value if isinstance(value, Severity) else Severity.parse(str(value))
        elif key == "per_file_ignores":
            for _pattern, codes in value:
                validate_selectors(tuple(codes), "--per-file-ignores")
            changes[key] = (*settings.per_file_ignores, *value)
        elif key == "rule_options":
            changes[key] = _merge_rule_options(settings.rule_options, value)
        elif key == "max_file_size":
            changes[key] = int(value)
        elif key == "schema_comment":
            changes[key] = bool(value)
        else:
            raise ConfigError(f"unknown setting {key!r}")
    return replace(settings, **changes) if changes else settings


def _merge_rule_options(current: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...],
                        triples: Any) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    """The file's per-rule options with `(rule, option, value)` triples from the command
    line on top (validated as a config table would be)."""
    table: dict[str, dict[str, Any]] = {}
    for rule_name, option, value in triples:
        table.setdefault(rule_name, {})[option] = value
    merged = {name: dict(options) for name, options in current}
    for name, options in validate_rule_options(table, "--rule-option"):
        merged.setdefault(name, {}).update(options)
    return tuple((name, tuple(sorted(options.items()))) for name, options in sorted(merged.items()))


def parse_per_file_ignore(text: str) -> tuple[str, tuple[str, ...]]:
    """`--per-file-ignores 'GLOB:CODE,CODE'` -> (glob, codes)."""
    pattern, colon, codes = text.rpartition(":")
    selectors = tuple(part.strip() for part in codes.split(",") if part.strip())
    if not colon or not pattern.strip() or not selectors:
        raise ConfigError(f"--per-file-ignores expects GLOB:CODE[,CODE...], got {text!r}")
    return pattern.strip(), selectors


def parse_rule_option(text: str) -> tuple[str, str, Any]:
    """`--rule-option 'RULE.OPTION=VALUE'` -> (rule, option, value). VALUE is read as TOML
    (`600`, `true`, `["a", "b"]`, `"text"`); anything else is taken as a plain string."""
    target, equals, raw = text.partition("=")
    rule_name, dot, option = target.strip().partition(".")
    if not equals or not dot or not rule_name or not option:
        raise ConfigError(f"--rule-option expects RULE.OPTION=VALUE, got {text!r}")
    try:
        value: Any = tomllib.loads(f"value = {raw.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    return rule_name, option.strip(), value


def settings_for_path(directory: str, *, overrides: dict[str, Any] | None = None, config_file: str | None = None,
                      isolated: bool = False) -> Settings:
    """The effective settings for files in `directory`."""
    if isolated:
        base = Settings()
    elif config_file is not None:
        base = _explicit_config(Path(config_file))
    else:
        found = find_config(directory)
        base = Settings() if found is None else parse_table(found[1], _show_path(found[0]), found[0].parent)
    return apply_overrides(base, overrides or {})


def _explicit_config(path: Path) -> Settings:
    """A config named with --config is read or refused, never silently ignored."""
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        table = _read_pyproject(path)
        if table is None:
            raise ConfigError(f"{_show_path(path)}: has no [tool.reviewlint] table")
    elif path.suffix == ".toml":
        # A dedicated TOML file (as ruff.toml): its top level is the config, or its
        # [tool.reviewlint] table if it has one.
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"{path}: cannot read config: {error}") from None
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{_show_path(path)}: invalid TOML: {error}") from None
        nested = data.get("tool", {}).get("reviewlint") if isinstance(data.get("tool"), dict) else None
        table = nested if isinstance(nested, dict) else data
    else:
        table = _read_yaml_config(path)
    return parse_table(table, _show_path(path), path.absolute().parent)


def _show_path(path: Path) -> str:
    from reviewlint.discovery import display_path

    return display_path(path)


class SettingsLookup:
    """Settings per file, found by the config search; cached per directory."""

    def __init__(self, overrides: dict[str, object] | None = None, config_file: str | None = None,
                 isolated: bool = False) -> None:
        self.overrides = overrides or {}
        self.config_file = config_file
        self.isolated = isolated
        self._cache: dict[str, Settings] = {}

    def __call__(self, path: str) -> Settings:
        directory = os.path.dirname(os.path.abspath(path))
        cached = self._cache.get(directory)
        if cached is None:
            cached = settings_for_path(directory, overrides=self.overrides, config_file=self.config_file,
                                       isolated=self.isolated)
            self._cache[directory] = cached
        return cached.for_file(path)
