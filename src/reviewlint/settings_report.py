"""`check --show-settings`: the settings that govern one file, and where each came from.

    Settings for reviews/parasite.yaml
    Config: reviewlint.toml (extends ../shared.toml)
    Root:   /home/me/site

    select = ["RL1", "RL2"]                      # ../shared.toml
    ignore = ["RL209", "RL402"]                  # ../shared.toml, reviewlint.toml
    fail-level = "warning"                       # --fail-level (command line)
    max-file-size = 1048576                      # default
    ...

As ruff's `--show-settings`, for the question "why is this rule (not) reported here?".
The values are the resolved ones (`extend` folded in, command-line flags on top); the
comment names the file(s) or flag that set each, or `default`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewlint.config import SettingsLookup
    from reviewlint.settings import Settings

# Settings field -> (config key, command-line flag or None).
FIELDS = (
    ("select", "select", "--select"),
    ("extend_select", "extend-select", "--extend-select"),
    ("ignore", "ignore", "--ignore"),
    ("per_file_ignores", "per-file-ignores", "--per-file-ignores"),
    ("fail_level", "fail-level", "--fail-level"),
    ("exclude", "exclude", None),
    ("max_file_size", "max-file-size", "--max-file-size"),
    ("schema_comment", "schema-comment", None),
    ("rule_options", "rules", "--rule-option"),
)
COMMENT_COLUMN = 44


def _toml(value: Any) -> str:
    if hasattr(value, "label"):
        return json.dumps(value.label)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _origins(path: str, lookup: SettingsLookup) -> tuple[str | None, list[str], dict[str, list[str]]]:
    """(config file shown, the files it extends, key -> files that set it)."""
    from reviewlint import config
    from reviewlint.config_extend import read_any, resolve

    if lookup.isolated:
        return None, [], {}
    if lookup.config_file is not None:
        found: tuple[Path, dict[str, Any]] | None = (Path(lookup.config_file), read_any(Path(lookup.config_file)))
    else:
        found = config.find_config(os.path.dirname(os.path.abspath(path)))
    if found is None:
        return None, [], {}
    file, table = found
    resolved = resolve(table, file, read_any, _show)
    return _show(file), resolved.chain[:-1], resolved.origins


def _show(path: Path) -> str:
    from reviewlint.discovery import display_path

    return display_path(path)


def _flag_set(overrides: dict[str, Any], field: str) -> bool:
    value = overrides.get(field)
    return value is not None and value != ()


def _line(text: str, comment: str) -> str:
    return f"{text.ljust(COMMENT_COLUMN - 1)} # {comment}" if len(text) < COMMENT_COLUMN - 1 else f"{text}  # {comment}"


def describe(path: str, lookup: SettingsLookup, overrides: dict[str, Any]) -> str:
    """The report `--show-settings` prints for `path`."""
    settings: Settings = lookup(path)
    shown, extended, origins = _origins(path, lookup)
    lines = [f"Settings for {path}"]
    if lookup.isolated:
        lines.append("Config: none (--isolated)")
    elif shown is None:
        lines.append("Config: none found; defaults apply")
    else:
        lines.append(f"Config: {shown}" + (f" (extends {', '.join(reversed(extended))})" if extended else ""))
    lines += [f"Root:   {settings.root}", ""]
    from reviewlint.settings import _relative_to, glob_match

    relative = _relative_to(path, settings.root)
    matched = [(pattern, codes) for pattern, codes in settings.per_file_ignores if glob_match(relative, pattern)]
    folded = sum(len(codes) for _, codes in matched)  # for_file() appended these to `ignore`
    for field, key, flag in FIELDS:
        value = getattr(settings, field)
        if field == "ignore" and folded:
            value = value[:-folded]
        sources = list(origins.get(key, []))
        if flag is not None and _flag_set(overrides, field):
            sources.append(f"{flag} (command line)")
        comment = ", ".join(sources) or "default"
        if field == "rule_options":
            for rule_name, options in value:
                for option, option_value in options:
                    lines.append(_line(f"rules.{rule_name}.{option} = {_toml(option_value)}", comment))
            if not value:
                lines.append(_line("rules = {}", comment))
        elif field == "per_file_ignores":
            table = {pattern: list(codes) for pattern, codes in value}
            lines.append(_line(f"per-file-ignores = {json.dumps(table, ensure_ascii=False)}", comment))
            for pattern, codes in matched:
                lines.append(f"# {relative} matches {pattern!r}: {', '.join(codes)} ignored here")
        else:
            lines.append(_line(f"{key} = {_toml(value)}", comment))
    from reviewlint.codes import ALWAYS_SHOWN

    enabled = sorted(settings.table.enabled - ALWAYS_SHOWN)
    lines += ["", f"Rules enabled for this file ({len(enabled)}): {' '.join(enabled)}",
              f"Always shown, whatever the selection: {' '.join(sorted(ALWAYS_SHOWN))}"]
    return "\n".join(lines)


def unmatched_per_file_ignores(files: list[str], settings_for: Any) -> list[str]:
    """Warnings for `per-file-ignores` patterns that match none of `files` (a typo such as
    `review/*.yaml` silences nothing, and nothing else says so)."""
    from reviewlint.settings import _relative_to, glob_match

    patterns: dict[tuple[str, str], bool] = {}
    for path in files:
        settings = settings_for(path)
        if not settings.per_file_ignores:
            continue
        relative = _relative_to(path, settings.root)
        for pattern, _codes in settings.per_file_ignores:
            key = (settings.source or "--per-file-ignores", pattern)
            patterns[key] = patterns.get(key, False) or glob_match(relative, pattern)
    return [f"{source}: per-file-ignores pattern {pattern!r} matches no checked file"
            for (source, pattern), matched in patterns.items() if not matched]


__all__ = ["describe", "unmatched_per_file_ignores"]
