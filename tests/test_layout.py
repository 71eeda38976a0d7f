"""The README's layout tree and the service/ folder tell the same story."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_tree() -> set[str]:
    """The paths of the README's `## Layout` tree, rebuilt from its indentation
    (two spaces a level; a name ending in / is a folder)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^## Layout\n.*?```text\n(.*?)```", text, re.S | re.M)
    assert block, "README.md has no ## Layout tree"
    paths, stack = set(), []
    for line in block.group(1).splitlines():
        name = line.strip().split()[0]
        depth = (len(line) - len(line.lstrip())) // 2
        stack[depth:] = [name]
        paths.add("".join(stack))
    return paths


def test_readme_tree_lists_every_module_and_nothing_else():
    listed = {p for p in readme_tree() if p.startswith("service/") and p.endswith(".py")}
    actual = {p.relative_to(ROOT).as_posix() for p in (ROOT / "service").rglob("*.py")}
    # a package's __init__.py is its folder's line, except the library's own face
    actual = {p for p in actual if not p.endswith("/__init__.py") or p == "service/__init__.py"}
    assert sorted(actual - listed) == [], "modules missing from README.md's layout"
    assert sorted(listed - actual) == [], "README.md's layout lists modules that do not exist"


def test_readme_tree_folders_exist():
    for path in readme_tree():
        if path.endswith("/"):
            assert (ROOT / path).is_dir(), path


# --- the module graph: no loop, no climb back up ----------------------------------------

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_graph() -> dict[str, set[str]]:
    """service module -> the service modules it imports at module level (imports
    inside functions are lazy on purpose: tools and doctests, optional parts)."""
    import ast

    files = {_module_name(p): p for p in (ROOT / "service").rglob("*.py")}
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                base = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    found.add(target if target in files else base)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m in files and m != name}
    return graph


def _cycle(graph: dict) -> list:
    """One import loop of `graph`, or []."""
    state: dict = {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                loop = visit(nxt, path + [nxt])
                if loop:
                    return loop
        state[node] = "done"
        return []

    for start in sorted(graph):
        if start not in state:
            loop = visit(start, [start])
            if loop:
                return loop
    return []


def test_the_module_graph_has_no_import_loop():
    graph = module_graph()
    assert {"service.steps", "service.language", "service.rules"} <= graph["service.pipeline"]  # it reads imports
    assert _cycle(graph) == []
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]  # the check can fail


def test_lower_layers_do_not_import_upper_ones():
    """The library never imports the HTTP layer; steps never import what runs them."""
    graph = module_graph()
    for name, imports in graph.items():
        if not name.startswith("service.app"):
            assert not {m for m in imports if m.startswith("service.app")}, name
        if name.startswith("service.steps"):
            runners = ("service.pipeline", "service.documents", "service.html", "service.batch", "service.cli",
                       "service.rules")
            assert not {m for m in imports if m.startswith(runners)}, name
