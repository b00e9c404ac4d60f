"""A review as a readable Markdown page.

Everything that could spoil the film sits in a closed `<details>` block the reader opens
on purpose: a section marked `spoiler: true`, the ending (even its type is an emotional
spoiler, so it is always hidden), a body paragraph with inline `>!spoilers!<` (shown once
with the spoilers replaced, and in full inside a block). Text from the review is escaped
for HTML, so a stray `<` cannot open a tag in the rendered page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from reviewlint.export.jsonld import INLINE_SPOILER, iso_duration

HIDDEN = "[spoiler]"
SOURCE_NAMES = {"imdb": "IMDb", "metacritic": "Metacritic", "metacritic-user": "Metacritic users",
                "rotten-tomatoes": "Rotten Tomatoes", "letterboxd": "Letterboxd", "tmdb": "TMDB", "trakt": "Trakt",
                "other": "Other"}


def escape(text: Any) -> str:
    return html.escape(str(text), quote=False)


def number(value: Any) -> str:
    """7.0 -> "7", 3.5 -> "3.5": the way a reader writes a rating."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def runtime(minutes: int) -> str:
    return iso_duration(minutes)[2:].replace("H", "h ").replace("M", "m").strip().lower()


def hard_breaks(lines: list[str]) -> list[str]:
    """Lines kept apart in one paragraph: a CommonMark backslash break (trailing spaces
    would do the same, but editors strip them)."""
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def details(summary: str, body: list[str]) -> list[str]:
    # The blank lines let Markdown renderers (GitHub's among them) format the inside.
    return ["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>", ""]


