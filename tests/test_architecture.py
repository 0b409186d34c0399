"""The shape of the house (docs/architecture.md): no module imports another that imports
it back, and `home/` holds the site's common ground only."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_modules() -> dict[str, Path]:
    """{dotted name: path} of every module of the project's apps and of site/ (whose
    modules import as top-level names: settings, urls, wsgi)."""
    modules = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[0] in {".venv", "var", "bench"} or len(parts) == 1:
            continue
        if parts[0] != "site" and not (ROOT / parts[0] / "__init__.py").exists():
            continue
        if parts[0] == "site":
            parts = parts[1:]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict) -> set[str]:
    """The project modules `name` imports, anywhere in it (in functions too: an import
    put in a function to dodge a cycle is still one)."""

    def module_of(dotted):
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted

    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {module_of(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([node.module] if node.module else [])])
            found |= {module_of(f"{base}.{alias.name}") for alias in node.names}
    return {module for module in found if module and module != name}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.get(module, ()):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in graph:
        if module not in index:
            visit(module)
    return cycles


def is_code(path: Path) -> bool:
    return "tests" not in path.parts and "migrations" not in path.parts


def test_no_module_imports_another_that_imports_it_back():
    modules = project_modules()
    code = {name: path for name, path in modules.items() if is_code(path)}
    graph = {name: imports_of(name, path, modules) & set(code) for name, path in code.items()}

    assert import_cycles(graph) == []


def test_import_cycles_are_found_even_through_imports_inside_functions():
    graph = {"a.models": {"a.listing"}, "a.listing": {"a.serializers"}, "a.serializers": set()}
    assert import_cycles(graph) == []
    graph["a.serializers"] = {"a.models"}  # a function-level import back
    assert import_cycles(graph) == [["a.listing", "a.models", "a.serializers"]]


def test_home_holds_under_a_fifth_of_the_code():
    lines = {}
    for path in project_modules().values():
        if is_code(path):
            room = path.relative_to(ROOT).parts[0]
            lines[room] = lines.get(room, 0) + len(path.read_text().splitlines())

    assert lines["home"] < sum(lines.values()) / 5, lines


def test_every_rooms_tests_are_collected():
    """A room whose tests are not in pytest's testpaths is silently skipped by `make test`
    (demo/tests run as a session of their own)."""
    import tomllib

    testpaths = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"][
            "testpaths"
        ]
    )
    rooms = {path.parent.name for path in ROOT.glob("*/tests/__init__.py")} - {"demo"}
    assert rooms - testpaths == set()
