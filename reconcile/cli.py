"""The `reconcile` command: a thin click skin over the library.

Each command loads sources, makes one call into reconcile, hands the records to a reporter
and returns an exit code. Exit codes: 0 the report was written; 1 findings at or above the
threshold (the CI gate, `reconcile check`); 2 usage, input or rule-file errors; 3 an
unexpected internal error (a bug: rerun with --debug for the traceback); 141 standard output
was closed before everything was written (`reconcile feed ... | head`): the run stops quietly,
with the status a Unix tool killed by SIGPIPE gives (128 + 13).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .check import DEFAULT_FAIL_ON, FAIL_ON, CheckOptions, accept_all, read_baseline
from .check import check as run_check
from .check import write_baseline as write_baseline_file
from .config import find_config
from .errors import ReconcileError
from .examples import run_examples
from .feed import DEFAULT_CHUNK, ENGINES, check_engine_options, iter_feed, read_feed, with_texts
from .heap import collector_paused
from .language import with_language
from .model import Report
from .pages import is_address
from .pipeline import build_report, read_claims
from .report import FORMATS, WITH_TEXT, pieces, report_records
from .report.checks import CHECK_FORMATS, CHECK_WITH_TEXT, check_records
from .report.feeds import FEED_FORMATS
from .report.packs import render_rule_files
from .report.records import skipped_record
from .rules import RuleSet, default_rules_dir, load_rules
from .sources import parse_assignments, read_sources

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, as a shell reports `yes | head`


class UserError(click.ClickException):
    """An error that is the input's fault: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR


class _Group(click.Group):
    """Turns unexpected exceptions into one line (and a pointer to --debug), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            # Flushed here, where a closed pipe is handled, rather than at exit, where it is not.
            with _writing_stdout():
                sys.stdout.flush()
            return result
        except _StdoutClosed:
            # The reader went away (`| head`): nothing left to say and no one to say it to. Any
            # other broken pipe (a worker's, a socket's) is an error like any other.
            _silence_stdout()
            ctx.exit(EXIT_CLOSED_PIPE)
        except ReconcileError as err:
            raise UserError(str(err)) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as err:  # noqa: BLE001 (the last line of defence)
            if ctx.params.get("debug"):
                raise
            click.echo(f"reconcile: unexpected error: {type(err).__name__}: {err} "
                       "(run with --debug for the traceback)", err=True)
            ctx.exit(EXIT_INTERNAL)


class _StdoutClosed(Exception):
    """Standard output's reader went away: a write to it met a broken pipe."""


@contextlib.contextmanager
def _writing_stdout() -> Iterator[None]:
    """Around a write to standard output: a broken pipe there is the reader gone, nothing else."""
    try:
        yield
    except BrokenPipeError as err:
        raise _StdoutClosed from err


class _Stdout:
    """Standard output for a writer that also runs the work (a feed's stories come as written)."""

    def write(self, text: str) -> int:
        """Write to standard output (see `_writing_stdout`)."""
        with _writing_stdout():
            return sys.stdout.write(text)

    def flush(self) -> None:
        """Flush standard output (see `_writing_stdout`)."""
        with _writing_stdout():
            sys.stdout.flush()

    def __iter__(self) -> Iterator[str]:
        # pandas takes only what has write and __iter__ for a file (pandas.api.types.is_file_like).
        return iter(())


def _echo(text: str, *, nl: bool = True) -> None:
    """click.echo to standard output (see `_writing_stdout`)."""
    with _writing_stdout():
        click.echo(text, nl=nl)


