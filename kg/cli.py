"""The ``kg`` command line: a thin click layer over the kg library.

Each command reads its options, calls one library function (``kg.ingest``,
``kg.answers``, ``kg.validate``, ``kg.store``) and prints what it returns
with ``kg.formats``.  Every ``kg.errors.KGError`` becomes one line
``Error: ...`` on stderr with the error's exit code; so does any other
exception (no traceback) unless ``KG_DEBUG=1``.

Library modules are imported inside the commands: ``kg --help`` and the query
commands then load only what they use, and nothing on the query path imports
spaCy (``tests/test_no_spacy_on_query_path.py`` checks it).
"""
from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KGError

# The same lists as kg.formats; repeated so that `kg --help` need not import rdflib.
ROW_FORMATS = ("table", "csv", "tsv", "json")
QUERY_FORMATS = ("table", "csv", "tsv", "json", "ttl")
EXPORT_FORMATS = ("trig", "nquads", "ttl", "jsonld", "graphml", "gexf")
PROGRESS_MIN_FILES = 5


class KGClickError(click.ClickException):
    """A one-line ``Error: ...`` with a chosen exit code."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(" ".join(str(message).split()))
        self.exit_code = exit_code


def _usage_error(exc: click.UsageError) -> KGClickError:
    # click prints usage errors as several lines (usage, hint, error); kg
    # promises one line, so keep the message and point at --help instead.
    where = exc.ctx.command_path if exc.ctx is not None else "kg"
    return KGClickError(f"{exc.format_message()} (see `{where} --help`)", exc.exit_code)


class KGGroup(click.Group):
    """A click group that turns every error into one ``Error:`` line."""

    def make_context(self, info_name, args, parent=None, **extra):
        """Parse the group's own options; a usage error becomes one line."""
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise _usage_error(exc) from None

    def invoke(self, ctx):
        """Run the subcommand; KGError and unexpected exceptions become one line."""
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise KGClickError(str(exc), exc.exit_code) from None
        except click.UsageError as exc:
            raise _usage_error(exc) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("KG_DEBUG") == "1":
                raise
            raise KGClickError(f"unexpected {type(exc).__name__}: {exc} "
                               "(set KG_DEBUG=1 to see the traceback)") from None


# -- shared options and helpers ------------------------------------------------

def output_options(formats: tuple[str, ...] = ROW_FORMATS, default: str | None = "table"):
    """Decorator adding ``--format`` (checked by kg.formats, so a bad value is one line)."""
    def decorator(func):
        return click.option(
            "--format", "fmt", default=default, metavar="|".join(formats),
            show_default=default is not None,
            help=f"Output format: {', '.join(formats)}.")(func)
    return decorator


@contextlib.contextmanager
def _query_store():
    """The store of ``--store``/$KG_STORE, opened for reading (never created), closed afterwards."""
    from kg.answers import open_for_query

    store = open_for_query(click.get_current_context().find_root().params.get("store_location"))
    try:
        yield store
    finally:
        close = getattr(store, "close", None)
        if close is not None:
            close()


def _emit_rows(rows: list[dict], fmt: str, columns_of: str) -> None:
    from kg.answers import COLUMNS
    from kg.formats import format_rows

    click.echo(format_rows(rows, fmt, COLUMNS.get(columns_of)))


def _check_format(fmt: str | None, allowed: tuple[str, ...]) -> str | None:
    from kg.formats import check_format

    return None if fmt is None else check_format(fmt, allowed)


class LazyExtractor:
    """Builds the spaCy extractor on first use, so unchanged files never load spaCy.

    ``kg.ingest.ingest_paths`` calls ``extract_many`` only when some file
    needs reading.
    """

    def __init__(self, model: str | None = None):
        self.model = model
        self._extractor = None

    def extract_many(self, articles, batch_size: int = 16):
        """Yield (article, DocumentFacts) for each article (see kg.extract.pipeline.Extractor)."""
        if self._extractor is None:
            from kg.extract.pipeline import Extractor
            self._extractor = Extractor(model=self.model)
        return self._extractor.extract_many(articles, batch_size=batch_size)


def make_extractor(model: str | None = None):
    """The extractor ``kg ingest`` uses: a hook that tests replace with a fake."""
    return LazyExtractor(model)


# -- the group -----------------------------------------------------------------

@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store_location", metavar="DIR", envvar="KG_STORE", show_envvar=True,
              help="Store folder (or sparql+http://host:port/path); default ~/.local/share/kg/store.")
