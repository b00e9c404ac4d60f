"""Schema registry by version, cached validators, and jsonschema errors -> Diagnostics.

Users never see a raw jsonschema error: each error is translated into a sentence that
names the key, says what was expected and what was found, and offers a did-you-mean
where one exists. For oneOf/anyOf only the branch that best fits the value is reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewlint.codes import (
    DUPLICATE_ITEM,
    INVALID_FORMAT,
    INVALID_SIZE,
    INVALID_VALUE,
    MISSING_KEY,
    OUT_OF_RANGE,
    SCHEMA_RULE_NAMES,
    SCHEMA_VERSION,
    SCHEMA_VIOLATION,
    UNKNOWN_KEY,
    WRONG_TYPE,
)
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.document import Document, JsonPath, describe_value
from reviewlint.words import did_you_mean

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SCHEMA_NAME = "film-review"

# What a pattern means, in words a reviewer understands.
PATTERN_WORDS = {
    r"^tt\d{7,}$": "an IMDb title id: 'tt' followed by 7 or more digits, such as 'tt0111161'",
    "^[A-Z]{2}$": "an ISO 3166-1 alpha-2 country code in capitals, such as 'KR' or 'GB'",
    "^[a-z]{2,3}$": "an ISO 639 language code in lower case, such as 'ko' or 'en'",
    r"^\d{4}-\d{2}-\d{2}$": "a date written YYYY-MM-DD, such as '2024-05-17'",
    r"^1\.[0-9]+$": "a version of the form '1.0'",
    # Raw: the schema holds the two characters backslash-n, not a newline.
    r"^[^\n]*$": "a single line of text",
    "^https://": "an https:// address",
    "^https?://": "a web address starting with http:// or https://",
    r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$": "a BCP 47 language tag, such as 'en' or 'en-GB'",
}

TYPE_WORDS = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping",
    "array": "a list",
    "null": "null",
}


# --- the registry ---------------------------------------------------------------------------

def _schema_dir() -> Path | None:
    # A plain path beside the module: the wheel installs unzipped, and importlib.resources
    # would add several milliseconds of start-up to every pre-commit run.
    packaged = Path(__file__).resolve().parent / "schemas" / SCHEMA_NAME
    if packaged.is_dir():
        return packaged
    # A source checkout run without installing (PYTHONPATH=src): the repo's schema/.
    checkout = Path(__file__).resolve().parents[2] / "schema" / SCHEMA_NAME
    return checkout if checkout.is_dir() else None


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@cache
def available_versions() -> tuple[str, ...]:
    """Published schema versions, oldest first."""
    folder = _schema_dir()
    if folder is None:
        return ()
    names = [p.stem for p in folder.glob("*.json") if re.fullmatch(r"\d+\.\d+", p.stem)]
    return tuple(sorted(names, key=_version_key))


def current_version() -> str:
    versions = available_versions()
    if not versions:
        raise RuntimeError("reviewlint's schema files are missing from the installation")
    return versions[-1]


def schema_path(version: str | None = None) -> Path:
    folder = _schema_dir()
    if folder is None:
        raise RuntimeError("reviewlint's schema files are missing from the installation")
    wanted = version or current_version()
    if wanted not in available_versions():
        raise KeyError(wanted)
    return folder / f"{wanted}.json"


def schema_text(version: str | None = None) -> str:
    return schema_path(version).read_text(encoding="utf-8")


@cache
def load_schema(version: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(schema_text(version))
    return result


@cache
def validator_for(version: str) -> Validator:
    """A compiled validator, built once per version per process. No remote refs: the
    registry holds only our own schema, and any other URI fails to resolve."""
    from jsonschema import Draft202012Validator
    from referencing import Registry
    from referencing.exceptions import NoSuchResource

    def refuse(uri: str) -> Any:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]

    schema = load_schema(version)
    registry: Registry[Any] = Registry(retrieve=refuse)  # type: ignore[call-arg]
    validator: Validator = Draft202012Validator(schema, registry=registry,
                                                format_checker=Draft202012Validator.FORMAT_CHECKER)
    return validator


@cache
def fast_validator_for(version: str) -> Any:
    """jsonschema-rs answers "is it valid?" about 100x faster than python-jsonschema, and
    sparing the import of jsonschema saves start-up time for a one-file pre-commit run.
    Only invalid documents go to python-jsonschema, whose errors carry the structure our
    messages are built from. Offline: a remote $ref fails instead of being fetched."""
    try:
        import jsonschema_rs
    except ImportError:  # no wheel for this platform: python-jsonschema does all the work
        return None
    return jsonschema_rs.Draft202012Validator(load_schema(version), validate_formats=True, offline=True)


def is_valid_fast(data: Any, version: str) -> bool:
    """True only when the fast validator is sure the data is valid."""
    fast = fast_validator_for(version)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
    except Exception:  # values it cannot represent (huge ints, NaN): let the full path decide
        return False


def pick_version(declared: Any) -> tuple[str | None, str | None, Severity]:
    """(schema version to validate against, problem message, severity of the problem)."""
    versions = available_versions()
    newest = versions[-1] if versions else None
    if not isinstance(declared, str) or not re.fullmatch(r"\d+\.\d+", declared):
        return newest, None, Severity.ERROR  # the schema itself reports type/pattern problems
    if declared in versions:
        return declared, None, Severity.ERROR
    major = _version_key(declared)[0]
    same_major = [v for v in versions if _version_key(v)[0] == major]
    if same_major and _version_key(declared) > _version_key(same_major[-1]):
        return same_major[-1], (
            f"schema_version '{declared}' is newer than this reviewlint knows ({same_major[-1]}); checked against "
            f"{same_major[-1]}, so keys added since are reported as warnings. Upgrade reviewlint"), Severity.WARNING
    if newest is not None and _version_key(declared) > _version_key(newest):
        return None, (f"schema_version '{declared}' is newer than this reviewlint supports (newest: {newest}); "
                      "upgrade reviewlint to check this file"), Severity.ERROR
    return None, (f"schema_version '{declared}' is not a published version (known: {', '.join(versions)})"), \
        Severity.ERROR


# --- error translation -------------------------------------------------------------------------

def _name(path: JsonPath) -> str:
    """How a message names the value at `path`: its key, or `item N of key`."""
    if not path:
        return "the review"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "list")
        return f"item {last + 1} of `{parent}`"
    return f"`{last}`"


def _show(value: Any) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return repr(shown)
    if isinstance(value, (dict, list)) or value is None:
        return describe_value(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _suggest(word: str, options: Iterable[str], quote: str = "'") -> str:
    return did_you_mean(word, options, quote=quote)


def _type_hint(types: list[str], value: Any, schema: dict[str, Any]) -> str:
    """A hint for the type mistakes people actually make in YAML."""
    if value is None:
        return ""  # an empty value: the author has not written it yet, no example helps
    if isinstance(value, str) and ("integer" in types or "number" in types) and re.fullmatch(
            r"[-+]?\d+(\.\d+)?", value.strip()):
        return "; remove the quotes to make it a number"
    if "string" in types and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'; quote it to keep it as text: "{value}"'
    if "object" in types and not isinstance(value, (dict, list)):
        required = schema.get("required") or list(schema.get("properties", {}))[:1]
        if required:
            return f"; write it as a mapping with `{required[0]}`, for example `{required[0]}: {_plain(value)}`"
    if "array" in types and not isinstance(value, (dict, list)):
        return f"; write a list, for example `[{_plain(value)}]`"
    return ""


def _plain(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_warning_slug_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("description", "").startswith("A content-warning slug")


class _Translator:
    def __init__(self, document: Document, version: str) -> None:
        self.document = document
        self.version = version
        self.root_schema = load_schema(version)

    def diag(self, code: str, message: str, path: JsonPath, *, key: bool = False,
             severity: Severity = Severity.ERROR) -> Diagnostic:
        line, col, end_line, end_col = self.document.position(path, key=key)
        return Diagnostic(code=code, message=message, path=self.document.path, line=line, col=col,
                          severity=severity, rule=SCHEMA_RULE_NAMES[code], end_line=end_line, end_col=end_col,
                          json_path=tuple(path))

    def translate(self, error: ValidationError) -> Iterator[Diagnostic]:
        path: JsonPath = tuple(error.absolute_path)
        keyword = str(error.validator)
        value: Any = error.instance
        expected: Any = error.validator_value
        schema = error.schema if isinstance(error.schema, dict) else {}
        if keyword in ("oneOf", "anyOf"):
            yield from self._best_branch(error)
        elif keyword == "required":
            assert isinstance(value, dict)
            for missing in expected:
                if missing not in value:
                    where = "" if not path else f" in {_name(path)}"
                    yield self.diag(MISSING_KEY, f"missing required key `{missing}`{where}", (*path, missing))
        elif keyword == "additionalProperties":
            assert isinstance(value, dict)
            known = list(schema.get("properties", {}))
            patterns = list(schema.get("patternProperties", {}))
            for key in value:
                if key in known or any(re.search(p, key) for p in patterns):
                    continue
                where = "" if not path else f" in {_name(path)}"
                yield self.diag(UNKNOWN_KEY, f"unknown key `{key}`{where}{_suggest(key, known, '`')}",
                                (*path, key), key=True)
        elif keyword == "type":
            types = [expected] if isinstance(expected, str) else list(expected)
            if "enum" in schema and not isinstance(value, (dict, list)):
                # `spoilers: true`: the useful answer is the list of allowed values.
                allowed = ", ".join(str(o) for o in schema["enum"])
                yield self.diag(WRONG_TYPE, f"{_name(path)} must be one of {allowed}; got {_show(value)}", path)
                return
            wanted = " or ".join(TYPE_WORDS.get(t, t) for t in types)
            yield self.diag(WRONG_TYPE, f"{_name(path)} must be {wanted}, got {_show(value)}"
                            f"{_type_hint(types, value, schema)}", path)
        elif keyword == "enum":
            options = [str(o) for o in expected]
            if _is_warning_slug_schema(schema) and isinstance(value, str):
                message = f"unknown content warning {_show(value)}{_suggest(value, options)}"
                if not message.endswith("?"):
                    message += " (see `reviewlint vocab content-warnings` for the list)"
            else:
                hint = _suggest(str(value), options) if isinstance(value, str) else ""
                message = f"{_name(path)} must be one of {', '.join(options)}; got {_show(value)}{hint}"
            yield self.diag(INVALID_VALUE, message, path)
        elif keyword == "const":
            yield self.diag(INVALID_VALUE, f"{_name(path)} must be {_show(expected)}, got {_show(value)}", path)
        elif keyword == "pattern":
            words = PATTERN_WORDS.get(str(expected), f"text matching {expected}")
            yield self.diag(INVALID_FORMAT, f"{_name(path)} must be {words}, got {_show(value)}", path)
        elif keyword == "format":
            pattern = schema.get("pattern")
            if isinstance(pattern, str) and isinstance(value, str) and not re.search(pattern, value):
                return  # the pattern error already says what the form should be
            words = "a real calendar date" if expected == "date" else f"a valid {expected}"
            yield self.diag(INVALID_FORMAT, f"{_name(path)} must be {words}, got {_show(value)}", path)
        elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            relation = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "greater than",
                        "exclusiveMaximum": "less than"}[keyword]
            yield self.diag(OUT_OF_RANGE, f"{_name(path)} must be {relation} {_show(expected)}, got {_show(value)}",
                            path)
        elif keyword == "minLength":
            message = f"{_name(path)} must not be empty" if expected == 1 else \
                f"{_name(path)} must be at least {expected} characters long"
            yield self.diag(INVALID_SIZE, message, path)
        elif keyword == "maxLength":
            yield self.diag(INVALID_SIZE, f"{_name(path)} is {len(value)} characters long; at most {expected} are "
                            "allowed", path)
        elif keyword == "minItems":
            noun = "item" if expected == 1 else "items"
            yield self.diag(INVALID_SIZE, f"{_name(path)} must have at least {expected} {noun}", path)
        elif keyword == "maxItems":
            yield self.diag(INVALID_SIZE, f"{_name(path)} has {len(value)} items; at most {expected} are allowed",
                            path)
        elif keyword == "uniqueItems":
            yield from self._duplicates(path, value)
        else:
            yield self.diag(SCHEMA_VIOLATION, f"{_name(path)} is not valid here ({keyword})", path)

    def _duplicates(self, path: JsonPath, items: list[Any]) -> Iterator[Diagnostic]:
        seen: list[Any] = []
        for number, item in enumerate(items):
            if item in seen:
                first = seen.index(item) + 1
                yield self.diag(DUPLICATE_ITEM, f"{_show(item)} appears more than once in {_name(path)} "
                                f"(first as item {first})", (*path, number))
            else:
                seen.append(item)

    def _best_branch(self, error: ValidationError) -> Iterator[Diagnostic]:
        """Report the errors of the branch that fits the value best, not the whole tree."""
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context or ():
            branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
        if not branches:  # oneOf matched more than one branch: the schema avoids this
            yield self.diag(SCHEMA_VIOLATION, f"{_name(tuple(error.absolute_path))} matches more than one form",
                            tuple(error.absolute_path))
            return

        def fit(item: tuple[int, list[ValidationError]]) -> tuple[int, int, int]:
            errors = item[1]
            # A branch whose type fits beats one whose type does not; then the fewest errors.
            shallow_type = any(e.validator == "type" and not e.relative_path for e in errors)
            return (1 if shallow_type else 0, len(errors), item[0])

        path = tuple(error.absolute_path)
        if all(fit(item)[0] for item in branches.items()):
            # The value's type fits no branch: one message naming every accepted type.
            wanted: list[str] = []
            for errors in branches.values():
                for sub in errors:
                    if sub.validator == "type" and not sub.relative_path:
                        given: Any = sub.validator_value
                        types = [given] if isinstance(given, str) else list(given)
                        wanted.extend(TYPE_WORDS.get(t, t) for t in types if TYPE_WORDS.get(t, t) not in wanted)
            yield self.diag(WRONG_TYPE, f"{_name(path)} must be {' or '.join(wanted)}, got {_show(error.instance)}",
                            path)
            return
        _, chosen = min(branches.items(), key=fit)
        for sub in chosen:
            yield from self.translate(sub)


# Past this many errors in one file, validation stops (the rest are not listed).
MAX_SCHEMA_ERRORS = 5000


def validate(document: Document, version: str, *, unknown_keys_as_warnings: bool = False) -> list[Diagnostic]:
    """Schema diagnostics for a loaded document, sorted by position."""
    if is_valid_fast(document.data, version):
        return []
    validator = validator_for(version)
    translator = _Translator(document, version)
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[str, tuple[str | int, ...], str]] = set()
    for number, error in enumerate(validator.iter_errors(document.data)):
        if number == MAX_SCHEMA_ERRORS:  # a generated file of 100,000 bad items: bounded time and output
            diagnostics.append(Diagnostic(
                code=SCHEMA_VIOLATION, message=f"schema validation stopped after {MAX_SCHEMA_ERRORS} errors; fix "
                "these and check again for the rest", path=document.path, line=1, col=1,
                rule=SCHEMA_RULE_NAMES[SCHEMA_VIOLATION]))
            break
        for diagnostic in translator.translate(error):
            # jsonschema raises `required` once per missing key; each translation names them all.
            identity = (diagnostic.code, diagnostic.json_path, diagnostic.message)
            if identity in seen:
                continue
            seen.add(identity)
            if unknown_keys_as_warnings and diagnostic.code == UNKNOWN_KEY:
                diagnostic = Diagnostic(**{**_fields(diagnostic), "severity": Severity.WARNING})
            diagnostics.append(diagnostic)
    # `verdict: 3` fails both `type` and `enum`; "must be a string, got 3" says it all, and a
    # second message about the same value would only repeat it.
    mistyped = {d.json_path for d in diagnostics if d.code == WRONG_TYPE}
    diagnostics = [d for d in diagnostics if d.code == WRONG_TYPE or d.json_path not in mistyped]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def _fields(diagnostic: Diagnostic) -> dict[str, Any]:
    return {name: getattr(diagnostic, name) for name in diagnostic.__dataclass_fields__}


def check_schema(document: Document) -> list[Diagnostic]:
    """Pick the schema from `schema_version`, then validate. The version problem, if any,
    comes first."""
    declared = document.data.get("schema_version") if isinstance(document.data, dict) else None
    version, problem, severity = pick_version(declared)
    diagnostics: list[Diagnostic] = []
    if problem is not None:
        line, col, end_line, end_col = document.position(("schema_version",))
        diagnostics.append(Diagnostic(code=SCHEMA_VERSION, message=problem, path=document.path, line=line, col=col,
                                      severity=severity, rule=SCHEMA_RULE_NAMES[SCHEMA_VERSION], end_line=end_line,
                                      end_col=end_col, json_path=("schema_version",)))
    if version is None:
        return diagnostics
    return diagnostics + validate(document, version, unknown_keys_as_warnings=problem is not None)
