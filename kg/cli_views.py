"""Command-line views: ``kg render``, ``kg timeline``, ``kg analyze``, ``kg path``, ``kg export-graph``.

``kg.cli`` calls ``register(cli)`` at import time.  Each command reads its
options, builds a view with ``kg.views.build.build_view`` and hands it to one
library function (``kg.views.html``, ``kg.views.timeline``,
``kg.views.analytics``).  The store comes from the group's ``--store`` option
(or ``$KG_STORE``) and is opened read-only.  Library modules are imported
inside the commands so that ``kg --help`` stays fast; none imports spaCy.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from kg.errors import KGError, UsageError

VIEW_FORMATS = ("table", "csv", "tsv", "json")
SECTIONS = ("all", "actors", "brokers", "communities")


def _view_store():
    """The store of ``kg --store``/$KG_STORE, opened for reading (the same as the query commands)."""
    from kg.cli import _query_store

    return _query_store()


def view_options(func):
    """The options every view command shares: what to show, filters, focus."""
    options = [
        click.option("--include", metavar="KINDS",
                     help="Comma-separated node kinds: people, countries, organizations, policies, topics "
                          "[default: all but topics]."),
        click.option("--topic", metavar="TEXT", help="Only facts with a topic whose label contains TEXT."),
        click.option("--since", metavar="DATE", help="Only facts that can have happened on or after YYYY-MM-DD."),
        click.option("--until", metavar="DATE", help="Only facts that can have happened on or before YYYY-MM-DD."),
        click.option("--focus", metavar="NAME", help="Centre on this actor (name or alias, or part of it)."),
        click.option("--depth", type=click.IntRange(min=0), metavar="N",
                     help="With --focus: keep actors up to N hops away [default: 1]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _build(store, include, topic, since, until, focus, depth):
    from kg.views.build import build_view

    if depth is not None and not focus:
        raise UsageError("--depth needs --focus NAME")
    return build_view(store, include=include, topic=topic, since=since, until=until, focus=focus,
                      depth=1 if depth is None else depth)


def _done(message: str) -> None:
    click.echo(message, err=True)


@click.command()
@view_options
@click.option("--timeline", is_flag=True, help="Draw the timeline view instead of the graph.")
@click.option("--size", "size_by", default="degree", show_default=True, metavar="degree|betweenness",
              help="What node size shows.")
@click.option("--title", metavar="TEXT", help="Page title.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="Where to write the page [default: kg-view.html, or kg-timeline.html with --timeline].")
def render(include, topic, since, until, focus, depth, timeline, size_by, title, out):
    """Write the relationship graph as one interactive HTML page (works offline).

    Nodes are people, countries, organisations, policy measures and (with
    --include ...,topics) topics; lines are "discussed with" (width: number
    of discussions), "said about", "issued" and "targets". Click a line for
    every discussion behind it with its date, kind, topics, evidence sentence
    and source file; click a node for its posts, aliases and statements. The
    page has a search box, a topic filter, a time slider and type toggles.

    \b
    Example:
        kg render --out view.html
        kg render --focus Kishida --depth 2 --out kishida.html
        kg render --topic export --since 2023-01-01 --include people,countries,topics --out export.html
        kg render --timeline --out timeline.html
    """
    if timeline:
        _write_timeline(include, topic, since, until, focus, depth, title, out)
        return
    from kg.views.html import write_view_html

    out = out or Path("kg-view.html")
    with _view_store() as store:
        view = _build(store, include, topic, since, until, focus, depth)
    path = write_view_html(view, out, title=title, size_by=size_by)
    _done(f"wrote {view.graph.number_of_nodes()} nodes and {view.graph.number_of_edges()} edges to {path}")


def _write_timeline(include, topic, since, until, focus, depth, title, out) -> None:
    from kg.views.timeline import timeline_rows, write_timeline_html

    out = out or Path("kg-timeline.html")
    with _view_store() as store:
        view = _build(store, include, topic, since, until, focus, depth)
    path = write_timeline_html(view, out, title=title)
    _done(f"wrote a timeline of {len(timeline_rows(view))} actors to {path}")


@click.command()
@view_options
@click.option("--title", metavar="TEXT", help="Page title.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="Where to write the page [default: kg-timeline.html].")
def timeline(include, topic, since, until, focus, depth, title, out):
    """Write a timeline page: discussions, statements and measures by date, one row per actor.

    The page filters by actor and topic; clicking a mark shows the fact, the
    sentence it was read from and the source file. Same as `kg render --timeline`.

    \b
    Example:
        kg timeline --out timeline.html
        kg timeline --focus Biden --since 2023-01-01 --out biden.html
    """
    _write_timeline(include, topic, since, until, focus, depth, title, out)


@click.command()
@view_options
@click.option("--top", type=click.IntRange(min=1), default=15, show_default=True, metavar="N",
              help="Rows of actors and brokers to show.")
@click.option("--section", default="all", show_default=True, metavar="|".join(SECTIONS),
              help="Which table to print (csv and tsv need one).")
@click.option("--format", "fmt", default="table", show_default=True, metavar="|".join(VIEW_FORMATS),
              help="Output format.")
def analyze(include, topic, since, until, focus, depth, top, section, fmt):
    """Network analytics: who is central, who brokers between whom, which communities form.

    actors: degree (distinct partners), facts, betweenness centrality (share
    of shortest paths through the actor) and community. brokers: actors with
    betweenness > 0, the communities around them and pairs of their partners
    that are linked only through them. communities: Louvain communities.

    \b
    Example:
        kg analyze
        kg analyze --section brokers --format csv
        kg analyze --topic export --format json
    """
    from kg.formats import check_format, format_rows
    from kg.views.analytics import analyze as run_analysis

    fmt = check_format(fmt, VIEW_FORMATS)
    section = (section or "").strip().lower()
    if section not in SECTIONS:
        raise UsageError(f"--section: unknown {section!r}; choose one of {', '.join(SECTIONS)}")
    if fmt in ("csv", "tsv") and section == "all":
        raise UsageError(f"--format {fmt} prints one table: add --section actors, brokers or communities")
    with _view_store() as store:
        view = _build(store, include, topic, since, until, focus, depth)
    result = run_analysis(view, top=top)
    columns = {"actors": ["name", "type", "degree", "facts", "betweenness", "community", "iri"],
               "brokers": ["broker", "betweenness", "communities", "between", "unlinked_pairs"],
               "communities": ["community", "size", "members"]}
    chosen = list(columns) if section == "all" else [section]
    if fmt == "json":
        payload = result if section == "all" else result[section]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    blocks = []
    for name in chosen:
        text = format_rows(result[name], fmt, columns[name])
        blocks.append(f"{name}:\n{text}" if section == "all" else text)
    click.echo("\n\n".join(blocks))


@click.command("path")
@click.argument("source", metavar="A")
@click.argument("target", metavar="B")
@click.option("--include", metavar="KINDS",
              help="Node kinds a path may pass through [default: people,countries,organizations,policies].")
@click.option("--topic", metavar="TEXT", help="Only facts with a topic whose label contains TEXT.")
@click.option("--since", metavar="DATE", help="Only facts that can have happened on or after YYYY-MM-DD.")
@click.option("--until", metavar="DATE", help="Only facts that can have happened on or before YYYY-MM-DD.")
@click.option("--format", "fmt", default="text", show_default=True, metavar="text|json", help="Output format.")
def path_command(source, target, include, topic, since, until, fmt):
    """How two actors are connected: the shortest chain of relationships, with evidence for each hop.

    Names are matched against labels and aliases (whole name first, then part
    of it). Each hop lists the discussions, statements or measures joining its
    two ends, the sentences they were read from and the source files.

    \b
    Example:
        kg path Rutte Kishida
        kg path "United States" China --format json
    """
    from kg.views.analytics import find_path, format_path
    from kg.views.build import build_view, resolve_node

    key = (fmt or "").strip().lower()
    if key not in ("text", "json"):
        raise UsageError(f"unknown format {fmt!r}; choose text or json")
    with _view_store() as store:
        view = build_view(store, include=include, topic=topic, since=since, until=until)
    hops = find_path(view, resolve_node(view, source, what="A"), resolve_node(view, target, what="B"))
    click.echo(json.dumps(hops, ensure_ascii=False, indent=2) if key == "json" else format_path(hops))


@click.command("export-graph")
@view_options
@click.option("--format", "fmt", required=True, metavar="graphml|gexf", help="GraphML or GEXF (Gephi).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE instead of stdout.")
def export_graph(include, topic, since, until, focus, depth, fmt, out):
    """Export the relationship graph as GraphML or GEXF, for Gephi or other network tools.

    Nodes carry label, type, IRI, aliases and degree; edges carry their kind,
    number of facts, first and last date, topics, sources and evidence.

    \b
    Example:
        kg export-graph --format gexf --out kg.gexf
        kg export-graph --format graphml --topic export > export.graphml
    """
    from kg.views.analytics import export_network

    with _view_store() as store:
        view = _build(store, include, topic, since, until, focus, depth)
    data = export_network(view, fmt)
    from kg.cli import write_output
    if not write_output(data, out):
        return
    _done(f"wrote {view.graph.number_of_nodes()} nodes and {view.graph.number_of_edges()} edges to {out}")


def register(cli: click.Group) -> None:
    """Add the view commands to the ``kg`` group."""
    for command in (render, timeline, analyze, path_command, export_graph):
        cli.add_command(command)
