"""Write a deterministic corpus of realistic film reviews for benchmarking.

    python benchmarks/gen_corpus.py OUT_DIR --count 10000 [--seed 1] [--invalid 20]

Each review is schema-valid, about 100 lines long, with block-scalar prose, a cast with
characters, ratings and content warnings, like a real collection. `--invalid` of them
carry one realistic mistake each (wrong type, unknown key, bad slug, bad YAML), so the
checkers are timed on the error path too. The same seed always writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from pathlib import Path

WORDS = (
    "the film moves with a quiet confidence and trusts its audience to follow every turn of the story "
    "while the camera lingers on faces more than on spectacle and the score rarely insists on anything "
    "its lead gives a careful performance that grows richer on a second viewing and the supporting cast "
    "keeps pace the editing is patient the dialogue is sharp and the production design is full of small "
    "details that reward attention even when the plot stalls in the middle act the characters stay "
    "interesting because their choices feel earned rather than convenient"
).split()
FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemi", "Lior", "Mina", "Noor"]
LAST = ["Okafor", "Park", "Quinn", "Rossi", "Silva", "Tanaka", "Umar", "Varga", "Weiss", "Yilmaz", "Zhou", "Moreau"]
GENRES = ["Drama", "Thriller", "Comedy", "Action", "Romance", "Horror", "Sci-Fi", "Mystery", "Crime", "Adventure"]
COUNTRIES = ["KR", "GB", "US", "FR", "JP", "DE", "IN", "BR", "NG", "MX"]
WARNINGS = ["violence", "profanity", "alcohol", "smoking", "frightening", "death-grief", "medical"]
ENDINGS = ["happy", "sad", "bittersweet", "open", "ambiguous"]
VERDICTS = ["must-watch", "worth-watching", "mixed"]


def sentence(rng: random.Random, low: int = 8, high: int = 16) -> str:
    words: list[str] = []
    for _ in range(rng.randint(low, high)):
        word = rng.choice(WORDS)
        while words and word == words[-1]:  # a doubled word is a finding (RL604)
            word = rng.choice(WORDS)
        words.append(word)
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "\n".join(pad + line for line in textwrap.wrap(text, 76 - indent))


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def review(rng: random.Random, number: int) -> str:
    title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS).capitalize()} {number}"
    people: list[str] = []
    while len(people) < 8:  # everyone distinct: a repeated name is a finding (RL506)
        name = person(rng)
        if name not in people:
            people.append(name)
    cast, (director, writer_a, writer_b) = people[:5], people[5:]
    year = rng.randint(1960, 2022)
    genres = rng.sample(GENRES, 3)
    warnings = rng.sample(WARNINGS, 3)
    rating = rng.randint(6, 10)
    lines = [
        'schema_version: "1.0"',
        "film:",
        f"  title: {title}",
        f"  year: {year}",
        f"  runtime_minutes: {rng.randint(80, 170)}",
        f"  genres: [{', '.join(genres)}]",
        f"  countries: [{rng.choice(COUNTRIES)}]",
        "  original_language: en",
        f"  directors: [{director}]",
        f"  writers: [{writer_a}, {writer_b}]",
        "  cast:",
    ]
    for index, name in enumerate(cast):
        if index < 3:
            lines += [f"    - name: {name}", f"      character: {rng.choice(FIRST)}"]
        else:
            lines.append(f"    - {name}")
    lines += [
        "  ids:",
        f"    imdb: tt{rng.randint(1000000, 99999999):07d}",
        "rating:",
        f"  value: {rating}",
        "  min: 1",
        "  max: 10",
        "  step: 1",
        "external_ratings:",
        "  - source: imdb",
        f"    value: {rng.randint(50, 90) / 10}",
        "    max: 10",
        "review:",
        f"  headline: \"{title}: {sentence(rng, 4, 7)[:-1]}\"",
        "  logline: >-",
        block(paragraph(rng, 2), 4),
        "  synopsis:",
        "    text: >-",
        block(paragraph(rng, 4), 6),
        "    spoiler: false",
        "  body:",
    ]
    for _ in range(4):
        lines += ["    - >-", block(paragraph(rng, 4), 6)]
    lines += [
        "  memorable_scene:",
        "    text: >-",
        block(paragraph(rng, 2), 6),
        "    spoiler: false",
        "  memorable_dialogue:",
        f"    - quote: {sentence(rng, 5, 9)}",
        f"      speaker: {rng.choice(FIRST)}",
        "  recommendation:",
        f"    verdict: {rng.choice(VERDICTS) if rating >= 7 else 'mixed'}",
        "content_warnings:",
        *[f"  - {w}" for w in warnings],
        "ending:",
        f"  type: {rng.choice(ENDINGS)}",
        "  spoiler: true",
        "spoilers: minor",
        "author:",
        f"  name: {person(rng)}",
        "language: en",
        f'published: "{rng.randint(year, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"',
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}x]",
    ]
    return "\n".join(lines) + "\n"


MISTAKES = (
    lambda text: text.replace("  runtime_minutes: ", "  runtime_minutes: about ", 1),
    lambda text: text.replace("spoilers: minor", "spoilers: minor\nratting: 7", 1),
    lambda text: text.replace("content_warnings:\n", "content_warnings:\n  - sexual-violance\n", 1),
    lambda text: text.replace("film:\n", "film: [\n", 1),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--invalid", type=int, default=10, help="how many files carry a mistake")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    invalid = set(rng.sample(range(args.count), min(args.invalid, args.count)))
    for number in range(args.count):
        text = review(rng, number)
        if number in invalid:
            text = MISTAKES[number % len(MISTAKES)](text)
        (args.out / f"review-{number:05d}.yaml").write_text(text, encoding="utf-8")
    print(f"wrote {args.count} reviews ({len(invalid)} with a mistake) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
