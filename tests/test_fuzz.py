"""Property-based fuzzing (issue 6): mutated real PDFs and DOCX files never raise and finish in time.

Each example takes one real document of the sample bundles and damages it: bytes flipped, cut
short, bytes inserted or deleted, or (for a DOCX) one member of its zip corrupted, whether the
member's XML or its compressed data. `load_document` then `extract` must not raise, and the two
must finish within FUZZ_SECONDS, the per-document limit of the run plus a margin.

CI runs a short pass (40 examples). The long pass is the same test with more examples:

    FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py -q --hypothesis-show-statistics

(the README gives its figure). A failure prints the seed document and the mutation, which
hypothesis keeps and replays first on the next run.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
import zipfile
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from extractors import extract
from pipeline.bundle import BundleFile
from pipeline.limits import Limits
from pipeline.load import load_document
from pipeline.model import Status

BUNDLES = Path(__file__).resolve().parents[1] / "sample_docs" / "bundles"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
LIMITS = Limits(max_seconds_per_document=10)
# Reading is cut off at 10 s; extraction has no limit of its own here, so this bounds it too.
FUZZ_SECONDS = 30


@cache
def seeds() -> tuple[tuple[str, bytes], ...]:
    """Every distinct, non-empty PDF and DOCX of the sample bundles, as (name, bytes), in a stable order."""
    found: dict[str, tuple[str, bytes]] = {}
    for path in sorted(BUNDLES.rglob("*")):
        if path.suffix.lower() in (".pdf", ".docx") and path.is_file():
            data = path.read_bytes()
            if not data:
                continue
            found.setdefault(hashlib.sha256(data).hexdigest(), (path.relative_to(BUNDLES).as_posix(), data))
    return tuple(found.values())


def flip(data: bytes, draw) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 32))):
        position = draw(st.integers(0, len(out) - 1))
        out[position] ^= draw(st.integers(1, 255))
    return bytes(out)


def truncate(data: bytes, draw) -> bytes:
    return data[: draw(st.integers(0, len(data) - 1))]


def insert(data: bytes, draw) -> bytes:
    position = draw(st.integers(0, len(data)))
    junk = draw(st.binary(min_size=1, max_size=512) | st.sampled_from(TOKENS))
    return data[:position] + junk * draw(st.integers(1, 64)) + data[position:]


def delete(data: bytes, draw) -> bytes:
    start = draw(st.integers(0, len(data) - 1))
    return data[:start] + data[start + draw(st.integers(1, 4096)) :]


# Pieces of PDF and XML syntax, so that inserted bytes also reach the parsers' deeper states.
TOKENS = [
    b"obj", b"endobj", b"stream", b"endstream", b"/Length 99999999", b"<<", b">>", b"[", b"]", b"(",
    b"/Type /Page", b"/Kids [1 0 R]", b"xref", b"trailer", b"%%EOF", b"0 0 R", b"/Filter /FlateDecode",
    b"<w:p>", b"</w:p>", b"<w:t>", b"<w:tbl>", b"<!--", b"&amp;", b"&#0;", b"\x00", b"\xff\xfe",
]  # fmt: skip


def corrupt_member(data: bytes, draw) -> bytes:
    """A DOCX with one member's content damaged, re-zipped (the XML is broken, the zip is sound),
    or with bytes of one member's compressed data flipped in place (the zip itself is damaged)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        info = draw(st.sampled_from(infos))
        if draw(st.booleans()):
            members = {i.filename: archive.read(i) for i in infos}
            content = members[info.filename]
            mutate = draw(st.sampled_from([flip, truncate, insert, delete]))
            members[info.filename] = mutate(content, draw) if content else content
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for name, value in members.items():
                    target.writestr(name, value)
            return out.getvalue()
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    if info.compress_size == 0:
        return data
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        out[start + draw(st.integers(0, info.compress_size - 1))] ^= draw(st.integers(1, 255))
    return bytes(out)


@st.composite
def mutated_documents(draw) -> tuple[str, str, bytes]:
    name, data = draw(st.sampled_from(seeds()))
    mutations = [flip, truncate, insert, delete]
    if name.endswith(".docx"):
        mutations.append(corrupt_member)
    mutation = draw(st.sampled_from(mutations))
    return name, mutation.__name__, mutation(data, draw)


@pytest.mark.skipif(not BUNDLES.exists(), reason="the sample bundles are not in this checkout")
@settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=FUZZ_SECONDS),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated_documents())
def test_fuzz_mutated_documents_never_raise_and_finish_in_time(case: tuple[str, str, bytes]) -> None:
    name, mutation, data = case
    started = time.monotonic()
    document = load_document(BundleFile(name, len(data), opener=lambda: data), LIMITS)
    facts = extract(document)
    elapsed = time.monotonic() - started
    assert elapsed < FUZZ_SECONDS, f"{name} after {mutation}: {elapsed:.1f} s"
    assert document.status in (Status.OK, Status.NO_TEXT, Status.UNREADABLE)
    if document.status is Status.UNREADABLE:
        assert document.reason and facts.facts == []
        assert "internal error" not in document.reason
    # What became of the documents, for --hypothesis-show-statistics: the status and the reason's kind.
    kind = re.sub(r"\d[\d,.]*", "N", (document.reason or mutation).split(" (")[0])[:70]
    event(f"{document.status.value}: {kind}")
