"""Front matter at the top of a blog post: YAML (`---`), TOML (`+++`) or JSON (`{`).

Static-site generators keep a post's metadata there: Jekyll and Hugo `title`, `date`,
`tags`; older tools Ruby-symbol keys (`:movie:`, `:grade: C+`); others `Title`,
`movie_title`, `movieTitle`. Keys are compared in one normal form (no leading or trailing
colon, lower case, words joined by `_`), so the key style never decides what is read.

Values are read as text and checked by the same fact readers as a post's labelled lines,
so `date: 2024-02-30` or a 5,000-digit year is a note, never a crash: YAML is composed
with the base loader (every scalar a string) and TOML errors are caught. Each key's lines
are found in the file, so every line of the block is accounted for and every value has a
line to show in `-v`.
"""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

import yaml

from reviewlint.migrate import facts
from reviewlint.migrate.accounting import BOILERPLATE, LAYOUT, is_blank
from reviewlint.migrate.result import Level, MigrationResult

YAML_FENCE = re.compile(r"^---\s*$")
TOML_FENCE = re.compile(r"^\+\+\+\s*$")
# Front matter is a few dozen lines; a block that does not close within this many is not one.
LINE_LIMIT = 500
# Nodes composed from YAML front matter: bounds an alias bomb (aliases share nodes, so a
# naive walk expands them).
NODE_LIMIT = 5000
MAX_DEPTH = 20

# Normal key -> the fact reader that takes its value.
FACTS = {
    **dict.fromkeys(("movie", "movie_title", "film", "film_title", "movie_name", "film_name"), "title"),
    **dict.fromkeys(("original_title", "original_name"), "original_title"),
    **dict.fromkeys(("year", "release_year", "movie_year", "film_year"), "year"),
    **dict.fromkeys(("rating", "score", "stars", "grade", "letter_grade", "my_rating", "my_score", "my_grade",
                     "verdict_score"), "rating"),
    **dict.fromkeys(("published", "published_at", "publish_date", "pubdate", "date_published", "post_date",
                     "publishdate"), "published"),
    **dict.fromkeys(("author", "authors", "by", "reviewer", "byline"), "author"),
    **dict.fromkeys(("tags", "categories", "category", "labels", "keywords"), "tags"),
    **dict.fromkeys(("director", "directors", "directed_by"), "directors"),
    **dict.fromkeys(("writer", "writers", "screenplay", "written_by"), "writers"),
    **dict.fromkeys(("cast", "starring", "actors", "stars_cast"), "cast"),
    **dict.fromkeys(("genre", "genres"), "genres"),
    **dict.fromkeys(("runtime", "running_time", "duration", "length"), "runtime"),
    **dict.fromkeys(("country", "countries"), "countries"),
    **dict.fromkeys(("imdb", "imdb_id", "imdb_url", "imdb_link"), "imdb_id"),
    **dict.fromkeys(("subtitle", "tagline"), "tagline"),
    **dict.fromkeys(("url", "permalink", "canonical", "canonical_url", "link"), "url"),
    **dict.fromkeys(("spoilers", "spoiler", "spoiler_level"), "spoilers"),
    **dict.fromkeys(("certificate", "certification", "mpaa", "mpaa_rating", "rated"), "certification"),
    "watched": "watched",
    "watched_on": "watched",
    "viewing_date": "watched",
}
# The post's own title: the headline, which the blog reader also reads the film from.
TITLE_KEYS = frozenset({"title", "headline", "post_title"})
# A post date under the generic key; when a more specific publication key is there too,
# `date` may be anything (a viewing date in movie logs), so it is kept, not guessed.
DATE_KEYS = frozenset({"date", "created", "created_at"})
# Settings of the site generator, not facts about the review: dropped and listed.
GENERATOR_KEYS = frozenset({"layout", "slug", "sequence", "number", "weight", "draft", "type", "comments", "toc",
                            "sitemap", "menu", "aliases", "share", "sharing", "template", "published_status",
                            "status", "id", "uuid", "guid", "image", "thumbnail", "featured_image", "cover",
                            "excerpt_separator", "display_title", "sort_title", "modified", "lastmod", "updated",
                            "last_modified"})


