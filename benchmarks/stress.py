"""Worst-case files per rule family at 16 KB, 64 KB, 256 KB and 2 MiB: time and memory.

    python benchmarks/stress.py                      # every case, every size
    python benchmarks/stress.py --only prose-folded --sizes 16K,64K
    python benchmarks/stress.py --command format     # `format --check` instead of `check`

Each case is one review whose text is grown to the size by repeating the shape that makes
the most work for one family of rules (a folded paragraph full of findings, a quoted one
with escapes, thousands of content warnings, comments, suppressions, aliases...). Each
file is checked in a fresh process (`reviewlint check --isolated --no-cache`), and the
table gives wall time, CPU time (user + system: on a shared machine, what the run costs
without the wait for a core) and peak memory (the child's maximum resident set size).
The bar: time grows linearly (the 64 KB file within 5x of the 16 KB one, in CPU time)
and every 2 MiB file checks in at most 10 s (CPU) and 500 MB. Exit 1 if a 2 MiB file
misses it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZES = {"16K": 16 * 1024, "64K": 64 * 1024, "256K": 256 * 1024, "2M": 2 * 1024 * 1024 - 4096}
TIME_LIMIT = 10.0
MEMORY_LIMIT_MB = 500
CPU_LIMIT = 60  # seconds of CPU before a run is stopped and shown as "> 60 s CPU"
WALL_LIMIT = 1800.0

HEAD = """schema_version: "1.1"
film:
  title: Quiet Harbour
  year: 2011
  runtime_minutes: 104
  genres: [Drama]
  countries: [PT]
  original_language: pt
  directors: [Ana Sousa]
rating: {value: 7, min: 1, max: 10, step: 1}
review:
  headline: "Quiet Harbour: a lighthouse and the town that forgets it"
  body:
"""
TAIL = """content_warnings: []
spoilers: none
author:
  name: Ines Lago
