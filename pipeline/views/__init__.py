"""Views of a report. Each renders the same `Report.to_dict()`, so views cannot disagree."""

from __future__ import annotations

from pipeline.masking import mask_nhs_numbers

FORMATS = ("text", "json")


def render(report_dict: dict, fmt: str, colour: bool = False) -> str:
    """The report in `fmt`, with every NHS number masked."""
    if fmt == "json":
        from pipeline.views.json_view import render_json

        text = render_json(report_dict)
    elif fmt == "text":
        from pipeline.views.text_view import render_text

        text = render_text(report_dict)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return mask_nhs_numbers(text)
