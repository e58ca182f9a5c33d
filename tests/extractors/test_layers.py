"""extractors/ is laid out in layers that import only downwards: text machinery knows nothing of
names or documents, and names nothing of document facts. A new module that reaches up breaks this."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACTORS = Path(__file__).resolve().parents[2] / "extractors"
FORBIDDEN = {"text": ("extractors.names", "extractors.documents"), "names": ("extractors.documents",)}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    offences = [
        f"{path.name} imports {module}"
        for path in sorted((EXTRACTORS / layer).glob("*.py"))
        for module in sorted(imported_modules(path))
        if module.startswith(FORBIDDEN[layer])
    ]
    assert offences == []


def test_every_extractor_module_sits_in_a_layer() -> None:
    loose = sorted(p.name for p in EXTRACTORS.glob("*.py"))
    assert loose == ["__init__.py", "facts.py", "record.py"]


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from extractors.documents.kinds import Kind\n", encoding="utf-8")
    assert "extractors.documents.kinds" in imported_modules(module)
