"""A skeleton review that the schema accepts and the linter nags about (`reviewlint new`).

The skeleton is valid (so an editor's schema validation is quiet from the first second),
and every field the author still has to write holds a `TODO: ...` placeholder, which the
placeholder rule reports until it is replaced. It is written in the canonical layout, so
`reviewlint format --check` passes on it as it is.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

PLACEHOLDER = "TODO: "
MIN_YEAR, MAX_YEAR = 1888, 2100
# One line (so "this line" is one line): the slugs are listed by `reviewlint vocab content-warnings`.
CONTENT_WARNINGS_TODO = PLACEHOLDER + "fill content_warnings, or delete this line if none"


def slug(title: str, year: int) -> str:
    """"Amélie" 2001 -> "amelie-2001"; letters outside Latin are kept (기생충-2019)."""
    folded = unicodedata.normalize("NFKD", title)
    # Recompose after dropping accents: NFKD also splits Hangul syllables into jamo.
    folded = unicodedata.normalize("NFC", "".join(char for char in folded if not unicodedata.combining(char)))
    words = re.sub(r"[\W_]+", "-", folded.lower()).strip("-")
    return f"{words or 'review'}-{year}"


def skeleton(title: str, year: int, author: str | None = None, language: str = "en") -> dict[str, Any]:
    """The data of a new review: what the schema requires, with placeholders to fill in."""
    from reviewlint.schema import current_version

    return {
        "schema_version": current_version(),
        "film": {
            "title": title,
            "year": year,
            "directors": [PLACEHOLDER + "director"],
        },
        "review": {
            "headline": PLACEHOLDER + "headline",
            "body": [PLACEHOLDER + "write the review, one paragraph per list item"],
        },
        # Required by the schema; [] means "checked, none", so the author must look: the
        # TODO beside it keeps the placeholder rule (RL605) reporting until they have.
        "content_warnings": [],
        "content_warnings_source": CONTENT_WARNINGS_TODO,
        "author": {"name": author or PLACEHOLDER + "your name"},
        "language": language,
    }


def skeleton_text(title: str, year: int, *, author: str | None = None, language: str = "en",
                  schema_comment: bool = True, schema_url: str | None = None, path: str | None = None) -> str:
    """The skeleton as canonical YAML text, optionally under an editor's schema comment
    (`schema_url` as given, else relative from `path` to the configured schema copy)."""
    from reviewlint.formatting import SCHEMA_COMMENT_PREFIX, emit_canonical

    text = emit_canonical(skeleton(title, year, author, language), schema_comment=schema_comment and not schema_url,
                          path=path)
    if schema_comment and schema_url:
        text = f"{SCHEMA_COMMENT_PREFIX}{schema_url}\n{text}"
    return text
