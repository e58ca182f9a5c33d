"""What to ask the applicant, alike findings grouped, and names beside ids, in every view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.asks import asks, grouped
from pipeline.names import capitalised, humanise, with_name
from pipeline.run import check_path
from pipeline.views import render
from pipeline.views.md_view import md_text

SAMPLES = Path(__file__).resolve().parent.parent / "sample_docs" / "bundles"


@pytest.fixture(scope="module")
def no_linkage() -> dict:
    """consent-no-linkage: one CON-003 error and three DATA-001 warnings with one action."""
    return check_path(SAMPLES / "consent-no-linkage").to_dict()


def finding(code: str, severity: str, message: str, action: str, searched=("a.pdf",)) -> dict:
    return {
        "code": code,
        "severity": severity,
        "message": message,
        "action": action,
        "searched": list(searched),
    }


def test_asks_each_action_once_errors_first_with_what_it_closes() -> None:
    findings = [
        finding("DATA-001", "warning", "hes_op is requested", "Supply evidence."),
        finding("DATA-001", "warning", "deaths is requested", "Supply evidence."),
        finding("CON-003", "error", "the request links data", "Supply a consent form."),
    ]
    result = asks(findings)
    assert [ask["action"] for ask in result] == ["Supply a consent form.", "Supply evidence."]
    assert [ask["severity"] for ask in result] == ["error", "warning"]
    assert result[1]["closes"] == [
        {"code": "DATA-001", "message": "HES Outpatients (hes_op) is requested"},
        {"code": "DATA-001", "message": "Civil Registrations of Death (deaths) is requested"},
    ]


def test_asks_an_action_shared_by_an_error_and_a_warning_counts_as_an_error() -> None:
    findings = [
        finding("PN-002", "warning", "x", "Supply the notice."),
        finding("PN-001", "error", "y", "Supply the notice."),
    ]
    (ask,) = asks(findings)
    assert ask["severity"] == "error" and [c["code"] for c in ask["closes"]] == ["PN-001", "PN-002"]


def test_grouped_keeps_apart_findings_that_searched_different_places() -> None:
    findings = [
        finding("DATA-001", "warning", "a", "Supply.", searched=("x.pdf",)),
        finding("DATA-001", "warning", "b", "Supply.", searched=("x.pdf",)),
        finding("DATA-001", "warning", "c", "Supply.", searched=("y.pdf",)),
    ]
    assert [len(group) for group in grouped(findings)] == [2, 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hes_apc is requested", "HES Admitted Patient Care (hes_apc) is requested"),
        (
            "deaths is requested but not named",
            "Civil Registrations of Death (deaths) is requested but not named",
        ),
        ("covers only date_of_birth, nhs_number", "Covers only date of birth, NHS number"),
        (
            "the basis is not section_251 (it is consent)",
            "The basis is not section 251 support (it is consent)",
        ),
        ("the deaths of participants did not", "The deaths of participants did not"),  # words stay words
        ("cag/hes_apc.pdf is unreadable", "cag/hes_apc.pdf is unreadable"),  # a file name stays as written
        ("request.yaml: line 3", "request.yaml: line 3"),
    ],
)
def test_humanise_names_ids_and_capitalises(text: str, expected: str) -> None:
    assert humanise(text) == expected


def test_with_name_spells_out_or_adds_the_name() -> None:
    assert with_name("date_of_birth") == "date of birth"
    assert with_name("hes_apc") == "HES Admitted Patient Care (hes_apc)"
    assert with_name("unknown_id") == "unknown_id"
    assert capitalised("address requested") == "Address requested"


def test_asks_in_json_and_every_view_after_the_verdict_before_errors(no_linkage: dict) -> None:
    assert [len(ask["closes"]) for ask in no_linkage["asks"]] == [1, 3]
    assert json.loads(render(no_linkage, "json"))["asks"] == no_linkage["asks"]
    text = render(no_linkage, "text")
    assert text.index("NOT READY") < text.index("What to ask the applicant:") < text.index("Errors:")
    assert text.index("Errors:") < text.index("Warnings:")
    assert "[warning: DATA-001 ×3]" in text
    md = render(no_linkage, "md")
    assert md.index("## Verdict") < md.index("## What to ask the applicant (2)") < md.index("## Errors (1)")
    html = render(no_linkage, "html")
    assert (
        html.index('id="verdict"')
        < html.index('id="asks"')
        < html.index('id="errors"')
        < html.index('id="warnings"')
    )


def test_alike_findings_are_one_card_with_the_searched_files_once(no_linkage: dict) -> None:
    md = render(no_linkage, "md")
    md = md[: md.index("## Documents")]
    assert md.count("#### DATA-001 ·") == 1
    assert md.count("consent/KINGFISHER\\_consent\\_form\\_v1.0.docx") == 2  # CON-003's card and DATA-001's
    text = render(no_linkage, "text")
    assert text.count("searched: ") == 2
    html = render(no_linkage, "html")
    assert html.count('<span class="code">DATA-001</span>\n') == 1
    for name in ("HES Admitted Patient Care (hes_apc)", "HES Outpatients (hes_op)"):
        assert md_text(name) in md and name in text and name in html


def test_every_view_heads_with_reference_title_as_of_run_time_and_version(no_linkage: dict) -> None:
    reference, title = no_linkage["bundle"]["reference"], no_linkage["bundle"]["title"]
    assert no_linkage["generated"] == "2026-12-06T12:00:00Z"  # SOURCE_DATE_EPOCH, set for the tests
    version = no_linkage["tool"]["version"]
    for fmt in ("text", "md", "html"):
        view = render(no_linkage, fmt)
        head = view[view.find("<body") + 1 :][:3000]
        verdict = re.search(r"NOT READY|Not ready", head).start()
        for part in (reference, title[:40], "2024-03-18", "2026-12-06 12:00 UTC", version):
            assert part in head, (fmt, part)
        assert head.index(reference) < verdict or fmt == "text"
