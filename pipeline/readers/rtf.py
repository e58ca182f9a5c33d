"""RTF: the text, by striprtf (BSD-3-Clause), a paragraph a block.

RTF is 7-bit text whose other characters are escapes (`\\'92`, `\\u8217`), so the bytes are read as
cp1252 and striprtf turns the control words into text; nothing in the file is run or fetched.
"""

from __future__ import annotations

from pipeline.errors import UnreadableDocument
from pipeline.limits import Limits
from pipeline.model import Block, ParsedDocument, Part
from pipeline.readers.text_tools import clean_text


def read_rtf(data: bytes, limits: Limits) -> ParsedDocument:
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise UnreadableDocument("the file is named .rtf but is not an RTF document (no {\\rtf header)")
    text = rtf_to_text(data.decode("cp1252", errors="replace"), errors="ignore")
    if len(text) > limits.max_text_chars:
        raise UnreadableDocument(f"the file holds more than {limits.max_text_chars:,} characters of text")
    blocks: list[Block] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        cleaned = clean_text(line)
        if cleaned:
            blocks.append(Block(index=len(blocks), text=cleaned, part=Part.BODY, paragraph=len(blocks) + 1))
    return ParsedDocument(format="rtf", blocks=blocks)
