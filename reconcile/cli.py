"""The `reconcile` command: a thin click skin over the library.

Each command loads sources, makes one call into reconcile, hands the records to a reporter
and returns an exit code. Exit codes: 0 the report was written; 1 findings at or above the
threshold (the CI gate, `reconcile check`); 2 usage, input or rule-file errors; 3 an
unexpected internal error (a bug: rerun with --debug for the traceback).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import ReconcileError
from .model import Report
from .pipeline import build_report
from .report import FORMATS, render, report_records
from .rules import load_rules
from .sources import load_sources, parse_assignments

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3


class UserError(click.ClickException):
    """An error that is the input's fault: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR


class _Group(click.Group):
    """Turns unexpected exceptions into one line (and a pointer to --debug), never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="reconcile")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
def main(debug: bool) -> None:
    """Reconcile the facts of several articles on one story.

    Extract their claims (money, counts, percentages, measurements, dates, quotations),
    align them across sources and judge whether they agree.
    """


def _source_options(command: Callable) -> Callable:
    """The options every command that reads sources shares."""
    options = [
        click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, path_type=str)),
        click.option("--published", "published", multiple=True, metavar="ID=YYYY-MM-DD",
                     help="Publication date of a source (overrides its metadata). Repeatable."),
        click.option("--outlet", "outlets", multiple=True, metavar="ID=NAME",
                     help="Outlet name of a source (overrides its metadata). Repeatable."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
                     help="A folder of rule files that extends or overrides the English pack. Repeatable."),
        click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="terminal",
                     show_default=True, help="Output format."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
                     help="Write the report to this file instead of standard output."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def _report(sources: tuple[str, ...], published: tuple[str, ...], outlets: tuple[str, ...],
            rule_dirs: tuple[str, ...]) -> Report:
    loaded = load_sources(sources, published=parse_assignments(published, "--published"),
                          outlets=parse_assignments(outlets, "--outlet"))
    return build_report(loaded, load_rules(rule_dirs))


def _write(records: dict[str, Any], format_name: str, output: Path | None, *, show_all: bool = False) -> None:
    if output is None:
        color = format_name == "terminal" and sys.stdout.isatty()
        click.echo(render(format_name, records, color=color, show_all=show_all), nl=False)
        return
    try:
        output.write_text(render(format_name, records, show_all=show_all), encoding="utf-8")
    except OSError as err:
        raise UserError(f"{output}: cannot write ({err.strerror or err})") from None


@main.command()
@_source_options
def claims(sources, published, outlets, rule_dirs, format_name, output) -> None:
    """List the claims each source makes, with where they stand.

    SOURCES are files or folders (every .txt and .md inside, by name).
    """
    report = _report(sources, published, outlets, rule_dirs)
    _write(report_records(report, groups=False), format_name, output)


@main.command()
@_source_options
@click.option("--all", "show_all", is_flag=True,
              help="List the claims only one source makes too (terminal and Markdown).")
def compare(sources, published, outlets, rule_dirs, format_name, output, show_all) -> None:
    """Compare the claims of several sources and report where they agree and differ.

    SOURCES are files or folders (every .txt and .md inside, by name). Claims stating the same
    fact are grouped and judged: agree, compatible (they differ only in precision), conflict,
    quote_variant, or single_source. Exits 0 whenever the report was written, whatever it
    found.
    """
    report = _report(sources, published, outlets, rule_dirs)
    _write(report_records(report), format_name, output, show_all=show_all)
