"""The map page's scripts: native ES modules in web/static/js/, loaded by the browser as they are.

No bundler and no build step, so these tests hold the layout together: every module is small, every
import names a module of the folder, the imports have no cycle and reach every module from main.js,
the page preloads exactly those modules, the server sends them as JavaScript, and Chromium imports
each of them without an error, a console message or a global variable.
"""

from __future__ import annotations

import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import electoral
from electoral.api.app import create_app

STATIC = Path(electoral.__file__).parent / "web" / "static"
JS = STATIC / "js"
ENTRY = JS / "main.js"
MODULES = sorted(JS.rglob("*.js"))
MAX_LINES = 250
# `import ... from "x"`, `export ... from "x"` (over several lines too) and `import "x"`.
STATIC_IMPORT = re.compile(r'^\s*(?:import|export)\b[^;"]*?\bfrom\s*"([^"]+)"|^\s*import\s*"([^"]+)"', re.M)


def url(module: Path) -> str:
    return "/static/" + module.relative_to(STATIC).as_posix()


def imports(module: Path) -> set[Path]:
    """The modules ``module`` imports, as files."""
    found = set()
    for match in STATIC_IMPORT.finditer(module.read_text(encoding="utf-8")):
        specifier = match.group(1) or match.group(2)
        assert specifier.startswith(("./", "../")) and specifier.endswith(".js"), (
            f"{module.name}: {specifier!r} is not a relative path to a module (no bundler resolves names)")
        found.add((module.parent / specifier).resolve())
    return found


def test_the_page_is_split_into_modules() -> None:
    assert ENTRY in MODULES and len(MODULES) >= 10
    assert not (STATIC / "app.js").exists()


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.relative_to(JS).as_posix())
def test_no_module_is_longer_than_250_lines(module: Path) -> None:
    lines = len(module.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module.relative_to(JS)} has {lines} lines: split it by concept"


def test_imports_resolve_have_no_cycle_and_reach_every_module() -> None:
    graph = {module.resolve(): imports(module) for module in MODULES}
    for module, needed in graph.items():
        missing = needed - graph.keys()
        assert not missing, f"{module.name} imports missing modules: {sorted(map(str, missing))}"
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(p.relative_to(JS.resolve()).as_posix() for p in error.args[1])}")
    reached, todo = set(), [ENTRY.resolve()]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(graph[module])
    assert reached == set(graph), f"not imported by the page: {sorted(str(p) for p in set(graph) - reached)}"


def test_the_page_loads_main_as_a_module_and_preloads_the_others() -> None:
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", page) == [f'<script type="module" src="{url(ENTRY)}">']
    preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', page)
    assert sorted(preloaded) == sorted(url(m) for m in MODULES if m != ENTRY)


def test_every_module_is_served_as_javascript() -> None:
    client = TestClient(create_app())
    for module in MODULES:
        response = client.get(url(module))
        assert response.status_code == 200, url(module)
        assert response.headers["content-type"].split(";")[0] == "text/javascript", url(module)
        assert response.text == module.read_text(encoding="utf-8")


@pytest.mark.browser
def test_chromium_imports_every_module_without_errors_or_globals(browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        blank = context.new_page()
        blank.goto(f"{base_url}/static/map.json")  # same origin, no script of ours
        builtin = set(blank.evaluate("Object.getOwnPropertyNames(window)"))
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(f"console.{message.type}: {message.text}"))
        page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: messages.append(f"request failed: {request.url}"))
        page.goto(f"{base_url}/?year=2020")
        page.wait_for_selector("body[data-ready=true]", timeout=15_000)
        page.wait_for_selector("body[data-panels=ready]", timeout=15_000)
        exported = page.evaluate(
            "urls => Promise.all(urls.map(u => import(u).then(m => [u, Object.keys(m)])))",
            [url(m) for m in MODULES])
        for module, names in exported:
            assert names or module == url(ENTRY), f"{module} exports nothing"
        loaded = set(page.evaluate(
            "performance.getEntriesByType('resource').map(r => new URL(r.name).pathname)"))
        assert {url(m) for m in MODULES} <= loaded
        assert set(page.evaluate("Object.getOwnPropertyNames(window)")) - builtin == set()
        assert not messages, messages
    finally:
        context.close()
