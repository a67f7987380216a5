"""The command line: parses options, calls the library, prints. Nothing else lives here."""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import List, Optional

import typer

# Arrow's jemalloc pool hands freed memory back to the system; its default (mimalloc) holds on
# to ~100 MB more at the peak of a run. It must be chosen before pyarrow is first imported, and
# only where Arrow's wheels ship it (Linux; elsewhere Arrow would warn and keep its default).
if sys.platform.startswith("linux"):
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")

from . import __version__  # noqa: E402
from .api import extract_file_with_text, review_page  # noqa: E402
from .api import run as run_extraction
from .engines import usable_cores  # noqa: E402
from .evaluate import load_gold, score  # noqa: E402
from .rules import RuleError, load_rules  # noqa: E402

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn Vietnamese work-summary reports into Parquet indicator tables.")


def _rules(rules_dir: Optional[Path]):
    try:
        return load_rules(rules_dir)
    except RuleError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None


RulesOption = typer.Option(None, "--rules", help="Rules folder (default: the project's rules/).")


@app.command()
def run(
    inputs: List[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Output folder."),
    jobs: Optional[int] = typer.Option(
        None, "--jobs", "-j", min=1,
        help="Worker processes (default: the cores this process may use, within a container's CPU limit)."),
    engine: str = typer.Option("local", help="'local' (process pool) or 'dask' (needs the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address; default: a local cluster."),
    incremental: bool = typer.Option(True, help="Reuse unchanged files' results from the previous output."),
    strict: bool = typer.Option(False, help="Exit non-zero when any file could not be read."),
    follow_links: bool = typer.Option(
        False, "--follow-links",
        help="Also read what symbolic links lead to outside the input folders (else they are listed as skipped)."),
    progress: Optional[bool] = typer.Option(
        None, help="Show progress on stderr (default: a bar when stderr is a terminal, nothing otherwise)."),
    rules_dir: Optional[Path] = RulesOption,
) -> None:
    """Extract every report under INPUTS into Parquet tables in --out."""
    rules = _rules(rules_dir)
    terminal = sys.stderr.isatty()
    bar = _Progress(terminal) if (terminal if progress is None else progress) else None
    previous_handler = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuntimeWarning)
            summary = run_extraction(inputs, out, rules, engine=engine, jobs=jobs or usable_cores(),
                                     scheduler=scheduler, incremental=incremental, progress=bar,
                                     follow_links=follow_links)
        _show_warnings(caught)
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt as stop:
        code, how = (stop.exit_code, "terminated") if isinstance(stop, _Interrupted) else (130, "Ctrl-C")
        typer.secho(f"interrupted ({how}); the previous output is kept", fg=typer.colors.RED, err=True)
        interrupted = code
    else:
        interrupted = None
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        if bar is not None:
            bar.close()
    if interrupted is not None:
        # The run has unwound (staging removed, lock dropped); the interpreter's exit would
        # join the killed workers' pool threads, which can wait on their pipes forever.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(interrupted)
    for note in summary.notes:
        typer.secho(f"note: {note}", fg=typer.colors.YELLOW, err=True)
    _report_failures(summary.failures)
    typer.echo(f"{summary.n_documents} files ({summary.n_reused} unchanged), {summary.n_quantities} quantities, "
               f"{len(summary.failures)} not read -> {summary.out_dir}")
    if strict and summary.failures:
        raise typer.Exit(1)


def _report_failures(failures: list[dict]) -> None:
    """One line on stderr for each file that was not read, with its status and why."""
    for doc in failures:
        typer.secho(f"{doc['source']}: {doc['status']}: {doc['error']}", fg=typer.colors.YELLOW, err=True)


def _show_warnings(caught: list[warnings.WarningMessage]) -> None:
    """The run's own warnings (more workers than cores) as one plain line each; others as Python shows them."""
    for item in caught:
        if item.filename.startswith(str(Path(__file__).parent)):
            typer.secho(f"warning: {item.message}", fg=typer.colors.YELLOW, err=True)
        else:
            warnings.showwarning(item.message, item.category, item.filename, item.lineno)


