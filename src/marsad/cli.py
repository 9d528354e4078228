"""The `marsad` command line: thin calls into the Python API."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from marsad.analyze import analyze_many
from marsad.contract import document_json
from marsad.errors import InputError, MarsadError
from marsad.stages.ingest import IngestOptions, read_inputs


def _reader(paths: tuple[str, ...], strict: bool):
    errors: list[InputError] = []

    def report(err: InputError) -> None:
        errors.append(err)
        click.echo(f"marsad: skipped {err}", err=True)

    return read_inputs(paths or ("-",), IngestOptions(strict=strict), report), errors


@click.group(help="marsad — Arabic news to structured, source-linked event data.")
@click.version_option(package_name="marsad")
def main() -> None:
    pass


@main.command(help="Analyse articles (files, directories, JSONL, or - for stdin) and print the JSON contract.")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "text"]), default="jsonl", show_default=True)
@click.option("--strict", is_flag=True, help="Stop at the first bad input instead of skipping it.")
@click.option("--no-stories", is_flag=True, help="Do not group the documents into stories.")
def analyze(paths: tuple[str, ...], fmt: str, strict: bool, no_stories: bool) -> None:
    docs, errors = _reader(paths, strict)
    try:
        out = list(analyze_many(docs))
    except InputError as err:
        raise click.ClickException(str(err)) from None
    if not no_stories:
        from marsad.stages.stories import assign_stories

        assign_stories(out)
    if fmt == "json":
        click.echo(json.dumps([document_json(d) for d in out], ensure_ascii=False, indent=1))
    elif fmt == "jsonl":
        for d in out:
            click.echo(json.dumps(document_json(d), ensure_ascii=False))
    else:
        from marsad.report import text_report

        for d in out:
            click.echo(text_report(d))
    if errors and not out:
        sys.exit(1)


@main.command(help="Analyse articles and store them in the SQLite database (re-ingesting is idempotent).")
@click.argument("paths", nargs=-1)
@click.option("--db", default="marsad.db", show_default=True, help="SQLite file.")
@click.option("--strict", is_flag=True, help="Stop at the first bad input instead of skipping it.")
def ingest(paths: tuple[str, ...], db: str, strict: bool) -> None:
    from marsad.store import Store

    docs, errors = _reader(paths, strict)
    new = seen = 0
    with Store(db) as store:
        try:
            for d in analyze_many(docs):
                seen += 1
                new += store.put(d)
        except InputError as err:
            raise click.ClickException(str(err)) from None
        total = store.count()
    click.echo(f"ingested {seen} documents ({new} new, {seen - new} updated, {len(errors)} skipped); {total} in {db}")


@main.command(help="Search stored articles; alef, hamza, ya and diacritic variants match each other.")
@click.argument("query")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--limit", default=20, show_default=True)
def search(query: str, db: str, limit: int) -> None:
    from marsad.store import Store

    with Store(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        click.echo(f"{h.id}  {h.outlet or '-'}  {h.published or '-'}  {h.title or ''}")
        click.echo(f"    {h.snippet}")
    if not hits:
        click.echo("no matches")


@main.command(help="Show one stored document (by id or hash) as readable text or JSON.")
@click.argument("doc_id")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the stored JSON contract.")
def show(doc_id: str, db: str, as_json: bool) -> None:
    from marsad.report import text_report_json
    from marsad.store import Store

    with Store(db) as store:
        data = store.get(doc_id)
    if data is None:
        raise click.ClickException(f"no document {doc_id!r} in {db}")
    click.echo(json.dumps(data, ensure_ascii=False, indent=1) if as_json else text_report_json(data))


@main.command(help="Score analysis output against a gold file (the seeds' gold format).")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Saved `analyze --format jsonl` output.")
@click.option("--input", "inputs", multiple=True, help="Articles to analyse (default: the files the gold names).")
def eval(gold: str, pred: str | None, inputs: tuple[str, ...]) -> None:  # noqa: A001
    from marsad.evaluate import evaluate_paths, format_scores

    click.echo(format_scores(evaluate_paths(gold, pred, inputs)))


@main.command(help="Run the pipeline on the bundled example articles and print what it finds.")
@click.option("--db", default="marsad-demo.db", show_default=True)
def demo(db: str) -> None:
    from marsad.report import text_report
    from marsad.stages.stories import assign_stories
    from marsad.store import Store

    root = resources.files("marsad") / "examples"
    paths = sorted(str(p) for p in Path(str(root)).glob("*.txt"))
    docs, _ = _reader(tuple(paths), False)
    out = list(analyze_many(docs))
    assign_stories(out)
    with Store(db) as store:
        for d in out:
            store.put(d)
            click.echo(text_report(d))
        click.echo(f"stored {store.count()} documents in {db}; try: marsad search لافروف --db {db}")


def run() -> None:  # pragma: no cover - console entry
    try:
        main()
    except MarsadError as err:
        click.echo(f"marsad: {err}", err=True)
        sys.exit(2)
