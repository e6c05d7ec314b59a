"""Every page of the dashboard, in both languages, in a real browser: no exception, no error box, charts drawn.

The pages are read from dashboard.py (its `st.Page("pages/<file>.py", ..., url_path=...)` calls, or those of the
project modules it imports, e.g. pages/_common.py), so a new page is tested as soon as it is registered there.
Each run leaves test-output/screenshots/<url_path>_<lang>.png.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pytest

from .conftest import ROOT

DASHBOARD = ROOT / "dashboard.py"
LANGS = ("vi", "en")
LOAD_TIMEOUT = 150  # seconds: the first load initialises the database with the demo data
IDLE_FOR = 1.0  # seconds the app must stay idle before it counts as done
CHART = '.js-plotly-plot, [data-testid="stPlotlyChart"]'

# Text a page must show in each language, keyed by the page's file stem (pages without an entry get no text check).
EXPECTED_TEXT = {
    "overview": {"vi": "Tổng quan", "en": "at a glance"},
}


@dataclass(frozen=True)
class PageRef:
    file: str  # "pages/overview.py"
    url_path: str  # Streamlit's url_path ("overview"): names the screenshot
    default: bool  # the default page is served at the app root

    @property
    def stem(self) -> str:
        return self.file.rsplit("/", 1)[-1][: -len(".py")]

    @property
    def route(self) -> str:
        return "" if self.default else self.url_path


def _call_arguments(text: str, start: int) -> str:
    """The text between the parenthesis at `start` and its matching one (strings may hold parentheses)."""
    depth, i, quote = 0, start, None
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1:i]
        i += 1
    raise ValueError("unbalanced st.Page( call in dashboard.py")


def _inferred_url_path(file: str) -> str:
    """Streamlit's url_path for a page file without url_path=: the name, less a leading number, `_` for spaces."""
    name = file.rsplit("/", 1)[-1]
    match = re.fullmatch(r"([0-9]*)[_ -]*(.*)\.py", name)
    return re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)


def _navigation_sources() -> list[str]:
    """dashboard.py, then the project's own modules it imports (where the page list may live)."""
    main = DASHBOARD.read_text(encoding="utf-8")
    sources = [main]
    for module in re.findall(r"^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", main, re.M):
        path = ROOT / (module[0] or module[1]).replace(".", "/")
        for candidate in (path.with_suffix(".py"), path / "__init__.py"):
            if candidate.is_file():
                sources.append(candidate.read_text(encoding="utf-8"))
                break
    return sources


def discover_pages() -> list[PageRef]:
    pages = []
    for text in _navigation_sources():
        pages += _pages_in(text)
    unique = list(dict.fromkeys(pages))
    if unique and not any(p.default for p in unique):  # st.navigation serves the first page at the root
        unique[0] = PageRef(unique[0].file, unique[0].url_path, True)
    return unique


def _pages_in(text: str) -> list[PageRef]:
    pages = []
    for match in re.finditer(r"\bst\.Page\s*\(", text):
        args = _call_arguments(text, match.end() - 1)
        file = re.match(r"""\s*(?:page\s*=\s*)?["'](pages/[^"']+\.py)["']""", args)
        if not file:
            file = re.search(r"""\bpage\s*=\s*["'](pages/[^"']+\.py)["']""", args)
        if not file:
            continue  # a callable or an external URL: nothing to open
        url = re.search(r"""\burl_path\s*=\s*["']([^"']*)["']""", args)
        url_path = url.group(1).strip().strip("/") if url else _inferred_url_path(file.group(1))
        default = re.search(r"\bdefault\s*=\s*True\b", args) is not None
        pages.append(PageRef(file.group(1), url_path or _inferred_url_path(file.group(1)), default))
    return pages


PAGES = discover_pages()


def test_the_pages_are_discovered_from_dashboard_py():
    assert PAGES, "no st.Page('pages/<file>.py', ...) in dashboard.py or the project modules it imports"
    assert all((ROOT / p.file).is_file() for p in PAGES), PAGES
    assert sum(p.default for p in PAGES) == 1
    assert len({p.url_path for p in PAGES}) == len(PAGES), "url_paths must be unique"


def wait_until_idle(page, timeout: float = LOAD_TIMEOUT) -> None:
    """Connected, script not running, no running indicator, app view present — and still so after IDLE_FOR."""
    idle_js = """() => {
        const app = document.querySelector('[data-testid="stApp"]');
        return !!app && !!document.querySelector('[data-testid="stAppViewContainer"]')
            && app.getAttribute('data-test-connection-state') === 'CONNECTED'
            && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector('[data-testid="stStatusWidget"]')
            && document.querySelectorAll('[data-testid="stMain"] [data-testid="stElementContainer"]').length > 0;
    }"""
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        if page.evaluate(idle_js):
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= IDLE_FOR:
                return
        else:
            idle_since = None
        page.wait_for_timeout(200)
    state = page.evaluate("""() => { const a = document.querySelector('[data-testid="stApp"]');
        return a ? [a.getAttribute('data-test-connection-state'), a.getAttribute('data-test-script-state')] : null }""")
    pytest.fail(f"the app was not idle after {timeout}s (connection, script state: {state})", pytrace=False)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ref", PAGES, ids=[p.url_path for p in PAGES])
def test_page_renders_in_the_browser(browser, app_url, page, screenshots_dir, ref, lang):
    url = f"{app_url}/{ref.route}?lang={lang}"
    shot = screenshots_dir / f"{ref.url_path}_{lang}.png"
    page.goto(url, wait_until="domcontentloaded")
    try:
        wait_until_idle(page)
        charts = page.locator(CHART)
        for i in range(charts.count()):  # plotly draws after the script ends: give each chart time
            charts.nth(i).locator(".main-svg").first.wait_for(state="attached", timeout=30_000)
    finally:
        page.screenshot(path=str(shot))

    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{url}: {exceptions.first.inner_text()[:2000]}"
    errors = [text for text in page.locator('[data-testid="stAlert"]').all_inner_texts()
              if "Error" in text or "Traceback" in text]
    assert errors == [], f"{url}: {errors}"

    charts = page.locator(CHART)
    undrawn = [i for i in range(charts.count()) if charts.nth(i).locator(".main-svg").count() == 0]
    assert undrawn == [], f"{url}: charts {undrawn} of {charts.count()} have no drawn .main-svg"

    expected = EXPECTED_TEXT.get(ref.stem, {}).get(lang)
    if expected:
        main = page.locator('[data-testid="stMain"]').inner_text()
        assert expected in main, f"{url}: {expected!r} not on the page; it shows:\n{main[:1000]}"
    assert shot.is_file() and shot.stat().st_size > 10_000
