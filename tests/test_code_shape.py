"""The code stays readable: it passes ruff, every module has a docstring on top, no function is over 60 lines
(except the vendored markdown-it list rule, which says where it comes from and what it changes)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reportgen

PACKAGE = Path(reportgen.__file__).parent
VENDORED = {("load/markdown/fancy_lists.py", "fancy_list_block")}


def modules():
    paths = sorted(PACKAGE.rglob("*.py"))
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text())) for path in paths]


def test_every_module_says_what_it_is_for():
    missing = [name for name, tree in modules() if not ast.get_docstring(tree)]
    assert not missing, f"add a docstring at the top of {missing}"


def test_no_function_is_longer_than_60_lines():
    long = [f"{name}: {node.name} ({node.end_lineno - node.lineno + 1} lines)" for name, tree in modules()
            for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > 60 and (name, node.name) not in VENDORED]
    assert not long, "split these functions: " + "; ".join(long)


def test_the_vendored_rule_says_where_it_comes_from():
    text = (PACKAGE / "load/markdown/fancy_lists.py").read_text()
    assert "markdown_it/rules_block/list.py" in text and "MIT" in text


def test_the_code_passes_the_linter():
    root = PACKAGE.parents[1]
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is needed (pip install -e '.[test]')")
    result = subprocess.run([ruff, "check", "--no-cache", "src", "tests", "benchmarks", "tools"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