def normal_key(key: str) -> str:
    """`:movie:` -> movie, `Movie Title` -> movie_title, `movieTitle` -> movie_title."""
    text = key.strip().strip(":").strip()
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", text)
    return re.sub(r"[\s\-.]+", "_", text).lower().strip("_")


@dataclass(slots=True)
class Entry:
    key: str
    value: Any
    # 1-based file lines of this key and its value (blank lines excluded).
    lines: list[int]
    raw: str


@dataclass(slots=True)
class FrontMatter:
    kind: str  # yaml, toml or json
    first: int  # 1-based line of the opening fence (or the JSON's first line)
    last: int  # 1-based line of the closing fence (or the JSON's last line)
    entries: list[Entry] = field(default_factory=list)
    problem: str | None = None  # why the block could not be read as a mapping

    @property
    def body_start(self) -> int:
        """0-based index of the first line after the front matter."""
        return self.last


def find(lines: list[str]) -> FrontMatter | None:
    """The front matter opening the file, read; None when the file has none."""
    if not lines:
        return None
    first = lines[0].lstrip("\ufeff")
    if YAML_FENCE.match(first) or TOML_FENCE.match(first):
        toml = TOML_FENCE.match(first) is not None
        closers = ("+++",) if toml else ("---", "...")
        for index in range(1, min(len(lines), LINE_LIMIT)):
            if lines[index].strip() in closers:
                block = FrontMatter("toml" if toml else "yaml", 1, index + 1)
                body = lines[1:index]
                if toml:
                    _read_toml(block, body)
                else:
                    _read_yaml(block, body)
                return block
        return None
    if first.strip() == "{" or (first.startswith("{") and first.rstrip().endswith(",")):
        return _read_json(lines)
    return None


def _spans(block: FrontMatter, body: list[str], starts: list[tuple[str, int]]) -> None:
    """Entries from (key, 0-based line in body) starts: each key owns the lines up to the next."""
    for number, (key, start) in enumerate(starts):
        stop = starts[number + 1][1] if number + 1 < len(starts) else len(body)
        lines = [block.first + 1 + offset for offset in range(start, stop) if not is_blank(body[offset])]
        raw = "\n".join(body[offset].rstrip() for offset in range(start, stop)).strip()
        block.entries.append(Entry(key, None, lines, raw))


def _plain(node: yaml.Node, budget: list[int], depth: int = 0) -> Any:
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise ValueError("too large or too deeply nested")
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, budget, depth + 1) for item in node.value]
    assert isinstance(node, yaml.MappingNode)
    return {str(_plain(key, budget, depth + 1)): _plain(value, budget, depth + 1) for key, value in node.value}


def _libyaml_lines(body: list[str]) -> list[int]:
    """libyaml line -> index in `body`. libyaml also breaks lines at NEL, LS and PS, which
    editors (and our line numbers) keep inside a line."""
    owner: list[int] = []
    for index, line in enumerate(body):
        owner.extend([index] * (1 + sum(line.count(char) for char in "\x85\u2028\u2029")))
    return owner or [0]


def _read_yaml(block: FrontMatter, body: list[str]) -> None:
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    owner = _libyaml_lines(body)

    def line_of(mark: yaml.Mark) -> int:
        return owner[min(mark.line, len(owner) - 1)]

    try:
        root = yaml.compose("\n".join(body), Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {block.first + 1 + line_of(mark)})" if mark is not None else ""
        block.problem = f"the front matter is not valid YAML{where}"
        return
    if not isinstance(root, yaml.MappingNode):
        block.problem = "it is not a YAML mapping"
        return
    starts: list[tuple[str, int]] = []
    values: list[Any] = []
    budget = [NODE_LIMIT]
    try:
        for key_node, value_node in root.value:
            key = _plain(key_node, budget)
            starts.append((str(key), line_of(key_node.start_mark)))
            values.append(_plain(value_node, budget))
    except ValueError as error:
        block.problem = f"the front matter is {error} to read"
        return
    # A key is owned from its own line: YAML keys start lines in the order they are written.
    order = sorted(range(len(starts)), key=lambda index: starts[index][1])
    _spans(block, body, [starts[index] for index in order])
    for entry, index in zip(block.entries, order, strict=True):
        entry.value = values[index]


