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

from reviewlint.codes import ALIAS_USED, BAD_NUMBER, EMPTY_DOCUMENT, NOT_A_MAPPING
from reviewlint.config_extend import flatten
from reviewlint.diagnostics import Severity
from reviewlint.discovery import pattern_problem
from reviewlint.errors import ConfigError
from reviewlint.settings import MAX_FILE_SIZE_LIMIT, Settings, default_settings
from reviewlint.vocabulary import VocabularyError, parse_vocabulary
from reviewlint.words import did_you_mean, shorten

__all__ = [
    "CONFIG_FILES", "KNOWN_KEYS", "ConfigError", "Settings", "SettingsLookup", "apply_overrides", "default_settings",
    "find_config", "parse_per_file_ignore", "parse_rule_option", "parse_table", "settings_for_path",
]

# In one folder the dedicated file wins over pyproject.toml, as ruff's .ruff.toml does.
CONFIG_FILES = (".reviewlint.yaml", ".reviewlint.yml", "pyproject.toml")

KNOWN_KEYS = (
    "select", "ignore", "extend-select", "per-file-ignores", "fail-level", "exclude", "max-file-size", "rules",
    "schema-comment", "vocabulary", "schema-path",
)


# --- reading files ------------------------------------------------------------------------------

# A config is a few hundred bytes; anything near this is not one (and is not read whole).
MAX_CONFIG_BYTES = 1024 * 1024


def _read_config_text(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{_show_path(path)}: cannot read config: {error.strerror or error}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{_show_path(path)}: the config is over {MAX_CONFIG_BYTES} bytes; a config is a few "
                          "lines of settings")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{_show_path(path)}: cannot read config: it is not UTF-8 text (byte {error.start})") \
            from None


def _show_value(value: Any) -> str:
    """A value for a message, cut short: a config value is never expanded into one."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _load_toml(path: Path) -> dict[str, Any]:
    text = _read_config_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{_show_path(path)}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(f"{_show_path(path)}: invalid TOML: values nested too deeply for a config") from None


def _read_pyproject(path: Path) -> dict[str, Any] | None:
    data = _load_toml(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{_show_path(path)}: `tool` must be a table ([tool.reviewlint]), got {_show_value(tool)}")
    section = tool.get("reviewlint")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.reviewlint] must be a table")
    return section


def _read_yaml_config(path: Path) -> dict[str, Any]:
    """A YAML config, loaded as a review is (a config is untrusted input too): safe, YAML
    1.2, and aliases, huge numbers, duplicate keys and deep nesting refused with their line,
    before anything could be expanded."""
    import yaml

    from reviewlint.document import load_text

    text = _read_config_text(path)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}
    document = load_text(text, _show_path(path))
    problems = [d for d in document.diagnostics if (d.severity is Severity.ERROR or d.code == ALIAS_USED)
                and d.code not in (EMPTY_DOCUMENT, NOT_A_MAPPING)]  # said below in a config's words
    if problems and not any(d.code in (ALIAS_USED, BAD_NUMBER) for d in problems):
        # No alias to expand and no number to convert: PyYAML's own wording for the
        # mistakes it knows (syntax, tags) is what config authors have always been shown.
        try:
            yaml.safe_load(text)
        except RecursionError:
            pass  # PyYAML composes recursively: nested past the stack, our own message below says so
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"{_show_path(path)}:{mark.line + 1}:{mark.column + 1}" if mark is not None else _show_path(path)
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    for problem in problems:
        message = problem.message.replace("in reviews", "in a config").replace("a review", "a config")
        raise ConfigError(f"{problem.location()}: invalid YAML: {message}")
    data = document.data
    if not isinstance(data, dict):
        raise ConfigError(f"{_show_path(path)}: the config must be a mapping of keys")
    return data


@cache
def find_config(directory: str) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config at or above `directory`: (file, raw table)."""
    current = Path(directory).absolute()
    while True:
        for name in CONFIG_FILES:
            candidate = current / name
            if os.path.isfile(candidate):  # a folder closed to us holds no config we can use
                table = _read_pyproject(candidate) if name == "pyproject.toml" else _read_yaml_config(candidate)
                if table is not None:
                    return candidate, table
        if current.parent == current:
            return None
        current = current.parent


