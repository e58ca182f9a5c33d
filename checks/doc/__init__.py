"""DOC: documents."""

from checks.doc.doc_001_unreadable import UnreadableFile
from checks.doc.doc_002_no_text_layer import NoTextLayer
from checks.doc.doc_006_duplicate_files import DuplicateFiles

CHECKS = (UnreadableFile, NoTextLayer, DuplicateFiles)
