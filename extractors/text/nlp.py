"""spaCy's English stop words, without importing spaCy.

Importing spaCy costs most of a second; the tool needs only its list of English stop words (for
S251-005's comparison of subject words), so the list is read from spaCy's data module alone.
Tokenising for the identifier rules is `extractors.text.tokens`.
"""

from __future__ import annotations

import sys
from functools import cache


@cache
def stop_words() -> frozenset[str]:
    """spaCy's English stop words.

    They live in a module of plain data (`spacy/lang/en/stop_words.py`) that imports nothing, but
    importing it the usual way imports the whole of spaCy first. So the module is run on its own,
    unless spaCy is already loaded; should that ever fail, the usual import gives the same set.
    """
    loaded = sys.modules.get("spacy.lang.en.stop_words")
    if loaded is None:
        try:
            return frozenset(_stop_words_module_alone().STOP_WORDS)
        except Exception:  # noqa: BLE001 - a layout we do not expect: import it the usual way
            pass
        from spacy.lang.en import stop_words as loaded
    return frozenset(loaded.STOP_WORDS)


def _stop_words_module_alone():
    from importlib.util import find_spec, module_from_spec, spec_from_file_location
    from pathlib import Path

    spacy_spec = find_spec("spacy")
    if spacy_spec is None or not spacy_spec.origin:
        raise ImportError("spaCy is not installed")
    path = Path(spacy_spec.origin).parent / "lang" / "en" / "stop_words.py"
    spec = spec_from_file_location("_dars_evidence_spacy_en_stop_words", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
