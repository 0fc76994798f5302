"""Named SPARQL queries: each question lives in ``kg/queries/NAME.rq``.

User values reach a query only as bindings (``run_named(store, "who_discussed",
name=Literal("O'Brien"))``), never by formatting them into the text.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib.term import Node

from kg.errors import KGError


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of the named query ``NAME.rq``."""
    try:
        return resources.files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KGError(f"no named query {name!r}") from None


def names() -> list[str]:
    """Every named query shipped with kg."""
    return sorted(p.name[:-3] for p in resources.files(__package__).iterdir() if p.name.endswith(".rq"))


def run_named(store, name: str, /, **bindings: Node | None):
    """Run the named query with ``bindings`` (None values stay unbound).

    ``store`` and ``name`` are positional-only so that a query variable may
    itself be called ``?name`` or ``?store`` (``run_named(s, "who_discussed", name=...)``).
    """
    return store.query(load(name), {k: v for k, v in bindings.items() if v is not None})
