"""The linter's modules are long: a module-level name given twice silently replaces the first.

Two judges' word lists once shared a name (`_VERDICT_GATE` in frames.py): the second replaced
the first, and every sentence the first judge had found was lost at once. A name may be
extended (`_IF_ONLY = _IF_ONLY + Alternatives(...)`), not given again.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pmdesk.lint

MODULES = sorted(Path(pmdesk.lint.__file__).parent.glob("*.py"))


def _given_twice(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    twice = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            targets, value = [ast.Name(id=node.name)], None
        else:
            continue
        for target in targets:
            if not isinstance(target, ast.Name):
                continue
            extends = value is not None and any(
                isinstance(n, ast.Name) and n.id == target.id for n in ast.walk(value)
            )
            if target.id in seen and not extends:
                twice.append(f"{path.name}:{node.lineno} {target.id} (first at {seen[target.id]})")
            seen.setdefault(target.id, node.lineno)
    return twice


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_module_level_name_is_given_twice(path):
    assert _given_twice(path) == []
