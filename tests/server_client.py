"""A real LSP client (pygls's) driving the installed `reviewlint server` over stdio,
for the server tests and benchmarks/lsp_latency.py."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REVIEWLINT = Path(sys.executable).with_name("reviewlint")
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


class Client(LanguageClient):
    """Records what the server sends; `diagnostics_for` waits for a given version's."""

    def __init__(self) -> None:
        super().__init__("reviewlint-tests", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.messages: list[types.ShowMessageParams] = []
        self.logs: list[types.LogMessageParams] = []
        self.registrations: list[types.RegistrationParams] = []
        self.arrived = asyncio.Event()
        self.versions: dict[str, int] = {}

        @self.feature(PUBLISH)
        def publish(client: Client, params: types.PublishDiagnosticsParams) -> None:
            client.published.setdefault(params.uri, []).append(params)
            client.arrived.set()

        @self.feature(types.WINDOW_SHOW_MESSAGE)
        def show(client: Client, params: types.ShowMessageParams) -> None:
            client.messages.append(params)
            client.arrived.set()

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def log(client: Client, params: types.LogMessageParams) -> None:
            client.logs.append(params)
            client.arrived.set()

        @self.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(client: Client, params: types.RegistrationParams) -> None:
            client.registrations.append(params)
            client.arrived.set()

    async def wait_until(self, ready: Callable[[], Any], timeout: float = 60.0) -> Any:
        async def poll() -> Any:
            while True:
                found = ready()
                if found:
                    return found
                self.arrived.clear()
                found = ready()
                if found:
                    return found
                await self.arrived.wait()

        return await asyncio.wait_for(poll(), timeout)

    async def diagnostics_for(self, uri: str, version: int | None = None, timeout: float = 60.0
                              ) -> list[types.Diagnostic]:
        """The diagnostics published for `uri` at `version` (the latest opened or changed)."""
        wanted = self.versions.get(uri) if version is None else version

        def ready() -> list[types.Diagnostic] | None:
            for params in reversed(self.published.get(uri, [])):
                if params.version == wanted:
                    return list(params.diagnostics)
            return None

        await self.wait_until(lambda: ready() is not None, timeout)
        result = ready()
        assert result is not None
        return result

    def open(self, uri: str, text: str, language_id: str = "yaml") -> None:
        self.versions[uri] = 1
        self.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id=language_id, version=1, text=text)))

    def change(self, uri: str, changes: list[types.TextDocumentContentChangeEvent]) -> int:
        version = self.versions[uri] + 1
        self.versions[uri] = version
        self.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=changes))
        return version

    def replace_all(self, uri: str, text: str) -> int:
        return self.change(uri, [types.TextDocumentContentChangeWholeDocument(text=text)])


def capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
            apply_edit=True, workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
            code_action=types.CodeActionClientCapabilities(code_action_literal_support=types.ClientCodeActionLiteralOptions(
                code_action_kind=types.ClientCodeActionKindOptions(value_set=list(types.CodeActionKind))))),
        general=types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf16]))


async def start(root: Path, *, options: dict[str, Any] | None = None, env: dict[str, str] | None = None,
                command: list[str] | None = None) -> tuple[Client, types.InitializeResult]:
    client = Client()
    environment = {**os.environ, "XDG_CACHE_HOME": str(root / ".cache"), **(env or {})}
    program, *arguments = command or [str(REVIEWLINT), "server"]
    await client.start_io(program, *arguments, cwd=str(root), env=environment)
    result = await client.initialize_async(types.InitializeParams(
        capabilities=capabilities(), root_uri=root.as_uri(), process_id=os.getpid(),
        initialization_options=options or {}))
    client.initialized(types.InitializedParams())
    return client, result


async def stop(client: Client) -> None:
    await asyncio.wait_for(client.shutdown_async(None), 60)
    client.exit(None)
    await client.stop()


def run(body: Callable[[], Awaitable[Any]]) -> Any:
    return asyncio.run(body())


def offset_of(text: str, position: types.Position) -> int:
    """UTF-16 position -> index in `text` (lines break at CR, LF, CRLF)."""
    import re

    starts = [0, *(m.end() for m in re.finditer("\r\n|[\r\n]", text))]
    if position.line >= len(starts):
        return len(text)
    start = starts[position.line]
    end = starts[position.line + 1] if position.line + 1 < len(starts) else len(text)
    units = 0
    index = start
    while index < end and units < position.character:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """What an editor does with a list of non-overlapping TextEdits."""
    spans = sorted(((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def workspace_edit_text(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    edits: list[types.TextEdit] = []
    for change in edit.document_changes or []:
        assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
        edits.extend(e for e in change.edits if isinstance(e, types.TextEdit))
    for edit_uri, plain in (edit.changes or {}).items():
        assert edit_uri == uri
        edits.extend(plain)
    return apply_edits(text, edits)