def _patterns(patterns: tuple[str, ...], where: str) -> tuple[str, ...]:
    """Gitignore-style patterns, each checked: an invalid one is a ConfigError naming it."""
    for pattern in patterns:
        problem = pattern_problem(pattern)
        if problem is not None:
            raise ConfigError(f"{where}: invalid pattern {_show_value(pattern)}: {problem[:200]}")
    return patterns


def _string_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{where} must be a list of strings")


def parse_table(table: dict[str, Any], source: str, root: Path) -> Settings:
    """Validate a raw config table into Settings."""
    from reviewlint.rules import validate_rule_options, validate_selectors  # the registry, only when a config has keys

    settings = Settings(root=root, source=source)
    changes: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{source}: `{key}`"
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{source}: unknown key `{shorten(str(key))}`{did_you_mean(str(key), KNOWN_KEYS)}")
        if key in ("select", "ignore", "extend-select"):
            selectors = _string_list(value, where)
            validate_selectors(selectors, where)
            changes[key.replace("-", "_")] = selectors
        elif key == "exclude":
            changes["exclude"] = _patterns(_string_list(value, where), where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of glob = [codes]")
            pairs = []
            for pattern, codes in value.items():
                _patterns((str(pattern),), where)
                selectors = _string_list(codes, f"{where} for {pattern!r}")
                validate_selectors(selectors, f"{where} for {pattern!r}")
                pairs.append((str(pattern), selectors))
            changes["per_file_ignores"] = tuple(pairs)
        elif key == "fail-level":
            try:
                if not isinstance(value, str):
                    raise ValueError(f"expected error, warning or info, got {_show_value(value)}")
                changes["fail_level"] = Severity.parse(value)
            except ValueError as error:
                raise ConfigError(f"{where}: {str(error)[:200]}") from None
        elif key == "max-file-size":
            if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_FILE_SIZE_LIMIT:
                raise ConfigError(f"{where} must be a number of bytes from 1 to {MAX_FILE_SIZE_LIMIT}, got "
                                  f"{_show_value(value)}")
            changes["max_file_size"] = value
        elif key == "schema-comment":
            if not isinstance(value, bool):
                raise ConfigError(f"{where} must be true or false, got {_show_value(value)}")
            changes["schema_comment"] = value
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} must be a table of rule name = {{options}}")
            changes["rule_options"] = validate_rule_options(value, source)
        elif key == "schema-path":  # read by reviewlint.schemalink (modelines), checked here
            if not isinstance(value, str) or not value.strip().endswith(".json"):
                raise ConfigError(f"{where} must be the path of a schema copy ending in .json (as written by "
                                  f"`reviewlint schema --write PATH`), got {_show_value(value)}")
        elif key == "vocabulary":
            try:
                changes["vocabulary"] = parse_vocabulary(value)
            except VocabularyError as error:
                raise ConfigError(f"{source}: {error}") from None
    return replace(settings, **changes)


def apply_overrides(settings: Settings, overrides: dict[str, Any]) -> Settings:
    """CLI flags on top of file settings. `extend-select` and `ignore` from the CLI add to
    the file's; `select` replaces it."""
    from reviewlint.rules import validate_selectors

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
            for pattern, codes in value:
                _patterns((pattern,), "--per-file-ignores")
                validate_selectors(tuple(codes), "--per-file-ignores")
            changes[key] = (*settings.per_file_ignores, *value)
        elif key == "rule_options":
            changes[key] = _merge_rule_options(settings.rule_options, value)
        elif key == "max_file_size":
            if not 0 < int(value) <= MAX_FILE_SIZE_LIMIT:
                raise ConfigError(f"--max-file-size must be from 1 to {MAX_FILE_SIZE_LIMIT} bytes")
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
    from reviewlint.rules import validate_rule_options

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
        raise ConfigError(f"--rule-option expects RULE.OPTION=VALUE, got {shorten(repr(text))}")
    try:
        value: Any = tomllib.loads(f"value = {raw.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw.strip()
    except RecursionError:
        raise ConfigError(f"--rule-option {shorten(target.strip())}: the value is nested too deeply") from None
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
        base = Settings() if found is None else parse_table(flatten(found[1], found[0], _show_path),
                                                            _show_path(found[0]), found[0].parent)
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
        data = _load_toml(path)
        nested = data.get("tool", {}).get("reviewlint") if isinstance(data.get("tool"), dict) else None
        table = nested if isinstance(nested, dict) else data
    else:
        table = _read_yaml_config(path)
    return parse_table(flatten(table, path, _show_path), _show_path(path), path.absolute().parent)


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
