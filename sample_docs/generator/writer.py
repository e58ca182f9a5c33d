"""Render the documents of a bundle and write the bundle as a folder or a zip.

Rendering is cached on (spec, study): most variants share most documents with their baseline, so each
distinct document is rendered once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .bundle import Bundle
from .docx_layout import render_docx
from .junk import DS_STORE, apple_double
from .model import DocSpec
from .pdf_layout import render_image_pdf, render_pdf
from .requests import to_yaml
from .studies import Study
from .texts.misc import ScannedDeclaration
from .zipping import write_zip


@cache
def render(spec: DocSpec, study: Study) -> bytes:
    if isinstance(spec, ScannedDeclaration):
        return render_image_pdf(spec.image(study), title="scan0042")
    layout = spec.with_extra(study)
    return render_pdf(layout) if spec.fmt == "pdf" else render_docx(layout)


def files(bundle: Bundle) -> list[tuple[str, bytes]]:
    """Every file of the bundle, relative to its root, in a fixed order."""
    out: list[tuple[str, bytes]] = []
    if bundle.request_text is not None:
        out.append(("request.yaml", bundle.request_text.encode()))
    elif bundle.request is not None:
        req = {**bundle.request, "submitted": bundle.as_of}
        out.append(("request.yaml", to_yaml(req, bundle.study).encode()))
    out += [(path, render(spec, bundle.study)) for path, spec in bundle.docs]
    out += list(bundle.extras)
    return out


def write(bundle: Bundle, root: Path) -> None:
    members = files(bundle)
    if bundle.archive is None:
        for path, data in members:
            target = root / bundle.name / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return
    if bundle.archive == "zip":  # as macOS Finder zips a folder: one top folder, plus its debris
        top = bundle.name
        dirs = sorted(
            {
                f"{top}/" + "/".join(p.split("/")[:i]) + "/"
                for p, _ in members
                for i in range(1, p.count("/") + 1)
            }
        )
        entries = [(f"{top}/", b""), *((d, b"") for d in dirs)]
        for path, data in members:
            entries.append((f"{top}/{path}", data))
            if path.endswith((".docx", ".pdf")):
                entries.append((f"__MACOSX/{top}/" + _apple_name(path), apple_double(path.split("/")[-1])))
        entries.append((f"{top}/.DS_Store", DS_STORE))
        entries.insert(1, ("__MACOSX/", b""))
    else:  # members at the archive root
        entries = members
    (root / f"{bundle.name}.zip").write_bytes(write_zip(entries))


def _apple_name(path: str) -> str:
    parts = path.split("/")
    return "/".join([*parts[:-1], "._" + parts[-1]])
