"""`reviewlint check`: validate, lint and (with --fix) repair reviews."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from reviewlint.api import EXIT_ERROR, check_stream, exit_code, same_file_as, use_color
from reviewlint.commands import INPUT_PATH, refuse_mixed_stdin
from reviewlint.commands.check_extras import Extras, adoption_options
from reviewlint.diagnostics import Severity
from reviewlint.errors import ConfigError
from reviewlint.report import ReportOptions, available, renderer
from reviewlint.settings import MAX_FILE_SIZE_LIMIT


def split_codes(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select RL1,RL201 --select RL3` -> ("RL1", "RL201", "RL3")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fail(message: str) -> None:
    click.echo(f"reviewlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.command("check")
@click.argument("paths", nargs=-1, type=INPUT_PATH)
@click.option("--fix", is_flag=True,
              help="Apply safe fixes and rewrite each file in the canonical layout (as `format`), then report "
                   "what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes that change meaning.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--output-format", "output_format", type=click.Choice(available()), default="text",
              show_default=True, envvar="REVIEWLINT_OUTPUT_FORMAT", help="How to print findings.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True, path_type=str),
              help="Write the report to this file; the terminal still gets the summary.")
@click.option("--select", multiple=True, help="Rules to enable (codes, prefixes or names; comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules to disable (codes, prefixes or names; comma-separated).")
@click.option("--per-file-ignores", "per_file_ignores", multiple=True, metavar="GLOB:CODES",
              help="Rules to disable in files matching a glob, e.g. 'imports/*.yaml:RL509,RL6'.")
@click.option("--rule-option", "rule_options", multiple=True, metavar="RULE.OPTION=VALUE",
              help="Set a rule option, e.g. 'implausible-runtime.max-minutes=900' (VALUE in TOML).")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit code 1 [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--exclude", multiple=True, help="Glob patterns (gitignore syntax) of paths to skip.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to files named on the command line too.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=str),
              help="Use this config file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore all config files.")
@click.option("--max-file-size", type=click.IntRange(1, MAX_FILE_SIZE_LIMIT), help="Largest file to read, in bytes.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output.")
@click.option("--stdin-filename", metavar="PATH",
              help="With `-` as the path: the file name to report for standard input (its config and "
                   "per-file ignores apply).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Worker processes (0: one per core) [default: 0].")
@click.option("--no-cache", is_flag=True, envvar="REVIEWLINT_NO_CACHE", help="Do not read or write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=str), envvar="REVIEWLINT_CACHE_DIR",
              help="Where to keep the result cache [default: .reviewlint_cache in the project root].")
@adoption_options
def check_command(paths: tuple[str, ...], fix: bool, unsafe_fixes: bool, diff: bool, output_format: str,
                  output_file: str | None, select: tuple[str, ...], extend_select: tuple[str, ...],
                  ignore: tuple[str, ...], per_file_ignores: tuple[str, ...], rule_options: tuple[str, ...],
                  fail_level: str | None, exit_zero: bool, statistics: bool,
                  exclude: tuple[str, ...], force_exclude: bool, config_file: str | None, isolated: bool,
                  max_file_size: int | None, color: str, stdin_filename: str | None, jobs: int, no_cache: bool,
                  cache_dir: str | None, **adoption: Any) -> None:
    """Validate reviews against the schema and lint them.

    PATHS are files or directories (searched recursively for *.yaml and *.yml;
    hidden and git-ignored folders are skipped). Default: the current directory.
    `-` reads one review from standard input (see --stdin-filename).
    """
    from reviewlint.cache import DEFAULT_DIR
    from reviewlint.commands import check_extras as extra
    from reviewlint.config import SettingsLookup, parse_per_file_ignore, parse_rule_option
    from reviewlint.engine import check_paths

    refuse_mixed_stdin(paths)
    extras = Extras.pop(adoption)
    if extras.watch:
        context = click.get_current_context()
        again = dict(context.params, watch=False)
        extra.run_watch(paths, lambda: context.invoke(check_command, **again))
    if output_file is not None and (clash := same_file_as(output_file, paths)) is not None:
        raise click.UsageError(f"--output-file {output_file} is the input {clash}: the report would replace it")
    if config_file is not None and isolated:
        raise click.UsageError("--config and --isolated cannot be used together (--isolated ignores every config)")
    overrides: dict[str, Any] = {
        "select": split_codes(select) or None,
        "extend_select": split_codes(extend_select),
        "ignore": split_codes(ignore),
        "fail_level": fail_level,
        "max_file_size": max_file_size,
    }
    try:
        overrides["per_file_ignores"] = tuple(parse_per_file_ignore(item) for item in per_file_ignores)
        overrides["rule_options"] = tuple(parse_rule_option(item) for item in rule_options)
        lookup = SettingsLookup(overrides, config_file=config_file, isolated=isolated)
        extra.before_check(extras, paths, lookup, exclude=exclude, force_exclude=force_exclude, overrides=overrides)
        if not no_cache and cache_dir is None:
            cache_dir = os.path.join(lookup(os.path.join(os.getcwd(), "_")).root, DEFAULT_DIR)
        if stdin_filename is not None and paths != ("-",):
            raise click.UsageError("--stdin-filename goes with `-` as the only path")
        if paths == ("-",):
            if diff:
                raise click.UsageError("--diff works on files, not standard input; `check --fix -` prints the "
                                       "fixed text")
            if fix:
                sys.exit(extra.fix_stdin(lookup, stdin_filename, unsafe_fixes))
            result = check_stream(sys.stdin.buffer, lookup, stdin_filename)
        elif fix or diff:  # each file read once: checked, fixed in memory, written once
            from reviewlint.engine import discover_with_config
            from reviewlint.fixing import fix_paths

            if output_file is not None:  # found before anything is written, not after
                found = discover_with_config(paths or (".",), lookup, exclude=exclude, force_exclude=force_exclude)
                if (clash := same_file_as(output_file, found.files)) is not None:
                    raise click.UsageError(f"--output-file {output_file} is the input {clash}: the report would "
                                           "replace it")
            result, outcome = fix_paths(paths or (".",), settings_for=lookup, exclude=exclude,
                                        force_exclude=force_exclude, unsafe=unsafe_fixes, diff_only=diff,
                                        jobs=jobs or None)
        else:
            result = check_paths(paths or (".",), settings_for=lookup, exclude=exclude,
                                 force_exclude=force_exclude, jobs=jobs or None,
                                 cache_dir=None if no_cache else cache_dir,
                                 progress=extra.progress_line(extras.quiet))
    except ConfigError as error:
        fail(str(error))
        return
    if output_file is not None and (clash := same_file_as(output_file, (f.path for f in result.files))):
        raise click.UsageError(f"--output-file {output_file} is the input {clash}: the report would replace it")
    for missing in result.missing:
        click.echo(f"reviewlint: error: {missing}: no such file or directory", err=True)
    for warning in extra.run_warnings(result, paths, lookup):
        click.echo(f"reviewlint: warning: {warning}", err=True)
    if not result.files and not result.missing:
        click.echo("reviewlint: warning: no YAML files (*.yaml, *.yml) found under the given paths", err=True)

    # As ruff: --diff previews and never writes, even together with --fix.
    diff_only = diff
    would_change = fix_error = False
    if fix or diff:
        sys.stdout.write("".join(outcome.diffs))
        for message in outcome.messages:
            click.echo(message, err=True)
        would_change, fix_error = outcome.would_change, outcome.errors

    result, baseline_note = extra.after_check(extras, result)
    options = ReportOptions(color=use_color(color, sys.stdout), statistics=statistics, unsafe_fixes=unsafe_fixes,
                            quiet=extras.quiet)
    # Nothing was checked because a named path does not exist: the error says it all, but a
    # report file is still written (CI's upload step must find one).
    if not diff_only and not (result.missing and not result.files and not output_file):
        _report(result, output_format, output_file, options)
    if baseline_note:
        click.echo(baseline_note)

    sys.exit(exit_code(result, lookup, exit_zero=exit_zero, fix_failed=fix_error, diff_only=diff_only,
                       would_change=would_change))


def _report(result: Any, output_format: str, output_file: str | None, options: ReportOptions) -> None:
    from reviewlint.report.summary import summary_line

    if output_file:
        import io

        from reviewlint.formatting.write import write_new_or_replace

        report = io.StringIO(newline="\n")
        renderer(output_format)(result, report, ReportOptions(color=False, statistics=options.statistics))
        try:  # whole or not at all: a full disk leaves the old report (or none), never an empty one
            write_new_or_replace(output_file, report.getvalue().encode("utf-8", "backslashreplace"))
        except OSError as error:
            fail(f"cannot write {output_file}: {error.strerror or error}")
        click.echo(summary_line(result))
        click.echo(f"Report written to {output_file}")
    else:
        renderer(output_format)(result, sys.stdout, options)
    if output_format == "text" and os.environ.get("GITHUB_ACTIONS") == "true" and "github" in available():
        renderer("github")(result, sys.stdout, ReportOptions(color=False))


__all__ = ["Severity", "check_command"]
