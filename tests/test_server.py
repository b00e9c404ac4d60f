"""The language server, driven over stdio by a real LSP client (pygls's) against the
installed `reviewlint server`: what an editor sees."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lsprotocol import types

from reviewlint.schema import load_schema
from server_client import REVIEWLINT, run, start, stop, workspace_edit_text

REVIEW = """\
schema_version: "1.1"
film:
  title: The Quiet Harbour
  original_title: The Quiet Harbour
  year: 2011
  directors:
    - Ana Ruiz
review:
  headline: A slow boat worth the the wait
  body:
    - "The harbour town breathes through long, patient takes.  "
    - It is a film about waiting, and it earns every minute of it.
content_warnings: []
author:
  name: Sam Doe
language: en
"""


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def whole() -> types.Range:
    return types.Range(start=pos(0, 0), end=pos(10_000, 0))


def cli_findings(path: Path) -> list[tuple[str, int, int]]:
    """(code, line, col) as `reviewlint check --output-format concise` prints them."""
    output = subprocess.run([str(REVIEWLINT), "check", "--output-format", "concise", str(path)],
                            capture_output=True, text=True, check=False).stdout
    found = []
    for line in output.splitlines():
        if line.startswith(str(path) + ":"):
            location, _, rest = line[len(str(path)) + 1:].partition(": ")
            row, col = location.split(":")
            found.append((rest.split(" ", 1)[0], int(row), int(col)))
    return found


def test_initialize_advertises_the_features(tmp_path: Path) -> None:
    async def body() -> None:
        client, result = await start(tmp_path)
        capabilities = result.capabilities
        assert result.server_info is not None and result.server_info.name == "reviewlint"
        assert capabilities.document_formatting_provider
        sync = capabilities.text_document_sync
        assert isinstance(sync, types.TextDocumentSyncOptions)
        assert sync.change == types.TextDocumentSyncKind.Incremental and sync.save and sync.open_close
        assert capabilities.hover_provider
        assert capabilities.completion_provider is not None
        assert isinstance(capabilities.code_action_provider, types.CodeActionOptions)
        kinds = {str(getattr(k, "value", k)) for k in capabilities.code_action_provider.code_action_kinds or []}
        assert {"quickfix", "source.fixAll", "source.fixAll.reviewlint"} <= kinds
        await client.wait_until(lambda: client.registrations)
        watched = client.registrations[0].registrations[0]
        assert watched.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        process = client._server
        await stop(client)  # shutdown, then exit: the process ends cleanly
        assert process is not None
        assert await asyncio.wait_for(process.wait(), 20) == 0

    run(body)


def test_diagnostics_match_the_cli_on_open_change_and_save(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(REVIEW, encoding="utf-8")
    expected = cli_findings(path)
    assert ("RL510", 4, 19) in expected and ("RL601", 11, 62) in expected

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, REVIEW)
        found = await client.diagnostics_for(uri)
        # The CLI's 1-based line:col is LSP's 0-based line and UTF-16 character.
        assert [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in found] == expected
        by_code = {d.code: d for d in found}
        assert by_code["RL510"].severity == types.DiagnosticSeverity.Information
        assert by_code["RL601"].severity == types.DiagnosticSeverity.Warning
        assert by_code["RL510"].source == "reviewlint"
        assert by_code["RL510"].message == "`original_title` is the same as `title`; omit it"
        link = by_code["RL601"].code_description
        assert link is not None and link.href.startswith("file://")
        assert link.href.endswith("/RL601-trailing-whitespace.md")
        doc_file = Path(link.href.removeprefix("file://"))
        assert doc_file.read_text(encoding="utf-8").startswith("### RL601 trailing-whitespace")

        # One character typed: `original_title` now differs from `title`.
        version = client.change(uri, [types.TextDocumentContentChangePartial(
            range=types.Range(start=pos(3, 34), end=pos(3, 34)), text="s")])
        codes = [d.code for d in await client.diagnostics_for(uri, version)]
        assert "RL510" not in codes and "RL601" in codes

        # A syntax error is a diagnostic, not a crash; the server goes on.
        broken = REVIEW.replace("headline: A slow", "headline: [A slow", 1)
        version = client.replace_all(uri, broken)
        found = await client.diagnostics_for(uri, version)
        assert [d.code for d in found] == ["RL001"]
        assert found[0].severity == types.DiagnosticSeverity.Error

        version = client.replace_all(uri, REVIEW)
        assert [d.code for d in await client.diagnostics_for(uri, version)] == [c for c, _, _ in expected]
        client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=doc(uri)))
        client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=doc(uri)))
        await client.wait_until(lambda: len(client.published[uri][-1].diagnostics) == 0)
        await stop(client)

    run(body)


def test_positions_are_utf16_after_wide_characters(tmp_path: Path) -> None:
    text = REVIEW.replace("slow boat worth", "slow 기생충 boat 🎬 worth")
    path = tmp_path / "wide.yaml"
    path.write_text(text, encoding="utf-8")
    cli = {code: (line, col) for code, line, col in cli_findings(path)}

    async def body() -> None:
        client, _ = await start(tmp_path)
        client.open(path.as_uri(), text)
        found = {d.code: d for d in await client.diagnostics_for(path.as_uri())}
        doubled = found["RL604"].range
        line = text.splitlines()[8]
        # The CLI counts characters; LSP counts UTF-16 units, two for the clapperboard.
        assert (doubled.start.line + 1, doubled.start.character) == (cli["RL604"][0], cli["RL604"][1])
        utf16 = line.encode("utf-16-le")
        assert utf16[doubled.start.character * 2:doubled.end.character * 2].decode("utf-16-le") == "the"
        await stop(client)

    run(body)


def test_code_actions_fix_suppress_and_fix_all(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, REVIEW)
        found = {d.code: d for d in await client.diagnostics_for(uri)}

        async def actions_at(diagnostic: types.Diagnostic, only: list[str] | None = None) -> list[types.CodeAction]:
            result = await client.text_document_code_action_async(types.CodeActionParams(
                text_document=doc(uri), range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))
            return [a for a in result or [] if isinstance(a, types.CodeAction)]

        trailing = await actions_at(found["RL601"])
        titles = [a.title for a in trailing]
        assert titles[0].startswith("Fix RL601:") and "unsafe" not in titles[0]
        assert trailing[0].kind == types.CodeActionKind.QuickFix and trailing[0].is_preferred
        assert "Suppress RL601 on this line" in titles
        assert trailing[0].edit is not None
        fixed = workspace_edit_text(REVIEW, trailing[0].edit, uri)
        # Only the fixed line changes (the review is in the canonical layout); with its trailing
        # spaces gone, the text needs no quotes.
        assert fixed == REVIEW.replace('"The harbour town breathes through long, patient takes.  "',
                                       "The harbour town breathes through long, patient takes.")
        assert "and format the document" not in titles[0]

        doubled = await actions_at(found["RL604"])
        unsafe = [a for a in doubled if a.title.startswith("Fix RL604")]
        assert unsafe and "unsafe" in unsafe[0].title and not unsafe[0].is_preferred
        assert unsafe[0].edit is not None
        assert "  headline: A slow boat worth the wait\n" in workspace_edit_text(REVIEW, unsafe[0].edit, uri)

        suppress = next(a for a in await actions_at(found["RL510"]) if a.title.startswith("Suppress"))
        assert suppress.edit is not None
        suppressed = workspace_edit_text(REVIEW, suppress.edit, uri)
        assert suppressed.splitlines()[3] == \
            "  original_title: The Quiet Harbour  # reviewlint: disable=RL510 -- <reason>"
        version = client.replace_all(uri, suppressed)
        assert "RL510" not in [d.code for d in await client.diagnostics_for(uri, version)]

        client.replace_all(uri, REVIEW)
        await client.diagnostics_for(uri)
        result = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=doc(uri), range=types.Range(start=pos(0, 0), end=pos(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
        assert result is not None and len(result) == 1
        fix_all = result[0]
        assert isinstance(fix_all, types.CodeAction) and fix_all.kind == "source.fixAll.reviewlint"
        assert fix_all.edit is not None
        after = workspace_edit_text(REVIEW, fix_all.edit, uri)
        # The safe fixes (RL510, RL601), not the unsafe one (RL604).
        assert "original_title" not in after and "takes.  " not in after and "the the" in after
        version = client.replace_all(uri, after)
        assert sorted(d.code for d in await client.diagnostics_for(uri, version)) == ["RL208", "RL509", "RL604"]
        await stop(client)

    run(body)


def test_suppress_inside_a_block_text_goes_above_the_entry(tmp_path: Path) -> None:
    text = REVIEW.replace('    - "The harbour town breathes through long, patient takes.  "\n',
                          "    - |\n      The harbour town breathes\n      through long the the takes.\n")
    path = tmp_path / "block.yaml"

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, text)
        doubled = next(d for d in await client.diagnostics_for(uri) if d.code == "RL604" and d.range.start.line > 9)
        assert doubled.range.start.line == 12
        result = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=doc(uri), range=doubled.range, context=types.CodeActionContext(diagnostics=[doubled])))
        suppress = next(a for a in result or [] if isinstance(a, types.CodeAction) and a.title.startswith("Suppress"))
        assert suppress.edit is not None
        after = workspace_edit_text(text, suppress.edit, uri)
        assert after.splitlines()[10:12] == ["    # reviewlint: disable=RL604 -- <reason>", "    - |"]
        version = client.replace_all(uri, after)
        assert [d.range.start.line for d in await client.diagnostics_for(uri, version) if d.code == "RL604"] == [8]
        await stop(client)

    run(body)


def test_formatting_gives_the_canonical_text_and_refuses_a_broken_one(tmp_path: Path) -> None:
    messy = REVIEW.replace("language: en\n", "").replace("schema_version", "language: en\nschema_version", 1)
    path = tmp_path / "messy.yaml"
    path.write_text(messy, encoding="utf-8")
    canonical = subprocess.run([str(REVIEWLINT), "format", "-"], input=messy, capture_output=True, text=True,
                               check=True).stdout

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, messy)
        await client.diagnostics_for(uri)
        edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=doc(uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits
        assert apply(messy, edits) == canonical

        broken = messy + "film: twice\n"
        version = client.replace_all(uri, broken)
        await client.diagnostics_for(uri, version)
        before = len(client.messages)
        edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=doc(uri), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits is None
        await client.wait_until(lambda: len(client.messages) > before)
        message = client.messages[-1]
        assert message.type == types.MessageType.Warning
        assert message.message.startswith("reviewlint: not formatted: duplicate key `film`")
        assert message.message.endswith("(RL002 at line 17, column 1)")
        await stop(client)

    run(body)


def apply(text: str, edits: list[types.TextEdit]) -> str:
    from server_client import apply_edits

    return apply_edits(text, edits)


def test_hover_shows_the_schema_description_and_the_rule_doc(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, REVIEW)
        await client.diagnostics_for(uri)

        async def hover(line: int, character: int) -> str:
            result = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri),
                                                                              position=pos(line, character)))
            assert result is not None and isinstance(result.contents, types.MarkupContent)
            return result.contents.value

        title = load_schema("1.1")["properties"]["film"]["properties"]["title"]["description"]
        assert await hover(2, 4) == f"**`film.title`**: {title}"
        on_finding = await hover(3, 20)
        assert on_finding.startswith("**RL510** `original_title` is the same as `title`; omit it")
        assert "### RL510 redundant-original-title" in on_finding and "## What it does" in on_finding
        assert "**`film.original_title`**" not in on_finding  # the cursor is on the value
        none = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=pos(40, 0)))
        assert none is None
        await stop(client)

    run(body)


def test_completion_offers_keys_and_vocabulary_values(tmp_path: Path) -> None:
    text = REVIEW.replace("content_warnings: []\n", "content_warnings:\n  - gor\n").replace(
        "  year: 2011\n", "  year: 2011\n  countries: [N]\n  \n")
    path = tmp_path / "typing.yaml"

    async def body() -> None:
        client, _ = await start(tmp_path)
        uri = path.as_uri()
        client.open(uri, text)
        await client.diagnostics_for(uri)

        async def complete(line: int, character: int) -> dict[str, types.CompletionItem]:
            result = await client.text_document_completion_async(types.CompletionParams(
                text_document=doc(uri), position=pos(line, character)))
            assert isinstance(result, types.CompletionList)
            return {item.label: item for item in result.items}

        lines = text.splitlines()
        slugs = await complete(lines.index("  - gor"), len("  - gor"))
        assert "gore" in slugs and slugs["gore"].detail == "Gore"
        assert slugs["gore"].text_edit is not None and slugs["gore"].text_edit.new_text == "gore"
        countries = await complete(lines.index("  countries: [N]"), len("  countries: [N"))
        # `NO` would load as false in YAML 1.1: it is inserted quoted.
        assert countries["NO"].detail == "Norway"
        assert countries["NO"].text_edit is not None and countries["NO"].text_edit.new_text == '"NO"'
        keys = await complete(lines.index("  countries: [N]") + 1, 2)
        assert "genres" in keys and "runtime_minutes" in keys
        assert "title" not in keys and "year" not in keys  # already written
        assert keys["genres"].text_edit is not None and keys["genres"].text_edit.new_text == "genres: "
        top = await complete(len(lines), 0)
        assert "rating" in top and "film" not in top
        await stop(client)

    run(body)


def test_config_changes_are_picked_up(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    config = tmp_path / ".reviewlint.yaml"

    async def body() -> None:
        # Each file gets the config that governs its own path, as in the CLI.
        (tmp_path / "quiet").mkdir()
        (tmp_path / "quiet" / ".reviewlint.yaml").write_text("ignore: [RL5, RL6]\n", encoding="utf-8")
        client, _ = await start(tmp_path)
        nested = (tmp_path / "quiet" / "harbour.yaml").as_uri()
        client.open(nested, REVIEW)
        assert [d.code for d in await client.diagnostics_for(nested)] == ["RL208"]
        uri = path.as_uri()
        client.open(uri, REVIEW)
        assert "RL601" in [d.code for d in await client.diagnostics_for(uri)]
        count = len(client.published[uri])
        config.write_text("ignore: [RL601]\n", encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
        await client.wait_until(lambda: len(client.published[uri]) > count)
        assert "RL601" not in [d.code for d in client.published[uri][-1].diagnostics]

        # A broken config: said once, and the defaults apply meanwhile.
        count = len(client.published[uri])
        config.write_text("ignroe: [RL601]\n", encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=doc(uri)))
        await client.wait_until(lambda: len(client.published[uri]) > count)
        assert "RL601" in [d.code for d in client.published[uri][-1].diagnostics]
        await client.wait_until(lambda: client.messages)
        assert "unknown key `ignroe`" in client.messages[-1].message
        assert client.messages[-1].type == types.MessageType.Error
        await stop(client)

    run(body)


@pytest.mark.slow
def test_hostile_documents_are_answered_within_bounds(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(8))
    huge_line = 'schema_version: "1.1"\nnotes:\n  - "' + "word " * (2 * 1024 * 1024 // 5) + '"\n'

    async def body() -> None:
        client, _ = await start(tmp_path)
        for name, text, code in (("bomb.yaml", bomb, "RL007"), ("huge.yaml", huge_line, "RL011")):
            uri = (tmp_path / name).as_uri()
            started = time.monotonic()
            client.open(uri, text)
            found = await client.diagnostics_for(uri, timeout=30)
            assert code in [d.code for d in found], (name, [d.code for d in found])
            assert time.monotonic() - started < 30
        # Over a thousand findings: the editor gets the thousand most severe, and a message says so.
        many = REVIEW.replace("content_warnings: []\n", "content_warnings:\n" + "".join(
            f"  - nope{n}\n" for n in range(1200)))
        uri = (tmp_path / "many.yaml").as_uri()
        client.open(uri, many)
        found = await client.diagnostics_for(uri, timeout=30)
        assert len(found) == 1000
        assert {d.severity for d in found} == {types.DiagnosticSeverity.Error}  # the warnings gave way
        assert [d.range.start.line for d in found] == sorted(d.range.start.line for d in found)
        [message] = [m.message for m in client.messages]
        count = int(message.split()[1])
        # 1,200 unknown slugs: schema validation lists 1,000 and one summary (RL110), plus the
        # review's own warnings, so more than the editor is sent.
        assert count > 1000
        assert message == (f"reviewlint: {count} findings in many.yaml; the 1000 most severe are shown "
                           "(`reviewlint check` lists them all)")
        # And the server still answers.
        hover = await client.text_document_hover_async(types.HoverParams(
            text_document=doc((tmp_path / "bomb.yaml").as_uri()), position=pos(0, 0)))
        assert hover is None or isinstance(hover, types.Hover)
        await stop(client)

    run(body)


def test_an_internal_error_is_rl999_and_the_server_goes_on(tmp_path: Path) -> None:
    # The installed server with the engine made to fail on one document.
    program = ("import reviewlint.server.analysis as a\n"
               "real = a.check_document\n"
               "def failing(document, settings=None):\n"
               "    if 'explode' in document.text:\n"
               "        raise RuntimeError('simulated bug')\n"
               "    return real(document, settings)\n"
               "a.check_document = failing\n"
               "import reviewlint.server.features as f\n"
               "def broken_hover(*args):\n"
               "    raise ValueError('simulated hover bug')\n"
               "f.hover_text = broken_hover\n"
               "from reviewlint.server import main\n"
               "main()\n")

    async def body() -> None:
        client, _ = await start(tmp_path, command=[sys.executable, "-c", program])
        uri = (tmp_path / "x.yaml").as_uri()
        client.open(uri, REVIEW + "# explode\n")
        found = await client.diagnostics_for(uri)
        assert [(d.code, d.severity) for d in found] == [("RL999", types.DiagnosticSeverity.Error)]
        assert found[0].message == ("internal error in reviewlint server: RuntimeError: simulated bug "
                                    "(please report this)")
        version = client.replace_all(uri, REVIEW)
        assert "RL601" in [d.code for d in await client.diagnostics_for(uri, version)]
        # A request that fails answers null, says why in the log, and the next one is served.
        hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(uri), position=pos(2, 4)))
        assert hover is None
        await client.wait_until(lambda: any("internal error in hover: simulated hover bug" in m.message
                                            for m in client.logs))
        result = await client.text_document_completion_async(types.CompletionParams(text_document=doc(uri),
                                                                                    position=pos(16, 0)))
        assert isinstance(result, types.CompletionList) and result.items
        await stop(client)

    run(body)


def test_files_that_are_not_reviews_are_left_alone(tmp_path: Path) -> None:
    async def body() -> None:
        client, _ = await start(tmp_path)
        client.open((tmp_path / ".reviewlint.yaml").as_uri(), "ignore: [RL601]\n")
        client.open((tmp_path / "notes.txt").as_uri(), "film: x\n", language_id="plaintext")
        # A workflow file: hidden from `check .` (as every dot-folder), so not a review here either.
        workflow = (tmp_path / ".github" / "workflows" / "ci.yml").as_uri()
        client.open(workflow, "on: push\njobs: {}\n")
        probe = (tmp_path / "probe.yaml").as_uri()
        client.open(probe, REVIEW)
        await client.diagnostics_for(probe)
        assert set(client.published) <= {probe, workflow}
        assert all(not params.diagnostics for params in client.published.get(workflow, []))
        await stop(client)

    run(body)


