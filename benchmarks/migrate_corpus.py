"""How many hand-checked facts of real legacy posts `migrate` puts in their own field.

    .venv/bin/python benchmarks/migrate_corpus.py [--shared ../shared] [--json] [--details]

Runs the package API (`reviewlint.migrate.migrate_file`) over
`<shared>/legacy-corpus/posts/*` and the Markdown files of `<shared>/legacy-corpus/exports/`,
and compares every result with the file's `*.expected.yaml` (see that folder's README). The
corpus is third-party text: it is read in place, never copied.

How the comparison is made (the same rules for every post):

- Names and titles are compared after normalisation: Unicode NFKC, case folded, curly quotes
  made straight, surrounding quotes and punctuation dropped, runs of whitespace made one space.
- Lists (directors, writers, cast, genres): each expected item counts once, found when an
  item of the output's list (a cast entry's `name`) normalises to it.
- Year and runtime: the integer must be equal.
- Rating value: a number must be equal; a letter grade ("A-") must equal the output's
  `original` after normalisation. Rating scale: a stated maximum must equal `rating.max`;
  where the text states no maximum, the output must have no `max` (a letter grade may keep
  the letter-grade scale, whose letters are the scale, with the letter in `original`).
- Refused: a post for which no result holds data.
- Invented: a field listed under `absent_fields` filled anyway, or a `must_not` trap taken
  (the trap's text, or a year/number/name in it, landing in the trap's field while it is
  not also the expected value).
- Unaccounted: non-blank lines of input with no ledger record.
- Check errors: load (RL0xx) or schema (RL1xx) diagnostics of the rendered output, other than
  RL101 for a required key the source does not state (the title a post never names).

CSV exports are scored on their three `sample_rows` each, read with `include_unreviewed` (a ratings or
diary export has no review text), each sample found through its result's part ("row N"): title, year
(none when the row states none) and rating value (`expect`'s, else the row's Rating cell; none when
empty). A row with neither review text nor rating is not a review: its leaving out is counted on its
own line, and its rating as right when none is invented; its title and year are not scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

FIELDS = ("title", "year", "runtime", "directors", "writers", "cast", "genres", "rating value", "rating scale",
          "author")
LIST_FIELDS = {"directors": "directors", "writers": "writers", "cast": "cast", "genres": "genres"}
# absent_fields name -> where the output would hold it.
ABSENT_PATHS = {"title": ("film", "title"), "year": ("film", "year"), "runtime": ("film", "runtime_minutes"),
                "genres": ("film", "genres"), "countries": ("film", "countries"),
                "directors": ("film", "directors"), "writers": ("film", "writers"), "cast": ("film", "cast"),
                "rating": ("rating",), "author": ("author", "name"), "certification": ("film", "certification")}
MISSING_KEY = "RL101"
CSV_FIELDS = ("title", "year", "rating", "left out (nothing to convert)")


def norm(text: Any) -> str:
    value = unicodedata.normalize("NFKC", str(text)).casefold()
    value = value.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    value = " ".join(value.split())
    return value.strip(" \"'.,;:!*_-–—")


def _get(data: Any, path: Iterable[str]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _names(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name", "")
        names.append(norm(item))
    return names


@dataclass
class Tally:
    found: int = 0
    expected: int = 0

    def add(self, found: bool) -> None:
        self.expected += 1
        self.found += bool(found)

    def percent(self) -> float:
        return 100.0 * self.found / self.expected if self.expected else 100.0


@dataclass
class PostOutcome:
    name: str
    refused: str | None = None
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)
    unaccounted: int = 0
    check_errors: list[str] = field(default_factory=list)
    reviews: int = 0


@dataclass
class Measure:
    fields: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    csv: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in CSV_FIELDS})
    posts: list[PostOutcome] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        return Tally(sum(t.found for t in self.fields.values()), sum(t.expected for t in self.fields.values()))

    @property
    def refused(self) -> int:
        return sum(1 for post in self.posts if post.refused)

    @property
    def invented(self) -> int:
        return sum(len(post.invented) for post in self.posts)

    @property
    def unaccounted(self) -> int:
        return sum(post.unaccounted for post in self.posts)

    @property
    def check_failures(self) -> int:
        return sum(1 for post in self.posts if post.check_errors)

    def table(self) -> str:
        rows = ["| field | in its own field |", "|---|---|"]
        for name, tally in self.fields.items():
            rows.append(f"| {name} | {tally.found}/{tally.expected} ({tally.percent():.0f}%) |")
        total = self.total
        rows.append(f"| **all facts** | **{total.found}/{total.expected} ({total.percent():.1f}%)** |")
        for name, tally in self.csv.items():
            rows.append(f"| CSV sample rows: {name} | {tally.found}/{tally.expected} |")
        rows.append(f"| posts refused | {self.refused} of {len(self.posts)} |")
        rows.append(f"| facts invented | {self.invented} |")
        rows.append(f"| lines unaccounted | {self.unaccounted} |")
        rows.append(f"| outputs failing check (load/schema) | {self.check_failures} |")
        return "\n".join(rows)


def _rating_found(expected: dict[str, Any], rating: Any) -> tuple[bool, bool]:
    """(value right, scale right) for the output's rating."""
    if not isinstance(rating, dict):
        return False, False
    value = expected.get("value")
    original = rating.get("original")
    if isinstance(value, str):
        value_ok = original is not None and norm(original) == norm(value)
    else:
        value_ok = (isinstance(rating.get("value"), (int, float)) and isinstance(value, (int, float))
                    and abs(float(rating["value"]) - float(value)) < 1e-9)
    maximum = expected.get("max")
    if maximum is None:
        letter = isinstance(value, str) and re.fullmatch(r"[a-f][+-]?", norm(value)) is not None
        scale_ok = "max" not in rating or (letter and value_ok and rating.get("max") == 12)
    else:
        scale_ok = rating.get("max") == maximum
    return value_ok, scale_ok


