"""Views of a report. Each renders the same `Report.to_dict()`, so views cannot disagree."""

from __future__ import annotations

from pipeline.masking import mask_nhs_numbers

FORMATS = ("text", "json", "html", "md")


def render(report_dict: dict, fmt: str, colour: bool = False) -> str:
    """The report in `fmt`, with every NHS number masked. `colour` applies to `text` only."""
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

        text = render_md(report_dict)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return mask_nhs_numbers(text)
