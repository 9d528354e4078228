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
    errors: list[MarsadError] = []

    def report(err: MarsadError) -> None:
        errors.append(err)
        click.echo(f"marsad: skipped {err}", err=True)

    return read_inputs(paths or ("-",), IngestOptions(strict=strict), report), errors


def _analysed(docs, errors: list[MarsadError], strict: bool):
    """analyze_many that reports a failing document and goes on (or stops when strict)."""
    def report(err: MarsadError) -> None:
        errors.append(err)
        click.echo(f"marsad: skipped {err}", err=True)

    return analyze_many(docs, on_error=None if strict else report)


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
        out = list(_analysed(docs, errors, strict))
    except MarsadError as err:
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
    from marsad.stages.stories import assign_with_store
    from marsad.store import Store

    docs, errors = _reader(paths, strict)
    new = seen = 0
    with Store(db) as store:
        try:
            for chunk in _chunks(_analysed(docs, errors, strict), 500):
                assign_with_store(store, chunk)
                for d in chunk:
                    seen += 1
                    new += store.put(d)
        except MarsadError as err:
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


def _serve(db: str, host: str, port: int, allow_ingest: bool, required: bool = True) -> None:
    try:
        from marsad.api.serve import serve as run_server
    except ImportError as err:
        msg = f"the dashboard needs the api extra: pip install 'marsad[api]' ({err.name} is missing)"
        if required:
            raise click.ClickException(msg) from None
        click.echo(f"not serving: {msg}", err=True)
        return
    run_server(db, host, port, allow_ingest, echo=click.echo)


@main.command(help="Serve the REST API and the Arabic dashboard over a store (read-only unless --allow-ingest).")
@click.option("--db", default="marsad.db", show_default=True, help="SQLite file.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--allow-ingest", is_flag=True, help="Accept POST /api/ingest (text, HTML or JSONL bodies up to 5 MB).")
def serve(db: str, host: str, port: int, allow_ingest: bool) -> None:
    _serve(db, host, port, allow_ingest)


@main.command(help="Analyse the bundled example articles, store them, and serve the dashboard on them.")
@click.option("--db", default="marsad-demo.db", show_default=True)
@click.option("--no-serve", is_flag=True, help="Store the examples and stop; do not start the dashboard.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def demo(db: str, no_serve: bool, host: str, port: int) -> None:
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
    if not no_serve:
        _serve(db, host, port, allow_ingest=False, required=False)


@main.command(help="Look actors up by Arabic or English name, or ask who held an office on a date.")
@click.argument("name", required=False)
@click.option("--role", help='Role key or English title, e.g. "Foreign Minister" or foreign_minister.')
@click.option("--country", help="ISO3 code (or an organisation id such as org:un).")
@click.option("--on", "day", help="Date YYYY-MM-DD.")
def actors(name: str | None, role: str | None, country: str | None, day: str | None) -> None:
    from marsad.kb import load_kb
    from marsad.kb.query import find_people, who_held

    kb = load_kb()
    if role:
        found = who_held(kb, role, country, day)
        for h in found:
            click.echo(f"{h.person.name_en}  {h.person.names_ar[0]}  {h.role.title_en} ({h.role.country or h.role.org}) "
                       f"{h.role.start or '?'} → {h.role.end or 'now'}  [{h.person.id}]")
        if not found:
            click.echo("no holder found")
        return
    if not name:
        raise click.UsageError("give a NAME or --role")
    people = find_people(kb, name)
    for p in people:
        click.echo(f"{p.name_en}  [{p.id}]  {'، '.join(p.names_ar)}")
        for r in p.roles:
            click.echo(f"    {r.title_en} ({r.country or r.org})  {r.start or '?'} → {r.end or 'now'}")
    if not people:
        click.echo("no actor found")


@main.group(help="Knowledge-base maintenance.")
def kb() -> None:
    pass


@kb.command("import-wikidata", help="Read a Wikidata JSON extract into an extra knowledge-base folder.")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="kb-extra", show_default=True, type=click.Path(path_type=Path),
              help="Folder to write; use it with MARSAD_KB_EXTRA=FOLDER.")
def kb_import_wikidata(path: Path, out_dir: Path) -> None:
    from marsad.kb import load_kb
    from marsad.kb.load import load_dir
    from marsad.kb.wikidata import import_wikidata, write_people

    try:
        records = import_wikidata(path, load_kb())
    except InputError as err:
        raise click.ClickException(str(err)) from None
    target = write_people(records, out_dir)
    load_dir(out_dir)  # validate what was written
    click.echo(f"imported {len(records)} people into {target}; use MARSAD_KB_EXTRA={out_dir}")