class _Interrupted(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it unwinds as from Ctrl-C: staging removed, lock dropped."""

    exit_code = 143


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise _Interrupted("terminated")


class _Progress:
    """Files done out of all on stderr: a bar with time left on a terminal, else (logs of a
    pipeline) a line every ten seconds and one at the end."""

    def __init__(self, terminal: bool) -> None:
        self._terminal = terminal
        self._bar = None
        self._done = 0
        self._started = self._last_line = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        if not self._terminal:
            now = time.monotonic()
            if now - self._last_line >= 10 or done == total:
                rate = done / max(now - self._started, 1e-9)
                typer.echo(f"files {done}/{total}, {rate:.0f}/s, about {(total - done) / max(rate, 1e-9):.0f} s left",
                           err=True)
                self._last_line = now
            return
        if self._bar is None:
            # redrawn at most a thousand times: a run of 100,000 reports is not slowed by its bar
            self._bar = typer.progressbar(length=total, label="files", file=sys.stderr, show_pos=True,
                                          update_min_steps=max(1, total // 1000))
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


@app.command()
def show(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="One report file."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for machines (with the decoded text)."),
    html: Optional[Path] = typer.Option(None, "--html", help="Also write a review page (displaCy) here."),
    rules_dir: Optional[Path] = RulesOption,
) -> None:
    """Show the figures found in FILE with their evidence highlighted."""
    doc, rows, text = extract_file_with_text(file, file.name, _rules(rules_dir))
    if as_json:
        typer.echo(json.dumps({"document": doc, "quantities": rows, "text": text}, ensure_ascii=False, indent=1,
                              default=str))  # the issued date as ISO 8601
        return
    if doc["status"] != "ok":
        typer.secho(f"{file}: {doc['status']}: {doc['error']}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1)
    if html:
        html.write_text(review_page(text, rows, title=file.name), encoding="utf-8")
        typer.echo(f"review page: {html}")
    typer.secho(f"{doc['source']}  year={doc['year']} period={doc['period']} unit={doc['unit']}", bold=True)
    about = [f"{name}={doc[name]}" for name in ("unit_key", "unit_level", "province", "issued") if doc[name]]
    if about:
        typer.echo("  " + " ".join(about))
    if doc["title"]:
        typer.echo(f"  title: {doc['title']}")
    section = None
    for row in rows:
        if row["section"] != section:
            section = row["section"]
            typer.secho(f"  § {section}" if section else "  (before the first heading)", fg=typer.colors.BLUE)
        sentence, text = row["sentence"], row["text"]
        at = sentence.find(text)
        shown = sentence if at < 0 else (
            sentence[:at] + typer.style(text, fg=typer.colors.GREEN, bold=True) + sentence[at + len(text):])
        part = f" part_of={row['part_of']}" if row["part_of"] else ""
        typer.echo(f"- {row['value']:g} {row['noun']} [{row['indicator']}, {row['qualifier']}{part}] "
                   f"@{row['start']}-{row['end']}")
        typer.echo(f"    {shown}")


@app.command("eval")
def evaluate(
    gold: Path = typer.Option(..., "--gold", exists=True, file_okay=False, help="Folder of NAME.txt + NAME.gold.json."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="An existing output folder to score (default: run now)."),
    show_n: int = typer.Option(0, "--show", help="List this many misses, false positives, disagreements "
                                                 "(indicator, qualifier, part_of) and wrong documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    rules_dir: Optional[Path] = RulesOption,
) -> None:
    """Score extraction against gold files (same figures as shared/corpus/score.py)."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    golds = load_gold(gold)
    with tempfile.TemporaryDirectory() as tmp:
        out = pred or Path(tmp) / "out"
        if pred is None:
            # a gold folder is often a selection made of links to the texts: they are followed
            summary = run_extraction([gold], out, _rules(rules_dir), jobs=1, incremental=False, follow_links=True)
            _report_failures(summary.failures)
        rows = ds.dataset(out / "indicators", format="parquet", partitioning="hive").to_table().to_pylist()
        docs = pq.read_table(out / "documents.parquet").to_pylist()
    result = score(golds, rows, docs)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    typer.echo(f"documents {result['docs']}  gold {result['gold']}  predicted {result['pred']}  matched {result['tp']}")
    typer.echo(f"precision {result['precision']:.4f}  recall {result['recall']:.4f}  F1 {result['f1']:.4f}")
    typer.echo(f"indicator {result['indicator_acc']:.4f}  qualifier {result['qualifier_acc']:.4f}  "
               f"part_of {result['part_of_recall']}  table cells {result['cells_acc']}")
    typer.echo(f"year {result['year_acc']:.4f}  unit {result['unit_acc']:.4f}")
    if show_n:
        for label, key in (("missed", "misses"), ("false positive", "extras")):
            for item in result[key][:show_n]:
                typer.echo(f"  {label}: {item['doc']}: {item['text']!r} = {item['value']} {item['noun']}")
        for item in result["disagreements"][:show_n]:
            typer.echo(f"  {item['field']}: {item['doc']}: {item['text']!r}: gold {item['gold']}, "
                       f"predicted {item['pred']} (rule {item['rule'] or 'none'})")
        for item in result["wrong_documents"][:show_n]:
            typer.echo(f"  document: {item}")


@app.command()
def version() -> None:
    """Print the program and rules versions."""
    typer.echo(f"report-extract {__version__}, rules {_rules(None).version}")
