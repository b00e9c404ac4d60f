"""The ledger that proves a conversion lost nothing.

Every non-blank line of the input gets at least one record saying what became of it:
mapped to a field, preserved verbatim somewhere (usually `notes`), or dropped because it
is known boilerplate (comment widgets) or pure layout (a `---` separator). A line can
carry several records when it holds several facts ("Director: X | Writer: Y").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Fate(enum.Enum):
    MAPPED = "mapped"
    PRESERVED = "preserved"
    DROPPED = "dropped"


# Why a line was dropped. Only boilerplate text goes into `source.dropped`; layout lines
# (separators, Markdown heading underlines, front-matter fences) carry no words to keep.
BOILERPLATE = "boilerplate"
LAYOUT = "layout"


def is_blank(text: str) -> bool:
    """Blank for structure: whitespace only, including no-break and zero-width spaces."""
    return not text.strip().strip("\u200b\u200c\u200d\u2060\ufeff").strip()


@dataclass(frozen=True, slots=True)
class LineRecord:
    line: int
    fate: Fate
    where: str
    text: str
    reason: str = ""


@dataclass(slots=True)
class Accounting:
    """Records for the lines (or, for CSV input, the rows) of one source."""

    lines: list[str]
    unit: str = "line"
    first_line: int = 1
    records: list[LineRecord] = field(default_factory=list)

    def mapped(self, line: int, where: str, text: str) -> None:
        self.records.append(LineRecord(line, Fate.MAPPED, where, text))

    def preserved(self, line: int, where: str, text: str, reason: str) -> None:
        self.records.append(LineRecord(line, Fate.PRESERVED, where, text, reason))

    def dropped(self, line: int, text: str, reason: str) -> None:
        self.records.append(LineRecord(line, Fate.DROPPED, "", text, reason))

    def accounted_lines(self) -> set[int]:
        return {record.line for record in self.records}

    def content_lines(self) -> list[int]:
        """Numbers of the non-blank input lines: the ones that must be accounted for."""
        return [self.first_line + index for index, text in enumerate(self.lines) if not is_blank(text)]

    def unaccounted(self) -> list[int]:
        seen = self.accounted_lines()
        return [number for number in self.content_lines() if number not in seen]

    def by_fate(self, fate: Fate) -> list[LineRecord]:
        return [record for record in self.records if record.fate is fate]

    def counts(self) -> dict[str, int]:
        """How many content lines ended up in each state (a line with several fates counts
        once, under the most conservative one: preserved beats dropped beats mapped)."""
        rank = {Fate.PRESERVED: 0, Fate.DROPPED: 1, Fate.MAPPED: 2}
        best: dict[int, Fate] = {}
        for record in self.records:
            current = best.get(record.line)
            if current is None or rank[record.fate] < rank[current]:
                best[record.line] = record.fate
        result = {fate.value: 0 for fate in Fate}
        for fate in best.values():
            result[fate.value] += 1
        result["unaccounted"] = len(self.unaccounted())
        return result
