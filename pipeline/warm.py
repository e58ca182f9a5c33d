"""Imported by the fork server of `batch` before it forks its workers: what every worker would
otherwise do for itself on its first bundle is done once, here, and shared.

Importing this module makes the extractors' deferred patterns (`extractors.text.casefold`), imports
pdfplumber, which reads the tables of nearly every bundle's CAG or REC letter, and has the bundles
a worker checks share one document reader.
"""

from __future__ import annotations

import pdfplumber  # noqa: F401 - imported for the workers' sake

import pipeline.run  # the checks and extractors
from extractors.text.casefold import prepare_deferred

prepare_deferred()
pipeline.run.share_document_readers()  # a worker's bundles share its reader (pipeline.isolation)
