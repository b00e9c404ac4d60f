"""The progress line: only on an interactive terminal outside CI, only on long runs, erased."""

from __future__ import annotations

import io

import pytest

from reviewlint.report import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "environ", "shown"), [
    (Terminal(), {}, True),
    (Terminal(), {"CI": "true"}, False),
    (Terminal(), {"TERM": "dumb"}, False),
    (io.StringIO(), {}, False),  # a pipe or a file
])
def test_shown_only_on_an_interactive_terminal_outside_ci(stream: io.StringIO, environ: dict[str, str],
                                                          shown: bool) -> None:
    assert progress.wanted(stream, environ) is shown


def test_short_runs_stay_silent_and_long_ones_are_drawn_then_erased(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(progress.time, "monotonic", lambda: now[0])
    stream = Terminal()
    line = progress.Progress(stream, 3000, enabled=True)
    line.advance(10)
    assert stream.getvalue() == ""  # not yet half a second in
    now[0] += 1.0
    line.advance(1190)
    assert stream.getvalue() == "\rchecking 1200/3000 files"
    now[0] += 0.01
    line.advance()
    assert stream.getvalue() == "\rchecking 1200/3000 files"  # at most ten times a second
    line.finish()
    assert stream.getvalue().endswith("\r" + " " * len("checking 1200/3000 files") + "\r")


def test_disabled_progress_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    line = progress.Progress(stream, 5)
    monkeypatch.setattr(progress.time, "monotonic", lambda: 1e9)
    line.advance(5)
    line.finish()
    assert stream.getvalue() == ""
