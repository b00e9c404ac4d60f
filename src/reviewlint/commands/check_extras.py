"""`check`'s options for adopting reviewlint on a repository, kept out of check.py.

`--baseline`/`--write-baseline`, `--show-settings`, `--show-files`, `-q/--quiet`,
`--watch`, `check --fix -` and the progress line. Each is a call into the package
(baseline.py, settings_report.py, report/progress.py); this module only parses and prints.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reviewlint.api import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

if TYPE_CHECKING:
    from reviewlint.config import SettingsLookup
    from reviewlint.results import CheckResult

F = TypeVar("F", bound=Callable[..., Any])

_OPTIONS = (
    click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=str),
                 help="Report only findings not recorded in this baseline file (see --write-baseline)."),
    click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False, path_type=str),
                 help="Record every finding in this file and exit 0: adopt reviewlint on existing reviews, then "
                      "check with --baseline to see only new findings."),
    click.option("--show-settings", is_flag=True,
                 help="Print the settings for the first file (and where each came from), then exit."),
    click.option("--show-files", is_flag=True, help="Print the files that would be checked, then exit."),
    click.option("--quiet", "-q", is_flag=True, help="Print only the summary (the report file, if any, is complete)."),
    click.option("--watch", "-w", is_flag=True, help="Check again whenever a file under PATHS changes (Ctrl-C stops)."),
)


def adoption_options(function: F) -> F:
    """The options above, as one decorator for `check`."""
    for option in reversed(_OPTIONS):
        function = option(function)
    return function


@dataclass(frozen=True, slots=True)
class Extras:
    baseline_file: str | None = None
    write_baseline: str | None = None
    show_settings: bool = False
    show_files: bool = False
    quiet: bool = False
    watch: bool = False

    @classmethod
    def pop(cls, params: dict[str, Any]) -> Extras:
        """The extras out of `check`'s keyword arguments."""
        return cls(**{name: params.pop(name) for name in cls.__slots__ if name in params})


def fail(message: str) -> None:
    click.echo(f"reviewlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def before_check(extras: Extras, paths: tuple[str, ...], lookup: SettingsLookup, *, exclude: Iterable[str],
                 force_exclude: bool, overrides: dict[str, Any]) -> None:
    """--show-settings and --show-files print and exit; nothing else happens before the check."""
    if extras.baseline_file and extras.write_baseline:
        raise click.UsageError("--baseline and --write-baseline cannot be used together")
    if not (extras.show_settings or extras.show_files):
        return
    from reviewlint.engine import discover_with_config
    from reviewlint.errors import ConfigError

    try:
        found = discover_with_config(paths or (".",), lookup, exclude=exclude, force_exclude=force_exclude)
        if extras.show_files:
            for path in sorted(found.files):
                click.echo(path)
        else:
            from reviewlint.settings_report import describe

            target = found.files[0] if found.files else (paths[0] if paths else ".")
            click.echo(describe(target, lookup, overrides))
    except ConfigError as error:
        fail(str(error))
        return
    for missing in found.missing:
        click.echo(f"reviewlint: error: {missing}: no such file or directory", err=True)
    sys.exit(EXIT_ERROR if found.missing else EXIT_CLEAN)


def after_check(extras: Extras, result: CheckResult) -> tuple[CheckResult, str | None]:
    """--write-baseline records and exits 0; --baseline filters the result and returns the
    line to print under the report."""
    if not (extras.write_baseline or extras.baseline_file):
        return result, None
    from reviewlint import baseline  # imported only when asked for: every run pays for an import

    try:
        if extras.write_baseline:
            count = baseline.write(result, extras.write_baseline)
            click.echo(f"Recorded {count} {'finding' if count == 1 else 'findings'} in {extras.write_baseline}; "
                       f"check with --baseline {extras.write_baseline} to see only new ones")
            sys.exit(EXIT_ERROR if result.internal_error or result.missing else EXIT_CLEAN)
        if extras.baseline_file:
            applied = baseline.apply(result, extras.baseline_file)
            return applied.result, baseline.summary(applied, extras.baseline_file)
    except baseline.BaselineError as error:
        fail(str(error))
    return result, None


