"""The code stays readable: a one-line docstring on top of every module, no function over 60 lines
(except the vendored markdown-it list rule, which says where it comes from and what it changes)."""

from __future__ import annotations

import ast
from pathlib import Path

import reportgen

PACKAGE = Path(reportgen.__file__).parent
VENDORED = {("load/markdown/fancy_lists.py", "fancy_list_block")}


def modules():
    return [(path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text())) for path in sorted(PACKAGE.rglob("*.py"))]


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
