"""Choices the user makes for a whole batch. Each one is a fact the user states; none is
a default the migrator would otherwise guess."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MigrateOptions:
    # The author of reviews whose source names none (Letterboxd exports never do).
    author: str | None = None
    # The review's language (BCP 47) for every converted review; otherwise left out.
    language: str | None = None
    # Write `content_warnings: []` ("checked, none") for reviews whose source states no
    # warnings. Only true if the user knows their old reviews always named every warning.
    assume_no_warnings: bool = False
    # Letterboxd: also write a review for each rated film that has no review text.
    include_unreviewed: bool = False
