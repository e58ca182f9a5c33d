"""The Markdown report: the HTML's content for a ticket, with document text that stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.run import check_path
from pipeline.views import render
from pipeline.views.md_view import md_text
from tests.report_fixtures import NHS_DIGITS, NHS_NUMBER, hostile_report

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
# The only HTML the Markdown view writes itself: folding for the facts.
OWN_TAGS = {"details", "summary"}
# What the view's own Markdown becomes: headings, paragraphs, bold, lists and tables; no links or code.
MARKDOWN_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


@pytest.fixture(scope="module")
def hostile_md() -> str:
    return render(hostile_report(), "md")


def rendered(markdown: str) -> str:
    """The Markdown as a CommonMark renderer with tables (and raw HTML allowed) turns it into HTML."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


class Tags(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_md_every_code_and_document_present(hostile_md: str) -> None:
    report = hostile_report()
    assert "## Verdict: **NOT READY**" in hostile_md
    for finding in report["findings"]:
        assert f"#### {finding['code']} · " in hostile_md
    text = "".join(Tags(rendered(hostile_md)).text)
    for document in report["documents"]:
        assert document["path"] in text
    assert "the PDF is corrupt" in text and "CON-001, CON-002" in text


def test_md_errors_before_warnings_each_in_area_order(hostile_md: str) -> None:
    codes = re.findall(r"^#### ([A-Z0-9]+-\d{3}) ", hostile_md, re.MULTILINE)
    # every error before every warning (issue 14), each severity in the areas' reading order
    assert codes == ["DOC-001", "S251-004", "PN-001", "DOC-002", "SUB-002", "REQ-002", "S251-009"]
    order = ["## Verdict", "## What to ask the applicant", "## Errors (", "## Warnings ("]
    assert [hostile_md.index(heading) for heading in order] == sorted(hostile_md.index(h) for h in order)


def test_md_escapes_hostile_document_text(hostile_md: str) -> None:
    assert not re.search(r"<script|<img", hostile_md, re.IGNORECASE)
    html = rendered(hostile_md)
    page = Tags(html)
    written = {tag for tag, _ in page.tags}
    allowed = OWN_TAGS | MARKDOWN_TAGS
    assert written <= allowed, written - allowed
    assert not [t for t, _ in page.tags if t in {"a", "img", "code", "script"}]
    text = "".join(page.text)
    # The attack text survives as words, with its Markdown punctuation shown, not obeyed.
    assert "<script>document.title='pwned'" in text and "<img src=x onerror=" in text
    assert "*em* _em_ `code` [link](https://example.org/x)" in text


def test_md_quote_cannot_break_a_table(hostile_md: str) -> None:
    rows = [line for line in hostile_md.splitlines() if line.startswith("|")]
    assert rows
    tables: list[list[str]] = [[]]
    for line in hostile_md.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    for table in filter(None, tables):
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table


def test_md_masks_nhs_numbers(hostile_md: str) -> None:
    assert NHS_NUMBER not in hostile_md and NHS_DIGITS not in hostile_md
    assert "*** *** 5919" in "".join(Tags(rendered(hostile_md)).text)


def test_md_text_escapes_line_starts_only_when_asked() -> None:
    assert md_text("1.0") == "1.0"
    assert md_text("1. first", starts_line=True) == "1\\. first"
    assert md_text("- item", starts_line=True) == "\\- item"
    assert md_text("a\nb |  c") == "a b \\| c"
    assert md_text("x & <y>") == "x &amp; &lt;y&gt;"


def test_md_sample_bundle_every_code_present() -> None:
    report = check_path(SAMPLES / "s251-unreadable-files").to_dict()
    markdown = render(report, "md")
    text = "".join(Tags(rendered(markdown)).text)
    for finding in report["findings"]:
        assert finding["code"] in markdown
    for document in report["documents"]:
        assert document["path"] in text


def test_md_fits_a_ticket_unless_facts_are_asked_for() -> None:
    """Issue 14: a four-finding bundle's Markdown was 48 KB, over a ticket field's 32,767 characters."""
    import json
    from pathlib import Path

    from pipeline.views import render
    from pipeline.views.md_view import TICKET_CHARS

    bundle = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles" / "consent-no-linkage"
    from pipeline.run import check_path

    report = json.loads(json.dumps(check_path(bundle).to_dict(), default=str))
    short, full = render(report, "md"), render(report, "md", facts=True)
    assert len(short) < TICKET_CHARS < len(full)
    assert "facts left out" in short and "| Fact | Value | Where | Words |" in full


def test_md_drops_the_summaries_too_when_the_facts_alone_are_not_enough() -> None:
    from pipeline.views.md_view import TICKET_CHARS, render_md
    from tests.report_fixtures import hostile_report

    report = hostile_report()
    for document in report["documents"]:
        document["identifiers"] = ["nhs_number"] * 4000  # a summary far over any ticket
    text = render_md(report)
    assert len(text) < TICKET_CHARS and "Left out so that the report fits a ticket" in text
