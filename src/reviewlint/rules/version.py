"""Schema versions (RL7xx): a document on an older published version is told how to
upgrade. Unknown and newer versions are the schema stage's RL109, not repeated here."""

from __future__ import annotations

from collections.abc import Iterator

from reviewlint import schema
from reviewlint.diagnostics import Diagnostic, Severity
from reviewlint.rules._context import Context
from reviewlint.rules._core import Options, rule

FAMILY = "versions"


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@rule("RL701", "outdated-schema-version", severity=Severity.INFO, family=FAMILY,
      summary="The document uses an older schema version; `reviewlint migrate` upgrades it.")
def outdated_schema_version(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a `schema_version` that is published but older than the newest version
    this reviewlint knows, and names the command that upgrades the file. A version that
    is not published, or newer than reviewlint, is RL109's business.

    ## Why
    Old versions stay valid (published schemas never change), but new fields and
    checks only apply to documents that declare the new version.

    ## Example
    ```text
    schema_version: "1.0" once 1.1 is published (reviewlint 0.1 ships only 1.0).
    ```
    Use instead:
    ```yaml
    schema_version: "1.0"
    ```

    ## Fix
    None inline: `reviewlint migrate FILE` upgrades the document one version at a time,
    keeping every value.
    """
    declared = context.data.get("schema_version")
    versions = schema.available_versions()
    if not isinstance(declared, str) or declared not in versions:
        return
    newest = versions[-1]
    if _key(declared) < _key(newest):
        yield context.report(f"schema_version '{declared}' is older than the newest published version "
                             f"'{newest}'; run `reviewlint migrate {context.document.path}` to upgrade the file",
                             ("schema_version",))
