from __future__ import annotations

from collections.abc import Iterator

from checks.base import Check, CheckDoc
from checks.context import CheckContext
from pipeline.findings import Finding, Severity


class DatasetsWithoutFields(Check):
    code = "MIN-004"
    severity = Severity.WARNING
    title = "Datasets are requested without their fields"
    rule = (
        "Datasets requested without their fields: fields missing or empty. One finding, listing the datasets."
    )
    action = "List the fields wanted from each dataset, each one justified by the purpose."
    needs_request = True
    doc = CheckDoc(
        finds="Datasets of the request whose fields list is missing or empty.",
        why="DARS discusses each dataset's name, date range and fields: without the fields, minimisation "
        "cannot be judged.",
        reads="The request's datasets[].fields.",
        discrepancy="`datasets: [{id: hes_apc, start: 2008-04-01}]` with no fields.",
        consistent="`fields: [admidate, diag_4_01, epistart]` on every dataset.",
        limits="Whether the listed fields are all needed is for the reviewer.",
    )

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        missing = [(number, d.id) for number, d in enumerate(ctx.req.datasets) if not d.fields]
        if missing:
            names = ", ".join(dict.fromkeys(name for _, name in missing))
            yield self.finding(
                f"no fields are listed for {names}",
                searched=tuple(f"{ctx.request.file}: datasets[{number}].fields" for number, _ in missing),
            )
