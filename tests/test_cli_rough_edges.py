"""Issue 14's command-line rough edges, each through the real entry point."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_cli import SAMPLES, run


def test_no_arguments_prints_the_whole_usage_on_several_lines(capsys) -> None:
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("Usage: dars-evidence") and err.count("\n") > 8
    for command in ("batch", "check", "checks", "extract"):
        line = next(line for line in err.splitlines() if line.strip().startswith(command + " "))
        assert not line.rstrip().endswith("..."), line  # no command's description is cut off


def test_output_dash_is_standard_output(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", str(SAMPLES / "s251-baseline"), "-o", "-")
    assert code == 0 and out.startswith("READY") and not (tmp_path / "-").exists()


def test_extract_on_a_folder_points_to_check(capsys) -> None:
    code, out, err = run(capsys, "extract", str(SAMPLES / "s251-baseline"))
    assert code == 2 and "use `check` for a bundle" in err


def test_counts_are_in_the_right_number(capsys) -> None:
    _, out, _ = run(capsys, "check", str(SAMPLES / "s251-identifier-not-covered"))
    assert "1 error," in out and "1 errors" not in out


def test_batch_takes_output_and_format(capsys, tmp_path: Path) -> None:
    queue = tmp_path / "queue"
    queue.mkdir()
    shutil.copytree(SAMPLES / "s251-identifier-not-covered", queue / "one")
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "batch", str(queue), "-o", str(out), "--format", "md", "--format", "html", "-j", "1"
    )
    assert code == 1, err
    assert {p.name for p in out.iterdir()} >= {"one.json", "one.md", "one.html", "summary.csv"}
    assert "1 bundle:" in err


def _misspelt(tmp_path: Path, key: str, wrong: str) -> Path:
    bundle = tmp_path / "bundle"
    shutil.copytree(SAMPLES / "s251-baseline", bundle)
    request = bundle / "request.yaml"
    request.write_text(request.read_text().replace(f"\n{key}:", f"\n{wrong}:", 1))
    return bundle


def test_a_misspelt_required_key_is_one_problem_on_its_own_line(capsys, tmp_path: Path) -> None:
    import json

    bundle = _misspelt(tmp_path, "identifiers", "identifers")
    lines = (bundle / "request.yaml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("identifers:"))
    code, out, _ = run(capsys, "check", str(bundle), "--format", "json")
    report = json.loads(out)
    problems = [f for f in report["findings"] if f["code"] == "REQ-001"]
    assert code == 1 and len(problems) == 1
    [problem] = problems
    assert "did you mean `identifiers`?" in problem["message"]
    [evidence] = [e for e in problem["evidence"] if e["document"] == "request.yaml"]
    assert evidence["location"] == f"line {line}" or str(line) in str(evidence.get("location", ""))
    # the quote is the file's own words, in its own order: the key and its block list
    assert evidence["quote"].startswith("identifers: - nhs_number")
    # the as-of date is the request's submitted date, valid although the request is not
    assert report["bundle"]["as_of"] == "2024-09-16"


def test_an_unknown_key_far_from_any_field_gets_no_guess(capsys, tmp_path: Path) -> None:
    import json

    bundle = _misspelt(tmp_path, "identifiers", "colour_scheme")
    _, out, _ = run(capsys, "check", str(bundle), "--format", "json")
    messages = [f["message"] for f in json.loads(out)["findings"] if f["code"] == "REQ-001"]
    assert any(m == "colour_scheme: is not a field of the data request" for m in messages)
    assert any(m == "identifiers: a required field is missing" for m in messages)


def test_doc_004_quotes_only_the_documents_own_words(capsys) -> None:
    import json

    _, out, _ = run(capsys, "check", str(SAMPLES / "consent-undated-leaflet"), "--format", "json")
    report = json.loads(out)
    quotes_in_documents = {
        (document["path"], fact["quote"]) for document in report["documents"] for fact in document["facts"]
    }
    [finding] = [f for f in report["findings"] if f["code"] == "DOC-004"]
    assert finding["evidence"] and all(
        (e["document"], e["quote"]) in quotes_in_documents for e in finding["evidence"]
    )
    assert "?" not in json.dumps(finding["evidence"])


def test_every_view_and_the_summary_head_with_the_requests_reference_and_title(
    capsys, tmp_path: Path
) -> None:
    import csv
    import json

    bundle = str(SAMPLES / "s251-baseline")
    reference, title_start = "DARS-NIC-604512-K7M2Q", "Hospital use and mortality"
    _, out, _ = run(capsys, "check", bundle, "--format", "json")
    header = json.loads(out)["bundle"]
    assert header["reference"] == reference and header["title"].startswith(title_start)
    assert header["basis"] == "section_251"
    for fmt in ("text", "html", "md"):
        _, out, _ = run(capsys, "check", bundle, "--format", fmt)
        head = (
            out[: out.find("Documents")]
            if fmt == "text"
            else out[out.find("<main>") :][:4000]
            if fmt == "html"
            else out[:3000]
        )
        assert reference in head and title_start in head, fmt
    queue = tmp_path / "queue"
    queue.mkdir()
    shutil.copytree(SAMPLES / "s251-baseline", queue / "one")
    run(capsys, "batch", str(queue), "-o", str(tmp_path / "out"), "-j", "1")
    with (tmp_path / "out" / "summary.csv").open() as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["reference"], row["basis"], row["as_of"]) == (reference, "section_251", "2024-09-16")
