"""Domain errors.  The library raises them; the CLI turns each into one line on stderr."""
from __future__ import annotations


class KGError(Exception):
    """Base of every error kg reports to a user (exit code 1 unless stated)."""

    exit_code = 1


class InputError(KGError):
    """A source path or file cannot be read as an article."""


class QueryError(KGError):
    """A SPARQL query is malformed or failed."""


class UnknownNameError(KGError):
    """A name given to a question (--with, --speaker, --topic) matches nothing in the store."""


class StoreError(KGError):
    """The store cannot be opened, is locked, or a write failed."""


class UsageError(KGError):
    """An option value is not one kg accepts (unknown --type, bad date)."""

    exit_code = 2
