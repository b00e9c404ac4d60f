"""Run the fuzz properties of tests/test_fuzz.py for much longer than CI does.

    python benchmarks/fuzz.py --examples 20000
    python benchmarks/fuzz.py --examples 5000 --only mutated_review --seed 7
    python benchmarks/fuzz.py --token-seeds 20000 [--first-seed 0] [--suite] [--time-limit 10]

For each property: examples run, whether it failed (with hypothesis's shrunk example and
the error), and wall time. With --token-seeds, no hypothesis: that many example reviews
mutated at the YAML token level (tests/yaml_mutations.py, seed by seed, each reproducible
with `mutated(seed)`) go through check, check --fix, format, export and migrate, and the
run prints a table counting tracebacks, RL999, time-outs, positions outside the file,
meaning changes, non-idempotent formats and emitter refusals, with the first seeds of
each. --suite also sends every stream of the YAML test suite (../shared/yaml-test-suite)
through the same pipeline and compares each formatted stream with its in.json. Exit 1 if
anything failed. Needs the test dependencies (hypothesis, pytest) and reviewlint installed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

TESTS = Path(__file__).resolve().parents[1] / "tests"


@dataclass(slots=True)
class Outcome:
    name: str
    examples: int
    seconds: float
    failure: str | None


def run_property(name: str, strategy: SearchStrategy[Any], check: Callable[[Any], None], examples: int,
                 seed: int | None) -> Outcome:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fixed_seed

    count = 0

    def counted(value: Any) -> None:
        nonlocal count
        count += 1
        check(value)

    configured = settings(max_examples=examples, deadline=None, database=None, print_blob=True,
                          suppress_health_check=list(HealthCheck))
    test: Callable[[], None] = configured(given(strategy)(counted))
    if seed is not None:
        test = fixed_seed(seed)(test)
    started = time.perf_counter()
    failure = None
    try:
        test()
    except Exception:  # hypothesis re-raises the shrunk failure with the example in its notes
        failure = traceback.format_exc(limit=-3)
    return Outcome(name, count, time.perf_counter() - started, failure)


def run_token_seeds(first: int, count: int, time_limit: float) -> int:
    """The token-level mutations, counted by kind of problem; the number of failing seeds."""
    from yaml_mutations import KINDS, mutated, run_pipeline

    counts = dict.fromkeys(KINDS, 0)
    first_seeds: dict[str, list[int]] = {kind: [] for kind in KINDS}
    examples: dict[str, str] = {}
    failing = formatted = 0
    times: list[float] = []
    started = time.perf_counter()
    for seed in range(first, first + count):
        _names, data = mutated(seed)
        outcome = run_pipeline(data, time_limit=time_limit)
        times.append(outcome.seconds)
        formatted += outcome.formatted
        failing += bool(outcome.problems)
        for kind, found in outcome.problems.items():
            counts[kind] += 1
            if len(first_seeds[kind]) < 5:
                first_seeds[kind].append(seed)
            examples.setdefault(kind, found[0])
        if (seed - first + 1) % 500 == 0:  # a long run cut short still says how far it got
            print(f"after {seed - first + 1} inputs ({time.perf_counter() - started:.0f} s): "
                  + ", ".join(f"{kind} {number}" for kind, number in counts.items()), flush=True)
    elapsed = time.perf_counter() - started
    times.sort()
    print(f"token mutations: seeds {first}..{first + count - 1}: {count} inputs in {elapsed:.0f} s, "
          f"{formatted} formatted; per input median {times[len(times) // 2] * 1000:.0f} ms, "
          f"p99 {times[int(len(times) * 0.99)] * 1000:.0f} ms, max {times[-1]:.2f} s")
    print("| problem | inputs | first seeds |\n|---|---|---|")
    for kind in KINDS:
        print(f"| {kind} | {counts[kind]} | {', '.join(map(str, first_seeds[kind])) or '-'} |")
    for kind, example in examples.items():
        print(f"\n{kind}: {example}", file=sys.stderr)
    return failing


def run_suite(time_limit: float) -> int:
    """Every stream of the YAML test suite through the pipeline, formatted data against in.json."""
    import json

    from reviewlint.formatting import FormatRefused, VerifyFailed, format_text
    from reviewlint.formatting.verify import same_data
    from yaml_mutations import run_pipeline

    root = Path(__file__).resolve().parents[2] / "shared" / "yaml-test-suite"
    if not root.is_dir():
        print(f"yaml-test-suite: not found at {root}; skipped")
        return 0
    failing = compared = 0
    for stream in sorted(path.parent for path in root.rglob("in.yaml")):
        data = (stream / "in.yaml").read_bytes()
        outcome = run_pipeline(data, time_limit=time_limit)
        problems = dict(outcome.problems)
        expected = stream / "in.json"
        if outcome.formatted and expected.exists() and not (stream / "error").exists():
            try:
                formatted = format_text(data.decode("utf-8"))
            except (FormatRefused, VerifyFailed, UnicodeDecodeError):
                formatted = None
            if formatted is not None:
                from reviewlint.document import load_text

                compared += 1
                wanted = json.loads(expected.read_text(encoding="utf-8")) if expected.read_text().strip() else None
                if not same_data(load_text(formatted).data, wanted):
                    problems.setdefault("meaning", []).append("formatted data differs from in.json")
        if problems:
            failing += 1
            print(f"yaml-test-suite {stream.relative_to(root)}: {problems}", file=sys.stderr)
    print(f"yaml-test-suite: {failing} streams with problems; {compared} formatted streams compared with in.json")
    return failing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=20000, help="examples per property [20000]")
    parser.add_argument("--only", action="append", help="run only this property (repeatable)")
    parser.add_argument("--seed", type=int, help="hypothesis seed, to repeat a run")
    parser.add_argument("--token-seeds", type=int, help="run the token-level mutations over this many seeds "
                        "(no hypothesis), counting problems by kind")
    parser.add_argument("--first-seed", type=int, default=0, help="first seed of --token-seeds [0]")
    parser.add_argument("--suite", action="store_true", help="with --token-seeds: the YAML test suite too")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per input before it counts as "
                        "a time-out [10]")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(TESTS))
    if args.token_seeds:
        failing = run_token_seeds(args.first_seed, args.token_seeds, args.time_limit)
        if args.suite:
            failing += run_suite(args.time_limit)
        return 1 if failing else 0
    module = importlib.import_module("test_fuzz")
    properties: dict[str, tuple[SearchStrategy[Any], Callable[[Any], None]]] = module.PROPERTIES

    names = args.only or list(properties)
    unknown = sorted(set(names) - set(properties))
    if unknown:
        parser.error(f"unknown property {', '.join(unknown)} (known: {', '.join(properties)})")
    outcomes: list[Outcome] = []
    for name in names:
        strategy, check = properties[name]
        outcome = run_property(name, strategy, check, args.examples, args.seed)
        outcomes.append(outcome)
        status = "FAILED" if outcome.failure else "ok"
        print(f"{name:16} {outcome.examples:>8} examples  {outcome.seconds:8.1f} s  "
              f"{outcome.examples / max(outcome.seconds, 1e-9):7.0f}/s  {status}", flush=True)
        if outcome.failure:
            print(outcome.failure, file=sys.stderr)
    total = sum(o.examples for o in outcomes)
    failed = sum(1 for o in outcomes if o.failure)
    print(f"{'total':16} {total:>8} examples  {sum(o.seconds for o in outcomes):8.1f} s  "
          f"{failed} propert{'y' if failed == 1 else 'ies'} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
