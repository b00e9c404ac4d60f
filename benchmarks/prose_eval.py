"""How well the prose rules read real reviews: RL303 (content warnings) and RL405 (endings).

    .venv/bin/python benchmarks/prose_eval.py                 # ../shared/prose-eval
    .venv/bin/python benchmarks/prose_eval.py path/to/set --json

The set is a folder with `content-warnings.jsonl` and `endings.jsonl` (format in its
README). Each sentence is checked in-process with `reviewlint.check_text`, as the only
paragraph of an otherwise minimal English review:

- content warnings: `review.body: [<sentence>]`, `content_warnings: []`, `spoilers: minor`.
  Every slug RL303 names is a prediction for that sentence.
- endings: `review.body: [<sentence>]`, no spoiler marking anywhere, `spoilers: minor`
  (RL405 skips reviews that declare `spoilers: major`). A sentence counts as flagged when
  RL405 reports anything in it.

Labels that differ from the vocabulary: the set's `death` is the vocabulary's
`death-grief` (same meaning), and `eating-disorder` has no slug in the vocabulary (schema
1.0 is pinned), so RL303 cannot name it: it is shown on its own row and left out of the
overall figures. A prediction on a sentence whose only label is `eating-disorder` is
still a false positive (the sentence names nothing the vocabulary has).

"Idioms and negations flagged" is the share of the sentences marked `idiom` or `negated`
on which RL303 names a slug the sentence is not labelled with.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE.parent.parent / "shared" / "prose-eval"

# The set's label -> the vocabulary's slug; None: no slug, not scored.
LABEL_TO_SLUG: dict[str, str | None] = {"death": "death-grief", "eating-disorder": None}

_REVIEW = """\
schema_version: "1.0"
film:
  title: Untitled
  year: 2020
review:
  body:
    - {sentence}
content_warnings: []
spoilers: minor
author:
  name: Eval
