"""The text view: plain for tests and pipes, coloured only on a terminal that allows it."""

from __future__ import annotations

import io
import re

from pipeline.views import render
from pipeline.views.text_view import wants_colour
from tests.report_fixtures import NHS_NUMBER, hostile_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_text_plain_by_default() -> None:
    assert "\x1b" not in render(hostile_report(), "text")


def test_text_colour_is_the_plain_text_styled() -> None:
    plain = render(hostile_report(), "text")
    coloured = render(hostile_report(), "text", colour=True)
    assert "\x1b[1;31mNOT READY: errors found\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == plain
    assert NHS_NUMBER not in coloured and "*** *** 5919" in coloured


def test_text_colour_only_on_a_terminal_without_no_color() -> None:
    assert wants_colour(Terminal(), environ={})
    assert not wants_colour(io.StringIO(), environ={})
    assert not wants_colour(Terminal(), environ={"NO_COLOR": "1"})
    assert not wants_colour(Terminal(), environ={"TERM": "dumb"})
    assert wants_colour(Terminal(), environ={"NO_COLOR": ""})  # no-color.org: set and not empty
