"""Suppression codes (RL801-RL802): declared in codes.py, reported by suppress.py; documented here."""

from __future__ import annotations

from reviewlint.codes import INVALID_SUPPRESSION, UNUSED_SUPPRESSION
from reviewlint.rules._core import document_stage_code

FAMILY = "suppression"

document_stage_code(UNUSED_SUPPRESSION, summary="An inline suppression suppresses nothing.", doc="""
    ## What it does
    Reports each code or name in a `# reviewlint: disable=...` or
    `# reviewlint: disable-file=...` comment that did not suppress any finding, at the
    code in the comment. When the rule is not enabled for the file at all, the message
    says so. A comment at the end of a key that opens a block (`review:  # reviewlint:
    disable=RL604`) covers that one line only; the message then says to put it on its
    own line above the key, which covers the whole block.

    ## Why
    A suppression outlives the problem it was written for; left in place it would hide
    the next, real problem at that spot.

    ## Example
    ```yaml
    film:
      title: Harbour Lights  # reviewlint: disable=RL606 -- no misspelling here any more
      year: 2023
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights
      year: 2023
    ```

    ## Fix
    None: delete the comment (or the one code from it).
""")

document_stage_code(INVALID_SUPPRESSION, summary="An inline suppression comment cannot be understood.", doc="""
    ## What it does
    Reports a `# reviewlint:` comment whose action is not `disable` or `disable-file`,
    that names no rules, or that names an unknown code or rule (with a did-you-mean).

    ## Why
    A mistyped suppression suppresses nothing, and the author believes it does.

    ## Example
    ```yaml
    film:
      title: Harbour Lights  # reviewlint: disabel=RL606
      year: 2023
    ```
    Use instead:
    ```yaml
    film:
      title: Harbour Lights  # reviewlint: disable=RL606 -- the title is a name
      year: 2023
    ```

    ## Fix
    None.
""")
