"""Config inheritance: `extend` chains, replace-or-add keys, cycles and missing files."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from reviewlint.config_extend import resolve
from reviewlint.errors import ConfigError


def read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_child_keys_replace_and_extend_keys_add(tmp_path: Path) -> None:
    write(tmp_path / "shared.toml", 'select = ["RL1", "RL2"]\nextend-select = ["RL650"]\nignore = ["RL209"]\n'
                                    'exclude = ["drafts/"]\nfail-level = "warning"\n'
                                    '[per-file-ignores]\n"imports/*.yaml" = ["RL509"]\n'
                                    '[rules.implausible-runtime]\nmax-minutes = 600\n')
    child = write(tmp_path / "site" / "reviewlint.toml",
                  'extend = "../shared.toml"\nextend-ignore = ["RL402"]\nextend-exclude = ["old/"]\n'
                  'fail-level = "error"\n[extend-per-file-ignores]\n"imports/*.yaml" = ["RL604"]\n'
                  '[rules.implausible-runtime]\nmin-minutes = 5\n')
    resolved = resolve(read(child), child, read)
    assert resolved.table == {
        "select": ["RL1", "RL2"], "extend-select": ["RL650"], "ignore": ["RL209", "RL402"],
        "exclude": ["drafts/", "old/"], "fail-level": "error",
        "per-file-ignores": {"imports/*.yaml": ["RL509", "RL604"]},
        "rules": {"implausible-runtime": {"max-minutes": 600, "min-minutes": 5}},
    }
    assert resolved.chain == [str(tmp_path / "shared.toml"), str(child)]
    assert resolved.origins["fail-level"] == [str(child)]
    assert resolved.origins["ignore"] == [str(tmp_path / "shared.toml"), str(child)]


def test_a_childs_select_starts_a_fresh_selection(tmp_path: Path) -> None:
    write(tmp_path / "base.toml", 'extend-select = ["RL650"]\n')
    child = write(tmp_path / "child.toml", 'extend = "base.toml"\nselect = ["RL1"]\n')
    assert resolve(read(child), child, read).table == {"select": ["RL1"]}


def test_three_levels(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", 'ignore = ["RL1"]\n')
    write(tmp_path / "b.toml", 'extend = "a.toml"\nextend-ignore = ["RL2"]\n')
    child = write(tmp_path / "c.toml", 'extend = "b.toml"\nextend-ignore = ["RL3"]\n')
    assert resolve(read(child), child, read).table == {"ignore": ["RL1", "RL2", "RL3"]}


def test_a_cycle_is_an_error_naming_the_chain(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", 'extend = "b.toml"\n')
    child = write(tmp_path / "b.toml", 'extend = "a.toml"\n')
    with pytest.raises(ConfigError) as caught:
        resolve(read(child), child, read)
    assert str(caught.value) == (f"{tmp_path / 'a.toml'}: `extend` makes a cycle: {tmp_path / 'b.toml'} -> "
                                 f"{tmp_path / 'a.toml'} -> {tmp_path / 'b.toml'}")


def test_a_missing_parent_is_an_error(tmp_path: Path) -> None:
    child = write(tmp_path / "c.toml", 'extend = "../nowhere.toml"\n')
    with pytest.raises(ConfigError) as caught:
        resolve(read(child), child, read)
    assert str(caught.value) == (f"{child}: `extend` names '../nowhere.toml', which is not a file "
                                 f"({(tmp_path.parent / 'nowhere.toml').resolve()})")


def test_extend_must_be_a_path(tmp_path: Path) -> None:
    child = write(tmp_path / "c.toml", 'extend = ["a.toml"]\n')
    with pytest.raises(ConfigError, match="`extend` must be the path of another config file"):
        resolve(read(child), child, read)
