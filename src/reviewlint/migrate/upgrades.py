"""Schema upgrades: a YAML review on an older `schema_version` -> the current version.

A chain of small steps, each moving a document from one version to the next (as
Kubernetes converts between API versions), registered in `STEPS` by the version it
starts from. A step edits a ruamel.yaml round-trip mapping in place, so comments and
layout survive wherever their key still exists; `rename_key` and `remove_key` are the
helpers steps use. Schema 1.1 only adds optional keys and relaxes one constraint (a
rating may keep its `original` text without a `max`), so its step changes nothing but
the declared version.

Versions newer than this reviewlint are refused, never guessed at.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reviewlint import schema
from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.encoding import split_lines
from reviewlint.migrate.result import Level, MigrationResult, failed

FORMAT = "reviewlint-yaml"
VERSION = re.compile(r"^(\d+)\.(\d+)$")


class UpgradeError(ValueError):
    """The document cannot be upgraded; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class UpgradeStep:
    source: str
    target: str
    summary: str
    apply: Callable[[Any], None]


# from-version -> the step that leaves it.
STEPS: dict[str, UpgradeStep] = {}


def version_key(version: str) -> tuple[int, int]:
    match = VERSION.match(version)
    if match is None:
        raise UpgradeError(f"schema_version '{version}' is not of the form MAJOR.MINOR, such as '1.0'")
    return int(match[1]), int(match[2])


def register(step: UpgradeStep) -> UpgradeStep:
    if version_key(step.target) <= version_key(step.source):
        raise ValueError(f"an upgrade step must move forward: {step.source} -> {step.target}")
    if step.source in STEPS:
        raise ValueError(f"an upgrade from {step.source} is already registered")
    STEPS[step.source] = step
    return step


def plan(version: str, target: str | None = None) -> list[UpgradeStep]:
    """The steps from `version` to `target` (default: the newest schema this reviewlint has)."""
    goal = target or schema.current_version()
    if version_key(version) > version_key(goal):
        raise UpgradeError(f"schema_version '{version}' is newer than this reviewlint knows (newest: {goal}); "
                           "upgrade reviewlint to read this file")
    chain: list[UpgradeStep] = []
    current = version
    while current != goal:
        step = STEPS.get(current)
        if step is None:
            known = sorted(STEPS, key=version_key)
            route = f"it upgrades {', '.join(known)} to {goal}" if known else f"{goal} is the only version it has"
            raise UpgradeError(f"reviewlint has no upgrade from schema_version '{current}' ({route})")
        if version_key(step.target) > version_key(goal):
            raise UpgradeError(f"the upgrade from {current} leads to {step.target}, past {goal}")
        chain.append(step)
        current = step.target
    return chain


# --- helpers for steps -----------------------------------------------------------------------

def rename_key(mapping: Any, old: str, new: str) -> None:
    """Rename a key in place, keeping its position and the comments attached to it."""
    if old not in mapping:
        return
    position = list(mapping.keys()).index(old)
    comment = mapping.ca.items.pop(old, None)
    value = mapping.pop(old)
    mapping.insert(position, new, value)
    if comment is not None:
        mapping.ca.items[new] = comment


def remove_key(mapping: Any, key: str) -> None:
    """Remove a key and its comments (a comment cannot outlive its key)."""
    if key in mapping:
        mapping.ca.items.pop(key, None)
        del mapping[key]


# --- the published steps ---------------------------------------------------------------------

def _to_1_1(document: Any) -> None:
    """1.1 adds `source.id`, `source.part`, the `wordpress-wxr` and `blogger-atom` formats, and
    lets a rating keep `original` without `max`: every 1.0 document is already valid 1.1."""


register(UpgradeStep("1.0", "1.1", "1.1 only adds optional keys (source.id, source.part, new source formats, "
                     "a rating whose scale the source does not state); nothing else changes", _to_1_1))


# --- running the chain -----------------------------------------------------------------------

@dataclass(slots=True)
class Upgraded:
    text: str
    source_version: str
    target_version: str
    steps: list[UpgradeStep] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.steps)


def _declared_version(text: str, path: str) -> str:
    from reviewlint.document import load_text

    # The check path's loader first: hostile YAML (alias bombs, deep nesting) is refused
    # with its diagnostic before ruamel.yaml ever sees it.
    document = load_text(text, path)
    if not document.loaded:
        first = document.diagnostics[0] if document.diagnostics else None
        reason = f"{first.line}:{first.col}: {first.message}" if first else "it is not YAML"
        raise UpgradeError(f"cannot read the YAML: {reason}")
    data = document.data
    assert isinstance(data, dict)
    if "schema_version" not in data:
        raise UpgradeError("no schema_version key: not a reviewlint review (reviews name their version, "
                           "e.g. schema_version: \"1.0\")")
    version = data["schema_version"]
    if not isinstance(version, str):
        raise UpgradeError(f"schema_version must be a quoted string such as \"1.0\", got {version!r}")
    return version


def _indentation(text: str) -> tuple[int, int]:
    """(mapping indent, offset of a block sequence's dash under its key), as the file has them."""
    mapping = offset = None
    previous: tuple[int, str] | None = None
    for line in text.split("\n"):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(stripped)
        if previous is not None and previous[1].endswith(":"):
            if stripped.startswith("- ") and offset is None and column >= previous[0]:
                offset = column - previous[0]
            elif not stripped.startswith("- ") and mapping is None and column > previous[0]:
                mapping = column - previous[0]
        if mapping is not None and offset is not None:
            break
        previous = (column, stripped.split(" #", 1)[0].rstrip())
    return mapping or 2, offset if offset is not None else 2


def upgrade_text(text: str, path: str = "<string>", target: str | None = None) -> Upgraded:
    """Upgrade review text; raises UpgradeError with a message for the user."""
    version = _declared_version(text, path)
    chain = plan(version, target)
    goal = target or schema.current_version()
    if not chain:
        return Upgraded(text, version, goal)
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    # Keep the file's own indentation: an upgrade is not a reformat.
    mapping, offset = _indentation(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    document = yaml.load(text)
    for step in chain:
        step.apply(document)
        document["schema_version"] = DoubleQuotedScalarString(step.target)
    stream = io.StringIO()
    yaml.dump(document, stream)
    upgraded = stream.getvalue()
    if _declared_version(upgraded, path) != goal:
        raise UpgradeError(f"internal: the upgraded text does not declare {goal} (please report this)")
    return Upgraded(upgraded, version, goal, chain)


def upgrade_result(text: str, name: str) -> MigrationResult:
    from reviewlint.document import load_text

    lines = split_lines(text)
    try:
        upgraded = upgrade_text(text, name)
    except UpgradeError as error:
        return failed(name, FORMAT, str(error), lines)
    result = MigrationResult(source=name, format=FORMAT, data=load_text(upgraded.text, name).data,
                             accounting=Accounting(lines), rendered=upgraded.text)
    for number in result.accounting.content_lines():
        result.accounting.mapped(number, "(the document itself)", lines[number - 1])
    if upgraded.changed:
        route = " -> ".join([upgraded.source_version, *(step.target for step in upgraded.steps)])
        result.add(Level.INFO, f"upgraded schema_version {route}: "
                   + "; ".join(step.summary for step in upgraded.steps))
    else:
        result.add(Level.INFO, f"already on schema_version {upgraded.target_version}; nothing to upgrade")
    return result


def read_yaml(text: str, name: str, options: object = None) -> list[MigrationResult]:
    """The reader contract's entry point: a review on an older schema, upgraded."""
    return [upgrade_result(text, name)]
