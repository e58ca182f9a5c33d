"""Imported by the fork server of `batch` before it forks its workers: what every worker would
otherwise do for itself on its first bundle is done once, here, and shared.

Importing this module makes the extractors' deferred patterns (`extractors.text.casefold`) and imports
pdfplumber, which reads the tables of nearly every bundle's CAG or REC letter.
"""

from __future__ import annotations

import pdfplumber  # noqa: F401 - imported for the workers' sake

import pipeline.run  # noqa: F401 - the checks and extractors
from extractors.text.casefold import prepare_deferred

prepare_deferred()
