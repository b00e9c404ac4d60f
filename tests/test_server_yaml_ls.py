"""A review from `reviewlint new` in Red Hat's yaml-language-server (what VS Code's YAML
extension runs): its modeline resolves to the repository's schema copy, so there is no
error on line 1, and the schema's hover and completion work offline.

Needs node and the npm package; set YAML_LANGUAGE_SERVER to its `bin/yaml-language-server`
(or have it on PATH), e.g. after `npm install yaml-language-server` in some folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lsprotocol import types

from reviewlint.cli import cli
from server_client import Client, run, stop


def yaml_language_server() -> list[str] | None:
    node = shutil.which("node")
    found = os.environ.get("YAML_LANGUAGE_SERVER") or shutil.which("yaml-language-server")
    if found is None:
        for base in (Path.cwd(), Path.home()):
            candidate = base / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
            if candidate.is_file():
                found = str(candidate)
                break
    if node is None or found is None:
        return None
    return [node, found, "--stdio"]


COMMAND = yaml_language_server()
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(COMMAND is None, reason="node or the yaml-language-server npm package is missing")]


async def start_yaml_ls(root: Path) -> Client:
    assert COMMAND is not None
    client = Client()

    @client.feature(types.WORKSPACE_CONFIGURATION)
    def configuration(client: Client, params: types.ConfigurationParams) -> list[Any]:
        # The YAML extension's defaults, with network schema fetching off: offline, as promised.
        return [{"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}
                for _ in params.items]

    program, *arguments = COMMAND
    await client.start_io(program, *arguments, cwd=str(root))
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(configuration=True)),
        root_uri=root.as_uri(), process_id=os.getpid()))
    client.initialized(types.InitializedParams())
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={
        "yaml": {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}}))
    return client


def test_a_new_review_has_no_error_on_line_1_and_the_schema_works(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(cli, ["init", "--no-pre-commit"]).exit_code == 0
    assert CliRunner().invoke(cli, ["new", "Amélie", "--year", "2001", "-o", "reviews/amelie.yaml"]).exit_code == 0
    path = tmp_path / "reviews" / "amelie.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/film-review.schema.json\n")

    async def body() -> None:
        client = await start_yaml_ls(tmp_path)
        uri = path.as_uri()
        client.open(uri, text)
        # yaml-language-server publishes without a version: the first publication is this text's.
        await client.wait_until(lambda: client.published.get(uri), timeout=60)
        found = client.published[uri][-1].diagnostics
        assert list(found) == [], [(d.range.start.line, d.message) for d in found]
        lines = text.splitlines()
        row = lines.index("  year: 2001")
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=row, character=3)))
        assert hover is not None and "release" in str(hover.contents).lower()
        # A wrong value is an error from the copy's schema (the link really resolved).
        count = len(client.published[uri])
        client.replace_all(uri, text.replace("  year: 2001", "  year: soon"))
        await client.wait_until(lambda: len(client.published[uri]) > count, timeout=60)
        errors = client.published[uri][-1].diagnostics
        assert [d.range.start.line for d in errors] == [row], [(d.range.start.line, d.message) for d in errors]
        await stop(client)

    run(body)
