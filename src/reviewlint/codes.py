"""Every code a stage other than a rule reports, declared once: code, name, family, severity.

The loader, the schema validation, the suppressions, the formatter and the engine raise
these at the point of failure (as ruff's E902 is a registry rule raised where the file
cannot be read); the rule registry documents them under the same name. Rule codes are
declared by the `@rule` decorator beside their check function.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewlint.diagnostics import Diagnostic, Severity


@dataclass(frozen=True, slots=True)
class StageCode:
    code: str
    name: str
    family: str
    severity: Severity = Severity.ERROR


STAGE_CODES: dict[str, StageCode] = {}


def _declare(code: str, name: str, family: str, severity: Severity = Severity.ERROR) -> str:
    STAGE_CODES[code] = StageCode(code, name, family, severity)
    return code


# load: the file as bytes, text and YAML (document/)
SYNTAX_ERROR = _declare("RL001", "syntax-error", "load")
DUPLICATE_KEY = _declare("RL002", "duplicate-key", "load")
ENCODING_ERROR = _declare("RL003", "encoding-error", "load")
EMPTY_DOCUMENT = _declare("RL004", "empty-document", "load")
MULTIPLE_DOCUMENTS = _declare("RL005", "multiple-documents", "load")
NOT_A_MAPPING = _declare("RL006", "not-a-mapping", "load")
ALIAS_USED = _declare("RL007", "alias-used", "load")
UNSUPPORTED_TAG = _declare("RL008", "unsupported-tag", "load")
COMPLEX_KEY = _declare("RL009", "complex-key", "load")
MERGE_KEY = _declare("RL010", "merge-key", "load")
FILE_TOO_LARGE = _declare("RL011", "file-too-large", "load")
READ_ERROR = _declare("RL012", "read-error", "load")
BAD_NUMBER = _declare("RL013", "bad-number", "load")
TOO_DEEP = _declare("RL015", "too-deep", "load")

# formatting: what the canonical emitter cannot keep (formatting/)
NOT_FORMATTABLE = _declare("RL014", "not-formattable", "format")

# schema: validation against the review's schema version (schema.py)
MISSING_KEY = _declare("RL101", "missing-key", "schema")
UNKNOWN_KEY = _declare("RL102", "unknown-key", "schema")
WRONG_TYPE = _declare("RL103", "wrong-type", "schema")
INVALID_VALUE = _declare("RL104", "invalid-value", "schema")
INVALID_FORMAT = _declare("RL105", "invalid-format", "schema")
OUT_OF_RANGE = _declare("RL106", "out-of-range", "schema")
INVALID_SIZE = _declare("RL107", "invalid-size", "schema")
DUPLICATE_ITEM = _declare("RL108", "duplicate-item", "schema")
SCHEMA_VERSION = _declare("RL109", "schema-version", "schema")
SCHEMA_VIOLATION = _declare("RL110", "schema-violation", "schema")

# suppression: the `# reviewlint:` comments (suppress.py)
UNUSED_SUPPRESSION = _declare("RL801", "unused-suppression", "suppression", Severity.WARNING)
INVALID_SUPPRESSION = _declare("RL802", "invalid-suppression", "suppression", Severity.WARNING)

# internal: a bug in reviewlint itself (engine.py)
INTERNAL_ERROR = _declare("RL999", "internal-error", "internal")


def names_of(family: str) -> dict[str, str]:
    """{code: name} of one family's codes."""
    return {entry.code: entry.name for entry in STAGE_CODES.values() if entry.family == family}


LOAD_RULE_NAMES = names_of("load")
SCHEMA_RULE_NAMES = names_of("schema")

# Findings that mean the file could not be checked, or not trusted (a duplicate key, an
# alias, a Python tag): selection never hides them, or `--select RL6` would pass the file.
ALWAYS_SHOWN = frozenset({*LOAD_RULE_NAMES, INTERNAL_ERROR})


def diagnostic(code: str, message: str, path: str, line: int, col: int, *, end_line: int | None = None,
               end_col: int | None = None, severity: Severity | None = None) -> Diagnostic:
    """A finding of a stage code, named and with its default severity unless told."""
    entry = STAGE_CODES[code]
    return Diagnostic(code=code, message=message, path=path, line=line, col=col,
                      severity=entry.severity if severity is None else severity, rule=entry.name,
                      end_line=end_line, end_col=end_col)


def internal_error(path: str, where: str, error: BaseException) -> Diagnostic:
    """RL999 for an exception of ours, naming the stage it came from."""
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return diagnostic(INTERNAL_ERROR, f"internal error in {where}: {type(error).__name__}"
                      + (f": {detail}" if detail else "") + " (please report this)", path, 1, 1)