def _score_review(expected: dict[str, Any], data: dict[str, Any], measure: Measure, outcome: PostOutcome) -> None:
    film_expected = expected.get("film") or {}
    film = data.get("film") or {}

    def tally(name: str, found: bool, what: str) -> None:
        measure.fields[name].add(found)
        if not found:
            outcome.missed.append(f"{name}: {what}")

    if "title" in film_expected:
        tally("title", norm(film.get("title", "")) == norm(film_expected["title"]), repr(film_expected["title"]))
    if "year" in film_expected:
        tally("year", film.get("year") == film_expected["year"], str(film_expected["year"]))
    if "runtime_minutes" in film_expected:
        tally("runtime", film.get("runtime_minutes") == film_expected["runtime_minutes"],
              str(film_expected["runtime_minutes"]))
    for name, key in LIST_FIELDS.items():
        got = _names(film.get(key))
        for item in film_expected.get(key) or []:
            tally(name, norm(item) in got, repr(item))
    rating_expected = expected.get("rating")
    if isinstance(rating_expected, dict) and "value" in rating_expected:
        value_ok, scale_ok = _rating_found(rating_expected, data.get("rating"))
        tally("rating value", value_ok, repr(rating_expected.get("text")))
        tally("rating scale", scale_ok, f"max {rating_expected.get('max')}")
    if expected.get("author"):
        tally("author", norm(_get(data, ("author", "name")) or "") == norm(expected["author"]),
              repr(expected["author"]))


def _numbers(text: str) -> set[float]:
    return {float(found) for found in re.findall(r"\d+(?:\.\d+)?", text)}


