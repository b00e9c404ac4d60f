"""Worst-case inputs for the migrate readers (issue 16): time and peak memory of each.

Run by hand: `python benchmarks/migrate_stress.py [--quick]`. Each case runs in a fresh
process (so peak memory is its own) with a time limit; the table is Markdown. The inputs
are generated here, never taken from third-party text.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIMIT_SECONDS = 120

# The columns of a Letterboxd reviews export, in its order.
COLUMNS = ("Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date")
HEADER = ",".join(COLUMNS) + "\n"


def _row(number: int, review: str = "A quiet film about a harbour.") -> str:
    return f'2020-01-01,Film {number},2001,https://boxd.it/{number:x},3.5,,"{review}",,2020-01-01\n'


def cases(quick: bool) -> dict[str, tuple[str, str]]:
    """name -> (file name, text)."""
    scale = 10 if quick else 1
    words = " ".join(f"word{n % 97}" for n in range(5000))
    return {
        "HTML '<p>' + '<a'*100000": ("page.html", "<p>" + "<a" * (100000 // scale)),
        "HTML 200,000 sibling elements": ("page.html", "<html><body>" + "<p>x</p>" * (200000 // scale)
                                          + "</body></html>"),
        "HTML 2 MiB of nested divs": ("page.html", "<div>" * (2 * 1024 * 1024 // 5 // scale)),
        "CSV row with 20,000 extra columns": ("reviews.csv", HEADER + _row(1).rstrip("\n")
                                              + ",x" * (20000 // scale) + "\n"),
        "Letterboxd review of 5,000 words": ("reviews.csv", HEADER + _row(1, words)),
        "Letterboxd export, 100,000 rows": ("reviews.csv", HEADER + "".join(_row(n) for n in range(100000 // scale))),
        "Markdown 2 MiB post": ("post.md", "# Harbour Lights (2004)\n\n" + ("It glows. " * 100 + "\n\n")
                                * (2 * 1024 * 1024 // 1002 // scale)),
        "WXR export, 10,000 posts": ("export.xml", _wxr(10000 // scale)),
        # At the limits: the largest inputs that are still read, not refused.
        "HTML page at the tag limit (140,000 tags)": ("page.html", "<html><body>" + "<p>A harbour line.</p>"
                                                      * (69990 // scale) + "</body></html>"),
        "HTML post at the line limit (9,900 paragraphs)": ("page.html", "<html><body><article><h1>Harbour Lights "
                                                           "(2004)</h1>" + "<p>It glows and the harbour keeps its "
                                                           "keeper, every night.</p>" * (9900 // scale)
                                                           + "</article></body></html>"),
        "Markdown post at the line limit (9,900 lines)": ("post.md", "# Harbour Lights (2004)\n\n" + "It glows and "
                                                          "the harbour keeps its keeper, every night.\n\n"
                                                          * (9900 // scale)),
    }


def _wxr(posts: int) -> str:
    items = "".join(
        f"<item><title>Film {n} (2001)</title><content:encoded><![CDATA[<p>Director: Ana Ruiz</p><p>It glows.</p>]]>"
        f"</content:encoded><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>\n"
        for n in range(posts))
    return ('<?xml version="1.0"?>\n<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n{items}</channel></rss>\n')


def _child(path: str) -> None:
    from reviewlint.migrate import migrate_file

    start = time.perf_counter()
    results = migrate_file(path)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.status.value] = statuses.get(result.status.value, 0) + 1
    first = next((issue.message for result in results for issue in result.issues if issue.level.value == "error"), "")
    print(json.dumps({"seconds": elapsed, "mb": peak, "statuses": statuses, "error": first[:100]}))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one tenth of each size")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0
    print("| case | size | time (s) | peak MB | results |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, (file_name, text) in cases(args.quick).items():
            path = Path(folder) / file_name
            path.write_text(text, encoding="utf-8")
            size = f"{len(text.encode()) / 1024:.0f} KB"
            try:
                done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                                      timeout=LIMIT_SECONDS, check=False)
                report = json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None
            except subprocess.TimeoutExpired:
                report = None
                print(f"| {name} | {size} | over {LIMIT_SECONDS} | - | timed out |", flush=True)
                continue
            if report is None:
                print(f"| {name} | {size} | - | - | crashed: {done.stderr.strip().splitlines()[-1:]} |", flush=True)
                continue
            outcome = ", ".join(f"{count} {status}" for status, count in report["statuses"].items())
            if report["error"]:
                outcome += f" ({report['error']})"
            print(f"| {name} | {size} | {report['seconds']:.1f} | {report['mb']:.0f} | {outcome} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
