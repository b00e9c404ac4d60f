"""Content warnings (RL3xx): the declared list is made of vocabulary slugs, once each, and
covers what the prose describes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from reviewlint import vocab
from reviewlint.diagnostics import Diagnostic, Edit, Fix, FixSafety, Severity
from reviewlint.prose.prefilter import cue_words
from reviewlint.rules._context import Context
from reviewlint.rules._core import Options, rule

FAMILY = "content-warnings"

# How many words before a cue a negation still applies to ("no gore", "never shows the
# violence", "free of any real gore").
NEGATION_WINDOW = 4
_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CLAUSE_END_RE = re.compile(r"[.!?;:]|\s[—–]\s|\n")


def fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("\u00a0", " ").lower().split())


def spelling(text: str) -> str:
    """`text` folded, with hyphens and underscores read as spaces: "Death_Grief",
    "death grief" and "death-grief" are one spelling of one slug."""
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


@cache
def synonyms() -> dict[str, str]:
    """Spelling (see `spelling`) of a synonym, label or slug -> slug."""
    table: dict[str, str] = {}
    for slug, entry in vocab.content_warnings().items():
        for phrase in [slug, entry["label"], *entry["synonyms"]]:
            table.setdefault(spelling(phrase), slug)
    return table


def _entry_slug(item: Any) -> tuple[str | None, tuple[str | int, ...]]:
    """(the warning's id as written, its path relative to the item)."""
    if isinstance(item, str):
        return item, ()
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return item["id"], ("id",)
    return None, ()


def declared(context: Context) -> list[tuple[int, str, tuple[str | int, ...]]] | None:
    """(index, id, path to the id) of each declared warning; None when the list is absent
    or not a list (the schema reports that)."""
    items = context.get("content_warnings")
    if not isinstance(items, list):
        return None
    found: list[tuple[int, str, tuple[str | int, ...]]] = []
    for index, item in enumerate(items):
        slug, relative = _entry_slug(item)
        if slug is not None:
            found.append((index, slug, ("content_warnings", index, *relative)))
    return found


def details(item: Any) -> dict[str, Any]:
    """What an entry says besides its id (severity, note, ...); {} for a bare slug."""
    return {key: value for key, value in item.items() if key != "id"} if isinstance(item, dict) else {}


def covers(keeper: Any, other: Any) -> bool:
    """Whether dropping `other` in favour of `keeper` loses nothing: every detail of
    `other` is in `keeper` with the same value."""
    kept = details(keeper)
    return all(key in kept and kept[key] == value for key, value in details(other).items())


def keeper_index(indexes: list[int], items: list[Any]) -> int:
    """Of the entries that name one slug, the one to keep: the one that says the most
    (an object with a severity or note beats a bare slug); the first of equals."""
    return max(indexes, key=lambda index: (len(details(items[index])), -index))


@rule("RL301", "content-warning-synonym", severity=Severity.ERROR, family=FAMILY, fix=FixSafety.SAFE,
      fix_unsafe_when="the text is a synonym rather than a spelling of the slug",
      supersedes=("RL104",), summary="A content warning is written as free text instead of its vocabulary slug.")
def content_warning_synonym(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a content warning written as a label, synonym or other spelling ("strong
    language", "Sexual Violence", "death_grief") instead of its slug, and names the
    slug. It replaces the schema's generic "unknown content warning" (RL104) for that
    value.

    ## Why
    Filters and renderers match slugs exactly; "strong language" is invisible to a reader
    who filters out `profanity`.

    ## Example
    ```yaml
    content_warnings: [violence, strong language]
    ```
    Use instead:
    ```yaml
    content_warnings: [violence, profanity]
    ```

    ## Fix
    Replaces the text with the slug. When several entries name the same slug, the one
    that says the most is kept (an entry with a `severity` or `note` wins over a bare
    slug, and keeps them) and the others are removed; an entry with details the kept one
    lacks is never removed, only given its slug. Safe when only case, spacing, hyphens
    or underscores differ ("Sexual Violence", "death_grief"); unsafe for a synonym,
    because a synonym can be broader than the slug it maps to.
    """
    entries = declared(context)
    items = context.get("content_warnings")
    if entries is None or not isinstance(items, list):
        return
    known = vocab.content_warnings()
    meant: dict[int, str] = {}
    for index, written, _path in entries:
        slug = written if written in known else synonyms().get(spelling(written))
        if slug is not None:
            meant[index] = slug
    by_slug: dict[str, list[int]] = {}
    for index, slug in meant.items():
        by_slug.setdefault(slug, []).append(index)
    keepers = {slug: keeper_index(indexes, items) for slug, indexes in by_slug.items()}  # once per slug, not entry
    for index, written, path in entries:
        slug = meant.get(index)
        if written in known or slug is None:
            continue
        exact = spelling(written) == spelling(slug)
        safety = FixSafety.SAFE if exact else FixSafety.UNSAFE
        keeper = keepers[slug]
        if keeper != index and covers(items[keeper], items[index]):
            fix = Fix(f"remove '{written}': '{slug}' is already declared", safety,
                      (Edit(("content_warnings", index), delete=True),))
        else:
            fix = Fix(f"replace '{written}' with '{slug}'", safety, (Edit(path, slug),))
        yield context.report(f"content warning {written!r} is not a vocabulary slug; its slug is '{slug}'", path,
                             fix=fix)


@rule("RL302", "duplicate-content-warning", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.SAFE,
      fix_unsafe_when="the two entries give different severities or notes",
      summary="The same content warning is declared twice.")
def duplicate_content_warning(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reports a content warning declared more than once, whether as a slug or as
    `{id: ...}`.

    ## Why
    A duplicate is shown twice by renderers, and when the two entries carry different
    severities nobody knows which one holds.

    ## Example
    ```yaml
    content_warnings: [violence, alcohol, violence]
    ```
    Use instead:
    ```yaml
    content_warnings: [violence, alcohol]
    ```

    ## Fix
    Keeps the entry that says the most and removes the other: a bare slug gives way to
    `{id: ..., severity: ...}` wherever it stands, and two objects whose details do not
    clash are merged into the first. Safe when nothing is lost; unsafe when the two
    entries give different severities or notes (the later one's are dropped), so
    `--fix` leaves that choice to you unless `--unsafe-fixes` is given.
    """
    entries = declared(context)
    items = context.get("content_warnings")
    if entries is None or not isinstance(items, list):
        return
    first: dict[str, int] = {}
    for index, slug, path in entries:
        if slug not in first:
            first[slug] = index
            continue
        earlier = first[slug]
        later_item, earlier_item = items[index], items[earlier]
        message = f"content warning '{slug}' is declared twice (first as item {earlier + 1})"
        if covers(earlier_item, later_item):
            fix = Fix(f"remove the second '{slug}'", FixSafety.SAFE, (Edit(("content_warnings", index), delete=True),))
        elif covers(later_item, earlier_item):
            fix = Fix(f"remove the first '{slug}', which says less than the second", FixSafety.SAFE,
                      (Edit(("content_warnings", earlier), delete=True),))
        else:
            merged = {**details(earlier_item), **details(later_item)}
            clash = any(key in details(earlier_item) and details(earlier_item)[key] != value
                        for key, value in details(later_item).items())
            if clash:
                fix = Fix(f"remove the second '{slug}' and its different details", FixSafety.UNSAFE,
                          (Edit(("content_warnings", index), delete=True),))
            else:
                fix = Fix(f"merge the second '{slug}' into the first", FixSafety.SAFE,
                          (Edit(("content_warnings", earlier), {"id": slug, **merged}),
                           Edit(("content_warnings", index), delete=True)))
        yield context.report(message, path, fix=fix)


def review_language(context: Context) -> str:
    language = context.data.get("language", "en")
    return language.split("-", 1)[0].lower() if isinstance(language, str) else "en"


def _validate_ignore(options: Options) -> str | None:
    unknown = [slug for slug in options.get("ignore", ()) if slug not in vocab.content_warnings()]
    if unknown:
        return f"`ignore` lists {unknown[0]!r}, which is not a content-warning slug"
    return None


@rule("RL303", "undeclared-content-warning", severity=Severity.WARNING, family=FAMILY, fix=FixSafety.UNSAFE,
      options={"ignore": (list, (), "Content-warning slugs never to infer from the prose.")},
      validate_options=_validate_ignore,
      summary="The prose describes something its content warnings do not declare.")
def undeclared_content_warning(context: Context, options: Options) -> Iterator[Diagnostic]:
    """
    ## What it does
    Reads the review's prose (headline, tagline, logline, synopsis, body, memorable scene
    and dialogue, recommendation, ending) sentence by sentence and reports each content
    warning it describes that `content_warnings` does not declare, naming the words that
    suggest it. It knows the vocabulary's words, synonyms and their inflections ("stabbed",
    "drug use", "drinking", "smokes"), the headings of parents' guides ("Sex/Nudity: brief",
    "Language: strong"), and who is harmed (a dog's death is `animal-harm`, a beaten wife
    `domestic-abuse`). It stays quiet on negation ("no gore", "not a drop of blood",
    "Nudity: None"), on figures of speech and praise ("the cast kills it", "drunk on its own
    cleverness", "a killer score"), on titles ("Suicide Squad"), on camerawork ("beautifully
    shot") and on the reviewer's own swearing (quoted or censored swearing is the film's
    language). A site adds cues and ignored phrases in its config's `vocabulary` table. One
    finding per warning, at its first cue. Cues exist for English reviews (`language:
    en...`) only.

    ## Why
    Readers rely on the list to avoid what harms them; a review that talks about a
    suicide but declares no `suicide` warning fails exactly those readers.

    ## Example
    ```yaml
    review:
      body: [Her brother overdosed the year before, and the film never lets her forget it.]
    content_warnings: []
    ```
    Use instead:
    ```yaml
    review:
      body: [Her brother overdosed the year before, and the film never lets her forget it.]
    content_warnings: [drugs]
    ```

    ## Fix
    Appends the slug to `content_warnings` (unsafe: a cue is evidence, not proof).
    """
    entries = declared(context)
    if entries is None or review_language(context) != "en":
        return
    if context.prose_words.isdisjoint(cue_words()) and not context.vocabulary.cues and \
            not _may_be_censored(context):
        return
    prose_cues = _prose_cues()
    lexicon = _lexicon(context)
    have = {slug for _index, slug, _path in entries} | set(options["ignore"])
    known = vocab.content_warnings()
    appended = len(context.data["content_warnings"])
    reported: set[str] = set()
    vocabulary = context.vocabulary
    for field in context.prose:
        ignored = vocabulary.ignored_spans(field.text) if vocabulary.ignore else []
        for finding in prose_cues.find(field.text, lexicon, ignored):
            slug = finding.slug
            if slug in have or slug in reported or slug not in known:
                continue
            reported.add(slug)
            fix = Fix(f"declare the content warning '{slug}'", FixSafety.UNSAFE,
                      (Edit(("content_warnings", appended), slug),))
            yield context.report_in(field, finding.start, finding.end, f"{finding.words!r} suggests the content "
                                    f"warning '{slug}', which `content_warnings` does not declare", fix=fix)


@cache
def _prose_cues() -> Any:
    """reviewlint.prose.cues, imported on first use: a check that never reads prose (or a
    one-file run) does not pay for loading it at start-up."""
    from reviewlint.prose import cues

    return cues


def _lexicon(context: Context) -> Any:
    from reviewlint.prose.lexicon import lexicon

    extra = context.vocabulary.cues
    if not extra:
        return lexicon()
    return lexicon(tuple((slug, tuple(extra[slug])) for slug in extra))


def _may_be_censored(context: Context) -> bool:
    lowered = context.prose_lower
    if "-" not in lowered and "*" not in lowered and "—" not in lowered and "–" not in lowered:
        return False
    return any(_prose_cues().may_be_censored(field.text) for field in context.prose)
