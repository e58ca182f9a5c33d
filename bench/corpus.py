"""The benchmark corpus: realistic bundles at several sizes, written into a temporary folder.

The sample bundles are small (a 9-page s251 bundle, a 24-page consent one), because their documents
carry only what the checks need. Real protocols run to 30-80 pages and a CAG application form to
40 or more, with appendices: a statistical analysis plan, a data dictionary, literature. So the larger
bundles here are the CAPRA and KINGFISHER baselines of `sample_docs/generator`, with the protocol and
the application rendered as PDF and given long appendices of protocol prose and tables, until the
bundle reaches its size. Nothing here is committed: it is rendered afresh on every run (reportlab,
byte-for-byte reproducible).
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs" / "bundles"
sys.path.insert(0, str(ROOT / "sample_docs"))

from generator.baselines import capra, kingfisher  # noqa: E402
from generator.model import DocSpec, Heading, Layout, PageBreak, Para, Table  # noqa: E402
from generator.writer import files  # noqa: E402

# name -> (baseline, PDF pages the whole bundle should reach; None keeps the sample bundle as it is)
SIZES: dict[str, tuple[str, int | None]] = {
    "s251-sample": ("s251", None),
    "consent-sample": ("consent", None),
    "s251-typical-100": ("s251", 100),
    "consent-typical-100": ("consent", 100),
    "s251-large-200": ("s251", 200),
    "s251-huge-400": ("s251", 400),
}
SAMPLE_FOLDERS = {"s251": "s251-baseline", "consent": "consent-baseline"}
PARAGRAPHS_PER_PAGE = 5.5  # of the appendix prose below, at the protocol's 10.5 pt; corrected by a render

SENTENCES = (
    "Follow-up starts at the date of inclusion and ends at the earliest of the outcome, death, emigration or "
    "the end of the data period on 31 March 2024.",
    "The linkage uses the NHS number, date of birth, sex and postcode held by the study team, and the linking "
    "body returns a pseudonymised extract keyed on the study identifier.",
    "Hospital Episode Statistics Admitted Patient Care and the Civil Registration of Deaths are the main "
    "sources of outcome data for this analysis.",
    "Counts below ten are suppressed in every output, and secondary suppression is applied where a total "
    "would allow a suppressed value to be derived.",
    "Missing covariate data are handled by multiple imputation by chained equations, with twenty imputed "
    "datasets, and results are combined with Rubin's rules.",
    "The sensitivity analysis restricts the cohort to people linked with the highest match rank and repeats "
    "the primary analysis.",
    "Rates are reported per 1,000 person-years with exact Poisson confidence intervals, by sex, age group and "
    "quintile of the Index of Multiple Deprivation.",
    "The statistical analysis plan was reviewed by the independent steering committee on 14 November 2022 "
    "and will be signed off before any linked data are received.",
    "Coding practice changed during the study period, so trends over calendar time are modelled with "
    "restricted cubic splines for calendar year.",
    "The data are held on the secure research platform of the University, in England, and only the named "
    "analysts have access to the project area.",
    "Patients and members of the public reviewed the plain-language summary and asked that results be "
    "shared through the study newsletter.",
    "Each derived variable is produced by version-controlled code, and the code is reviewed by a second "
    "analyst before the results are reported.",
    "Deaths are identified from the underlying cause of death, coded in ICD-10, and from the date of death "
    "recorded at registration.",
    "Outpatient attendances are counted only where the patient attended, and first and follow-up "
    "appointments are reported separately.",
)
HEADINGS = (
    "Statistical analysis plan",
    "Derivation of variables",
    "Data quality assessment",
    "Sensitivity analyses",
    "Literature review",
    "Data dictionary",
    "Output checking procedure",
    "Standard operating procedures",
)


@dataclass(frozen=True)
class WithAppendices(DocSpec):
    """A document of the generator with appendices of protocol prose and tables added after it."""

    base: DocSpec | None = None
    paragraphs: int = 0
    seed: int = 0

    @property
    def kind(self) -> str | None:  # type: ignore[override]
        return self.base.kind if self.base else None

    def layout(self, study) -> Layout:
        layout = self.base.layout(study)
        return replace(layout, blocks=layout.blocks + tuple(_appendices(self.paragraphs, self.seed)))


def _appendices(paragraphs: int, seed: int) -> list:
    rng = random.Random(seed)
    blocks: list = []
    written = 0
    number = 4
    while written < paragraphs:
        blocks += [PageBreak(), Heading(f"Appendix {number}: {HEADINGS[number % len(HEADINGS)].lower()}")]
        number += 1
        for _ in range(min(40, paragraphs - written)):
            blocks.append(Para(" ".join(rng.sample(SENTENCES, k=rng.randint(3, 5)))))
            written += 1
            if written % 25 == 0:
                rows = [("Variable", "Source", "Definition")]
                rows += [
                    (f"VAR_{rng.randint(100, 999)}", "HES APC", rng.choice(SENTENCES)[:90]) for _ in range(6)
                ]
                blocks.append(Table(tuple(rows), widths=(0.2, 0.2, 0.6)))
    return blocks


def write_corpus(out: Path, sizes: dict[str, tuple[str, int | None]] = SIZES) -> dict[str, Path]:
    """Write every bundle of `sizes` into `out`; name -> bundle folder."""
    bundles: dict[str, Path] = {}
    for name, (baseline, pages) in sizes.items():
        target = out / name
        if pages is None:
            shutil.copytree(SAMPLES / SAMPLE_FOLDERS[baseline], target)
        else:
            _write_long_bundle(baseline, pages, target)
        bundles[name] = target
    return bundles


def _write_long_bundle(baseline: str, pages: int, target: Path) -> None:
    """The baseline with long appendices, at `pages` PDF pages or a little over."""
    import pypdfium2 as pdfium

    bundle = capra() if baseline == "s251" else kingfisher()
    per_page = PARAGRAPHS_PER_PAGE
    for _ in range(3):  # the appendices' page count is estimated, then corrected from the render
        members = files(_with_appendices(bundle, baseline, pages, per_page))
        got = _pdf_pages_of(members, pdfium)
        if got >= pages:
            break
        per_page *= 1 + (pages - got) / pages + 0.005
    for path, data in members:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_bytes(data)


def _with_appendices(bundle, baseline: str, pages: int, per_page: float):
    # The protocol takes two thirds of the pages, the application (or an analysis plan) the rest.
    protocol_paragraphs = int(2 * pages / 3 * per_page)
    other_paragraphs = int(pages / 3 * per_page)
    docs = []
    for path, spec in bundle.docs:
        if spec.kind == "protocol":
            spec, path = _extended(spec, protocol_paragraphs, 1), path.rsplit(".", 1)[0] + ".pdf"
        elif spec.kind == "s251_application":
            spec = _extended(spec, other_paragraphs, 2)
        docs.append((path, spec))
    if baseline == "consent":
        protocol = next(spec for _, spec in bundle.docs if spec.kind == "protocol")
        sap = replace(protocol, version="1.0")
        docs.append(
            ("protocol/KINGFISHER statistical analysis plan v1.0.pdf", _extended(sap, other_paragraphs, 3))
        )
    return replace(bundle, docs=tuple(docs))


def _extended(spec: DocSpec, paragraphs: int, seed: int) -> WithAppendices:
    base = replace(spec, fmt="pdf")
    return WithAppendices(
        fmt="pdf", version=base.version, date=base.date, base=base, paragraphs=paragraphs, seed=seed
    )


def _pdf_pages_of(members: list[tuple[str, bytes]], pdfium) -> int:
    total = 0
    for path, data in members:
        if path.lower().endswith(".pdf"):
            pdf = pdfium.PdfDocument(data)
            total += len(pdf)
            pdf.close()
    return total
