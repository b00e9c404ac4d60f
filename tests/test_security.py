"""Untrusted input never runs code, fetches anything, or writes outside where it was told.

Already covered elsewhere (not repeated here): review files with python tags under
`check` (test_hostile_check.py::test_tags_are_never_constructed), Letterboxd titles
`../../escape`, `/etc/passwd`, `..`, `CON` under `migrate -o`
(test_migrate_cli.py::test_crafted_titles_cannot_escape_the_output_folder) and the
stem rules (test_migrate_cli.py::test_safe_stems).
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reviewlint import schema
from reviewlint.cli import cli
from reviewlint.migrate import upgrades

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "parasite.yaml"
REMOTE = "https://schemas.example.invalid/evil.json"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def exploit(marker: Path) -> str:
    """YAML lines that would create `marker` if any loader constructed python tags."""
    return (f'x-run: !!python/object/apply:os.system ["touch {marker}"]\n'
            f'x-open: !!python/object/new:builtins.open ["{marker}", "w"]\n'
            f'x-name: !!python/name:os.system\n')


def test_a_config_file_with_python_tags_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    (tmp_path / ".reviewlint.yaml").write_text(f'select: !!python/object/apply:os.system ["touch {marker}"]\n',
                                               encoding="utf-8")
    (tmp_path / "a.yaml").write_bytes(EXAMPLE.read_bytes())
    for command in (["check", "a.yaml"], ["format", "a.yaml"]):
        result = invoke(*command)
        assert result.exit_code == 2
        assert result.stderr == ("reviewlint: error: .reviewlint.yaml:1:9: invalid YAML: could not determine a "
                                 "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'\n")
    assert not marker.exists()


def test_migrate_of_a_review_with_python_tags_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    source = exploit(marker) + EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "tagged.yaml").write_text(source, encoding="utf-8")
    result = invoke("migrate", "tagged.yaml", "-o", "out")
    assert result.exit_code == 0
    assert ("note: `reviewlint check` finds errors in the output: 1:8 RL008 tag !!python/object/apply:os.system is "
            "not supported in reviews") in result.stdout
    assert (tmp_path / "out" / "tagged.yaml").read_text(encoding="utf-8") == source  # kept as text, never run
    assert not marker.exists()


def test_an_upgrade_through_ruamel_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No older schema exists yet: add a no-op step so the round-trip loader reads the file.
    seen: list[Any] = []
    monkeypatch.setitem(upgrades.STEPS, "0.9", upgrades.UpgradeStep("0.9", "1.0", "test step", seen.append))
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    body = EXAMPLE.read_text(encoding="utf-8").replace('schema_version: "1.1"', 'schema_version: "0.9"')
    review = tmp_path / "old.yaml"
    review.write_text(exploit(marker) + body, encoding="utf-8")
    result = invoke("migrate", "--in-place", "old.yaml")
    assert result.exit_code == 0, result.output
    assert len(seen) == 1  # the step did run on the loaded document
    upgraded = review.read_text(encoding="utf-8")
    assert upgraded.startswith(exploit(marker))  # the tags come back as text
    assert 'schema_version: "1.1"' in upgraded
    assert not marker.exists()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every attempt to open a connection is recorded and refused."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    def no_lookup(*args: Any, **kwargs: Any) -> list[Any]:
        attempts.append(args)
        raise OSError("name lookup in a test")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    return attempts


_REAL_LOAD_SCHEMA = schema.load_schema


def with_remote_ref(version: str) -> dict[str, Any]:
    crafted = dict(_REAL_LOAD_SCHEMA(version))
    crafted["properties"] = {**crafted["properties"], "film": {"$ref": REMOTE}}
    return crafted


def test_the_schema_registry_refuses_remote_refs(monkeypatch: pytest.MonkeyPatch, no_network: list[Any]) -> None:
    from referencing.exceptions import Unresolvable

    version = schema.current_version()
    monkeypatch.setattr(schema, "load_schema", with_remote_ref)
    validator = schema.validator_for.__wrapped__(version)
    with pytest.raises(Unresolvable, match=r"evil\.json"):
        list(validator.iter_errors({"schema_version": version, "film": {}}))
    assert no_network == []


def test_the_fast_validator_is_offline(monkeypatch: pytest.MonkeyPatch, no_network: list[Any]) -> None:
    pytest.importorskip("jsonschema_rs")
    version = schema.current_version()
    monkeypatch.setattr(schema, "load_schema", with_remote_ref)
    with pytest.raises(Exception, match=r"evil\.json"):
        validator = schema.fast_validator_for.__wrapped__(version)
        validator.is_valid({"schema_version": version, "film": {}})
    assert no_network == []


LETTERBOXD_HEADER = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
POST = "Parasite (2019)\nDirector: Bong Joon-ho\nMy Rate: 9/10\n\nA family of four moves into a rich family's house.\n"


def snapshot(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names and symbolic links")
def test_crafted_names_and_links_never_write_outside_the_output_folder(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "in"
    for name in ["line\nbreak.txt", "-rf.txt", "..txt", "a\u2215..\u2215b.txt", "%2e%2e%2fx.txt", " .txt",
                 "x" * 240 + ".txt"]:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(POST, encoding="utf-8")
    (source / "-").mkdir()
    (source / "-" / "post.md").write_text(POST, encoding="utf-8")
    (source / "escape").mkdir()
    (source / "escape" / "post.txt").write_text(POST, encoding="utf-8")
    (source / "reviews.csv").write_text(
        LETTERBOXD_HEADER
        + '2024-01-01,"esc\x1b[31m\tred",2020,https://boxd.it/a,4,,Fine.,,\n'
        + '2024-01-02,"new\nline/../../x",2021,https://boxd.it/b,4,,Fine.,,\n'
        + '2024-01-03,"\u2024\u2024/\u2024\u2024/etc",,https://boxd.it/c,4,,Fine.,,\n'
        + "2024-01-04,~root,2019,https://boxd.it/d,4,,Fine.,,\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.yaml"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "escape").symlink_to(outside, target_is_directory=True)  # a planted link to a folder outside
    (out / "rf.yaml").symlink_to(victim)  # and to a file outside
    before = snapshot(tmp_path)

    result = invoke("migrate", "in", "-o", "out", "--force")

    created = snapshot(tmp_path) - before
    assert created == {"out/review.yaml", "out/2e-2e-2fx.yaml", "out/a-b.yaml", "out/line-break.yaml",
                       "out/esc-31m-red-2020.yaml", "out/new-line-x-2021.yaml", "out/etc.yaml", "out/root-2019.yaml",
                       "out/" + "x" * 80 + ".yaml", "out/folder", "out/folder/post.yaml"}
    assert sorted(outside.iterdir()) == [victim]
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert "not written: out/rf.yaml is a symbolic link; reviewlint does not write through links" in result.stdout
    # The planted folder link is refused before any folder is made through it.
    assert "not written: out/escape is a symbolic link; reviewlint does not write through links" in result.stdout
    assert result.exit_code == 1