language: en
published: "2024-03-09"
"""


def grow(head: str, unit: Callable[[int], str], tail: str, size: int) -> str:
    """`head`, then `unit(n)` for n = 0, 1, ... until the text reaches `size` bytes, then `tail`."""
    parts = [head]
    total = len(head.encode()) + len(tail.encode())
    number = 0
    while total < size:
        piece = unit(number)
        parts.append(piece)
        total += len(piece.encode())
        number += 1
    parts.append(tail)
    return "".join(parts)


def folded(lines: Callable[[int], str]) -> Callable[[int], str]:
    """A body paragraph as one folded scalar whose lines are `lines(n)`."""
    def build(size: int) -> str:
        return grow(HEAD + "    - >-\n", lambda n: "      " + lines(n) + "\n", TAIL, size)
    return build


def body_items(item: Callable[[int], str]) -> Callable[[int], str]:
    def build(size: int) -> str:
        return grow(HEAD, lambda n: "    - " + item(n) + "\n", TAIL, size)
    return build


def top_level(unit: Callable[[int], str]) -> Callable[[int], str]:
    def build(size: int) -> str:
        return grow(HEAD + "    - A patient film.\n", unit, TAIL, size)
    return build


def quoted(size: int) -> str:
    return grow(HEAD + '    - "', lambda n: "line  \\nline  \\n", '"\n' + TAIL, size)


def plain_long(size: int) -> str:
    return grow(HEAD + "    - ", lambda n: "the the film film was was potray ", "\n" + TAIL, size)


def content_warnings(size: int) -> str:
    head = HEAD + "    - A patient film.\n" + TAIL.replace("content_warnings: []\n", "")
    return grow(head + "content_warnings:\n", lambda n: "  - strong language\n", "", size)


def aliases(size: int) -> str:
    head = HEAD + "    - &p A patient film about a lighthouse keeper.\n"
    return grow(head, lambda n: "    - *p\n", TAIL, size)


def schema_keys(size: int) -> str:
    return grow(HEAD + "    - A patient film.\n", lambda n: f"  unknwon{n}: {n}\n", TAIL, size)


def metadata_cast(size: int) -> str:
    film, rest = HEAD.split("rating:", 1)
    return grow(film + "  cast:\n", lambda n: f"    - Actor Number {n}\n", "rating:" + rest + "    - A film.\n" + TAIL,
                size)


CASES: dict[str, Callable[[int], str]] = {
    # prose (RL6): misspellings, doubled words, trailing spaces, in every scalar style
    "prose-folded": folded(lambda n: "the actors potray it well and potray it again"),
    "prose-doubled": folded(lambda n: "the the film film was was"),
    "prose-quoted": quoted,
    "prose-plain": plain_long,
    "prose-items": body_items(lambda n: f"Paragraph {n}, the the actors potray  it."),
    # spoilers (RL4): unbalanced markers in a folded paragraph
    "spoilers-folded": folded(lambda n: ">!a >!b x"),
    "spoilers-ending": body_items(lambda n: "In the end the keeper dies and the town is really a ghost."),
    # content (RL3): cues in prose, and thousands of warnings written as text
    "content-cues": body_items(lambda n: "There is blood, a suicide and a lot of swearing in it."),
    "content-warnings": content_warnings,
    # schema (RL1): thousands of unknown keys
    "schema-keys": schema_keys,
    # metadata (RL5): a huge cast
    "metadata-cast": lambda size: metadata_cast(size),
    # comments and suppressions (RL8): the comment scan and the suppression parser
    "comments": top_level(lambda n: f"# a comment line number {n} about the review\n"),
    "suppressions": body_items(lambda n: f"Text {n}.  # reviewlint: disable=RL601 -- kept on purpose"),
    # load (RL0): aliases up to the expansion limits
    "aliases": aliases,
}


def measure(path: Path, command: list[str]) -> tuple[float, float, float, int | None]:
    """(wall seconds, CPU seconds, peak MB, exit code or None on time-out) of one fresh
    process. On a shared machine the wall time includes waiting for a core; the CPU time
    (user + system) is what the run itself costs."""
    wrapper = ("import resource, subprocess, sys\n"
               "def limit():\n"
               f"    resource.setrlimit(resource.RLIMIT_CPU, ({CPU_LIMIT}, {CPU_LIMIT} + 5))\n"
               "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,"
               " preexec_fn=limit)\n"
               "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "print(done.returncode, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n")
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", wrapper, *command, str(path)], capture_output=True, text=True,
                              timeout=WALL_LIMIT, check=False)
    except subprocess.TimeoutExpired:
        return WALL_LIMIT, float("nan"), float("nan"), None
    seconds = time.perf_counter() - started
    code, peak_kb, cpu = done.stdout.split()
    if int(code) < 0:  # killed by the CPU limit (SIGXCPU)
        return seconds, float(cpu), int(peak_kb) / 1024, None
    return seconds, float(cpu), int(peak_kb) / 1024, int(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", action="append", help="run only this case (repeatable)")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--command", choices=["check", "format", "fix"], default="check")
    args = parser.parse_args(argv)
    names = args.only or list(CASES)
    sizes = [size.strip() for size in args.sizes.split(",")]
    unknown = sorted(set(names) - set(CASES)) + sorted(set(sizes) - set(SIZES))
    if unknown:
        parser.error(f"unknown case or size: {', '.join(unknown)}")
    base = [sys.executable, "-m", "reviewlint.cli"]
    command = {"check": [*base, "check", "--isolated", "--no-cache"],
               "format": [*base, "format", "--isolated", "--check"],
               "fix": [*base, "check", "--isolated", "--no-cache", "--diff"]}[args.command]
    print(f"`{' '.join(command[2:])}`: wall time (CPU time) / peak memory, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f}")
    print("| case | " + " | ".join(sizes) + " | 64K/16K |")
    print("|---|" + "---|" * (len(sizes) + 1))
    missed = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            cells: list[str] = []
            seconds_by_size: dict[str, float] = {}
            for size in sizes:
                path = Path(folder) / f"{name}-{size}.yaml"
                path.write_text(CASES[name](SIZES[size]), encoding="utf-8")
                seconds, cpu, megabytes, code = measure(path, command)
                seconds_by_size[size] = cpu
                shown = f"> {CPU_LIMIT} s CPU" if code is None else \
                    f"{seconds:.1f} s ({cpu:.1f} s CPU) / {megabytes:.0f} MB"
                if code is not None and code >= 2:
                    shown += f" (exit {code})"
                cells.append(shown)
                if size == "2M" and (code is None or cpu > TIME_LIMIT or megabytes > MEMORY_LIMIT_MB
                                     or code >= 2):
                    missed.append(f"{name}: {shown}")
            ratio = (f"{seconds_by_size['64K'] / seconds_by_size['16K']:.1f}x"
                     if "16K" in seconds_by_size and "64K" in seconds_by_size else "-")
            print(f"| {name} | " + " | ".join(cells) + f" | {ratio} |", flush=True)
    if missed:
        print(f"\n2 MiB files over {TIME_LIMIT:.0f} s or {MEMORY_LIMIT_MB} MB: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
