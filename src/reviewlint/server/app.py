"""The language server: LSP messages in, calls into the package, LSP messages out.

Diagnostics run on open, on save and, while the author types, at most once per interval:
the `debounce` option (50 ms) or four times the last check's duration, whichever is longer,
so a big file never keeps a core busy more than a quarter of the time. The first change
after a pause is checked at once; changes that arrive meanwhile are coalesced into one check
of the newest text. All engine work runs on one worker thread, so the server keeps
answering hovers and completions meanwhile. Nothing here decides what is a finding: that is
the engine's, with the config the CLI would use.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from reviewlint._version import __version__
from reviewlint.diagnostics import Diagnostic
from reviewlint.server.analysis import Analysis, Configs, analyse, is_config_file
from reviewlint.server.convert import FIX_ALL_KIND, overlaps, to_lsp
from reviewlint.server.positions import UTF16, LineIndex
from reviewlint.server.ruledocs import RuleLinks

if TYPE_CHECKING:
    from pygls.workspace import TextDocument

# Code actions, formatting, hover and completion modules are imported on their first
# request: the first diagnostics (what start-up is measured to) need none of them.
NAME = "reviewlint"
DEFAULT_DEBOUNCE = 0.05  # seconds: the shortest interval between two checks of one document
CHECK_SHARE = 4  # ... and at least this many times the last check's duration
YAML_SUFFIXES = (".yaml", ".yml")
MAX_DIAGNOSTICS = 1000  # per document sent to the editor
F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")


class ReviewServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.configs = Configs()
        self.links = RuleLinks()
        self.debounce = DEFAULT_DEBOUNCE
        self.analyses: dict[str, Analysis] = {}
        # What the editor was last sent for each document: (finding, its LSP form) pairs.
        self.published: dict[str, list[tuple[Diagnostic, types.Diagnostic]]] = {}
        self.tracked: set[str] = set()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.last_start: dict[str, float] = {}
        self.last_duration: dict[str, float] = {}
        self.shown_config_errors: set[str] = set()
        self.capped: set[str] = set()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reviewlint-check")

    # --- helpers ----------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    def path_of(self, uri: str) -> str:
        path = to_fs_path(uri)
        if path:
            return path
        # An unsaved buffer: checked with the config of the workspace folder.
        root = self.workspace.root_path or os.getcwd()
        return os.path.join(root, "untitled.yaml")

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    async def in_worker(self, function: Callable[..., R], *arguments: Any) -> R:
        """Run `function` on the worker thread: all engine work (checks, fixes, formatting)
        happens there, one piece at a time, while this thread answers hovers and completions."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, function, *arguments)

    def opened(self, uri: str) -> tuple[TextDocument, Analysis | None, str | None] | None:
        """A tracked buffer as it is now, its last analysis (perhaps stale) and the schema
        version that analysis found declared; None when the document is not tracked."""
        from reviewlint.server import features

        if uri not in self.tracked:
            return None
        analysis = self.analyses.get(uri)
        version = features.schema_version_of(analysis.document.data) if analysis and analysis.document else None
        return self.workspace.get_text_document(uri), analysis, version

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the buffer as it is now (re-checked first if it is stale)."""
        if uri not in self.tracked:
            return None
        document = self.workspace.get_text_document(uri)
        analysis = self.analyses.get(uri)
        if analysis is None or analysis.text != document.source:
            analysis = await self._analyse(uri, document.source, document.version)
            self._publish(uri, analysis)
        return analysis

    async def _analyse(self, uri: str, text: str, version: int | None) -> Analysis:
        analysis, config_error = await self.in_worker(analyse, text, self.path_of(uri), version, self.configs)
        if config_error and config_error not in self.shown_config_errors:
            self.shown_config_errors.add(config_error)
            self.show(f"reviewlint: {config_error} (checking with the default settings)",
                      types.MessageType.Error)
        return analysis

    def _publish(self, uri: str, analysis: Analysis) -> None:
        index = LineIndex(analysis.text, self.encoding)
        shown = analysis.diagnostics
        if len(shown) > MAX_DIAGNOSTICS:
            # A hostile text can hold hundreds of thousands of findings: the editor gets the
            # most severe first, and a message saying how many there are.
            kept = sorted(shown, key=lambda d: (-d.severity, d.line, d.col))[:MAX_DIAGNOSTICS]
            shown = sorted(kept, key=lambda d: (d.line, d.col, d.code))
            if uri not in self.capped:  # said once, not on every keystroke
                self.capped.add(uri)
                self.show(f"reviewlint: {len(analysis.diagnostics)} findings in {os.path.basename(analysis.path)}; "
                          f"the {MAX_DIAGNOSTICS} most severe are shown (`reviewlint check` lists them all)")
        else:
            self.capped.discard(uri)
        pairs = [(d, to_lsp(d, index, self.links)) for d in shown]
        self.analyses[uri] = analysis
        self.published[uri] = pairs
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[lsp for _, lsp in pairs], version=analysis.version))

    # --- scheduling -------------------------------------------------------------------------

    def schedule(self, uri: str, *, now: bool = False) -> None:
        if uri not in self.tracked or uri in self.pending:
            return  # the pending check reads the newest text when it runs
        elapsed = time.monotonic() - self.last_start.get(uri, 0.0)
        interval = max(self.debounce, CHECK_SHARE * self.last_duration.get(uri, 0.0))
        delay = 0.0 if now or elapsed >= interval else interval - elapsed
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            self.pending.pop(uri, None)
            if uri not in self.tracked:
                return
            document = self.workspace.get_text_document(uri)
            text, version = document.source, document.version
            self.last_start[uri] = time.monotonic()
            result = await self._analyse(uri, text, version)
            self.last_duration[uri] = time.monotonic() - self.last_start[uri]
            if uri in self.tracked and (uri not in self.pending or self.workspace.get_text_document(uri).source
                                        == text):
                self._publish(uri, result)
        except Exception as error:  # the server goes on; the error is in the client's log
            self.log(f"reviewlint: internal error while checking {uri}: {error}\n{traceback.format_exc()}",
                     types.MessageType.Error)

    def recheck_all(self) -> None:
        self.configs.reload()
        self.shown_config_errors.clear()
        for uri in list(self.tracked):
            self.analyses.pop(uri, None)
            self.schedule(uri, now=True)


def guarded(handler: F) -> F:
    """A handler (plain or async, request or notification) that logs its own failure and
    answers nothing (null), so one bad message never takes the server down."""

    def failed(server: ReviewServer, error: Exception) -> None:
        server.log(f"reviewlint: internal error in {handler.__name__}: {error}\n{traceback.format_exc()}",
                   types.MessageType.Error)

    if asyncio.iscoroutinefunction(handler):
        @functools.wraps(handler)
        async def run_async(server: ReviewServer, params: Any) -> Any:
            try:
                return await handler(server, params)
            except Exception as error:
                failed(server, error)
                return None

        return cast(F, run_async)

    @functools.wraps(handler)
    def run(server: ReviewServer, params: Any) -> Any:
        try:
            return handler(server, params)
        except Exception as error:
            failed(server, error)
            return None

    return cast(F, run)


def _wanted(uri: str, language_id: str | None) -> bool:
    path = uri.lower().split("?")[0]
    name = path.rsplit("/", 1)[-1]
    if name in (".reviewlint.yaml", ".reviewlint.yml"):
        return False  # the config, not a review
    return language_id == "yaml" or path.endswith(YAML_SUFFIXES)


def build() -> ReviewServer:
    server = ReviewServer()

    @server.feature(types.INITIALIZE)
    @guarded
    def initialize(ls: ReviewServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        template = options.get("ruleDocsUrl")
        if isinstance(template, str) and template:
            ls.links = RuleLinks(template)
        debounce = options.get("debounce")
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 5000:
            ls.debounce = debounce / 1000

    @server.feature(types.INITIALIZED)
    @guarded
    def initialized(ls: ReviewServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}")
                        for name in ("pyproject.toml", ".reviewlint.yaml", ".reviewlint.yml")]
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="reviewlint-config-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded
    def did_open(ls: ReviewServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        if _wanted(uri, params.text_document.language_id):
            ls.tracked.add(uri)
            ls.schedule(uri, now=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded
    def did_change(ls: ReviewServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    @guarded
    def did_save(ls: ReviewServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if is_config_file(ls.path_of(uri)):
            ls.recheck_all()
            return
        ls.configs.reload()  # re-read on save: a config edited outside the editor counts too
        ls.analyses.pop(uri, None)
        ls.schedule(uri, now=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded
    def did_close(ls: ReviewServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.tracked:
            ls.tracked.discard(uri)
            task = ls.pending.pop(uri, None)
            if task is not None:
                task.cancel()
            ls.analyses.pop(uri, None)
            ls.published.pop(uri, None)
            ls.last_start.pop(uri, None)
            ls.last_duration.pop(uri, None)
            ls.capped.discard(uri)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded
    def did_change_watched(ls: ReviewServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config_file(ls.path_of(change.uri)) for change in params.changes):
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll,
                           FIX_ALL_KIND]))
    @guarded
    async def code_action(ls: ReviewServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        from reviewlint.server import actions

        uri = params.text_document.uri
        analysis = await ls.current(uri)
        if analysis is None or analysis.document is None:
            return None
        only = [str(getattr(kind, "value", kind)) for kind in params.context.only or []]
        document = ls.workspace.get_text_document(uri)
        target = actions.Target(uri, document.version, LineIndex(analysis.text, ls.encoding))
        at_cursor = [(d, lsp) for d, lsp in ls.published.get(uri, []) if overlaps(lsp.range, params.range)]
        found = await ls.in_worker(actions.actions_for, analysis, target, at_cursor, only)
        return found or None

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    @guarded
    async def formatting(ls: ReviewServer, params: types.DocumentFormattingParams) -> list[types.TextEdit] | None:
        from reviewlint.formatting import FormatRefused, VerifyFailed
        from reviewlint.server import actions
        from reviewlint.server.edits import text_edits

        uri = params.text_document.uri
        analysis = await ls.current(uri)
        if analysis is None:
            return None
        if analysis.document is None:
            ls.show("reviewlint: not formatted: the file is excluded by the config or could not be checked")
            return None
        try:
            text = await ls.in_worker(actions.formatted_text, analysis)
        except FormatRefused as refused:
            where = f"line {refused.diagnostic.line}, column {refused.diagnostic.col}"
            ls.show(f"reviewlint: {refused.diagnostic.message} ({refused.diagnostic.code} at {where})")
            return None
        except VerifyFailed as error:
            ls.show(f"reviewlint: not formatted: {error} (please report this)", types.MessageType.Error)
            return None
        return text_edits(analysis.text, text, LineIndex(analysis.text, ls.encoding))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded
    def hover(ls: ReviewServer, params: types.HoverParams) -> types.Hover | None:
        from reviewlint.server import features

        uri = params.text_document.uri
        opened = ls.opened(uri)
        if opened is None:
            return None
        document, analysis, version = opened
        fresh = analysis is not None and analysis.text == document.source
        text = features.hover_text(LineIndex(document.source, ls.encoding), params.position,
                                   [lsp for _, lsp in ls.published.get(uri, [])] if fresh else [], version)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "-", "["]))
    @guarded
    def completion(ls: ReviewServer, params: types.CompletionParams) -> types.CompletionList | None:
        from reviewlint.server import features

        opened = ls.opened(params.text_document.uri)
        if opened is None:
            return None
        document, _, version = opened
        items = features.completion_items(LineIndex(document.source, ls.encoding), params.position, version)
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: ReviewServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="reviewlint server: %(levelname)s: %(message)s")
    build().start_io()