TOML_KEY = re.compile(r"""^\s*(?:"(?P<quoted>[^"]+)"|'(?P<literal>[^']+)'|(?P<bare>[A-Za-z0-9_\-.:]+))\s*=""")
TOML_TABLE = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _toml_value(value: Any) -> Any:
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat()
    if isinstance(value, list):
        return [_toml_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _toml_value(item) for key, item in value.items()}
    return value


def _read_toml(block: FrontMatter, body: list[str]) -> None:
    try:
        loaded = tomllib.loads("\n".join(body))
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as error:
        block.problem = f"the front matter is not valid TOML ({str(error).splitlines()[0][:120]})"
        return
    starts: list[tuple[str, int]] = []
    in_table = False
    for offset, line in enumerate(body):
        table = TOML_TABLE.match(line)
        if table is not None:
            in_table = True
            starts.append((table["name"].split(".")[0].strip('"\''), offset))
            continue
        match = TOML_KEY.match(line)
        if match and not in_table:
            key = match["quoted"] or match["literal"] or match["bare"]
            starts.append((key.split(".")[0], offset))
    if not starts:
        block.problem = "the front matter holds no keys"
        return
    _spans(block, body, starts)
    merged: dict[str, Entry] = {}
    for entry in block.entries:
        if entry.key in merged:  # a table continued: one entry, all its lines
            merged[entry.key].lines.extend(entry.lines)
            merged[entry.key].raw += "\n" + entry.raw
        else:
            merged[entry.key] = entry
    block.entries = list(merged.values())
    for entry in block.entries:
        entry.value = _toml_value(loaded.get(entry.key))


JSON_KEY = re.compile(r'^\s*"(?P<key>(?:[^"\\]|\\.)*)"\s*:')


