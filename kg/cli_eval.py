"""``kg eval``: score extraction on annotated articles (a thin layer over kg.evaluate)."""
from __future__ import annotations

import json

import click


def register(cli: click.Group) -> None:
    """Add the ``eval`` command to the ``kg`` group."""

    @cli.command("eval")
    @click.argument("gold_dir", type=click.Path(file_okay=False))
    @click.option("--format", "fmt", default="table", type=click.Choice(["table", "json"]),
                  show_default=True, help="Output format.")
    @click.option("--show-errors", is_flag=True, help="List each missed and spurious fact with its evidence.")
    @click.option("--model", default=None, metavar="NAME", help="spaCy pipeline to use (default: the pinned one).")
    def eval_command(gold_dir, fmt, show_errors, model):
        """Score extraction against gold annotations (NAME.txt beside NAME.json).

        Each article is ingested into a temporary store (yours is not touched)
        and the answers are compared with the gold: who met whom, who discussed
        what with whom, dates, who said what, speaker attribution, named
        persons and negatives, per document and in total, plus the precision of
        facts above each confidence threshold.

        \b
        Example:
            kg eval tests/corpus/dev --show-errors
            kg eval tests/corpus/test --format json
        """
        from kg.evaluate import evaluate, format_report
        from kg.cli import make_extractor

        result = evaluate(gold_dir, extractor=make_extractor(model))
        if fmt == "json":
            click.echo(json.dumps(result, indent=2, default=list))
        else:
            click.echo(format_report(result, show_errors=show_errors))
