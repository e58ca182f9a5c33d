"""The sample acceptance file: a reviewer accepts one finding of `s251-org-gaps`, and the acceptance
carries to its resubmission `s251-org-gaps-v2`, where the same finding keeps its fingerprint.

The fingerprint is the tool's (a hash of ORG-002 and the organisation it is about);
`tests/test_resubmission.py` checks that it still matches what `check` reports."""

from __future__ import annotations

ACCEPT_FILE = "s251-org-gaps.accept.yaml"
ACCEPT_TEXT = """\
# Findings the reviewer has accepted for DARS-NIC-604512-K7M2Q (CAPRA).
# dars-evidence check BUNDLE --accept sample_docs/acceptances/s251-org-gaps.accept.yaml
accepted:
  - fingerprint: 3e4e70356009ed28  # ORG-002: Caldergate Secure Research Hosting Ltd gives no processing location
    reason: Processing location (UK, London region) confirmed in the processor's DSPT entry
    by: A. Reviewer
    date: 2024-09-20
    expires: 2025-09-20
"""
