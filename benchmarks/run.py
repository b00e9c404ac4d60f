"""Time `reviewlint check` against its peers on one generated corpus.

    python -m venv /tmp/bench && /tmp/bench/bin/pip install . -r benchmarks/requirements.txt
    /tmp/bench/bin/python benchmarks/run.py --sizes 1000,10000 --repeat 3

Every command runs as a whole process (start-up included), the tools alternating within
each round so that machine noise falls on all of them alike. Reported: median wall time,
ratio to check-jsonschema (with ruamel.yaml.clib, its fast install), per-file cost, and the
peak RSS of the largest single process (reviewlint's workers included). Scaling from the
smallest to the largest size shows whether cost per file stays flat.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SCHEMA = REPO / "schema" / "film-review" / "1.0.json"


@dataclass
class Tool:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    setup: list[str] | None = None  # run once, untimed, before each timing (cache warm-up)


def find(executable: str) -> str | None:
    beside = Path(sys.executable).parent / executable
    return str(beside) if beside.exists() else shutil.which(executable)


def run_once(tool: Tool, files: list[str]) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KiB of the largest process of this run)."""
    env = {**os.environ, **tool.env}
    if tool.setup is not None:
        subprocess.run(tool.setup, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    completed = subprocess.run([*tool.argv, *files], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    # ru_maxrss of children is a high-water mark: only a rise is attributable to this run.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, completed.returncode, peak if peak > before else 0


def peak_rss_isolated(tool: Tool, files: list[str]) -> int:
    """Peak RSS of the largest process of one run, measured in a fresh child so earlier
    runs' high-water marks cannot hide it."""
    # The command travels on stdin: one argv string may not exceed 128 KiB on Linux.
    code = ("import resource, subprocess, sys, json;"
            "a = json.load(sys.stdin);"
            "subprocess.run(a, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    import json

    out = subprocess.run([sys.executable, "-c", code], input=json.dumps([*tool.argv, *files]),
                         env={**os.environ, **tool.env}, capture_output=True, text=True, check=False)
    try:
        return int(out.stdout.strip() or 0)
    except ValueError:
        return 0


def tools(cache_dir: Path, jobs: int) -> list[Tool]:
    found: list[Tool] = []
    reviewlint = find("reviewlint")
    if reviewlint is None:
        sys.exit("reviewlint is not installed in this environment")
    found.append(Tool("reviewlint (cold, --no-cache)", [reviewlint, "check", "--isolated", "--no-cache",
                                                         f"--jobs={jobs}", "--output-format=concise"]))
    found.append(Tool("reviewlint (one core, --no-cache)", [reviewlint, "check", "--isolated", "--no-cache",
                                                             "--jobs=1", "--output-format=concise"]))
    warm = [reviewlint, "check", "--isolated", f"--cache-dir={cache_dir}", f"--jobs={jobs}",
            "--output-format=concise"]
    found.append(Tool("reviewlint (warm cache)", warm, setup=None))
    cjs = find("check-jsonschema")
    if cjs:
        found.append(Tool("check-jsonschema", [cjs, "--schemafile", str(SCHEMA)]))
    yamllint = find("yamllint")
    if yamllint:
        found.append(Tool("yamllint (style only)", [yamllint, "-f", "parsable", "-d", "{extends: default, rules: "
                                                    "{line-length: disable, document-start: disable}}"]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size (median reported)")
    parser.add_argument("--jobs", type=int, default=0, help="reviewlint --jobs (0: all cores)")
    parser.add_argument("--keep", type=Path, help="generate corpora here and keep them")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="reviewlint-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    per_file: dict[str, list[float]] = {}
    try:
        for size in sizes:
            corpus = workdir / f"corpus-{size}"
            if not corpus.exists():
                subprocess.run([sys.executable, str(HERE / "gen_corpus.py"), str(corpus), "--count", str(size),
                                "--invalid", str(max(1, size // 500))], check=True, stdout=subprocess.DEVNULL)
            files = sorted(str(p) for p in corpus.glob("*.yaml"))
            cache_dir = workdir / f"cache-{size}"
            selected = tools(cache_dir, args.jobs)
            # Fill the cache once before any warm timing.
            subprocess.run([*selected[2].argv, *files], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=False)
            times: dict[str, list[float]] = {t.name: [] for t in selected}
            for _ in range(args.repeat):
                for tool in selected:
                    wall, _, _ = run_once(tool, files)
                    times[tool.name].append(wall)
            print(f"\n{size} files ({args.repeat} rounds, median wall time)")
            baseline = statistics.median(times["check-jsonschema"]) if "check-jsonschema" in times else None
            print(f"  {'tool':38} {'median':>9} {'per file':>10} {'vs cjs':>8} {'peak RSS':>10}")
            for tool in selected:
                median = statistics.median(times[tool.name])
                rss = peak_rss_isolated(tool, files)
                ratio = f"{median / baseline:.2f}x" if baseline else "-"
                per_file.setdefault(tool.name, []).append(median / size)
                print(f"  {tool.name:38} {median:8.2f}s {median / size * 1000:8.3f}ms {ratio:>8} "
                      f"{rss / 1024:8.1f}MiB")
            cold = statistics.median(times[selected[0].name])
            one = statistics.median(times[selected[1].name])
            warm = statistics.median(times[selected[2].name])
            print(f"  parallel speed-up {one / cold:.2f}x over one core; warm cache {warm / cold:.2f}x of cold")
        if len(sizes) > 1:
            print("\nscaling (per-file cost, smallest size -> largest):")
            for name, costs in per_file.items():
                print(f"  {name:38} " + " -> ".join(f"{c * 1000:.3f}ms" for c in costs)
                      + f"  ({costs[-1] / costs[0]:.2f}x)")
        one_file = sorted((workdir / f"corpus-{sizes[0]}").glob("*.yaml"))[0]
        print("\none file, as a pre-commit hook runs it (median of 20):")
        for tool in tools(workdir / "cache-one", args.jobs):
            if "warm" in tool.name:
                continue
            walls = [run_once(tool, [str(one_file)])[0] for _ in range(20)]
            print(f"  {tool.name:38} {statistics.median(walls) * 1000:7.1f} ms")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
