"""Language-server latency and memory, measured with a real LSP client over stdio.

    .venv/bin/python benchmarks/lsp_latency.py [--runs 5] [--changes 60] [--edits 1000]

Three figures, each against the installed `reviewlint server`:
- start: process spawn to the first diagnostics of an opened 150-line review (median of
  --runs fresh servers);
- change: a one-character change to the diagnostics of that version, after a pause (the
  usual case: one keystroke), and while typing (changes sent back to back, each waiting
  for its diagnostics, so the server's interval between checks applies);
- memory: the server's resident set after 100 edits (warm) and after --edits more, each
  edit checked (the growth should stay within 10%).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from server_client import Client, start, stop

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "paddington-2.yaml"
TARGET_LINES = 150


def review_text() -> str:
    """The example review grown to 150 lines with more body paragraphs (the project's
    own example text, re-used)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, marker, tail = text.partition("  memorable_scene:\n")
    paragraph = ("    - >-\n      Paragraph {n} of the benchmark: the camera follows the bear through the\n"
                 "      market while the score picks up the tune from the opening titles.\n")
    extra: list[str] = []
    number = 1
    while len((head + "".join(extra) + marker + tail).splitlines()) + 3 <= TARGET_LINES:
        extra.append(paragraph.format(n=number))
        number += 1
    return head + "".join(extra) + marker + tail


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (what start-up costs on an idle machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_char(version: int, line: int, column: int) -> list[types.TextDocumentContentChangeEvent]:
    """Type an `x` on odd versions, delete it on even ones: the text alternates."""
    if version % 2:
        return [types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=column),
                              end=types.Position(line=line, character=column)), text="x")]
    return [types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=line, character=column),
                          end=types.Position(line=line, character=column + 1)), text="")]


async def first_diagnostics(root: Path, text: str) -> tuple[float, float]:
    """(wall-clock seconds, server CPU seconds) from spawn to the first diagnostics."""
    started = time.perf_counter()
    client, _ = await start(root)
    uri = (root / "review.yaml").as_uri()
    client.open(uri, text)
    await client.diagnostics_for(uri)
    elapsed = time.perf_counter() - started
    assert client._server is not None
    cpu = cpu_seconds(client._server.pid)
    await stop(client)
    return elapsed, cpu


async def change_latencies(client: Client, uri: str, changes: int, pause: float, where: tuple[int, int]
                           ) -> list[float]:
    found: list[float] = []
    for _ in range(changes):
        if pause:
            await asyncio.sleep(pause)
        version = client.versions[uri] + 1
        started = time.perf_counter()
        client.change(uri, one_char(version, *where))
        await client.diagnostics_for(uri, version)
        found.append(time.perf_counter() - started)
    return found


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=60)
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    text = review_text()
    lines = text.splitlines()
    row = next(n for n, line in enumerate(lines) if "Paragraph 1 of" in line)
    where = (row, lines[row].index("camera"))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "review.yaml").write_text(text, encoding="utf-8")
        runs = [await first_diagnostics(root, text) for _ in range(args.runs)]
        starts = [wall for wall, _ in runs]
        cpu = [used for _, used in runs]
        client, _ = await start(root)
        uri = (root / "review.yaml").as_uri()
        client.open(uri, text)
        initial = await client.diagnostics_for(uri)
        paused = await change_latencies(client, uri, args.changes, 0.3, where)
        typing = await change_latencies(client, uri, args.changes, 0.0, where)
        assert client._server is not None
        pid = client._server.pid
        await change_latencies(client, uri, 100, 0.0, where)
        warm = rss_kib(pid)
        await change_latencies(client, uri, args.edits, 0.0, where)
        after = rss_kib(pid)
        await stop(client)

    def ms(values: list[float]) -> str:
        ordered = sorted(values)
        p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
        return f"median {statistics.median(values) * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms (n={len(values)})"

    print(f"review: {len(lines)} lines, {len(initial)} findings")
    print(f"start to first diagnostics: {ms(starts)}; server CPU time until then: {ms(cpu)}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"one-character change, after a pause: {ms(paused)}")
    print(f"one-character change, typing: {ms(typing)}")
    print(f"memory: {warm / 1024:.1f} MiB after 100 edits, {after / 1024:.1f} MiB after {args.edits} more "
          f"({(after - warm) / warm * 100:+.1f}%)")


if __name__ == "__main__":
    asyncio.run(main())