def run_warnings(result: CheckResult, paths: tuple[str, ...], lookup: SettingsLookup) -> list[str]:
    """The run's warnings, plus `per-file-ignores` patterns that matched no file when a
    folder was checked (a few files named by pre-commit need not match every pattern)."""
    import os

    warnings = list(result.warnings)
    if any(os.path.isdir(path) for path in paths or (".",)):
        from reviewlint.settings_report import unmatched_per_file_ignores

        warnings += unmatched_per_file_ignores([file.path for file in result.files], lookup)
    return warnings


def progress_line(quiet: bool = False) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` callback drawing a progress line on standard error, or
    None when it does not belong there (a pipe, a file, CI, --quiet)."""
    from reviewlint.report.progress import Progress, wanted

    if quiet or not wanted(sys.stderr):
        return None
    lines: list[Progress] = []

    def progress(done: int, total: int) -> None:
        if not lines:
            lines.append(Progress(sys.stderr, total, enabled=True))
        lines[0].advance(done - lines[0].done)
        if done >= total:
            lines[0].finish()
    return progress


def fix_stdin(lookup: SettingsLookup, stdin_filename: str | None, unsafe: bool) -> int:
    """`check --fix -`: the fixed text (safe fixes, canonical layout) on standard output,
    what is left on standard error, as ruff does for an editor's format-on-save. A text
    that cannot be fixed is written back unchanged, so the editor never loses the buffer."""
    from reviewlint.api import stdin_settings
    from reviewlint.document import load_stream
    from reviewlint.fixing import applicable, fix_document
    from reviewlint.formatting import FormatRefused, VerifyFailed
    from reviewlint.lint import check_document
    from reviewlint.report.summary import blocking_errors

    name, settings = stdin_settings(lookup, stdin_filename)
    raw, document = load_stream(sys.stdin.buffer, name, max_bytes=settings.max_file_size)
    before = check_document(document, settings)
    text = document.text if document.text or not raw else raw.decode("utf-8", "replace")
    left = before.diagnostics
    if document.loaded and not blocking_errors(before):
        try:
            fixed = fix_document(document, applicable(before.diagnostics, unsafe), settings, unsafe=unsafe)
        except (FormatRefused, VerifyFailed) as error:
            click.echo(f"reviewlint: warning: {name}: not fixed: {error}", err=True)
        else:
            from reviewlint.document import load_text

            text = fixed.text
            left = check_document(load_text(text, name), settings).diagnostics
    sys.stdout.write(text)
    sys.stdout.flush()
    for diagnostic in left:
        click.echo(diagnostic.concise(), err=True)
    if any(d.code == "RL999" for d in left):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(d.severity >= settings.fail_level for d in left) else EXIT_CLEAN


def run_watch(paths: tuple[str, ...], rerun: Callable[[], None]) -> None:
    """Run `rerun` now and again after each change under `paths` (watchfiles, MIT), until
    Ctrl-C. Only review files and configs count as changes."""
    try:
        import watchfiles
    except ImportError:
        fail("--watch needs the watchfiles package: pip install watchfiles")
        return

    def relevant(_change: Any, path: str) -> bool:
        # Reviews and configs only: a report or cache file written by the run itself
        # (JSON, XML) must not start the next run.
        return path.endswith((".yaml", ".yml", ".toml")) and ".reviewlint_cache" not in path

    def once() -> None:
        with contextlib.suppress(SystemExit):  # each run ends as a normal check would; watching goes on
            rerun()
        sys.stdout.flush()
        click.echo("[watching for changes; Ctrl-C to stop]", err=True)

    once()
    try:
        for _changes in watchfiles.watch(*(paths or (".",)), watch_filter=relevant, raise_interrupt=False):
            click.clear()
            once()
    except KeyboardInterrupt:
        pass
    sys.exit(EXIT_CLEAN)


__all__ = ["Extras", "adoption_options", "after_check", "before_check", "fix_stdin", "progress_line", "run_warnings",
           "run_watch"]