def _contains_word(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def _trap_taken(trap: dict[str, Any], expected: dict[str, Any], data: dict[str, Any]) -> bool:
    field_name = str(trap.get("field", "")).removeprefix("film.")
    text = str(trap.get("text", ""))
    film = data.get("film") or {}
    film_expected = expected.get("film") or {}
    if field_name == "title":
        got = norm(film.get("title", ""))
        return bool(got) and got != norm(film_expected.get("title", "\0")) and _contains_word(norm(text), got)
    if field_name == "year":
        year = film.get("year")
        return year is not None and year != film_expected.get("year") and float(year) in _numbers(text)
    if field_name in ("runtime_minutes", "runtime_text"):
        minutes = film.get("runtime_minutes")
        return (minutes is not None and minutes != film_expected.get("runtime_minutes")
                and float(minutes) in _numbers(text))
    if field_name in LIST_FIELDS:
        allowed = {norm(item) for item in film_expected.get(field_name) or []}
        return any(name not in allowed and _contains_word(norm(text), name) for name in _names(film.get(field_name)))
    if field_name == "author":
        got = norm(_get(data, ("author", "name")) or "")
        return bool(got) and got != norm(expected.get("author") or "\0") and _contains_word(norm(text), got)
    if field_name == "rating":
        rating = data.get("rating")
        if not isinstance(rating, dict):
            return False
        value_ok, _ = _rating_found(expected.get("rating") or {"value": None}, rating) if expected.get(
            "rating") else (False, False)
        if value_ok:
            return False
        original = norm(rating.get("original", "")) if rating.get("original") else ""
        return (bool(original) and _contains_word(norm(text), original)) or float(rating.get("value", -1)) in _numbers(
            text)
    if field_name == "certification":
        cert = _get(data, ("film", "certification", "value"))
        return cert is not None and norm(cert) != norm(film_expected.get("certification", "\0")) and _contains_word(
            norm(text), norm(cert))
    if field_name == "synopsis":
        synopsis = _get(data, ("review", "synopsis", "text"))
        return isinstance(synopsis, str) and norm(text) in norm(synopsis)
    return False  # fields the review format has no home for (publisher, labelled sections)


def _invented(expected: dict[str, Any], data: dict[str, Any]) -> list[str]:
    found = []
    for name in expected.get("absent_fields") or []:
        path = ABSENT_PATHS.get(name)
        value = _get(data, path) if path else None
        if value not in (None, [], {}, ""):
            found.append(f"{name} is absent from the text but the output has {value!r}")
    for trap in expected.get("must_not") or []:
        if _trap_taken(trap, expected, data):
            found.append(f"trap taken: {trap['field']} from {trap['text']!r}")
    return found


def _check_errors(data: dict[str, Any], rendered: str | None) -> list[str]:
    from reviewlint.engine import check_text
    from reviewlint.formatting import emit_canonical

    text = rendered if rendered is not None else emit_canonical(data, schema_comment=True)
    errors = []
    for diagnostic in check_text(text, "<migrated>"):
        code = diagnostic.code
        if code.startswith(("RL0", "RL1")) and code != MISSING_KEY:
            errors.append(f"{diagnostic.line}:{diagnostic.col} {code} {diagnostic.message}")
    return errors


def score_post(path: Path, expected: dict[str, Any], measure: Measure) -> PostOutcome:
    from reviewlint.migrate import migrate_file

    outcome = PostOutcome(path.name)
    from reviewlint.migrate import Status

    results = migrate_file(path)
    # What the CLI would write: a result with data and no error.
    converted = [result for result in results if result.data is not None
                 and result.status in (Status.CONVERTED, Status.WARNINGS)]
    outcome.reviews = len(converted)
    if not converted:
        reasons = [issue.message for result in results for issue in result.issues]
        outcome.refused = "; ".join(reasons) or (results[0].skipped if results else "no result") or "refused"
        _score_review(expected, {}, measure, outcome)
        return outcome
    # A post that was split: score the review that names the expected film, else the first.
    title = norm((expected.get("film") or {}).get("title", "\0"))
    main = next((r for r in converted if norm(_get(r.data, ("film", "title")) or "") == title), converted[0])
    assert main.data is not None
    _score_review(expected, main.data, measure, outcome)
    outcome.invented = _invented(expected, main.data)
    for result in converted:
        assert result.data is not None
        outcome.unaccounted += len(result.accounting.unaccounted())
        outcome.check_errors += _check_errors(result.data, result.rendered)
    return outcome


def results_by_row(results: Iterable[Any]) -> dict[int, Any]:
    """The CSV reader's results keyed by record number, read from their part ("row N", header = 1).

    Rows that hold neither review text nor a rating are not reviews and yield no result, so a
    result's position in the list is not its row.
    """
    by_row = {}
    for result in results:
        words = (result.part or "").split()
        if len(words) == 2 and words[0] == "row" and words[1].isdigit():
            by_row[int(words[1])] = result
    return by_row


def sample_result(by_row: dict[int, Any], sample: dict[str, Any]) -> Any:
    """The result for an expected file's sample row (`row` counts records from 1 after the header)."""
    return by_row.get(int(sample["row"]) + 1)


def _holds_nothing_to_convert(fields: dict[str, Any]) -> bool:
    """No review text and no rating: not a review, even with `include_unreviewed`."""
    texts = (value for key, value in fields.items() if key in ("Review", "Review_prefix", "Rating"))
    return not any(str(value).strip() for value in texts)


def _expected_rating(fields: dict[str, Any], expect: dict[str, Any]) -> float | None:
    """The rating value a sample row must give: `expect` when it says, else the row's Rating cell."""
    if "rating_value" in expect:
        return None if expect["rating_value"] is None else float(expect["rating_value"])
    if "rating" in expect and expect["rating"] is None:
        return None
    rating = str(fields.get("Rating") or "").strip()
    return float(rating) if rating else None


def score_csv(path: Path, expected: dict[str, Any], measure: Measure) -> None:
    from reviewlint.migrate import MigrateOptions, migrate_file

    # Ratings and diary exports have no review column: their rated rows are reviews only with
    # `include_unreviewed` (the CLI's --include-unreviewed), which a user migrating them passes.
    by_row = results_by_row(migrate_file(path, options=MigrateOptions(include_unreviewed=True)))
    for sample in expected.get("sample_rows") or []:
        result = sample_result(by_row, sample)
        data = result.data if result is not None and result.data is not None else {}
        fields = sample.get("fields") or {}
        expect = sample.get("expect") or {}
        if _holds_nothing_to_convert(fields):
            # Not a review: leaving the row out is right, and no rating may be invented for it.
            measure.csv["left out (nothing to convert)"].add(result is None)
            measure.csv["rating"].add(data.get("rating") is None)
            continue
        film = data.get("film") or {}
        if "Name" in fields:
            measure.csv["title"].add(norm(film.get("title", "")) == norm(fields["Name"]))
        year = expect["year"] if "year" in expect else (int(fields["Year"]) if fields.get("Year") else None)
        measure.csv["year"].add(film.get("year") == year)
        rating = data.get("rating")
        rating_expected = _expected_rating(fields, expect)
        if rating_expected is None:
            measure.csv["rating"].add(rating is None)
        else:
            measure.csv["rating"].add(isinstance(rating, dict) and rating.get("value") == rating_expected)


def measure_corpus(shared: Path) -> Measure:
    corpus = shared / "legacy-corpus"
    measure = Measure()
    texts = sorted(p for p in (corpus / "posts").iterdir() if not p.name.endswith(".expected.yaml"))
    exports = sorted(p for p in (corpus / "exports").iterdir() if not p.name.endswith(".expected.yaml"))
    for path in [*texts, *(p for p in exports if p.suffix == ".md")]:
        expected_path = path.with_name(path.stem + ".expected.yaml")
        if not expected_path.exists():
            expected_path = path.with_name(path.name + ".expected.yaml")
        expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
        measure.posts.append(score_post(path, expected, measure))
    for path in (p for p in exports if p.suffix == ".csv"):
        expected = yaml.safe_load(path.with_name(path.name + ".expected.yaml").read_text(encoding="utf-8"))
        score_csv(path, expected, measure)
    return measure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared",
                        help="the shared folder holding legacy-corpus/ (default: ../shared beside the repository)")
    parser.add_argument("--details", action="store_true", help="list every missed fact, invention and refusal")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.shared / "legacy-corpus").is_dir():
        print(f"no legacy-corpus folder under {args.shared}", file=sys.stderr)
        return 2
    measure = measure_corpus(args.shared)
    if args.json:
        print(json.dumps({
            "fields": {name: [t.found, t.expected] for name, t in measure.fields.items()},
            "total": [measure.total.found, measure.total.expected],
            "csv": {name: [t.found, t.expected] for name, t in measure.csv.items()},
            "refused": measure.refused, "invented": measure.invented, "unaccounted": measure.unaccounted,
            "check_failures": measure.check_failures}, indent=1))
        return 0
    print(measure.table())
    if args.details:
        for post in measure.posts:
            lines = ([f"refused: {post.refused}"] if post.refused else []) + [f"missed {m}" for m in post.missed] + [
                f"INVENTED {i}" for i in post.invented] + [f"check: {c}" for c in post.check_errors]
            if post.reviews > 1:
                lines.append(f"split into {post.reviews} reviews")
            if lines:
                print(f"\n{post.name}:")
                for line in lines:
                    print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
