"""Where kg finds its ontology and reference data, in a checkout or an installed copy."""
from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_INSTALLED = Path(sys.prefix) / "share" / "kg"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def ontology_dir() -> Path:
    """Folder holding ``kg.ttl`` and ``shapes.ttl``."""
    return _first_existing(_CHECKOUT / "ontology", _INSTALLED / "ontology")


def data_dir() -> Path:
    """Folder holding the gazetteer and the topic scheme."""
    return _first_existing(_CHECKOUT / "data", _INSTALLED / "data")


def reference_files() -> list[Path]:
    """The Turtle files loaded into the reference graph: ontology plus curated data."""
    files = [ontology_dir() / "kg.ttl", data_dir() / "gazetteer.ttl", data_dir() / "topics.ttl"]
    return [f for f in files if f.exists()]
