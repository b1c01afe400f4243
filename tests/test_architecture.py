"""The layers stay one-way: the model depends on nothing, the pipeline on no presentation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reconcile"
PRESENTATION = {"click", "rich", "pandas"}


def imports_of(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against the package)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
    return found


def files(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in ((PACKAGE / part).rglob("*.py") if (PACKAGE / part).is_dir()
                                                else [PACKAGE / part]))


@pytest.mark.parametrize("path", files("model.py", "errors.py"), ids=lambda p: p.name)
def test_model_imports_nothing_from_the_package(path):
    assert not {m for m in imports_of(path) if m.startswith("reconcile")}


@pytest.mark.parametrize("path", files("extract", "sources.py", "rules.py", "text.py", "pipeline.py", "align.py",
                                       "judge.py", "values.py", "check.py", "config.py",
                                       "language.py", "schema.py", "patterns.py"),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pipeline_never_imports_presentation(path):
    imported = imports_of(path)
    assert not {m.split(".")[0] for m in imported} & PRESENTATION
    assert not {m for m in imported if m.startswith(("reconcile.report", "reconcile.cli"))}


@pytest.mark.parametrize("path", [p for p in files(".") if p.name not in ("cli.py", "__main__.py")],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_nothing_imports_the_cli(path):
    assert "reconcile.cli" not in imports_of(path)


def test_every_module_says_what_it_holds():
    for path in files("."):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc, f"{path.relative_to(PACKAGE)} has no module docstring"


# Words from the seed story: the package and its rules must stay general news English.
SEED_WORDS = ["RAICES", "CPB", "CBP", "Salesforce", "Benioff", "Jonathan Ryan", "WIRED", "BuzzFeed",
              "McAllen", "mosads", "650", "250,000", "19.4", "82,000", "1-1-1"]


@pytest.mark.parametrize("path", files(".") + sorted((PACKAGE.parent / "rules").rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_seed_specific_vocabulary(path):
    text = path.read_text(encoding="utf-8")
    assert not [w for w in SEED_WORDS if w in text]
