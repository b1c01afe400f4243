"""The README is the front door: its Quick start, commands and exit codes stay true."""

from __future__ import annotations

import re

import pytest

from reconcile.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_quick_start_has_exactly_two_set_up_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "compare seeds" in commands[0]
    assert "[test]" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command):
    assert f"reconcile {command} " in README


@pytest.mark.parametrize("code", [EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL])
def test_every_exit_code_is_documented(code):
    assert f"\n| {code} |" in README


def test_readme_report_excerpt_is_the_real_seed_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("An excerpt of `reconcile compare seeds`", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    report = [line.rstrip() for line in (ROOT / "reports" / "seeds.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line.rstrip() for line in excerpt.splitlines()]
    start = report.index(lines[0])
    assert report[start:start + len(lines)] == lines, "README excerpt differs from reports/seeds.txt"