def _paragraphs(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in str(text).split("\n\n"):
        if paragraph.strip():
            lines += [escape(paragraph.strip()), ""]
    return lines[:-1]


def _names(values: Any) -> list[str]:
    names = []
    for value in values if isinstance(values, list) else []:
        if isinstance(value, Mapping):
            character = f" ({value['character']})" if value.get("character") else ""
            names.append(f"{value.get('name')}{character}")
        else:
            names.append(str(value))
    return names


def _facts(data: Mapping[str, Any]) -> list[str]:
    film = data.get("film") or {}
    facts = []
    title = f"**{escape(film.get('title'))}**"
    original = f"{escape(film['original_title'])}, " if film.get("original_title") else ""
    facts.append(f"{title} ({original}{escape(film.get('year'))})")
    if film.get("directors"):
        facts.append("directed by " + escape(", ".join(_names(film["directors"]))))
    if isinstance(film.get("runtime_minutes"), int):
        facts.append(runtime(film["runtime_minutes"]))
    if film.get("genres"):
        facts.append(escape(", ".join(film["genres"])))
    if film.get("countries"):
        facts.append(escape(", ".join(film["countries"])))
    lines = [" · ".join(facts)]
    for key, label in (("writers", "Written by"), ("cast", "Starring")):
        if film.get(key):
            lines.append(f"{label} {escape(', '.join(_names(film[key])))}")
    return hard_breaks(lines)


def _verdict(data: Mapping[str, Any]) -> list[str]:
    lines = []
    given = data.get("rating")
    if isinstance(given, Mapping) and given.get("value") is not None:
        scale = f" (scale {number(given.get('min', 1))}–{number(given['max'])})"
        original = f", written “{escape(given['original'])}”" if given.get("original") else ""
        lines.append(f"**Rating:** {number(given['value'])} / {number(given['max'])}{scale}{original}")
    recommendation = (data.get("review") or {}).get("recommendation")
    if isinstance(recommendation, Mapping) and recommendation.get("verdict"):
        text = f" — {escape(recommendation['text'])}" if recommendation.get("text") else ""
        lines.append(f"**Verdict:** {escape(recommendation['verdict'])}{text}")
    if data.get("spoilers") in ("minor", "major"):
        lines.append(f"**Spoilers:** {data['spoilers']} (hidden below until you open them)")
    others = [f"{SOURCE_NAMES.get(str(r.get('source')), escape(r.get('source')))} {number(r.get('value'))}"
              + (f"/{number(r['max'])}" if r.get("max") is not None else "")
              for r in data.get("external_ratings") or [] if isinstance(r, Mapping)]
    if others:
        lines.append("**Elsewhere:** " + ", ".join(others))
    author = data.get("author") or {}
    if author.get("name"):
        name = escape(author["name"])
        url = str(author.get("url") or "").replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        byline = f"**By** [{name}]({url})" if url else f"**By** {name}"
        if data.get("published"):
            byline += f", published {escape(data['published'])}"
        if data.get("updated"):
            byline += f", updated {escape(data['updated'])}"
        lines.append(byline)
    return hard_breaks(lines)


def _warnings(data: Mapping[str, Any]) -> list[str]:
    warnings = data.get("content_warnings")
    if not isinstance(warnings, list):
        return []
    shown = []
    for warning in warnings:
        if isinstance(warning, Mapping):
            extra = ", ".join(str(part) for part in (warning.get("severity"), warning.get("note")) if part)
            shown.append(f"{warning.get('id')}" + (f" ({extra})" if extra else ""))
        else:
            shown.append(str(warning))
    return ["## Content warnings", "", escape(", ".join(shown)) if shown else "None.", ""]


def _section(title: str, section: Any) -> list[str]:
    if not isinstance(section, Mapping) or not section.get("text"):
        return []
    body = _paragraphs(section["text"])
    if section.get("spoiler"):
        return [f"## {title}", "", *details(f"{title} (spoilers)", body)]
    return [f"## {title}", "", *body, ""]


def _body(paragraphs: Any) -> list[str]:
    lines = ["## Review", ""]
    for paragraph in paragraphs if isinstance(paragraphs, list) else []:
        text = str(paragraph)
        if INLINE_SPOILER.search(text):
            lines += [escape(INLINE_SPOILER.sub(HIDDEN, text)), ""]
            lines += details("Show this paragraph with its spoilers", [escape(INLINE_SPOILER.sub(r"\1", text))])
        else:
            lines += [escape(text), ""]
    return lines


def _dialogue(lines_said: Any) -> list[str]:
    if not isinstance(lines_said, list) or not lines_said:
        return []
    shown: list[str] = []
    hidden: list[str] = []
    for said in lines_said:
        if not isinstance(said, Mapping):
            continue
        speaker = f" — {escape(said['speaker'])}" if said.get("speaker") else ""
        quote = f"> “{escape(said.get('quote'))}”{speaker}"
        (hidden if said.get("spoiler") else shown).extend([quote, ""])
    lines = ["## Memorable dialogue", "", *shown]
    if hidden:
        lines += details("Lines that give away the plot", hidden[:-1])
    return lines


def _ending(ending: Any) -> list[str]:
    if not isinstance(ending, Mapping) or not ending.get("type"):
        return []
    kind = escape(ending["type"]) + (" (with a twist)" if ending.get("twist") else "")
    body = [f"**Ending:** {kind}"]
    if ending.get("description"):
        body += ["", *_paragraphs(ending["description"])]
    return ["## Ending", "", *details("How it ends (spoilers)", body)]


def to_markdown(data: Mapping[str, Any]) -> str:
    """The Markdown page for one schema-valid review document."""
    film = data.get("film") or {}
    review = data.get("review") or {}
    heading = review.get("headline") or f"{film.get('title')} ({film.get('year')})"
    lines = [f"# {escape(heading)}", ""]
    if review.get("tagline"):
        lines += [f"*{escape(review['tagline'])}*", ""]
    lines += [*_facts(data), ""]
    verdict = _verdict(data)
    if verdict:
        lines += [*verdict, ""]
    if review.get("logline"):
        lines += [f"> {line}" if line else ">" for line in _paragraphs(INLINE_SPOILER.sub(HIDDEN, review["logline"]))]
        lines.append("")
    lines += _warnings(data)
    lines += _section("Synopsis", review.get("synopsis"))
    lines += _body(review.get("body"))
    lines += _section("Memorable scene", review.get("memorable_scene"))
    lines += _dialogue(review.get("memorable_dialogue"))
    lines += _ending(data.get("ending"))
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
