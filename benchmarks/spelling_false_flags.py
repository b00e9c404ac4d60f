"""How often the spelling rules flag words in real reviews, and which words.

    python benchmarks/spelling_false_flags.py [--shared ../shared] [--select RL606,RL608] [--list]
                                              [--corpus posts|sentences|both] [--recall] [--via-migrate]

Each post of `legacy-corpus/posts/` (real blog and site reviews, read in place: nothing is
copied) becomes one review document, as `migrate` would make it if it got every name
right: the post's paragraphs are the body, and the film's title, original title,
directors, writers, cast (with characters) and the author come from the post's
`*.expected.yaml`, so that "names in the document are accepted" is measured, not
`migrate`'s name extraction. `--via-migrate` instead converts each post with the
package's `migrate_file` and checks what it writes (the path a user takes; the names are
then migrate's, and posts cut off mid-word keep their cut last word). Otherwise a post cut
off by the index that stored it loses its last, cut word, and the whole post is checked,
credits lines and site chrome included, which makes the figure a ceiling. Only the selected rules run.

A second sample, `--corpus sentences`, takes the real review sentences of `prose-eval/`
(content warnings and endings), each the only paragraph of a review with no names: a
harsher test, since a name is not seen elsewhere in its review.

`--recall` measures the other side on the same sentences: one lower-case word of five
letters or more in each is given one random slip (a letter dropped, doubled, swapped with
its neighbour or replaced by a neighbouring key; fixed seed), and the share of slips
reported at that word is printed. A slip that happens to spell another English word
cannot be caught by any dictionary and is counted apart.

Printed: words checked, findings, findings per 1,000 words, and with `--list` each flagged
word with its count and the rule's suggestion. Which findings are real misspellings is a
judgement made by reading them; it is recorded beside the figures, not here.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from reviewlint.config import Settings
from reviewlint.engine import check_text

HERE = Path(__file__).resolve().parent
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def names(expected: dict[str, Any]) -> dict[str, Any]:
    """The film's titles and people, and the author, as a review document holds them."""
    film = expected.get("film") or {}
    found: dict[str, Any] = {}
    for key in ("title", "original_title"):
        if isinstance(film.get(key), str):
            found[key] = film[key]
    for key in ("directors", "writers", "cast"):
        people = [person for person in film.get(key) or [] if isinstance(person, str)]
        if people:
            found[key] = [{"name": person} for person in people]
    return found


def document(post: Path) -> tuple[str, int]:
    """(review YAML, words in its body)."""
    text = post.read_text(encoding="utf-8", errors="replace")
    expected_path = post.with_name(post.name.split(".")[0] + ".expected.yaml")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8")) if expected_path.exists() else {}
    if (expected or {}).get("excerpt_truncated"):
        text = re.sub(r"\S+\s*$", "", text)  # the page was cut mid-word: the last word is not the writer's
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]
    review: dict[str, Any] = {
        "schema_version": "1.0",
        "film": {"title": "Untitled", **names(expected or {})},
        "review": {"body": paragraphs},
    }
    author = (expected or {}).get("author")
    if isinstance(author, str):
        review["author"] = {"name": author}
    words = sum(len(WORD_RE.findall(paragraph)) for paragraph in paragraphs)
    return yaml.safe_dump(review, allow_unicode=True, sort_keys=False, width=10_000), words


def sentence_documents(shared: Path) -> list[tuple[str, str, int]]:
    """(name, review YAML, words) for each prose-eval sentence."""
    found: list[tuple[str, str, int]] = []
    for name in ("content-warnings.jsonl", "endings.jsonl"):
        path = shared / "prose-eval" / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            text = item["text"]
            review = {"schema_version": "1.0", "film": {"title": "Untitled"}, "review": {"body": [text]}}
            found.append((item.get("id", name), yaml.safe_dump(review, allow_unicode=True, width=10_000),
                          len(WORD_RE.findall(text))))
    return found


def post_documents(shared: Path) -> list[tuple[str, str, int]]:
    posts_dir = shared / "legacy-corpus" / "posts"
    posts = sorted(p for p in posts_dir.iterdir() if p.suffix in (".txt", ".md") and ".expected" not in p.name)
    return [(post.name, *document(post)) for post in posts]


def migrated_documents(shared: Path) -> list[tuple[str, str, int]]:
    """(name, review YAML as `migrate` writes it, words of its prose) for each post."""
    from reviewlint import MigrateOptions, emit_canonical, migrate_file

    posts_dir = shared / "legacy-corpus" / "posts"
    found: list[tuple[str, str, int]] = []
    for post in sorted(p for p in posts_dir.iterdir() if p.suffix in (".txt", ".md") and ".expected" not in p.name):
        for result in migrate_file(post, options=MigrateOptions(author="Benchmark", language="en")):
            text = result.rendered or (emit_canonical(result.data) if result.data is not None else None)
            if text is None:
                continue
            review = (yaml.safe_load(text) or {}).get("review") or {}
            prose = " ".join(str(item) for item in review.get("body") or [])
            found.append((post.name, text, len(WORD_RE.findall(prose))))
    return found


