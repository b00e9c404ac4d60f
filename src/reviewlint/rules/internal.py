"""RL999: a bug in reviewlint itself, declared in codes.py, reported by lint.py and runner.py; documented here."""

from __future__ import annotations

from reviewlint.codes import INTERNAL_ERROR
from reviewlint.rules._core import document_stage_code

FAMILY = "internal"

document_stage_code(INTERNAL_ERROR, summary="reviewlint failed while checking the file.", doc="""
    ## What it does
    Reports that reviewlint itself failed on this file: a rule, the schema validation or
    the fixer raised an unexpected error. The other rules and files are still checked,
    and the exit code is 2. This finding is always shown, whatever the selection.

    ## Why
    A crash must not pass a file silently, nor take the other files down with it.

    ## Example
    ```text
    reviews/odd.yaml:1:1: RL999 internal error in rule misspelling: KeyError: 'x' (please report this)
    ```
    Use instead:
    ```text
    Report the message and the file (or a reduced copy) to the reviewlint maintainers.
    ```

    ## Fix
    None: this is reviewlint's bug, not the review's.
""")
