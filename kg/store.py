"""The triple store: embedded Oxigraph on disk, or any SPARQL 1.1 endpoint.

Both kinds offer the same small interface (``query``, ``replace_graph``,
``drop_graph``, ``graph_hashes``, ``dump``), so every command works on
either.  Each source document lives in its own named graph; replacing a
document is one transaction (local) or one update request (remote).  Queries
see the union of all graphs as their default graph.

Values from users reach a query as bindings, never by formatting them into
the query text: they travel as a ``VALUES`` block of serialised RDF terms
placed at the start of the outer ``WHERE`` group, which is how rdflib's
SPARQLStore sends ``initBindings``, for the local and the remote store alike.
(pyoxigraph's own ``substitutions`` are not used: with them ``BOUND(?x)`` is
false for a substituted variable, so ``FILTER(!BOUND(?x) || ...)`` never
filters, and every substituted variable must be projected.)
"""
from __future__ import annotations

import fcntl
import functools
import io
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError

DEFAULT_STORE = Path.home() / ".local" / "share" / "kg" / "store"
ENV_STORE = "KG_STORE"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
#: Tries to open a read-only snapshot while another process compacts the store.
READ_ONLY_ATTEMPTS = 10
#: Most quads given to Oxigraph's bulk loader at once: below its batch size
#: (1,000,000), a bulk load is one atomic ingestion of index files.
BULK_QUADS = 500_000
#: Most quads an ingest writes at once by default: the bulk loader holds about
#: 0.9 KB per quad while it sorts a batch, so this bounds an ingest's memory.
WRITE_BATCH_QUADS = 300_000
#: Environment variable setting the most quads an ingest writes at once, up to
#: BULK_QUADS (memory vs speed).
ENV_WRITE_BATCH_QUADS = "KG_WRITE_BATCH_QUADS"
#: Fewer quads than this are written in a plain transaction.
BULK_MIN_QUADS = 5_000
SERIALISATIONS = {"trig": "trig", "nquads": "nquads", "ttl": "turtle", "turtle": "turtle",
                  "jsonld": "json-ld", "json-ld": "json-ld", "nt": "nt"}


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE)."""

    kind: str                                    # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def resolve_location(store: str | os.PathLike | None) -> str:
    """The store location: the ``--store`` value, else ``$KG_STORE``, else the default folder."""
    if store:
        return str(store)
    return os.environ.get(ENV_STORE) or str(DEFAULT_STORE)


def open_store(location: str | os.PathLike | None = None, *, update_url: str | None = None,
               create: bool = True, read_only: bool = False) -> "LocalStore | RemoteStore":
    """Open the store at ``location`` (a folder, or ``sparql+http://host:port/path``).

    ``read_only`` opens an embedded store as a snapshot that never takes the
    database lock, so it can be read while another process writes it (kg
    serve does this); a remote store opened read-only refuses writes.
    """
    where = resolve_location(location)
    if where.startswith(REMOTE_SCHEMES):
        from kg.remote import RemoteStore
        return RemoteStore(where, update_url=update_url, read_only=read_only)
    return LocalStore(Path(where), create=create, read_only=read_only)


def _sparql_term(term: Node) -> str:
    """A term in SPARQL syntax, escaped by rdflib (used for VALUES blocks and graph names)."""
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    raise QueryError(f"cannot bind a {type(term).__name__} in a query")


def bindings_as_values(sparql: str, bindings: dict[str, Node]) -> str:
    """Place ``bindings`` as a VALUES block at the start of the query's outer WHERE group.

    The values are serialised RDF terms (rdflib escapes quotes and
    backslashes), so a value can never change the query's structure.
    """
    bound = {k: v for k, v in bindings.items() if v is not None}
    if not bound:
        return sparql
    names = " ".join(f"?{name}" for name in bound)
    values = " ".join(_sparql_term(v) for v in bound.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    match = re.search(r"\bWHERE\s*\{", sparql, re.IGNORECASE)
    if not match:
        raise QueryError("a query with bindings needs a WHERE clause")
    return sparql[:match.end()] + " " + block + " " + sparql[match.end():]


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


class _LockFile:
    """An advisory lock so that only one process writes an embedded store at a time."""

    def __init__(self, path: Path):
        self.path = path
        self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock; False if this object already holds it (flock is per open file,
        so a second acquire from the same process would otherwise refuse itself)."""
        if self._handle is not None:
            return False
        self._handle = open(self.path, "a+")
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._handle.close()
            self._handle = None
            raise StoreError(f"another kg process is writing to the store {self.path.parent}; "
                             "wait for it to finish") from None
        return True

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


class LocalStore:
    """An Oxigraph store in a folder on disk (pyoxigraph)."""

    kind = "local"
    #: The most quads an ingest gives replace_graphs at once (one atomic bulk load).  The
    #: loader holds about 0.9 KB per quad while it sorts, so this trades memory for
    #: speed: $KG_WRITE_BATCH_QUADS sets it, up to BULK_QUADS (larger batches mean less
    #: compaction; see the README's bulk-ingest figures).
    bulk_quads = WRITE_BATCH_QUADS

    def __init__(self, path: Path, create: bool = True, read_only: bool = False):
        import pyoxigraph as ox  # imported here so that merely importing kg stays light

        self._ox = ox
        wanted = os.environ.get(ENV_WRITE_BATCH_QUADS)     # checked before the store is opened
        if wanted:
            try:
                self.bulk_quads = max(1, min(BULK_QUADS, int(wanted)))
            except ValueError:
                raise StoreError(f"{ENV_WRITE_BATCH_QUADS} must be a whole number of quads, not {wanted!r}") from None
        self.path = path
        self.location = str(path)
        #: Why writes are refused (None on a writable store).
        self.read_only_reason: str | None = None
        if not path.exists():
            if not create or read_only:
                raise StoreError(f"no store at {path}; run `kg ingest` first or pass --store")
            path.mkdir(parents=True, exist_ok=True)
        elif not path.is_dir():
            raise StoreError(f"store location is not a folder: {path}")
        if read_only:
            self._store = self._open_read_only(path)
            self.read_only_reason = "it was opened read-only"
        else:
            try:
                self._store = ox.Store(str(path / "oxigraph"))
            except OSError as exc:
                text = str(exc)
                if "lock" not in text.lower():
                    raise StoreError(f"cannot open the store {path}: {_one_line(text)}") from None
                # Another process (an ingest, or kg serve --allow-update) holds
                # RocksDB's lock.  Readers still work: a read-only instance takes
                # no lock and sees the data committed when it was opened.
                # Writes then fail with the message below instead of here, so
                # that `kg ask` works during an ingest.
                self._store = self._open_read_only(path)
                self.read_only_reason = ("another kg process has it open for writing (an ingest, or "
                                         "kg serve --allow-update); try again when that has finished")
        self._writer_lock = _LockFile(path / "kg-writer.lock")

    def _open_read_only(self, path: Path):
        # A read-only instance reads the file list (MANIFEST) of a store that
        # another process may be compacting: a file it lists can be deleted
        # before it is opened ("Corruption: ... No such file").  That is a
        # race, not damage; a new attempt reads the new file list.
        attempts = READ_ONLY_ATTEMPTS
        for attempt in range(attempts):
            try:
                return self._ox.Store.read_only(str(path / "oxigraph"))
            except (OSError, RuntimeError) as exc:
                if not (path / "oxigraph" / "CURRENT").exists():
                    raise StoreError(f"no store at {path}; run `kg ingest` first or pass --store") from None
                if attempt == attempts - 1:
                    raise StoreError(f"cannot open the store {path} for reading: {_one_line(exc)}") from None
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    @property
    def read_only(self) -> bool:
        """True when this handle cannot write (opened read-only, or another process writes)."""
        return self.read_only_reason is not None

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise StoreError(f"cannot write to the store {self.path}: {self.read_only_reason}")

    # -- writing -------------------------------------------------------------
    def lock_for_writing(self) -> bool:
        """Take the writer lock; raise StoreError if another process holds it.

        Returns False when this store object already held it (so a caller
        knows whether to ``unlock``).  The lock is an ``flock`` on
        ``kg-writer.lock``: the kernel drops it when the process dies, even
        by ``kill -9``, so a crash never leaves the store locked.
        """
        self._check_writable()
        took = self._writer_lock.acquire()
        # A bulk-load file left by a writer that was killed mid-write: only
        # the lock holder may remove it, as no one else can be writing one.
        if took:
            for leftover in self.path.glob("kg-bulk-*.nq"):
                leftover.unlink(missing_ok=True)
        return took

    def unlock(self) -> None:
        """Release the writer lock."""
        self._writer_lock.release()

    def replace_graph(self, graph_name: URIRef, ntriples: str) -> None:
        """Replace the named graph's content by ``ntriples``, in one transaction."""
        self.replace_graphs([(graph_name, ntriples)])

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, str]]) -> None:
        """Replace several named graphs (bulk ingest); a crash leaves each document whole or absent.

        Graphs not yet in the store are written with Oxigraph's bulk loader:
        sorted index files built aside and added in ONE RocksDB ingestion,
        which is atomic (all files or none, also across a crash) as long as
        the batch stays under the loader's batch size, hence BULK_QUADS.  It
        costs a third of a transactional insert and does not slow down as the
        store grows.  Graphs that exist already are replaced by one SPARQL
        update (DROP + INSERT DATA for each), a single transaction.
        """
        self._check_writable()
        replace: list[str] = []
        fresh: list[tuple[URIRef, str]] = []
        fresh_quads = 0
        seen: set[str] = set()
        for name, ntriples in graphs:
            if str(name) in seen or self._store.contains_named_graph(self._ox.NamedNode(str(name))):
                replace.append(f"DROP SILENT GRAPH {name.n3()} ;\nINSERT DATA {{ GRAPH {name.n3()} {{\n{ntriples}\n}} }}")
                seen.add(str(name))
                continue
            seen.add(str(name))
            # One N-Triples statement a line (our writer's output): a cheap count.
            count = ntriples.count("\n") + (0 if ntriples.endswith("\n") or not ntriples else 1)
            if fresh and fresh_quads + count > BULK_QUADS:
                self._write_fresh(fresh, fresh_quads)
                fresh, fresh_quads = [], 0
            fresh.append((name, ntriples))
            fresh_quads += count
        if fresh:
            self._write_fresh(fresh, fresh_quads)
        if not replace:
            return
        try:
            self._store.update(" ;\n".join(replace))
        except (SyntaxError, OSError, ValueError) as exc:
            raise StoreError(f"batch write failed: {_one_line(exc)}") from None

    def _write_fresh(self, graphs: list[tuple[URIRef, str]], quads: int) -> None:
        """Add graphs that are not in the store yet, in one atomic write."""
        ox = self._ox
        if BULK_MIN_QUADS <= quads <= BULK_QUADS:
            # The text goes to the bulk loader as it is: parsing and sorting
            # happen in Rust, with no Python object per triple.  It goes through
            # a file beside the store rather than one joined string: the loader
            # reads it without the GIL, and the batch is not held twice more
            # in memory (as a str and as bytes) while the loader sorts it.
            try:
                with tempfile.NamedTemporaryFile(dir=self.path, prefix="kg-bulk-", suffix=".nq") as text:
                    for name, ntriples in graphs:
                        text.write(_as_nquads(ntriples, name.n3()).encode("utf-8"))
                    text.flush()
                    self._store.bulk_load(path=text.name, format=ox.RdfFormat.N_QUADS)
                return
            except SyntaxError:
                pass    # below, parsed document by document to name the one at fault
            except (OSError, ValueError) as exc:
                raise StoreError(f"batch write failed: {_one_line(exc)}") from None
        batch = []
        for name, ntriples in graphs:
            node = ox.NamedNode(str(name))
            try:
                batch.extend(ox.Quad(t.subject, t.predicate, t.object, node)
                             for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
            except (SyntaxError, ValueError) as exc:
                raise StoreError(f"write of {name} failed: {_one_line(exc)}") from None
        self._bulk(batch)

    def _bulk(self, quads: list) -> None:
        if len(quads) > BULK_QUADS or len(quads) < BULK_MIN_QUADS:
            # One document larger than a bulk batch: a transaction keeps it
            # whole.  A small write: a transaction is cheaper than the nine
            # index files of a bulk load.
            try:
                self._store.extend(quads)
            except (OSError, ValueError) as exc:
                raise StoreError(f"write failed: {_one_line(exc)}") from None
            return
        try:
            self._store.bulk_extend(quads)
        except (OSError, ValueError) as exc:
            raise StoreError(f"batch write failed: {_one_line(exc)}") from None

    def drop_graph(self, graph_name: URIRef) -> None:
        """Remove a named graph and everything in it."""
        self._check_writable()
        try:
            self._store.update(f"DROP SILENT GRAPH {graph_name.n3()}")
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"drop of {graph_name} failed: {_one_line(exc)}") from None

    def flush(self) -> None:
        """Make sure everything written is on disk (a no-op on a read-only handle)."""
        if not self.read_only:
            self._store.flush()

    # -- reading -------------------------------------------------------------
    def query(self, sparql: str, bindings: dict[str, Node] | None = None, *,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs.

        ``default_graphs`` / ``named_graphs`` (graph IRIs) replace that
        dataset, as the SPARQL protocol's ``default-graph-uri`` and
        ``named-graph-uri`` parameters do.
        """
        ox = self._ox
        dataset: dict = {"use_default_graph_as_union": True}
        try:
            if default_graphs:
                dataset = {"default_graph": [ox.NamedNode(g) for g in default_graphs]}
            if named_graphs:
                dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"bad graph IRI: {_one_line(exc)}") from None
        try:
            result = self._store.query(bindings_as_values(sparql, bindings or {}), **dataset)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {_one_line(exc)}") from None
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_one_line(exc)}") from None
        ox = self._ox
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = []
            for solution in result:
                row = {}
                for name in variables:
                    term = solution[name]
                    if term is not None:
                        row[name] = _from_ox(ox, term)
                rows.append(row)
            return QueryResult("select", variables=variables, rows=rows)
        graph = Graph()
        for triple in result:
            graph.add((_from_ox(ox, triple.subject), _from_ox(ox, triple.predicate), _from_ox(ox, triple.object)))
        return QueryResult("graph", graph=graph)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (used by tests and `kg serve --allow-update`)."""
        self._check_writable()
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL update: {_one_line(exc)}") from None

    def named_graphs(self) -> list[str]:
        """IRIs of every named graph."""
        return [g.value for g in self._store.named_graphs()]

    def dump(self, fmt: str) -> bytes:
        """Serialise the whole dataset (named graphs kept in trig and nquads)."""
        ox = self._ox
        formats = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
        if fmt in formats:
            return self._store.dump(format=formats[fmt])
        data = self._store.dump(format=ox.RdfFormat.N_QUADS)
        from rdflib import Dataset
        dataset = Dataset()
        dataset.parse(data=data, format="nquads")
        union = Graph()
        for prefix, ns in _prefixes().items():
            union.bind(prefix, ns)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format=SERIALISATIONS[fmt]).encode("utf-8")

    def close(self) -> None:
        """Release the store (and the writer lock, if held)."""
        self.unlock()
        store = getattr(self, "_store", None)
        if store is not None:
            if not self.read_only:
                store.flush()
            del self._store


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES
    return PREFIXES


def _from_ox(ox, term) -> Node:
    # Results repeat the same IRIs, labels and dates many times; building an rdflib
    # Literal parses its value, so converting each distinct term once halves the
    # cost of large answers.
    try:
        return _from_ox_cached(term)
    except TypeError:  # an unhashable term (e.g. a quoted triple)
        return _convert_ox(ox, term)


@functools.lru_cache(maxsize=200_000)
def _from_ox_cached(term) -> Node:
    import pyoxigraph as ox
    return _convert_ox(ox, term)


def _convert_ox(ox, term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))


def _as_nquads(ntriples: str, graph_term: str) -> str:
    """N-Triples lines of one graph as N-Quads lines in ``graph_term`` (an IRI in angle brackets)."""
    suffix = f" {graph_term} .\n"
    return "".join(line[:-1].rstrip() + suffix for line in ntriples.splitlines() if line.strip())


def graph_to_ntriples(graph: Graph) -> str:
    """N-Triples text of an rdflib graph (what replace_graph takes)."""
    out = io.BytesIO()
    graph.serialize(out, format="nt", encoding="utf-8")
    return out.getvalue().decode("utf-8")
