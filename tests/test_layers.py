"""The package layout is the architecture: each layer imports only the layers below it."""

from __future__ import annotations

import ast
from pathlib import Path

import reportgen

PACKAGE = Path(reportgen.__file__).parent

# Lowest first. Top-level modules may import others of their own layer; packages import only their
# own modules and lower layers (check and renderers stand side by side and never import each other).
LAYERS = [
    {"errors", "clock", "model", "numberformat", "numberwords", "i18n", "scripts", "resources", "files"},
    {"load"},
    {"transforms"},
    {"check", "renderers"},
    {"outputs", "pipeline", "starter"},
    {"review"},
    {"watch", "serve", "status", "status_format", "bundle"},
    {"commands"},
    {"cli", "__main__", "__init__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def unit(module: str) -> str:
    """The layer unit of a dotted module name inside reportgen: its first component."""
    return module.split(".")[1] if "." in module else "__init__"


def imports(path: Path) -> set[str]:
    """The reportgen modules a file imports, absolute, wherever the import statement stands."""
    parts = ["reportgen", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = parts if parts[-1] == "__init__" else parts[:-1]
    package = [p for p in package if p != "__init__"]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            found.update([target] if node.module else [_module_or_package(target, alias.name) for alias in node.names])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportgen"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("reportgen"))
    return found


def _module_or_package(package: str, name: str) -> str:
    """`from package import name`: the module `name` if there is one, else the package itself."""
    folder = PACKAGE.joinpath(*package.split(".")[1:])
    is_module = (folder / f"{name}.py").is_file() or (folder / name / "__init__.py").is_file()
    return f"{package}.{name}" if is_module else package


def _is_package(name: str) -> bool:
    return (PACKAGE / name).is_dir()


def test_every_unit_has_a_layer():
    units = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" or (p / "__init__.py").is_file())}
    assert units <= set(RANK), f"put these in a layer of tests/test_layers.py: {units - set(RANK)}"


def test_no_import_goes_up_or_sideways():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = unit(".".join(["reportgen", *path.relative_to(PACKAGE).with_suffix("").parts]))
        for target in imports(path):
            there = unit(target)
            sideways = RANK[there] == RANK[here] and (_is_package(here) or _is_package(there))
            if there != here and (RANK[there] > RANK[here] or sideways):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert not wrong, "imports against the layer order:\n" + "\n".join(wrong)
