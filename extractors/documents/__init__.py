"""Document facts: one extractor a fact family (kind, version and date, CAG support, consent, privacy notice, ...), registered in extractors/__init__.py."""