def _silence_stdout() -> None:
    """Point standard output at the null device, so that Python's flush at exit cannot fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # no descriptor (a test runner's buffer): nothing goes to a pipe
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="reconcile")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def main(debug: bool) -> None:
    """Reconcile the facts of several articles on one story.

    Extract their claims (money, counts, percentages, measurements, dates, quotations, ages,
    names and titles),
    align them across sources and judge whether they agree.
    """


class _SourcePath(click.Path):
    """A file or folder to read. A web address is a usage error: reconcile reads saved pages, never the web."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and is_address(value):
            self.fail(f"{value}: reconcile reads saved pages, not addresses: save the page first (your "
                      "browser's Save Page As, or curl -o page.html ADDRESS) and give the file", param, ctx)
        return super().convert(value, param, ctx)


_READABLE = _SourcePath(exists=True, path_type=str)


_STRICT_LANGUAGES = click.option(
    "--strict-languages", is_flag=True,
    help="Stop with an error at a source in a language no rule pack reads, instead of reading it in part "
         "(figures with symbols, ISO and numeric dates, quotations) and flagging it partial_language.")


def _source_options(command: Callable) -> Callable:
    """The options every command that reads sources shares."""
    options = [
        click.argument("sources", nargs=-1, required=True, type=_READABLE),
        click.option("--published", "published", multiple=True, metavar="ID=YYYY-MM-DD",
                     help="Publication date of a source (overrides its metadata). Repeatable."),
        click.option("--outlet", "outlets", multiple=True, metavar="ID=NAME",
                     help="Outlet name of a source (overrides its metadata). Repeatable."),
        click.option("--lang", "languages", multiple=True, metavar="ID=LANG",
                     help="Language of a source (en, es; overrides front matter and detection). Repeatable."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
                     help="A folder of rule files that extends or overrides the built-in packs. Repeatable."),
        _STRICT_LANGUAGES,
        click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="terminal",
                     show_default=True, help="Output format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
                     help="Write the report to this file instead of standard output."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def _report(sources: tuple[str, ...], published: tuple[str, ...], outlets: tuple[str, ...],
            languages: tuple[str, ...], rule_dirs: tuple[str, ...], *, aligned: bool = True,
            strict_languages: bool = False) -> Report:
    loaded, skipped = read_sources(sources, published=parse_assignments(published, "--published"),
                                   outlets=parse_assignments(outlets, "--outlet"),
                                   languages=parse_assignments(languages, "--lang"))
    rules = _rules(rule_dirs)
    build = build_report if aligned else read_claims
    return build(tuple(with_language(s, rules, strict=strict_languages) for s in loaded), rules, skipped=skipped)


def _rules(rule_dirs: tuple[str, ...]) -> RuleSet:
    """The built-in packs, the configuration's packs, then those given on the command line."""
    return load_rules((*find_config().rules, *rule_dirs))


def _write(records: dict[str, Any], format_name: str, output: Path | None, *, show_all: bool = False) -> None:
    """The report in its format, written as it is made (a large JSON report is never held whole)."""
    if output is None:
        color = format_name == "terminal" and sys.stdout.isatty()
        # Each piece is made outside the guard of standard output: a pipe breaking in the work is not stdout's.
        for piece in pieces(format_name, records, color=color, show_all=show_all):
            _echo(piece, nl=False)
        return
    # A file is written beside itself first: a run that fails half-way leaves it as it was, not cut
    # short. A device or a pipe (/dev/stdout) is written as the report comes.
    direct = output.exists() and not output.is_file()
    partial = output if direct else output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            for piece in pieces(format_name, records, show_all=show_all):
                out.write(piece)
        if not direct:
            os.replace(partial, output)
    except OSError as err:
        raise UserError(f"{output}: cannot write ({err.strerror or err})") from None
    finally:
        if not direct:
            partial.unlink(missing_ok=True)


@main.command()
@_source_options
def claims(sources, published, outlets, languages, rule_dirs, strict_languages, format_name, output) -> None:
    """List the claims each source makes, with where they stand.

    SOURCES are files or folders (every .txt and .md inside, by name).
    """
    with collector_paused():
        report = _report(sources, published, outlets, languages, rule_dirs, aligned=False,
                         strict_languages=strict_languages)
        _write(report_records(report, groups=False, texts=format_name in WITH_TEXT), format_name, output)


@main.command()
@_source_options
@click.option("--all", "show_all", is_flag=True,
              help="List the claims only one source makes too (terminal and Markdown).")
def compare(sources, published, outlets, languages, rule_dirs, strict_languages, format_name, output,
            show_all) -> None:
    """Compare the claims of several sources and report where they agree and differ.

    SOURCES are files or folders (every .txt and .md inside, by name). Claims stating the same
    fact are grouped and judged: agree, compatible (they differ only in precision), conflict,
    quote_variant, or single_source. Exits 0 whenever the report was written, whatever it
    found.
    """
    with collector_paused():  # the records written are as many small objects as the claims
        report = _report(sources, published, outlets, languages, rule_dirs, strict_languages=strict_languages)
        _write(report_records(report, texts=format_name in WITH_TEXT), format_name, output, show_all=show_all)


@main.command()
@click.argument("drafts", nargs=-1, required=True, type=_READABLE)
@click.option("--against", "against", multiple=True, type=_READABLE,
              help="Sources to check against: files or folders. Repeatable; adds to the configuration's.")
@click.option("--fail-on", "fail_on", metavar="LIST",
              help="Verdicts and flags that fail the check, comma-separated "
                   f"(default {','.join(DEFAULT_FAIL_ON)}; 'never' to only report).")
@click.option("--unsupported", is_flag=True, help="Also report draft claims that no source states.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of rule files that extends the built-in packs. Repeatable.")
@click.option("--outlet", "outlets", multiple=True, metavar="ID=NAME", help="Outlet name of a source. Repeatable.")
@click.option("--published", "published", multiple=True, metavar="ID=YYYY-MM-DD",
              help="Publication date of a draft or source (overrides its metadata; an undated draft is read "
                   "in each source's time frame). Repeatable.")
@click.option("--lang", "languages", multiple=True, metavar="ID=LANG",
              help="Language of a draft or source (overrides front matter and detection). Repeatable.")
@_STRICT_LANGUAGES
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Fail only on findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Record today's findings in this file and exit 0 (accepted from now on with --baseline).")
@click.option("--format", "format_name", type=click.Choice(sorted(CHECK_FORMATS)), default="terminal",
              show_default=True, help="Output format (github: workflow annotations; sarif: SARIF 2.1.0; "
                                      "junit: one test case per draft claim; html: a page with the drafts and "
                                      "the sources beside).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the report to this file instead of standard output.")
def check(drafts, against, fail_on, unsupported, rule_dirs, outlets, published, languages, strict_languages,
          baseline, write_baseline, format_name, output) -> None:
    """Check DRAFTS (.txt or .md) against their sources before publication.

    Reports each draft claim that conflicts with the sources, misquotes them, or gives a
    quotation to another person; with --unsupported, also each claim no source states.
    Exits 0 when nothing at or above --fail-on was found, 1 when something was, 2 on a usage
    or input error. Settings may also come from [tool.reconcile] in pyproject.toml or a
    .reconcile.toml (against, fail-on, rules, ignore); flags win.
    """
    config = find_config()
    sources = (*config.against, *against)
    if not sources:
        raise UserError("nothing to check against: give --against PATH (or 'against' in the configuration)")
    wanted = _fail_on(fail_on, config.fail_on)
    options = CheckOptions(fail_on=wanted, unsupported=unsupported, ignore=config.ignore,
                           baseline=read_baseline(baseline) if baseline else frozenset(),
                           outlets=parse_assignments(outlets, "--outlet"),
                           languages=parse_assignments(languages, "--lang"),
                           published=parse_assignments(published, "--published"),
                           strict_languages=strict_languages)
    result = run_check(drafts, sources, load_rules((*config.rules, *rule_dirs)), options)
    if write_baseline is not None:
        # Writing a baseline accepts today's findings: the run that writes it does not fail.
        write_baseline_file(result, write_baseline)
        result = accept_all(result)
    records = check_records(result, texts=format_name in CHECK_WITH_TEXT)
    text = CHECK_FORMATS[format_name](records, color=output is None and format_name == "terminal"
                                      and sys.stdout.isatty())
    if output is None:
        _echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as err:
            raise UserError(f"{output}: cannot write ({err.strerror or err})") from None
    sys.exit(EXIT_FINDINGS if records["failed"] else EXIT_OK)


def _fail_on(flag: str | None, configured: tuple[str, ...] | None) -> tuple[str, ...]:
    if flag is not None:
        given = [w.strip() for w in flag.split(",") if w.strip()]
    else:
        given = list(DEFAULT_FAIL_ON if configured is None else configured)
    if given in (["never"], []):
        return ()
    unknown = sorted(set(given) - set(FAIL_ON))
    if unknown:
        raise UserError(f"--fail-on: unknown verdict or flag {unknown[0]!r} "
                        f"(one of: {', '.join(FAIL_ON)}, or never)")
    return tuple(given)


@main.command()
@click.argument("sources", nargs=-1, required=True, type=_READABLE)
@click.option("--engine", type=click.Choice(ENGINES), default="process", show_default=True,
              help="serial: one process (debugging); process: a pool of worker processes; dask: a Dask "
                   "cluster (--scheduler, or a local one).")
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler to run on (--engine dask only; its cluster has its own workers).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes of --engine process or of a local Dask cluster (default: every core).")
@click.option("--chunk", type=click.IntRange(min=1), default=DEFAULT_CHUNK, show_default=True,
              help="Stories sent to a worker at a time.")
@click.option("--window-days", type=click.IntRange(min=0),
              help="Compare only articles published this many days apart or less (undated ones always); "
                   "with --single-pass, close a story once its latest article is older.")
@click.option("--single-pass", is_flag=True,
              help="Cluster as a stream: each article joins the closest story so far, or opens one.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of rule files that extends the built-in packs. Repeatable.")
@_STRICT_LANGUAGES
@click.option("--format", "format_name", type=click.Choice(sorted(FEED_FORMATS)), default="json",
              show_default=True,
              help="json: one document of stories; jsonl: one story a line; csv: one row per claim, with its "
                   "story; html: one page, an index of the stories and each story's report.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of standard output.")
def feed(sources, engine, scheduler, workers, chunk, window_days, single_pass, rule_dirs, strict_languages,
         format_name, output) -> None:
    """Cluster a feed into stories and reconcile each story.

    SOURCES are folders or files of articles, or JSON Lines files (.jsonl: one article a line
    with id and text, and optionally published, outlet and title); a folder stands for its
    .txt, .md and .jsonl files. Each story holds the same report as `compare` gives for its
    articles. The output is the same whatever the engine, the workers or the chunk size, and
    is written story by story as the stories are done.
    """
    _check_engine_options(engine, scheduler, workers)
    (articles, skipped), rules = read_feed(sources), _rules(rule_dirs)
    articles = tuple(with_language(a, rules, strict=strict_languages) for a in articles)
    for item in skipped:
        click.echo(f"reconcile: skipped {item.path}: {item.reason}", err=True)
    options = {"engine": engine, "workers": workers, "chunk": chunk, "window_days": window_days,
               "single_pass": single_pass, "scheduler": scheduler}
    write = FEED_FORMATS[format_name]
    listed = [skipped_record(s) for s in skipped]
    with contextlib.ExitStack() as stack:
        if sys.stderr.isatty():
            # A long run shows how far it is on the terminal; what goes to stdout stays clean.
            from rich.console import Console
            from rich.progress import Progress

            bar = stack.enter_context(Progress(console=Console(stderr=True), transient=True))
            task = bar.add_task(f"{len(articles)} articles: clustering, then stories", total=None)
            options["progress"] = lambda done, total: bar.update(task, completed=done, total=total)
        stories = iter_feed(articles, rules, **options)
        if format_name == "html":
            # The page shows the articles themselves; the workers never ship their text back.
            stories = with_texts(stories, articles)
        # The first story is asked for before anything is written, so that an error in
        # clustering or in reaching the engine leaves no half-written output.
        first = next(stories, None)
        everything = itertools.chain([] if first is None else [first], stories)
        if output is None:
            write(everything, _Stdout(), listed)  # type: ignore[arg-type]
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as out:
                write(everything, out, listed)
        except OSError as err:
            raise UserError(f"{output}: cannot write ({err.strerror or err})") from None


def _check_engine_options(engine: str, scheduler: str | None, workers: int | None) -> None:
    """An engine option the chosen engine would not use is said, never silently dropped."""
    # The library's check (an InputError: exit 2), made before the feed is read.
    check_engine_options(engine, workers=workers, scheduler=scheduler)
    if workers is not None and engine == "serial":
        # A warning, not an error: the feed benchmark passes one --workers to every engine.
        click.echo("reconcile: warning: --workers does not apply to --engine serial (one process); ignored",
                   err=True)


@main.group()
def rules() -> None:
    """List, show and test rule packs (the built-in ones, the configuration's and --rules)."""


_RULES_OPTION = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
                             help="A folder of rule files to add after the built-in packs. Repeatable.")


