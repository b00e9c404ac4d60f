"""`reviewlint init`: set a repository up for reviewlint in one step.

Writes what is missing and leaves what is there (saying what to add by hand where a
file exists and is not reviewlint's to rewrite):
- the schema copy (`schemas/film-review.schema.json`), for editors, offline;
- `.reviewlint.yaml` naming that copy (`schema-path`) and asking `format` for the
  relative modeline (`schema-comment: true`);
- `.vscode/settings.json` `yaml.schemas`, mapping review files to the copy for Red Hat's
  YAML extension;
- `.pre-commit-config.yaml` with a local hook running the installed reviewlint.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from reviewlint.cli import EXIT_ERROR

PRE_COMMIT = """\
repos:
  - repo: local
    hooks:
      - id: reviewlint
        name: reviewlint
        entry: reviewlint check --force-exclude
        language: system
        types: [yaml]
        files: {files}
        require_serial: true
"""
CONFIG = """\
# reviewlint's config: every key is in the README's Configuration section.
# The schema copy editors read (`reviewlint schema --write` refreshes it after an upgrade):
schema-path: {schema_path}
# `reviewlint format` and `check --fix` start each review with a modeline linking to it:
schema-comment: true
"""


def file_patterns(reviews: str) -> list[str]:
    """What counts as a review for editors: `*.review.yaml` anywhere, and YAML under the
    reviews folder."""
    from reviewlint.schemalink import FILE_MATCH

    folder = reviews.strip("/")
    return [*FILE_MATCH, f"{folder}/**/*.yaml", f"{folder}/**/*.yml"]


def _say(message: str) -> None:
    click.echo(message, err=True)


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _config(root: Path, schema_path: str) -> None:
    from reviewlint.schemalink import SCHEMA_PATH_KEY

    for name in (".reviewlint.yaml", ".reviewlint.yml"):
        existing = root / name
        if existing.is_file():
            text = existing.read_text(encoding="utf-8")
            if f"{SCHEMA_PATH_KEY}:" in text:
                _say(f"Kept {name} (it already names a schema copy)")
            else:
                _say(f"Kept {name}; add this line to link reviews to the schema copy:\n  "
                     f"{SCHEMA_PATH_KEY}: {schema_path}")
            return
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and "[tool.reviewlint]" in pyproject.read_text(encoding="utf-8", errors="replace"):
        _say(f'Kept pyproject.toml; add under [tool.reviewlint]:\n  {SCHEMA_PATH_KEY} = "{schema_path}"\n'
             "  schema-comment = true")
        return
    _write_new(root / ".reviewlint.yaml", CONFIG.format(schema_path=schema_path))
    _say("Wrote .reviewlint.yaml")


def _vscode(root: Path, schema_path: str, patterns: list[str]) -> None:
    settings = root / ".vscode" / "settings.json"
    key = "./" + schema_path
    entry = {key: patterns}
    if not settings.exists():
        _write_new(settings, json.dumps({"yaml.schemas": entry}, indent=2) + "\n")
        _say("Wrote .vscode/settings.json")
        return
    try:
        data = json.loads(settings.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError):
        # Comments or trailing commas (VS Code allows them): not ours to rewrite.
        _say('Kept .vscode/settings.json (not plain JSON); add:\n  "yaml.schemas": '
             + json.dumps(entry, indent=2).replace("\n", "\n  "))
        return
    schemas = data.setdefault("yaml.schemas", {})
    if not isinstance(schemas, dict):
        _say("Kept .vscode/settings.json (its yaml.schemas is not an object); add: " + json.dumps(entry))
        return
    if schemas.get(key) == patterns:
        _say("Kept .vscode/settings.json (it already maps reviews to the schema copy)")
        return
    schemas[key] = patterns
    temporary = settings.with_name(".settings.json.tmp")
    temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, settings)
    _say("Updated .vscode/settings.json (yaml.schemas)")


def _pre_commit(root: Path, reviews: str) -> None:
    folder = reviews.strip("/").replace(".", r"\.")
    snippet = PRE_COMMIT.format(files=rf"(^|/){folder}/|\.review\.ya?ml$")
    config = root / ".pre-commit-config.yaml"
    if not config.exists():
        _write_new(config, snippet)
        _say("Wrote .pre-commit-config.yaml (run `pre-commit install` to turn the hook on)")
    elif "reviewlint" in config.read_text(encoding="utf-8", errors="replace"):
        _say("Kept .pre-commit-config.yaml (it already runs reviewlint)")
    else:
        hooks = snippet.split("\n", 1)[1]
        _say(f"Kept .pre-commit-config.yaml; add under `repos:`:\n{hooks}")


@click.command("init")
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--schema-path", default="schemas/film-review.schema.json", show_default=True,
              help="Where to write the schema copy, relative to DIRECTORY.")
@click.option("--reviews", default="reviews", show_default=True, metavar="FOLDER",
              help="The folder your reviews live in (for the editor settings and the pre-commit hook).")
@click.option("--vscode/--no-vscode", default=True, show_default=True, help="Write .vscode/settings.json.")
@click.option("--pre-commit/--no-pre-commit", "pre_commit", default=True, show_default=True,
              help="Write .pre-commit-config.yaml.")
def init_command(directory: Path, schema_path: str, reviews: str, vscode: bool, pre_commit: bool) -> None:
    """Set up DIRECTORY (default: here) for reviewlint: a schema copy, a config naming it,
    editor settings and a pre-commit hook. Files that exist are kept; where one needs a
    line added, init prints it."""
    from reviewlint.schemalink import write_copy

    relative = Path(schema_path)
    if relative.is_absolute() or ".." in relative.parts or not schema_path.endswith(".json"):
        raise click.BadParameter("give a path inside DIRECTORY ending in .json", param_hint="--schema-path")
    shown = relative.as_posix()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        changed = write_copy(directory / relative)
        _say(f"{'Wrote' if changed else 'Kept'} {shown} (the schema, for editors; commit it)")
        _config(directory, shown)
        if vscode:
            _vscode(directory, shown, file_patterns(reviews))
        if pre_commit:
            _pre_commit(directory, reviews)
    except OSError as error:
        click.echo(f"reviewlint: error: {error.filename or directory}: {error.strerror or error}", err=True)
        sys.exit(EXIT_ERROR)
    _say("Next: `reviewlint new TITLE --year YEAR -o reviews/...` starts a review; `reviewlint check .` checks "
         "them all; `reviewlint server` gives editors every rule.")
