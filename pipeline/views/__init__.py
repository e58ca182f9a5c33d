"""Views of a report. Each renders the same `Report.to_dict()`, so views cannot disagree."""

from __future__ import annotations

import re

from pipeline.masking import mask_nhs_numbers

FORMATS = ("text", "json", "html", "md")

# Characters that would act on a terminal or reorder a line instead of showing: C0 controls but
# tab and line feed (a carriage return could overwrite a line), DEL and C1 controls (U+009B is a
# one-character escape sequence on some terminals), bidirectional overrides and isolates, and
# lone surrogates (the bytes of a file name that are not UTF-8), which no UTF-8 output can hold.
INERT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def inert(value):
    """`value` (a report dict, or any part of one) with every such character replaced by U+FFFD."""
    if isinstance(value, str):
        return INERT.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: inert(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [inert(item) for item in value]
    return value


def render(report_dict: dict, fmt: str, colour: bool = False, facts: bool = False) -> str:
    """The report in `fmt`, with every NHS number masked. `colour` applies to `text` only; `facts`
    to `md`, which leaves each document's facts out unless asked (to fit a ticket).

    Whatever a file held (a name, a reason quoting a zip member, a line of the request), no
    control character reaches a view: a report cannot drive the terminal it is printed on.
    """
    report_dict = inert(report_dict)
    if fmt == "json":
        from pipeline.views.json_view import render_json

        text = render_json(report_dict)
    elif fmt == "text":
        from pipeline.views.text_view import render_text

        text = render_text(report_dict, colour=colour)
    elif fmt == "html":
        from pipeline.views.html_view import render_html

        text = render_html(report_dict)
    elif fmt == "md":
        from pipeline.views.md_view import render_md

        text = render_md(report_dict, facts=facts)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return mask_nhs_numbers(text)
