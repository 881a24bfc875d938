"""Progress display: plain stage lines off a terminal, an updating line on one, nothing if fast."""

from __future__ import annotations

import io

from newsarchive import progress
from newsarchive.progress import Progress


def test_fast_builds_show_nothing():
    stream = io.StringIO()
    shown = Progress(stream, tty=False)
    shown.begin("Reading articles", 10)
    shown.advance(10)
    shown.end()
    assert stream.getvalue() == ""


def test_long_builds_log_plain_stage_lines_off_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    stream = io.StringIO()
    shown = Progress(stream, tty=False)
    shown.begin("Reading articles", 20000)
    shown.advance(100)
    shown.end()
    text = stream.getvalue()
    assert text.startswith("Reading articles 20,000: ") and text.endswith(" s\n")
    assert "\r" not in text and "\x1b" not in text


def test_terminal_gets_an_updating_line_with_rate(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    stream = io.StringIO()
    shown = Progress(stream, tty=True)
    shown.begin("Reading articles", 200)
    shown.advance(50)
    assert "\r\x1b[2KReading articles: 50/200 (" in stream.getvalue()
    assert "/s)" in stream.getvalue()
    shown.end()
    assert stream.getvalue().endswith(" s\n")