@click.version_option(__version__, "--version", prog_name="kg")
def cli(store_location):
    """Build and query a knowledge graph of political actors from news articles.

    \b
    Example:
        kg ingest seeds/
        kg ask who-discussed --with Kishida --topic export
        kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Meeting }'
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--force", is_flag=True, help="Re-read files even when stored unchanged.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: $KG_SPACY_MODEL or the pinned small English model).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Documents per spaCy batch.")
@click.option("--processes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for NLP and extraction (default: $KG_PROCESSES or 1).")
def ingest(paths, force, model, batch_size, processes):
    """Read articles (files or folders of *.txt/*.md) into the store.

    Each document becomes one named graph; unchanged files are skipped. Bad
    files are reported and skipped, the others are ingested; the exit code
    is 1 if any file failed.

    \b
    Example:
        kg ingest seeds/
        kg --store /tmp/kg ingest article.txt --force
    """
    from kg.errors import InputError
    from kg.ingest import ingest_paths
    from kg.sources import find_articles
    from kg.store import REMOTE_SCHEMES, open_store, resolve_location

    # A missing path or an empty folder fails here, before a store folder is created.
    find_articles(list(paths))
    location = resolve_location(click.get_current_context().find_root().params.get("store_location"))
    # A store folder this run creates is removed again if no file could be read at all.
    new_folder = None if location.startswith(REMOTE_SCHEMES) or Path(location).exists() else Path(location)
    store = open_store(location)
    bar = None

    def on_start(total: int) -> None:
        nonlocal bar
        if total > PROGRESS_MIN_FILES:
            from tqdm import tqdm
            # disable=None: no bar when stderr is not a terminal (logs, CI, tests).
            bar = tqdm(total=total, file=sys.stderr, unit="doc", disable=None, leave=False)

    def progress(done: int) -> None:
        if bar is not None:
            bar.update(done)

    nothing_read = False
    try:
        store.lock_for_writing()
        report = ingest_paths(store, list(paths), extractor=make_extractor(model), force=force,
                              batch_size=batch_size, progress=progress, on_start=on_start,
                              n_process=processes, model=model)
    except InputError:
        nothing_read = True     # raised before anything is written: none of the files could be read
        raise
    finally:
        if bar is not None:
            bar.close()
        store.close()
        if nothing_read and new_folder is not None:
            shutil.rmtree(new_folder, ignore_errors=True)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for _path, reason in report.failed:
        click.echo(f"Error: {reason}", err=True)
    click.echo(f"ingested {len(report.ingested)} documents ({len(report.skipped_unchanged)} skipped unchanged, "
               f"{len(report.failed)} failed), {report.triples} triples", err=True)
    if report.failed:
        click.get_current_context().exit(1)


def _read_query_argument(argument: str) -> str:
    from kg.errors import InputError

    if argument == "-":
        return click.get_text_stream("stdin").read()
    path = Path(argument)
    try:
        is_file = path.is_file()
    except OSError:          # SPARQL text too long to be a file name
        is_file = False
    if is_file:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read query file {path}: {exc}") from None
    if path.suffix in (".rq", ".sparql") and "\n" not in argument and " " not in argument:
        raise InputError(f"no such query file: {path}")
    return argument


@cli.command()
@click.argument("sparql", metavar="SPARQL|FILE|-")
@output_options(QUERY_FORMATS, default=None)
def query(sparql, fmt):
    """Run a read-only SPARQL query over all graphs (updates are refused).

    The default graph is the union of the reference graph and every document
    graph. Formats: table (default), csv, tsv, json; ttl (default) or json
    (JSON-LD) for CONSTRUCT/DESCRIBE.

    \b
    Example:
        kg query 'PREFIX kg: <https://w3id.org/kg-news/ns#>
          SELECT ?m ?kind WHERE { ?m a kg:Meeting ; kg:meetingKind ?kind }'
        kg query my-question.rq --format csv
        echo 'ASK { ?s ?p ?o }' | kg query - --format json
    """
    from kg.answers import run_sparql
    from kg.formats import format_result

    fmt = _check_format(fmt, QUERY_FORMATS)
    text = _read_query_argument(sparql)
    with _query_store() as store:
        result = run_sparql(store, text)
    click.echo(format_result(result, fmt))


@cli.group(cls=KGGroup)
def ask():
    """Ask the questions kg is built for.

    \b
    Example:
        kg ask who-discussed --with Biden
        kg ask who-said --speaker Campbell --format json
        kg ask conflicts
    """


@ask.command("who-discussed")
@click.option("--with", "name", metavar="NAME", help="A participant's name, or part of it (case-insensitive).")
@click.option("--topic", metavar="TEXT", help="Part of a topic label (case-insensitive).")
@click.option("--since", metavar="DATE", help="Meetings that can have happened on or after YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="Meetings that can have happened on or before YYYY-MM-DD.")
@click.option("--min-confidence", metavar="X", help="Only facts with confidence >= X (0 to 1).")
@output_options()
def who_discussed(name, topic, since, until, min_confidence, fmt):
    """Who met, called or talked with whom, about what, when and where.

    One row per meeting the sources say was held, with the sentence it was
    read from and the source file.

    \b
    Example:
        kg ask who-discussed --with Kishida --topic semiconductor
        kg ask who-discussed --since 2023-01-01 --until 2023-01-31 --format json
    """
    from kg import answers

    fmt = _check_format(fmt, ROW_FORMATS)
    with _query_store() as store:
        answers.require_known(store, actor=("--with", name), topic=("--topic", topic))
        rows = answers.who_discussed(store, name=name, topic=topic, since=since, until=until,
                                     min_confidence=min_confidence)
    _emit_rows(rows, fmt, "who_discussed")


@ask.command("who-said")
@click.option("--speaker", metavar="NAME", help="The speaker's name, or part of it (case-insensitive).")
@click.option("--topic", metavar="TEXT", help="Part of a topic label (case-insensitive).")
@click.option("--min-confidence", metavar="X", help="Only facts with confidence >= X (0 to 1).")
@output_options()
def who_said(speaker, topic, min_confidence, fmt):
    """Who said what: direct quotes and reported speech, with their source.

    \b
    Example:
        kg ask who-said --speaker Campbell
        kg ask who-said --topic export --format csv
    """
    from kg import answers

    fmt = _check_format(fmt, ROW_FORMATS)
    with _query_store() as store:
        answers.require_known(store, actor=("--speaker", speaker), topic=("--topic", topic))
        rows = answers.who_said(store, speaker=speaker, topic=topic, min_confidence=min_confidence)
    _emit_rows(rows, fmt, "who_said")


@ask.command("conflicts")
@output_options()
def conflicts(fmt):
    """Posts the sources give a person that the reference data contradicts.

    The sources are kept as said, not believed: a claim that Joe Biden is
    "Vice President" in 2023 is listed here with the post he held.

    \b
    Example:
        kg ask conflicts
        kg ask conflicts --format json
    """
    from kg import answers

    fmt = _check_format(fmt, ROW_FORMATS)
    with _query_store() as store:
        rows = answers.role_conflicts(store)
    _emit_rows(rows, fmt, "role_conflicts")


@cli.command()
@click.option("--type", "type_", metavar="person|country|organization|topic|policy",
              help="List only this kind of entity.")
@output_options()
def entities(type_, fmt):
    """List the actors, topics and policy measures in the store.

    Actors come with their aliases and posts: those in the reference data and
    those the sources claim (consistent, conflicting or unverified).

    \b
    Example:
        kg entities --type person
        kg entities --type topic --format json
    """
    from kg import answers

    fmt = _check_format(fmt, ROW_FORMATS)
    answers.entity_class(type_)          # an unknown type fails before the store is opened
    with _query_store() as store:
        rows = answers.entities(store, type=type_)
    _emit_rows(rows, fmt, "entities")


@cli.command()
@click.option("--format", "fmt", required=True, metavar="|".join(EXPORT_FORMATS),
              help="trig and nquads keep the named graphs; ttl and jsonld merge them; graphml and gexf "
                   "export the relationship graph (for Gephi; filters: see `kg export-graph`).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE instead of stdout.")
def export(fmt, out):
    """Export the whole store as RDF.

    \b
    Example:
        kg export --format trig --out kg.trig
        kg export --format nquads | gzip > kg.nq.gz
        kg export --format gexf --out kg.gexf
    """
    fmt = _check_format(fmt, EXPORT_FORMATS)
    with _query_store() as store:
        if fmt in ("graphml", "gexf"):
            from kg.views.analytics import export_network
            from kg.views.build import build_view
            data = export_network(build_view(store), fmt)
        else:
            data = store.dump(fmt)
    if write_output(data, out):
        click.echo(f"wrote {len(data)} bytes to {out}", err=True)


def write_output(data: bytes, out: Path | None) -> bool:
    """Write ``data`` to ``out``, or to stdout when it is None; True when a file was written."""
    if out is None:
        stream = click.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return False
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise KGError(f"cannot write {out}: {exc.strerror}") from None
    return True


@cli.command()
@output_options()
def stats(fmt):
    """Count documents, meetings, statements, claims, actors and triples.

    \b
    Example:
        kg stats
        kg stats --format json
    """
    from kg import answers

    fmt = _check_format(fmt, ROW_FORMATS)
    with _query_store() as store:
        rows = answers.stats(store)
    _emit_rows(rows, fmt, "stats")


@cli.command("validate")
def validate_command():
    """Check the store against the SHACL shapes (ontology/shapes.ttl).

    Exit code 0: the store conforms; 1: it does not (the report is printed);
    2: validation could not run.

    \b
    Example:
        kg validate && echo ok
    """
    from kg.validate import validate

    try:
        with _query_store() as store:
            conforms, report = validate(store)
    except KGError as exc:
        raise KGClickError(str(exc), 2) from None
    except Exception as exc:  # noqa: BLE001 - exit code 2 means "could not validate"
        if os.environ.get("KG_DEBUG") == "1":
            raise
        raise KGClickError(f"validation failed: {type(exc).__name__}: {exc}", 2) from None
    if conforms:
        click.echo("conforms: the store matches the SHACL shapes")
        return
    click.echo(report.rstrip("\n"))
    click.get_current_context().exit(1)


def main() -> None:
    """Entry point of the ``kg`` script and ``python -m kg``."""
    cli(prog_name="kg")


# Optional command modules written separately (views, server): each one that
# is installed adds its commands through ``register(cli)``.  Only the absence
# of the module itself is skipped; a broken module should fail loudly.
for _name in ("kg.cli_views", "kg.cli_serve", "kg.cli_eval"):
    try:
        _module = importlib.import_module(_name)
    except ImportError as _exc:
        if getattr(_exc, "name", None) == _name:
            continue
        raise
    _module.register(cli)
