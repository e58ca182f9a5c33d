"""Generator of the sample evidence bundles in ``sample_docs/bundles``.

The bundles are realistic, fictional DARS evidence bundles with planted discrepancies; ``keys.json``
says which findings each must produce and what each document's kind, version, date and CAG
references are. Everything is generated from one set of definitions (``bundles.py``), so the documents
and the keys cannot drift apart, and every output is byte-for-byte reproducible.
"""