def _read_json(lines: list[str]) -> FrontMatter | None:
    text = "\n".join(lines[:LINE_LIMIT])
    try:
        loaded, end = json.JSONDecoder().raw_decode(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        return None  # not JSON front matter: the post simply opens with a brace
    if not isinstance(loaded, dict):
        return None
    last = text.lstrip("\ufeff")[:end].count("\n") + 1
    block = FrontMatter("json", 1, last)
    body = lines[1:last - 1]
    starts: list[tuple[str, int]] = []
    depth = 0
    for offset, line in enumerate(body):
        match = JSON_KEY.match(line)
        if match and depth == 0:
            starts.append((json.loads(f'"{match["key"]}"'), offset))
        depth += line.count("{") + line.count("[") - line.count("}") - line.count("]")
    _spans(block, body, starts)
    for entry in block.entries:
        entry.value = loaded.get(entry.key)
    # The braces are layout; keys the scan could not place are kept with the closing brace.
    return block


# --- applying the facts ---------------------------------------------------------------------

@dataclass(slots=True)
class Applied:
    """What the front matter gives the blog reader."""

    extra: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    title_line: int = 0
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def _as_fact_text(fact: str, value: Any) -> str | None:
    """A value as the text a labelled line would hold: lists joined with commas."""
    if isinstance(value, list):
        items = [_text(item) for item in value]
        if not items or any(item is None for item in items):
            return None
        return ", ".join(str(item) for item in items)
    if isinstance(value, dict):
        name = value.get("name") if fact == "author" else None
        return _text(name)
    return _text(value)


def merge(draft: dict[str, Any], update: facts.Update) -> bool:
    """Apply an update to a draft; False when a different value is already set."""
    parent = draft
    for key in update.path[:-1]:
        parent = parent.setdefault(key, {})
    if update.mode == facts.SET:
        if update.path[-1] in parent and parent[update.path[-1]] != update.value:
            return False
        parent[update.path[-1]] = update.value
        return True
    existing = parent.setdefault(update.path[-1], [])
    items = update.value if update.mode == facts.EXTEND else [update.value]
    existing.extend(item for item in items if item not in existing)
    return True


def apply(block: FrontMatter, lines: list[str], result: MigrationResult) -> Applied:
    """Map the front matter's keys onto review fields, recording every line's fate."""
    applied = Applied()
    accounting = result.accounting
    accounting.dropped(block.first, lines[block.first - 1].strip(), LAYOUT)
    accounting.dropped(block.last, lines[block.last - 1].strip(), LAYOUT)
    if block.problem is not None or not block.entries:
        numbered = [number for number in range(block.first + 1, block.last) if not is_blank(lines[number - 1])]
        if numbered:
            applied.notes.append("\n".join(lines[number - 1] for number in numbered))
            where = f"notes[{len(applied.notes) - 1}]"
            reason = block.problem or "front matter without keys"
            for number in numbered:
                accounting.preserved(number, where, lines[number - 1].strip(), reason)
            result.add(Level.WARNING, f"kept the front matter under notes: {reason}", block.first + 1)
        return applied
    names = {normal_key(entry.key) for entry in block.entries}
    specific_date = any(FACTS.get(name) == "published" for name in names)
    first_spelling: dict[str, str] = {}  # normal key -> the key as first written
    for entry in block.entries:
        # YAML and JSON parsers keep one value of a repeated key; the file holds both lines.
        earlier = first_spelling.get(normal_key(entry.key))
        first_spelling.setdefault(normal_key(entry.key), entry.key)
        _apply_entry(entry, block, lines, result, applied, specific_date, earlier)
    # Lines inside the block that no key owns (comments, a JSON brace): layout.
    owned = accounting.accounted_lines() | {number for entry in block.entries for number in entry.lines}
    for number in range(block.first + 1, block.last):
        if number not in owned and not is_blank(lines[number - 1]):
            stripped = lines[number - 1].strip()
            if stripped.startswith("#") or set(stripped) <= set("{}[],"):
                accounting.dropped(number, stripped, LAYOUT)
            else:
                applied.notes.append(stripped)
                accounting.preserved(number, f"notes[{len(applied.notes) - 1}]", stripped,
                                     "a front-matter line that belongs to no key")
    return applied


def _form(block: FrontMatter, key: str) -> str:
    return f"front matter `{key}`" if block.kind == "yaml" else f"{block.kind.upper()} front matter `{key}`"


def _apply_entry(entry: Entry, block: FrontMatter, lines: list[str], result: MigrationResult, applied: Applied,
                 specific_date: bool, repeats: str | None = None) -> None:
    accounting = result.accounting
    name = normal_key(entry.key)
    first = entry.lines[0] if entry.lines else block.first + 1
    shown = lines[first - 1].strip()
    if name in TITLE_KEYS and applied.title is None and _text(entry.value) and len(entry.lines) == 1:
        applied.title, applied.title_line = str(_text(entry.value)).strip(), first
        return  # the blog reader places it as the post's heading and accounts for its line
    if name in GENERATOR_KEYS:
        for number in entry.lines:
            accounting.dropped(number, lines[number - 1].strip(), BOILERPLATE)
        applied.dropped.append(entry.raw)
        return
    fact = FACTS.get(name)
    if fact is None and name in DATE_KEYS and not specific_date:
        fact = "published"
    text = _as_fact_text(fact, entry.value) if fact else None
    reason = f"no field for the front-matter key '{entry.key}'"
    if fact and text is not None:
        outcome = facts.read_fact(fact, text)
        if outcome.updates:
            conflicts = [update for update in outcome.updates if not merge(applied.extra, update)]
            if not conflicts:
                for info in outcome.infos:
                    result.add(Level.INFO, info, first)
                fields = outcome.fields or [".".join(update.path) for update in outcome.updates]
                for number in entry.lines:
                    accounting.mapped(number, ", ".join(fields), lines[number - 1].strip())
                for field_name in fields:
                    result.record_source(field_name, first, shown, _form(block, entry.key))
                if outcome.problem is None:
                    return
                reason = outcome.problem
            else:
                reason = f"it disagrees with the {'.'.join(conflicts[0].path)} read before it"
        elif outcome.problem:
            reason = outcome.problem
    elif name in DATE_KEYS and specific_date:
        reason = "the front matter also names a publication date; this one may be another day (a viewing date)"
    if repeats is not None:
        reason = f"a duplicate key: the front matter already has '{repeats}' above"
    applied.notes.append(entry.raw)
    where = f"notes[{len(applied.notes) - 1}]"
    for number in entry.lines:
        accounting.preserved(number, where, lines[number - 1].strip(), reason)
    compact = entry.raw if len(entry.raw) <= 80 else entry.raw[:77] + "..."
    result.add(Level.WARNING, f"kept under notes: {compact!r} ({reason})", first)
