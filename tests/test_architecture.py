"""The layers stay where architecture.md puts them: Qt only in ui/, SQL only in store/."""

from __future__ import annotations

import re

from .conftest import ROOT

PACKAGE = ROOT / "metroviewer"


def sources(exclude: tuple[str, ...]) -> list:
    return [p for p in PACKAGE.rglob("*.py") if not any(str(p.relative_to(PACKAGE)).startswith(e) for e in exclude)]


def test_qt_is_imported_only_in_ui_and_app():
    qt = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph)", re.MULTILINE)
    offenders = [str(p.relative_to(ROOT)) for p in sources(("ui/", "app.py")) if qt.search(p.read_text())]
    assert offenders == []


def test_sql_statements_live_in_store():
    sql = re.compile(r"\b(SELECT\s+\S+.*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b")
    offenders = [str(p.relative_to(ROOT)) for p in sources(("store/",)) if sql.search(p.read_text())]
    assert offenders == []


# The layers, lowest first: a package may import its own modules and those of lower layers only.
# (core ← regions ← figures ← store ← ingest, summary ← briefing ← desk ← ui ← cli, app; figures
# read region mentions with the tagger)
LAYERS = [{"core"}, {"regions"}, {"figures"}, {"store"}, {"ingest", "summary"}, {"briefing"}, {"desk"}, {"ui"},
          {"commands", "app"}, {"analyst_commands"}, {"cli"}, {"__main__"}]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def package_of(module: str) -> str:
    """`metroviewer.store.db` → "store"; `metroviewer.cli` → "cli"."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path) -> set[str]:
    """Every metroviewer module a file imports, at its top or inside functions."""
    import ast

    name = module_name(path)
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("metroviewer"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("metroviewer"):
                found.add(target)
    return found


def import_graph(root=PACKAGE) -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in root.rglob("*.py")}


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for module, targets in graph.items():
        source = package_of(module)
        for target in targets:
            dest = package_of(target)
            if not source or not dest or dest == source or dest not in RANK or source not in RANK:
                continue
            if RANK[dest] >= RANK[source]:
                out.append(f"{module} imports {target}")
    return sorted(out)


def package_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Cycles between packages (or top-level modules), found by depth-first search."""
    edges: dict[str, set[str]] = {}
    for module, targets in graph.items():
        for target in targets:
            a, b = package_of(module), package_of(target)
            if a and b and a != b:
                edges.setdefault(a, set()).add(b)
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return cycles


def test_packages_import_only_lower_layers():
    graph = import_graph()
    assert set(package_of(m) for m in graph) - {""} <= set(RANK), "a new package needs a layer in LAYERS"
    assert layer_violations(graph) == []


def test_there_are_no_import_cycles_between_packages():
    assert package_cycles(import_graph()) == []


def test_the_layer_check_catches_a_reversed_import_and_a_cycle(tmp_path):
    graph = import_graph()
    graph["metroviewer.store.fake"] = {"metroviewer.desk.desk"}  # the store reaching up to the desk
    assert layer_violations(graph) == ["metroviewer.store.fake imports metroviewer.desk.desk"]
    assert any({"store", "desk"} <= set(cycle) for cycle in package_cycles(graph))
    # and the parser sees a relative import inside a function as an import
    fake = tmp_path / "metroviewer" / "regions" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..store import Store\n    return Store\n")
    assert imports_of_at(fake, tmp_path) == {"metroviewer.store"}


def imports_of_at(path, root) -> set[str]:
    """imports_of for a file under another root (the test's fake package)."""
    import tests.test_architecture as me

    saved = me.ROOT
    me.ROOT = root
    try:
        return imports_of(path)
    finally:
        me.ROOT = saved


def test_an_articles_index_text_is_derived_in_one_place():
    """core/search_text.py derives it (index_body_source, indexed_text, stored_index_entry);
    the import and re-tagging get it from their shared analysis (ingest/prepare.Analysis)."""
    callers = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                     if re.search(r"\bindexed_text\(", p.read_text()))
    assert callers == ["core/search_text.py", "ingest/prepare.py"]


def test_the_wheel_lists_every_package():
    """pyproject.toml names the packages explicitly (resources/ travels as one of them): a new
    subpackage must be added there, or an installed MetroViewer would miss it."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {"metroviewer"} | {"metroviewer." + p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert listed == found | {"metroviewer_resources"}