@rules.command("list")
@_RULES_OPTION
def rules_list(rule_dirs) -> None:
    """Show every active rule file, in the order read, and where it came from."""
    active = _rules(rule_dirs)
    built_in = default_rules_dir().resolve()

    def origin(path: str) -> str:
        resolved = Path(path).resolve()
        return f"built-in {resolved.relative_to(built_in).as_posix()}" if resolved.is_relative_to(built_in) else path

    rows = [(f.name, f.type, f.language, origin(f.path), f.description) for f in active.files]
    _echo(render_rule_files(rows), nl=False)


@rules.command("show")
@click.argument("name")
@_RULES_OPTION
def rules_show(name, rule_dirs) -> None:
    """Print the rule files called NAME (or LANG/NAME, e.g. es/money), with their examples."""
    language, _, stem = name.rpartition("/")
    found = [f for f in _rules(rule_dirs).files
             if f.name == stem and language in ("", f.language, Path(f.path).parent.name)]
    if not found:
        raise UserError(f"no rule file named {name!r} (see: reconcile rules list)")
    for rule_file in found:
        _echo(f"# {rule_file.path} ({rule_file.type}, {rule_file.language})")
        _echo(Path(rule_file.path).read_text(encoding="utf-8"))


@rules.command("test")
@click.argument("pack", type=click.Path(exists=True, file_okay=False))
@_RULES_OPTION
def rules_test(pack, rule_dirs) -> None:
    """Run the examples of every rule file in PACK (a folder, sub-folders included).

    PACK is read after the built-in packs and any --rules, as a run would read it. Exits 0
    when every example holds, 1 when one does not, 2 when a file is malformed.
    """
    active = _rules((*rule_dirs, pack))
    root = Path(pack).resolve()
    mine = tuple(f for f in active.files if Path(f.path).resolve().is_relative_to(root))
    if not mine:
        raise UserError(f"{pack}: no rule files (.yaml) in this folder")
    outcomes = list(run_examples(mine, active))
    for outcome in outcomes:
        mark = "ok  " if outcome.passed else "FAIL"
        _echo(f"{mark} {outcome.rule_file.path} #{outcome.number}: {_short(outcome.text)}")
        for problem in outcome.problems:
            _echo(f"       {problem}")
    failed = sum(not o.passed for o in outcomes)
    _echo(f"{len(outcomes) - failed} of {len(outcomes)} examples hold in {len(mine)} files")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"
