"""The HTML report: complete, ordered, self-contained, and inert whatever the documents say."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.names import humanise
from pipeline.run import check_path
from pipeline.views import FORMATS, render
from pipeline.views.layout import AREAS
from tests.report_fixtures import NHS_DIGITS, NHS_NUMBER, SCRIPT, hostile_report

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
# Every tag the template writes; anything else in a report came from a document.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2", "h3", "h4",
    "h5", "dl", "dt", "dd", "section", "p", "nav", "a", "span", "article", "ul", "li", "q", "table",
    "colgroup", "col", "thead", "tbody", "tr", "th", "td", "details", "summary", "footer", "ol", "strong",
    "time",
}  # fmt: skip


class Page(HTMLParser):
    """The elements, attributes and text of a page, as a browser's parser would see them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.text_outside_details: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "col", "br", "img", "link", "input"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        if "details" not in self.stack or self.stack[-1] == "summary":
            self.text_outside_details.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render(hostile_report(), "html")


def test_views_formats_include_html_and_md() -> None:
    assert {"text", "json", "html", "md"} <= set(FORMATS)


def test_html_shows_verdict_counts_codes_and_documents(hostile_html: str) -> None:
    page = Page(hostile_html)
    report = hostile_report()
    assert "Not ready" in page.all_text
    assert hostile_html.index("Not ready") < hostile_html.index("Findings")
    for finding in report["findings"]:
        assert finding["code"] in page.all_text
    for document in report["documents"]:
        assert document["path"] in page.all_text
    assert "the PDF is corrupt" in page.all_text  # an unreadable document says why
    assert "CON-001, CON-002" in page.all_text and "the basis is not consent" in page.all_text


def test_html_findings_visible_not_folded(hostile_html: str) -> None:
    visible = "".join(Page(hostile_html).text_outside_details)
    for finding in hostile_report()["findings"]:
        assert finding["code"] in visible


def test_html_errors_before_warnings_each_by_area(hostile_html: str) -> None:
    # Every error before every warning (issue 14: errors first in every view), each by area in
    # reading order.
    cards = hostile_html[hostile_html.index('id="errors"') :]
    codes = re.findall(r'<span class="code">([A-Z0-9]+-\d{3})</span>', cards)
    assert codes == ["DOC-001", "S251-004", "PN-001", "DOC-002", "SUB-002", "REQ-002", "S251-009"]
    headings = re.findall(r'<h3>([^<]+) <span class="prefix">', cards)
    order = [name for _, name in AREAS]
    sections = (
        ["Documents", "Section 251", "Privacy notices"],
        ["Documents", "Sub-licensing"],
        ["Request", "Section 251"],
    )
    assert headings == [name for names in sections for name in sorted(names, key=order.index)]


def test_html_escapes_hostile_document_text(hostile_html: str) -> None:
    page = Page(hostile_html)
    tags = {tag for tag, _ in page.tags}
    assert tags <= TEMPLATE_TAGS, tags - TEMPLATE_TAGS
    for tag, attrs in page.tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
    # The attack text is on the page, as text.
    assert SCRIPT in page.all_text
    assert "<img src=x onerror=" in page.all_text
    assert "&lt;script&gt;" in hostile_html and "&lt;img src=x onerror=" in hostile_html
    assert not re.search(r"<script|<img|<iframe|<object|<embed|<link", hostile_html, re.IGNORECASE)


def test_html_loads_nothing(hostile_html: str) -> None:
    page = Page(hostile_html)
    for tag, attrs in page.tags:
        for name in ("src", "href", "srcset", "action", "data", "poster", "background"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//", "ftp:")), (tag, name, value)
        if tag == "a":
            assert (attrs.get("href") or "#").startswith("#")
    csp = [
        a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp and "default-src 'none'" in csp[0]
    style = hostile_html[hostile_html.index("<style>") : hostile_html.index("</style>")]
    assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_html_masks_nhs_numbers(hostile_html: str) -> None:
    assert NHS_NUMBER not in hostile_html and NHS_DIGITS not in hostile_html
    assert "*** *** 5919" in hostile_html


def test_html_prints_on_a4(hostile_html: str) -> None:
    assert "@page { size: A4;" in hostile_html
    assert "@media print" in hostile_html and "break-inside: avoid" in hostile_html


def test_html_documents_table_and_folded_facts(hostile_html: str) -> None:
    page = Page(hostile_html)
    assert sum(1 for tag, _ in page.tags if tag == "details") == len(hostile_report()["documents"])
    assert not [a for t, a in page.tags if t == "details" and "open" in a]
    assert "Unreadable" in page.all_text and "No text layer" in page.all_text
    assert "body: NHS England" in page.all_text  # a fact's detail, as words


@pytest.mark.parametrize(
    "name", ["s251-identifier-not-covered", "s251-unreadable-files", "consent-processor-india"]
)
def test_html_sample_bundle_every_code_and_document(name: str) -> None:
    report = check_path(SAMPLES / name).to_dict()
    page = Page(render(report, "html"))
    visible = "".join(page.text_outside_details)
    for finding in report["findings"]:
        assert finding["code"] in visible
        assert humanise(finding["message"]) in visible
    for document in report["documents"]:
        assert document["path"] in page.all_text
    assert {"ready": "Ready", "needs_review": "Needs review", "not_ready": "Not ready"}[
        report["summary"]["verdict"]
    ] in visible


def test_cli_check_writes_html_and_md_from_suffix(capsys, tmp_path: Path) -> None:
    bundle = SAMPLES / "s251-identifier-not-covered"
    for suffix, start in ((".html", "<!DOCTYPE html>"), (".md", "# DARS evidence report")):
        out = tmp_path / f"report{suffix}"
        with pytest.raises(SystemExit) as exit_info:
            main(["check", str(bundle), "-o", str(out)])
        assert exit_info.value.code == 1
        assert out.read_text(encoding="utf-8").startswith(start)
    with pytest.raises(SystemExit):
        main(["check", str(bundle), "--format", "html"])
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "S251-004" in out and "\x1b[" not in out


def test_html_template_is_package_data() -> None:
    from importlib.resources import files

    assert (files("pipeline.views") / "templates" / "report.html.j2").is_file()
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"views/templates/*"' in pyproject


def test_html_escapes_bundle_path_in_title(hostile_html: str) -> None:
    title = hostile_html[hostile_html.index("<title>") : hostile_html.index("</title>")]
    assert html.escape("<img src=x onerror=alert(1)>", quote=False) in title
