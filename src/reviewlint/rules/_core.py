"""The rule model: metadata, typed options, the registry the family modules fill.

A rule is a function of a Context (one parsed document) and its options that yields
Diagnostics. The `@rule` decorator turns it into a Rule and registers it; the package
imports every family module once, so the registry is built from the modules themselves
and there is no second list to keep in sync (yamllint's two lists are what we avoid).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewlint.codes import STAGE_CODES
from reviewlint.diagnostics import Diagnostic, FixSafety, Severity

# The fixed sections of a rule doc, in order.
DOC_SECTIONS = ("What it does", "Why", "Example", "Fix")

# An option: (type, default, description). `list` means a list of strings.
OptionSpec = tuple[type, Any, str]
Options = dict[str, Any]
CheckFunction = Callable[[Any, Options], Iterable[Diagnostic]]
# Validates a rule's whole options table; returns an error message or None.
OptionsValidator = Callable[[Options], str | None]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    fix: FixSafety
    summary: str
    doc: str
    family: str
    options: dict[str, OptionSpec] = field(default_factory=dict)
    # None for codes reported by another stage (loader, schema, suppressions, engine).
    check: CheckFunction | None = None
    default_enabled: bool = True
    # Codes of generic findings this rule replaces at the same JSON path with a more
    # specific one (the schema's "unknown value" when the rule knows what was meant).
    supersedes: tuple[str, ...] = ()
    validate_options: OptionsValidator | None = None
    # For a rule whose fix is safe for some findings and unsafe for others: when it is
    # unsafe ("the duplicate carries its own severity"). `fix` is then SAFE, the best case.
    fix_unsafe_when: str = ""

    @property
    def fixable(self) -> bool:
        return self.fix is not FixSafety.NONE

    @property
    def fix_label(self) -> str:
        """"safe", "unsafe", "none", or "safe or unsafe" when it depends on the finding."""
        return "safe or unsafe" if self.fix_unsafe_when else self.fix.value

    @property
    def fix_sentence(self) -> str:
        """The fix's safety in words, for rule docs: "safe; unsafe when ..." when it varies."""
        if self.fix_unsafe_when:
            return f"safe; unsafe when {self.fix_unsafe_when}"
        return self.fix.value

    def defaults(self) -> Options:
        return {name: spec[1] for name, spec in self.options.items()}


_REGISTRY: dict[str, Rule] = {}


def register(entry: Rule) -> Rule:
    for other in _REGISTRY.values():
        if other.code == entry.code or other.name == entry.name:
            raise RuntimeError(f"rule {entry.code} {entry.name} clashes with {other.code} {other.name}")
    _REGISTRY[entry.code] = entry
    return entry


def registered() -> dict[str, Rule]:
    return _REGISTRY


def options_doc(options: dict[str, OptionSpec]) -> str:
    if not options:
        return ""
    lines = ["## Options", ""]
    for name, (kind, default, description) in options.items():
        lines.append(f"- `{name}` ({type_name(kind)}, default `{show_default(default)}`): {description}")
    return "\n".join(lines)


def type_name(kind: type) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "list of strings"}[kind]


def show_default(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(f'"{item}"' for item in value) + "]"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def cleandoc(text: str) -> str:
    """A docstring without its indentation and surrounding blank lines (inspect.cleandoc,
    without importing inspect at start-up)."""
    lines = text.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents, default=0)
    cleaned = [lines[0].strip(), *(line[margin:].rstrip() for line in lines[1:])]
    return "\n".join(cleaned).strip("\n")


def make_doc(text: str, options: dict[str, OptionSpec]) -> str:
    body = cleandoc(text)
    extra = options_doc(options)
    return f"{body}\n\n{extra}" if extra else body


def rule(code: str, name: str, *, severity: Severity, summary: str, fix: FixSafety = FixSafety.NONE,
         options: dict[str, OptionSpec] | None = None, default_enabled: bool = True,
         supersedes: tuple[str, ...] = (), validate_options: OptionsValidator | None = None,
         fix_unsafe_when: str = "", family: str) -> Callable[[CheckFunction], Rule]:
    """Register the decorated check function as a rule; its docstring is the rule's doc."""

    def decorate(function: CheckFunction) -> Rule:
        return register(Rule(code=code, name=name, severity=severity, fix=fix, summary=summary,
                             doc=make_doc(function.__doc__ or "", options or {}), family=family,
                             options=dict(options or {}), check=function, default_enabled=default_enabled,
                             supersedes=supersedes, validate_options=validate_options,
                             fix_unsafe_when=fix_unsafe_when))

    return decorate


def document_code(code: str, name: str, *, severity: Severity, summary: str, doc: str, family: str,
                  fix: FixSafety = FixSafety.NONE) -> Rule:
    """Register the doc of a code that another stage reports (no check function here)."""
    return register(Rule(code=code, name=name, severity=severity, fix=fix, summary=summary,
                         doc=make_doc(doc, {}), family=family))


def document_stage_code(code: str, summary: str, doc: str) -> Rule:
    """Register the doc of a code declared in codes.py: its name, family and severity come
    from there, the one declaration the reporting stage uses too."""
    entry = STAGE_CODES[code]
    return document_code(code, entry.name, severity=entry.severity, summary=summary, doc=doc, family=entry.family)


def iter_checks(rules: Iterable[Rule]) -> Iterator[Rule]:
    return (entry for entry in rules if entry.check is not None)
