"""`reviewlint rules` lists every code; `reviewlint rule CODE|NAME` explains one."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from reviewlint.rules import Rule, all_rules, describe_options, get_rule, suggest

FIX_WORDS = {"safe": "safe", "unsafe": "unsafe", "none": "-", "safe or unsafe": "safe/unsafe"}


def rule_data(entry: Rule, *, with_doc: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": entry.code,
        "name": entry.name,
        "family": entry.family,
        "severity": entry.severity.label,
        "fix": entry.fix.value,
        # Set when the fix is unsafe for some findings: the condition, in words.
        "fix_unsafe_when": entry.fix_unsafe_when or None,
        "default_enabled": entry.default_enabled,
        "summary": entry.summary,
        "options": describe_options(entry),
    }
    if with_doc:
        data["doc"] = entry.doc
    return data


def table(rules: list[Rule]) -> list[str]:
    headers = ("Code", "Name", "Family", "Severity", "Fix", "Summary")
    rows = [(r.code, r.name, r.family, r.severity.label, FIX_WORDS[r.fix_label], r.summary) for r in rules]
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    return ["  ".join([*(f"{cell:<{width}}" for cell, width in zip(row, widths, strict=False)), row[-1]]).rstrip()
            for row in [headers, *rows]]


def explain(entry: Rule) -> str:
    enabled = "" if entry.default_enabled else " (off unless selected)"
    header = (f"# {entry.code} {entry.name}\n\n"
              f"Severity: {entry.severity.label}{enabled}. Fix: {entry.fix_sentence}. Family: {entry.family}.\n\n"
              f"{entry.summary}")
    return f"{header}\n\n{entry.doc}\n"


@click.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the list.")
@click.option("--family", help="Only the rules of this family (load, schema, ratings, content-warnings, ...).")
@click.option("--fixable", is_flag=True, help="Only rules that offer a fix.")
def rules_command(output_format: str, family: str | None, fixable: bool) -> None:
    """List every rule: code, name, family, default severity and whether it can fix
    (safe/unsafe: safe for some findings, unsafe for others; `reviewlint rule CODE`
    says when)."""
    rules = all_rules()
    if family is not None:
        families = sorted({r.family for r in rules})
        if family not in families:
            raise click.BadParameter(f"unknown family {family!r}{suggest(family, families)} "
                                     f"(families: {', '.join(families)})", param_hint="--family")
        rules = [r for r in rules if r.family == family]
    if fixable:
        rules = [r for r in rules if r.fixable]
    if output_format == "json":
        json.dump([rule_data(r, with_doc=False) for r in rules], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for line in table(rules):
        click.echo(line)


@click.command("rule")
@click.argument("code_or_name", required=False)
@click.option("--all", "show_all", is_flag=True, help="Explain every rule.")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="How to print the explanation.")
def rule_command(code_or_name: str | None, show_all: bool, output_format: str) -> None:
    """Explain a rule, given its code (RL601) or its name (trailing-whitespace)."""
    if show_all:
        chosen = all_rules()
    elif code_or_name is None:
        raise click.UsageError("name a rule (`reviewlint rule RL601`), or use --all")
    else:
        entry = get_rule(code_or_name)
        if entry is None:
            words = [r.code for r in all_rules()] + [r.name for r in all_rules()]
            raise click.BadParameter(f"no rule {code_or_name!r}{suggest(code_or_name, words)} "
                                     "(`reviewlint rules` lists them)", param_hint="CODE_OR_NAME")
        chosen = [entry]
    if output_format == "json":
        payload: Any = [rule_data(r, with_doc=True) for r in chosen]
        json.dump(payload if show_all else payload[0], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    click.echo("\n".join(explain(r) for r in chosen), nl=False)