def measure(label: str, documents: list[tuple[str, str, int]], settings: Settings, listing: bool) -> None:
    total_words = 0
    flagged: collections.Counter[tuple[str, str, str]] = collections.Counter()
    clean = 0
    started = time.perf_counter()
    for name, text, words in documents:
        total_words += words
        found = [d for d in check_text(text, name, settings) if d.code in settings.select]
        clean += not found
        for diagnostic in found:
            word = diagnostic.message.split("'")[1]
            hint = diagnostic.message.partition("did you mean ")[2] or diagnostic.message.partition(" of ")[2]
            flagged[(diagnostic.code, word, hint.rstrip("?"))] += 1
    elapsed = time.perf_counter() - started
    count = sum(flagged.values())
    print(f"{label}: rules {','.join(settings.select)}: {len(documents)} documents, {total_words} words, {count} "
          f"findings ({len(flagged)} distinct), {count * 1000 / max(total_words, 1):.2f} per 1,000 words; "
          f"{clean} documents with none [{elapsed:.1f} s]")
    if listing:
        for (code, word, hint), times in sorted(flagged.items(), key=lambda item: (item[0][1].lower(), item[0])):
            print(f"  {code} {word!r} x{times}  -> {hint}")


_KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbour_keys(letter: str) -> str:
    for row in _KEYBOARD:
        at = row.find(letter)
        if at >= 0:
            return row[max(at - 1, 0):at] + row[at + 1:at + 2]
    return ""


def slip(word: str, rng: random.Random) -> str:
    """`word` with one typing slip somewhere after its first letter."""
    at = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("drop", "double", "swap", "key"))
    if kind == "drop":
        return word[:at] + word[at + 1:]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    if kind == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    keys = _neighbour_keys(word[at])
    return word[:at] + (rng.choice(keys) if keys else "e") + word[at + 1:]


def measure_recall(shared: Path, settings: Settings) -> None:
    from reviewlint import spelling

    rng = random.Random(12)
    caught = missed = real_words = 0
    misses: list[str] = []
    for _name, text, _words in sentence_documents(shared):
        sentence = yaml.safe_load(text)["review"]["body"][0]
        candidates = list(re.finditer(r"(?<![\w'’-])[a-z]{5,}(?![\w'’-])", sentence))
        if not candidates:
            continue
        match = rng.choice(candidates)
        wrong = slip(match.group(0), rng)
        if wrong == match.group(0):
            continue
        if spelling.is_english(wrong):
            real_words += 1
            continue
        changed = sentence[:match.start()] + wrong + sentence[match.end():]
        review = {"schema_version": "1.0", "film": {"title": "Untitled"}, "review": {"body": [changed]}}
        found = check_text(yaml.safe_dump(review, allow_unicode=True, width=10_000), "slip.yaml", settings)
        if any(d.code in settings.select and wrong in d.message for d in found):
            caught += 1
        else:
            missed += 1
            misses.append(f"{match.group(0)} -> {wrong}")
    total = caught + missed
    print(f"recall on slips: {caught} of {total} reported ({caught / max(total, 1):.0%}); {real_words} slips "
          f"spelled another English word and were not counted")
    print("  missed: " + ", ".join(misses[:40]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--select", default="RL606,RL608", help="rules to run (default: RL606,RL608)")
    parser.add_argument("--corpus", choices=("posts", "sentences", "both"), default="both")
    parser.add_argument("--list", action="store_true", help="list every flagged word with its count")
    parser.add_argument("--recall", action="store_true", help="also measure recall on sentences given one slip")
    parser.add_argument("--via-migrate", action="store_true", help="convert the posts with migrate_file first")
    args = parser.parse_args(argv)
    if not (args.shared / "legacy-corpus" / "posts").is_dir():
        sys.exit(f"no legacy posts under {args.shared}")
    settings = Settings(select=tuple(code.strip() for code in args.select.split(",")))
    if args.corpus in ("posts", "both"):
        if args.via_migrate:
            measure("legacy posts via migrate", migrated_documents(args.shared), settings, args.list)
        else:
            measure("legacy posts", post_documents(args.shared), settings, args.list)
    if args.corpus in ("sentences", "both"):
        measure("prose-eval sentences", sentence_documents(args.shared), settings, args.list)
    if args.recall:
        measure_recall(args.shared, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
