"""Images (.png, .jpg, .tif): a photo or scan of a page, read by OCR; each frame of a TIFF is a page."""

from __future__ import annotations

import io
import warnings

from pipeline.errors import LimitExceeded, UnreadableDocument
from pipeline.limits import Limits, raise_with
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.text_tools import clean_text

# A page photographed at 600 dpi is about 35 million pixels; more is refused before it is decoded.
MAX_PIXELS = 60_000_000
# The longest side an image is given to the engine at (a page at 200 dpi is 2,339 pixels high).
MAX_SIDE = 2400


def read_image(data: bytes, limits: Limits) -> ParsedDocument:
    from PIL import Image, ImageOps, UnidentifiedImageError

    from pipeline.readers import ocr

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.size  # noqa: B018 - the header is read, nothing decoded yet
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UnreadableDocument(too_many_pixels(f"more than {Image.MAX_IMAGE_PIXELS:,}")) from None
    except (UnidentifiedImageError, OSError):
        raise UnreadableDocument("the image cannot be read (not an image, or damaged)") from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise UnreadableDocument(too_many_pixels(f"{width:,} x {height:,}"))
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pages:
        raise LimitExceeded(
            f"the image has {frames:,} pages, over the limit of {limits.max_pages:,} "
            + raise_with("max_pages")
        )
    blocks: list[Block] = []
    notes: list[str] = []
    try:
        ocr._load_engine()
    except ocr.NoOcrEngine:  # DOC-002, saying how to enable OCR
        note = f"the image is a scan, and {ocr.NO_ENGINE}"
        return ParsedDocument(
            format="image", blocks=[Block(index=0, text="", page=1)], pages=frames, notes=[note]
        )
    for index in range(frames):
        try:
            image.seek(index)
            page = ImageOps.exif_transpose(image.convert("RGB"))
        except (OSError, ValueError, SyntaxError):
            raise UnreadableDocument(
                f"the image is damaged: page {index + 1} of {frames} cannot be decoded"
            ) from None
        page.thumbnail((MAX_SIDE, MAX_SIDE))
        read = ocr.recognise(page)
        text = clean_text(read.text)
        blocks.append(
            Block(
                index=index, text=text, part=Part.BODY, page=index + 1, ocr=True, confidence=read.confidence
            )
        )
        notes.extend(ocr_notes(index + 1, read, frames == 1))
    return ParsedDocument(format="image", blocks=blocks, pages=frames, notes=notes)


def too_many_pixels(size: str) -> str:
    return (
        f"the image has {size} pixels, over the limit of {MAX_PIXELS:,} pixels (a decompression bomb?): "
        "send it as a PDF, or at a lower resolution"
    )


def ocr_notes(page: int, read, only_page: bool = False) -> list[str]:
    """What the report says of a page read by OCR: the engine and its confidence, and a warning
    when the confidence is poor."""
    from pipeline.readers.ocr import POOR_CONFIDENCE

    where = "the image" if only_page else f"page {page}"
    notes = [f"{where} read by OCR ({read.engine}, confidence {read.confidence:.2f})"]
    if read.text.strip() and read.confidence < POOR_CONFIDENCE:
        notes.append(
            f"{where}: the OCR text is poor (confidence {read.confidence:.2f}, under {POOR_CONFIDENCE:.2f}): "
            "its facts may be wrong or missing; ask for a clearer scan or the original document"
        )
    return notes