@main.command(help="List stored events, with English glosses, filtered by actor, country pair, type, status and dates.")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--actor", help="Actor name (English or Arabic) or id.")
@click.option("--dyad", nargs=2, help="Two ISO3 codes, either order: --dyad RUS IRN.")
@click.option("--type", "etype", help="PLOVER type, e.g. CONSULT.")
@click.option("--status", type=click.Choice(["asserted", "planned", "denied", "speculated"]))
@click.option("--since", help="Earliest event date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", help="Latest event date.")
@click.option("--limit", default=50, show_default=True)
def events(db: str, actor: str | None, dyad: tuple[str, str] | None, etype: str | None, status: str | None,
           since: str | None, until: str | None, limit: int) -> None:
    from marsad.store import Store
    from marsad.store.queries import EventFilter, list_events

    f = EventFilter(actor=actor, dyad=tuple(dyad) if dyad else None, type=etype, status=status, since=since,
                    until=until, limit=limit)
    with Store(db) as store:
        rows = list_events(store, f)
    for r in rows:
        click.echo(f"{r['date'] or '????'}  {r['type']}/{r['mode'] or '-'} {r['status']}: "
                   f"{r['source_name']} ({r['source_country']}) → {r['target_name']} ({r['target_country']})"
                   f"  [{r['doc_id']}]")
        click.echo(f"    «{r['evidence'][:150]}»")
    if not rows:
        click.echo("no events")


@main.command(help="List stories (articles grouped by event), newest first, with outlets and counts.")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--limit", default=30, show_default=True)
def stories(db: str, limit: int) -> None:
    from marsad.store import Store
    from marsad.store.queries import stories as list_stories

    with Store(db) as store:
        rows = list_stories(store, limit=limit)
    for r in rows:
        click.echo(f"{r['id']}  {r['first_published'] or '-'}  {r['articles']} articles / {r['outlets']} outlets"
                   f"  {r['title'] or ''}")
    if not rows:
        click.echo("no stories")


@main.command(help="Compare the outlets of one story: merged events, who reports what, conflicting details.")
@click.argument("story_id")
@click.option("--db", default="marsad.db", show_default=True)
def story(story_id: str, db: str) -> None:
    from marsad.contract import document_from_json
    from marsad.report import story_report
    from marsad.stages.compare import compare
    from marsad.store import Store
    from marsad.store.queries import story_documents

    with Store(db) as store:
        docs = [document_from_json(d) for d in story_documents(store, story_id)]
    if not docs:
        raise click.ClickException(f"no story {story_id!r} in {db}")
    click.echo(story_report(compare(docs)))


@main.command(help="Events of an actor or a country pair in date order (partial dates at their granularity).")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--actor", help="Actor name (English or Arabic) or id.")
@click.option("--dyad", nargs=2, help="Two ISO3 codes: --dyad RUS IRN.")
def timeline(db: str, actor: str | None, dyad: tuple[str, str] | None) -> None:
    from marsad.store import Store
    from marsad.store.queries import EventFilter
    from marsad.store.queries import timeline as events_timeline

    if not actor and not dyad:
        raise click.UsageError("give --actor NAME or --dyad A B")
    with Store(db) as store:
        rows = events_timeline(store, EventFilter(actor=actor, dyad=tuple(dyad) if dyad else None))
    for r in rows:
        click.echo(f"{r['date'] or '(undated)':12s} {r['type']}/{r['mode'] or '-'} {r['status']}: "
                   f"{r['source_name']} ({r['source_country']}) → {r['target_name']} ({r['target_country']})  [{r['doc_id']}]")
    if not rows:
        click.echo("no events")


@main.command(help="Country pairs by number of events; with A B, their monthly series and cooperation–conflict score.")
@click.argument("pair", nargs=-1)
@click.option("--db", default="marsad.db", show_default=True)
def dyads(pair: tuple[str, ...], db: str) -> None:
    from marsad.store import Store
    from marsad.store.queries import dyad_series
    from marsad.store.queries import dyads as list_dyads

    with Store(db) as store:
        if len(pair) == 2:
            for m in dyad_series(store, *pair):
                types = ", ".join(f"{t}={n}" for t, n in sorted(m["types"].items()))
                click.echo(f"{m['month']}  events={m['events']:3d}  coop-conflict={m['score']:+d}  {types}")
            return
        if pair:
            raise click.UsageError("give two ISO3 codes, or none")
        for r in list_dyads(store):
            click.echo(f"{r['a']}-{r['b']}  {r['n']} events ({r['cooperation']} cooperative)")


@main.command(help="Export documents, entities, events, quotes and stories (jsonl, csv, parquet) or PLOVER records.")
@click.option("--db", default="marsad.db", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover"]), default="jsonl", show_default=True)
@click.option("--out", "out_dir", default="export", show_default=True, help="Folder to write.")
def export(db: str, fmt: str, out_dir: str) -> None:
    from marsad.export import export_store
    from marsad.store import Store

    with Store(db) as store:
        try:
            paths = export_store(store, out_dir, fmt)
        except RuntimeError as err:
            raise click.ClickException(str(err)) from None
    for p in paths:
        click.echo(str(p))


from marsad.batch.commands import batch, ingest_parquet_command  # noqa: E402  (loads neither pyarrow nor pyspark)

main.add_command(batch)
main.add_command(ingest_parquet_command)


def run() -> None:  # pragma: no cover - console entry
    try:
        main()
    except MarsadError as err:
        click.echo(f"marsad: {err}", err=True)
        sys.exit(2)
