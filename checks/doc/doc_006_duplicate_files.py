from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from pipeline.findings import Evidence, Finding, Severity


class DuplicateFiles(Check):
    code = "DOC-006"
    about = "file content"
    severity = Severity.INFO
    title = "The same file is in the bundle twice"
    rule = "Two files are byte for byte identical."
    action = (
        "Nothing to fix; remove the copy if it was sent by mistake, or send the document it should have been."
    )
    doc = CheckDoc(
        finds="Files whose bytes are identical (the same SHA-256), whatever their names.",
        why="A copy under another name often stands where a different version was meant to be "
        "(consent form v2 that is really v1), and it inflates the bundle.",
        reads="The SHA-256 of every non-empty file.",
        discrepancy="`consent/form-v1.docx` and `consent/form-v2.docx` with the same bytes.",
        consistent="Two versions of a form that differ in any byte.",
        limits="The same content saved twice (PDF and DOCX, or re-exported) is not byte-identical and is "
        "not reported here.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        groups: dict[str, list[str]] = defaultdict(list)
        for document in ctx.documents:
            if document.sha256 and document.size > 0:
                groups[document.sha256].append(document.path)
        for sha, paths in groups.items():
            if len(paths) < 2:
                continue
            yield self.finding(
                f"{len(paths)} files are byte for byte identical: {', '.join(paths)}",
                evidence=[Evidence(path, location=f"the whole file (SHA-256 {sha[:12]}…)") for path in paths],
                subject=f"sha256 {sha}",
            )
