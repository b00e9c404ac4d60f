"""Shared by the blog-export readers: one exported post -> one review, with the export's
own metadata (title, author, date, tags, address, id) read as facts with their lines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import Accounting
from reviewlint.migrate.frontmatter import merge
from reviewlint.migrate.options import MigrateOptions
from reviewlint.migrate.result import Level, MigrationResult, Status, failed, skipped

# A blog's whole export with more posts than this is refused with the count: a bound on
# time and memory that no real blog reaches.
MAX_POSTS = 100_000


@dataclass(slots=True)
class ExportPost:
    html: str
    html_line: int
    title: str = ""
    title_line: int = 0
    # (fact key, value, line, form) read from the export's fields.
    fields: list[tuple[str, str, int, str]] = field(default_factory=list)
    url: str = ""
    post_id: str = ""
    slug: str = ""
    line: int = 0


@dataclass(slots=True)
class Skipped:
    """Why posts of an export were not converted, counted by a singular noun ("draft", "page")."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str) -> None:
        self.counts[reason] += 1

    def describe(self) -> str:
        """"1 draft, 2 pages": each reason is a singular noun."""
        return ", ".join(f"{count} {noun if count == 1 else noun + 's'}" for noun, count in sorted(self.counts.items()))


def convert(post: ExportPost, position: int, file: str, kind: str, options: MigrateOptions) -> MigrationResult:
    from reviewlint.migrate.posts import read_post_html

    part = f"post {position}"
    result = MigrationResult(source=file, format=kind, data=None, accounting=Accounting([]), part=part)
    extra: dict[str, Any] = {}
    provenance: list[tuple[str, int, str, str]] = []
    for key, value, line, form in post.fields:
        outcome = facts.read_fact(key, value)
        if outcome.updates and all(merge(extra, update) for update in outcome.updates):
            for name in outcome.fields or [".".join(update.path) for update in outcome.updates]:
                provenance.append((name, line, value, form))
        elif outcome.problem:
            result.add(Level.INFO, f"the export's {form} {value[:80]!r} was not used: {outcome.problem}", line)
    source: dict[str, Any] = {"format": kind, "file": file, "part": part}
    if post.post_id:
        source["id"] = post.post_id
    if post.url and facts.URL.match(post.url):
        source["url"] = post.url
    for entry in provenance:
        result.record_source(*entry)
    title = (post.title, post.title_line) if post.title.strip() else None
    dropped = read_post_html(post.html, result, options, source=source, extra=extra, first_line=post.html_line,
                             title=title)
    if result.data is not None:
        # The export's own address and id win over what the text might say.
        result.data.setdefault("source", {}).update({key: value for key, value in source.items() if key != "format"})
        if dropped:
            result.data["source"]["dropped"] = [*dropped, *result.data["source"].get("dropped", [])]
    if not result.accounting.content_lines() and result.status is not Status.FAILED:
        return skipped(file, kind, f"{part} (line {post.line}) holds no text")
    result.name_hint = post.slug or post.title or f"post-{position}"
    return result


def finish(results: list[MigrationResult], skipped_posts: Skipped, file: str, kind: str, what: str) -> list[
        MigrationResult]:
    if skipped_posts.counts:
        message = f"not converted: {skipped_posts.describe()}"
        if results:
            results[0].add(Level.INFO, message)
        else:
            return [skipped(file, kind, f"{what} holds no published post ({message})")]
    if not results:
        return [skipped(file, kind, f"{what} holds no posts")]
    return results


def too_many(file: str, kind: str, count: int) -> list[MigrationResult]:
    return [failed(file, kind, f"the export holds {count} posts, over the limit of {MAX_POSTS}; split it into "
                   "smaller exports")]
