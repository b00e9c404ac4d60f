"""Config inheritance, as ruff's: `extend = "../shared.toml"` and the `extend-*` keys.

A config table may name another config file in `extend` (a path relative to the file that
names it, `~` expanded). The chain is read parent first, then each child on top:

- a plain key replaces what the parent set (`select`, `ignore`, `exclude`,
  `per-file-ignores`, `fail-level`, ...);
- `extend-select`, `extend-ignore`, `extend-exclude` and `extend-per-file-ignores` add to
  what the chain set so far (a child's `select` also drops the parent's `extend-select`,
  as a fresh selection would);
- `rules` merges per rule and option, the child's option winning.

Patterns (`exclude`, `per-file-ignores`) are matched relative to the project root (the
folder of the file found for the checked files), wherever the file that set them lives:
a shared config says what to skip in each project that extends it.

The result is one flat table that `config.parse_table` validates as if written in one
file, plus where each key's value came from (for `--show-settings`). Reading a file is
the caller's job (a `reader` function), so this module imports nothing above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewlint.errors import ConfigError

Reader = Callable[[Path], dict[str, Any]]

# extend-KEY adds to KEY.
EXTENDING = {"extend-ignore": "ignore", "extend-exclude": "exclude", "extend-per-file-ignores": "per-file-ignores"}
MAX_DEPTH = 16


@dataclass(slots=True)
class Resolved:
    table: dict[str, Any]
    # key -> the files that set it, parent first (one file for a replaced key).
    origins: dict[str, list[str]] = field(default_factory=dict)
    chain: list[str] = field(default_factory=list)  # the files read, parent first


def _as_list(value: Any, key: str, source: str) -> list[Any]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return list(value)
    raise ConfigError(f"{source}: `{key}` must be a list of strings")


def _merge(base: Resolved, child: dict[str, Any], source: str) -> None:
    table, origins = base.table, base.origins
    for key, value in child.items():
        if key == "extend":
            continue
        if key in EXTENDING:
            target = EXTENDING[key]
            if target == "per-file-ignores":
                if not isinstance(value, dict):
                    raise ConfigError(f"{source}: `{key}` must be a table of glob = [codes]")
                merged = dict(table.get(target) or {})
                for pattern, codes in value.items():
                    before = _as_list(merged.get(pattern, []), target, source)
                    merged[pattern] = [*before, *_as_list(codes, key, source)]
                table[target] = merged
            else:
                table[target] = [*_as_list(table.get(target, []), target, source), *_as_list(value, key, source)]
            origins.setdefault(target, []).append(source)
        elif key == "extend-select":
            table[key] = [*_as_list(table.get(key, []), key, source), *_as_list(value, key, source)]
            origins.setdefault(key, []).append(source)
        elif key == "rules" and isinstance(value, dict) and isinstance(table.get("rules"), dict):
            rules = {name: dict(options) if isinstance(options, dict) else options
                     for name, options in table["rules"].items()}
            for name, options in value.items():
                if isinstance(options, dict) and isinstance(rules.get(name), dict):
                    rules[name] = {**rules[name], **options}
                else:
                    rules[name] = options
            table["rules"] = rules
            origins.setdefault("rules", []).append(source)
        else:
            if key == "select":
                table.pop("extend-select", None)  # a fresh selection, as ruff's `select` at a later level
                origins.pop("extend-select", None)
            table[key] = value
            origins[key] = [source]


def read_any(path: Path) -> dict[str, Any]:
    """The reviewlint table of a config file an `extend` names: `[tool.reviewlint]` of a
    pyproject.toml, the top level (or `[tool.reviewlint]`) of another TOML file, the top
    level of a YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if path.suffix == ".toml":
        import tomllib

        try:
            data: Any = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{path}: invalid TOML: {error}") from None
        tool = data.get("tool")
        nested = tool.get("reviewlint") if isinstance(tool, dict) else None
        if path.name == "pyproject.toml" and not isinstance(nested, dict):
            raise ConfigError(f"{path}: has no [tool.reviewlint] table")
        return nested if isinstance(nested, dict) else data
    import yaml

    try:
        data = yaml.safe_load(text)  # safe loading only: a shared config is untrusted too
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: invalid YAML: {str(error).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping of keys")
    return data


def flatten(table: dict[str, Any], path: Path, show: Callable[[Path], str] = str) -> dict[str, Any]:
    """`table` as one flat config table: the `extend` chain folded in, the `extend-*` keys
    applied. A table without them is returned as it is."""
    if not any(key == "extend" or key in EXTENDING for key in table):
        return table
    return resolve(table, path, read_any, show).table


def resolve(table: dict[str, Any], path: Path, reader: Reader, show: Callable[[Path], str] = str) -> Resolved:
    """`table` (read from `path`) with its `extend` chain folded in."""
    chain: list[tuple[Path, dict[str, Any]]] = [(path, table)]
    seen = [path.resolve()]
    current, current_table = path, table
    while "extend" in current_table:
        target = current_table["extend"]
        if not isinstance(target, str) or not target.strip():
            raise ConfigError(f"{show(current)}: `extend` must be the path of another config file")
        parent = (current.parent / Path(target).expanduser()).resolve()
        if parent in seen:
            cycle = " -> ".join(show(p) for p in [*seen, parent])
            raise ConfigError(f"{show(current)}: `extend` makes a cycle: {cycle}")
        if len(seen) >= MAX_DEPTH:
            raise ConfigError(f"{show(current)}: `extend` chains more than {MAX_DEPTH} files")
        if not parent.is_file():
            raise ConfigError(f"{show(current)}: `extend` names {target!r}, which is not a file ({show(parent)})")
        seen.append(parent)
        current, current_table = parent, reader(parent)
        chain.append((current, current_table))
    resolved = Resolved(table={})
    for file, file_table in reversed(chain):
        _merge(resolved, file_table, show(file))
        resolved.chain.append(show(file))
    if "extend-select" in resolved.table and not resolved.table["extend-select"]:
        del resolved.table["extend-select"]
    return resolved


__all__ = ["EXTENDING", "Reader", "Resolved", "flatten", "read_any", "resolve"]