language: en
"""


def review_with(sentence: str) -> str:
    # A JSON string is a YAML double-quoted scalar; ensure_ascii=False keeps astral characters
    # literal (YAML has no surrogate-pair escapes).
    return _REVIEW.format(sentence=json.dumps(sentence, ensure_ascii=False))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Counts:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        labelled = self.true_positive + self.false_negative
        return self.true_positive / labelled if labelled else 1.0


@dataclass
class Result:
    per_slug: dict[str, Counts] = field(default_factory=dict)
    overall: Counts = field(default_factory=Counts)
    unscored: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (sentences, any flag)
    figurative_total: int = 0
    figurative_flagged: int = 0
    endings: Counts = field(default_factory=Counts)
    endings_by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (sentences, flagged)
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def figurative_share(self) -> float:
        return self.figurative_flagged / self.figurative_total if self.figurative_total else 0.0

    def as_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, Any]:
            return {"tp": c.true_positive, "fp": c.false_positive, "fn": c.false_negative,
                    "precision": round(c.precision, 3), "recall": round(c.recall, 3)}

        return {"content_warnings": {"overall": counts(self.overall),
                                     "per_slug": {k: counts(v) for k, v in sorted(self.per_slug.items())},
                                     "unscored": self.unscored,
                                     "idioms_and_negations_flagged": round(self.figurative_share, 3)},
                "endings": {**counts(self.endings), "by_kind": self.endings_by_kind},
                "seconds": round(self.seconds, 2)}


def _settings(code: str) -> Any:
    from reviewlint.config import Settings

    return Settings(select=(code,))


def flagged_slugs(sentence: str, settings: Any = None) -> set[str]:
    """The slugs RL303 names for `sentence` alone."""
    from reviewlint import check_text

    diagnostics = check_text(review_with(sentence), settings=settings or _settings("RL303"))
    slugs: set[str] = set()
    for diagnostic in diagnostics:
        if diagnostic.code != "RL303":
            continue
        fix = diagnostic.fix
        if fix is not None and fix.edits:
            slugs.add(str(fix.edits[0].value))
    return slugs


def flags_ending(sentence: str, settings: Any = None) -> bool:
    from reviewlint import check_text

    return any(d.code == "RL405" for d in check_text(review_with(sentence), settings=settings or _settings("RL405")))


def _scored(labels: Iterable[str]) -> tuple[set[str], set[str]]:
    """(vocabulary slugs, labels the vocabulary has no slug for)."""
    slugs: set[str] = set()
    unscored: set[str] = set()
    for label in labels:
        if label == "none":
            continue
        mapped = LABEL_TO_SLUG.get(label, label)
        if mapped is None:
            unscored.add(label)
        else:
            slugs.add(mapped)
    return slugs, unscored


def measure(set_dir: Path, *, keep_misses: bool = False) -> Result:
    result = Result()
    started = time.perf_counter()
    content_settings, ending_settings = _settings("RL303"), _settings("RL405")
    for item in read_jsonl(set_dir / "content-warnings.jsonl"):
        expected, unscored = _scored(item["labels"])
        predicted = flagged_slugs(item["text"], content_settings)
        for label in unscored:
            total, flagged = result.unscored.get(label, (0, 0))
            result.unscored[label] = (total + 1, flagged + bool(predicted))
        for slug in expected | predicted:
            counts = result.per_slug.setdefault(slug, Counts())
            if slug in expected and slug in predicted:
                counts.true_positive += 1
                result.overall.true_positive += 1
            elif slug in predicted:
                counts.false_positive += 1
                result.overall.false_positive += 1
            else:
                counts.false_negative += 1
                result.overall.false_negative += 1
        wrong = predicted - expected
        if item.get("idiom") or item.get("negated"):
            result.figurative_total += 1
            result.figurative_flagged += bool(wrong)
        if keep_misses and (wrong or expected - predicted):
            result.misses.append(f"{item['id']} want {sorted(expected)} got {sorted(predicted)}: {item['text']}")
    for item in read_jsonl(set_dir / "endings.jsonl"):
        wanted = bool(item["describes_ending"])
        got = flags_ending(item["text"], ending_settings)
        total, flagged = result.endings_by_kind.get(item["kind"], (0, 0))
        result.endings_by_kind[item["kind"]] = (total + 1, flagged + got)
        if wanted and got:
            result.endings.true_positive += 1
        elif got:
            result.endings.false_positive += 1
        elif wanted:
            result.endings.false_negative += 1
        if keep_misses and wanted != got:
            result.misses.append(f"{item['id']} {item['kind']} got {got}: {item['text']}")
    result.seconds = time.perf_counter() - started
    return result


def table(result: Result) -> str:
    lines = ["| content warning | precision | recall | TP | FP | FN |", "|---|---|---|---|---|---|"]
    for slug, c in sorted(result.per_slug.items()):
        lines.append(f"| `{slug}` | {c.precision:.2f} | {c.recall:.2f} | {c.true_positive} | {c.false_positive} | "
                     f"{c.false_negative} |")
    c = result.overall
    lines.append(f"| **overall** | **{c.precision:.2f}** | **{c.recall:.2f}** | {c.true_positive} | "
                 f"{c.false_positive} | {c.false_negative} |")
    for label, (total, flagged) in sorted(result.unscored.items()):
        lines.append(f"| `{label}` (no slug, not scored) | | | {flagged} of {total} sentences flagged | | |")
    lines.append("")
    lines.append(f"Idiom and negation sentences wrongly flagged: {result.figurative_flagged} of "
                 f"{result.figurative_total} ({result.figurative_share:.0%}).")
    e = result.endings
    lines.append("")
    lines.append("| endings (RL405) | precision | recall | TP | FP | FN |")
    lines.append("|---|---|---|---|---|---|")
    lines.append(f"| overall | {e.precision:.2f} | {e.recall:.2f} | {e.true_positive} | {e.false_positive} | "
                 f"{e.false_negative} |")
    for kind, (total, flagged) in sorted(result.endings_by_kind.items()):
        lines.append(f"| `{kind}` | {flagged} of {total} flagged | | | | |")
    lines.append("")
    lines.append(f"({result.seconds:.1f} s)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", nargs="?", type=Path, default=DEFAULT_SET,
                        help="folder with content-warnings.jsonl and endings.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--misses", action="store_true", help="list every sentence scored wrong")
    args = parser.parse_args(argv)
    if not (args.set_dir / "content-warnings.jsonl").is_file():
        print(f"no content-warnings.jsonl in {args.set_dir}", file=sys.stderr)
        return 2
    result = measure(args.set_dir, keep_misses=args.misses)
    print(json.dumps(result.as_dict(), indent=2) if args.json else table(result))
    if args.misses:
        print("\n".join(["", *result.misses]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
