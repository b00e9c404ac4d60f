"""The formatter's own code (RL014): declared in codes.py, reported by `format` and `check --fix`; documented here."""

from __future__ import annotations

from reviewlint.codes import NOT_FORMATTABLE
from reviewlint.rules._core import document_stage_code

FAMILY = "format"

document_stage_code(NOT_FORMATTABLE, summary="The file loads, but cannot be rewritten without risk of changing it.",
                    doc="""
    ## What it does
    Reported by `reviewlint format` and `reviewlint check --fix` when a file that loads
    cannot be rewritten safely: libyaml (which reads reviews) accepts something YAML 1.2
    rejects or reads it differently (a comment glued to a value, `"x"# note`;
    continuation lines not indented past their block; an anchor name with `:`; NEL, LS or
    PS characters, which libyaml takes for line breaks), a key is not text in YAML 1.2
    (`~:`, `true:`, `0o17:`), a directive other than `%YAML 1.2` would be lost, a key is
    too long to write on one line, the nesting is more than 100 levels deep, or the new
    text would be over `max-file-size`. `check --fix` also reports it, with the reason,
    for a file it could not write (read-only, disk full) or that changed on disk after it
    was read (an editor saved it meanwhile: its new contents are kept).

    ## Why
    Rewriting such a file would turn libyaml's guess into the file's meaning. The file is
    left byte for byte as it was, and this finding says why.

    ## Example
    ```yaml
    film:
      title: "Harbour Lights"# the comment touches the value
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights  # a space before the comment
    ```

    ## Fix
    None: correct the construct by hand, then format again.
""")
