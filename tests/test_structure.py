"""The shape of the code: no import cycles, and no module reaching into another's private names.

Every import counts, at the top of a module or inside a function (a lazy import is still a
dependency); only imports under `if TYPE_CHECKING:` are left out, since they never run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = ROOT / "pollcli"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node except those under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module imported, names imported from it) for each runtime import of pollcli modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    found = []
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names if alias.name.startswith("pollcli")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if base.startswith("pollcli"):
                found.append((base, [alias.name for alias in node.names]))
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for target, names in imports(path):
            # `from pollcli.read import stream` imports the module pollcli.read.stream.
            for imported in names or [""]:
                full = f"{target}.{imported}" if imported else target
                module = full if full in modules else target
                if module in modules and module != name:
                    edges[name].add(module)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search (each reported once, from its smallest module)."""
    found = set()
    for start in edges:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in edges[node]:
                if nxt == start:
                    cycle = path[:]
                    turn = cycle.index(min(cycle))
                    found.add(tuple(cycle[turn:] + cycle[:turn]))
                elif nxt not in path and nxt > start:
                    stack.append((nxt, [*path, nxt]))
    return sorted(list(c) for c in found)


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_a_package_importing_its_submodule_is_not_a_cycle_by_itself():
    # pollcli.cli imports its command modules, which import pollcli.cli.options: an edge, no cycle.
    edges = graph()
    assert "pollcli.cli.options" in edges["pollcli.cli.summary"]


def test_no_module_imports_another_s_private_names():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for target, names in imports(path):
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private and target != module_name(path):
                offenders.append(f"{module_name(path)} imports {private} from {target}")
    assert offenders == []


def test_no_module_uses_another_s_private_attributes():
    """`module._name` on an imported pollcli module (tests may; the library may not)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pollcli")
            for alias in node.names
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                offenders.append(f"{module_name(path)}: {node.value.id}.{node.attr}")
    assert offenders == []


def test_no_module_is_over_500_lines():
    long = {
        module_name(p): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_the_readme_diagram_names_every_stage_of_the_reading_pipeline():
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Development", 1)[1].split("\n## ", 1)[0]
    diagram = section.split("```text", 1)[1].split("```", 1)[0]
    stages = {p.stem for p in (PACKAGE / "read").glob("*.py") if p.stem != "__init__"}
    named = set(re.findall(r"\bread/(\w+)", diagram))
    # engines and options are named in the paragraph under the diagram
    assert stages - named - {"engines", "options"} == set()
    assert named - stages == set()
    assert "read/engines.py" in section and "read/options.py" in section
