"""Names and vocabularies: datasets, identifiers, organisations and NHS bodies as documents write them (cues in extractors/data)."""
