"""Run the fuzz properties of tests/test_fuzz.py for much longer than CI does.

    python benchmarks/fuzz.py --examples 20000
    python benchmarks/fuzz.py --examples 5000 --only mutated_review --seed 7

For each property: examples run, whether it failed (with hypothesis's shrunk example and
the error), and wall time. Exit 1 if any property failed. Needs the test dependencies
(hypothesis, pytest) and reviewlint installed.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=20000, help="examples per property [20000]")
    parser.add_argument("--only", action="append", help="run only this property (repeatable)")
    parser.add_argument("--seed", type=int, help="hypothesis seed, to repeat a run")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(TESTS))
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
