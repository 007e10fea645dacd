"""The package's layers, as the README's "Where things are" draws them: core/ and run/ run
without Scrapy and never reach into the Scrapy adapters (crawling/), and no two modules
import each other at load time."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newsbot"


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """Modules `path` imports (relative imports resolved); only those run at load time
    when `top_level_only` (an import inside a function or TYPE_CHECKING runs later)."""
    tree = ast.parse(path.read_text("utf-8"))
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from package import module` imports the module too
            found |= {f"{target}.{a.name}" for a in node.names}
    return found


def _files(*folders: str) -> list[Path]:
    return sorted(p for f in folders for p in (PACKAGE / f).rglob("*.py"))


@pytest.mark.parametrize("path", _files("core", "run"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_and_run_import_no_scrapy_and_no_adapter(path):
    bad = {m for m in _imports(path, top_level_only=False)
           if m.split(".")[0] in ("scrapy", "twisted", "scrapy_redis", "spidermon") or m.startswith("newsbot.crawling")}
    assert not bad, bad


def test_core_does_not_import_the_run():
    for path in _files("core"):
        assert not {m for m in _imports(path, top_level_only=False) if m.startswith("newsbot.run")}, path


def test_no_import_cycle_at_load_time():
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {m: {i for i in _imports(p, top_level_only=True) if i in modules and i != m} for m, p in modules.items()}
    # A package's __init__ is loaded before its modules: an edge from a module to its own
    # package is no cycle Python trips on.
    for m in graph:
        graph[m] = {i for i in graph[m] if not m.startswith(i + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph[m]):
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(n):] + [n]))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_the_check_finds_a_cycle_and_an_adapter_import(tmp_path, monkeypatch):
    """The checks above can fail: a planted cycle and a planted Scrapy import are caught."""
    global PACKAGE
    fake = tmp_path / "newsbot"
    (fake / "core").mkdir(parents=True)
    (fake / "run").mkdir()
    (fake / "__init__.py").write_text("")
    (fake / "core" / "__init__.py").write_text("")
    (fake / "run" / "__init__.py").write_text("")
    (fake / "core" / "a.py").write_text("from . import b\n")
    (fake / "core" / "b.py").write_text("from newsbot.core import a\n")
    (fake / "run" / "r.py").write_text("def f():\n    from newsbot.crawling.items import ArticleItem\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "PACKAGE", fake)
    with pytest.raises(AssertionError, match="import cycle"):
        test_no_import_cycle_at_load_time()
    with pytest.raises(AssertionError):
        test_core_and_run_import_no_scrapy_and_no_adapter(fake / "run" / "r.py")
