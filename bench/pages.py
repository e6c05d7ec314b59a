"""Page speed: each page's script time under Streamlit's AppTest against a bare one-line page, in one run.

Databases: the demo data, and a generated large one (bench/data.py: 63 provinces then 34 × 20 years × 4 indices
with their components, plus 500 units × 30 criteria × 10 years, and a plan's goals). Cold = the first run of a page
(caches empty); warm = the median of later reruns (what a reader pays when clicking around), measured in
blocks alternating with the floor's so that drift on a noisy machine touches both alike.
Goal (issue 3): warm ≤ 3× the floor on the demo data.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import data
from reformdash import service
from reformdash.store import ROOT

PAGES = ["overview", "trends", "ranks", "components", "compare", "units", "goals", "map"]
GOAL = 3.0
LARGE_UNITS = 500  # --quick: 100
FLOOR = 'import streamlit as st\nst.write("reformdash")\n'
# The app's shell with a one-line page: what every page pays before its own work (page config, navigation, the
# sign-in fold, the role-filtered menu, the language switch). Written beside dashboard.py while it runs, because
# st.Page paths are relative to the main script.
SHELL = """import streamlit as st
from pages._auth import refresh_user, sign_in_box
from pages._common import language, session_pages


def bare():
    st.write("reformdash")


st.set_page_config(page_title="reformdash", layout="wide")
user = refresh_user("vi")
pages = [st.Page(bare, title="bare", default=True)] + session_pages("vi", None)[1:]
current = st.navigation(pages, position="sidebar")
sign_in_box("vi", user)
language()
current.run()
"""
SHELL_FILE = ROOT / ".bench_shell.py"


def open_app(page: str | None):
    """An AppTest of the floor (None), the shell ('(shell)') or a page, after its first (cold) run: (app, cold s)."""
    from streamlit.testing.v1 import AppTest

    if page is None:
        at = AppTest.from_string(FLOOR, default_timeout=300)
    elif page == "(shell)":
        SHELL_FILE.write_text(SHELL, encoding="utf-8")
        at = AppTest.from_file(str(SHELL_FILE), default_timeout=300)
    else:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    t0 = time.perf_counter()
    if page in (None, "overview", "(shell)"):
        at.run()
    else:
        at.switch_page(f"pages/{page}.py").run()
    cold = time.perf_counter() - t0
    assert not at.exception, [e.message for e in at.exception]
    return at, cold


@contextlib.contextmanager
def as_served():
    """AppTest as `streamlit run` runs the app once a page has been opened: one script cache for the process, and the
    pages/ folder routed once (the app's st.navigation turns Streamlit's folder routing off for the process).

    AppTest resets both before every run, so each rerun of a page compiles its file again and routes through the
    pages/ folder again (~1.3 ms here), which a served app never does; the floor, a two-line script with no pages/
    folder, pays neither. Both ways are printed.
    """
    import streamlit.testing.v1.app_test as app_test
    import streamlit.testing.v1.local_script_runner as local_runner
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared = ScriptCache()
    init = PagesManager.__init__
    routed = {"done": False}

    def served_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        if routed["done"]:
            PagesManager.uses_pages_directory = False

    PagesManager.__init__ = served_init
    saved = [(module, module.ScriptCache) for module in (app_test, local_runner)]  # each makes its own per run
    for module, _ in saved:
        module.ScriptCache = lambda: shared
    try:
        yield routed
    finally:
        PagesManager.__init__ = init
        for module, maker in saved:
            module.ScriptCache = maker


def time_against_floor(at, floor, reruns: int) -> tuple[float, float]:
    """(warm median, floor median) in seconds, the two measured in alternating blocks so both see the same machine.

    These machines are noisy: a floor measured once at the start and a page a minute later can differ by a tenth
    from drift alone. Blocks rather than single runs in turn, because a page's garbage would otherwise be
    collected during the floor run after it and flatter the page.
    """
    for _ in range(2):  # warm both: the first reruns still fill caches
        at.run()
        floor.run()
    warm, base = [], []
    block = max(1, reruns // 4)
    for _ in range(reruns // block):
        for app, times in ((floor, base), (at, warm)):
            for _ in range(block):
                t0 = time.perf_counter()
                app.run()
                times.append(time.perf_counter() - t0)
    assert not at.exception, [e.message for e in at.exception]
    return statistics.median(warm), statistics.median(base)


def run(quick: bool = False) -> dict:
    """Cold and warm script time of every page against the floor, on the demo data and on the large database."""
    from pages._common import clear_caches

    reruns = 10 if quick else 40
    out: dict = {"reruns": reruns, "goal_ratio": GOAL, "databases": {}}
    saved = os.environ.get("REFORMDASH_DB")
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.duckdb"
        store = service.open_store(str(demo))
        service.init(store)
        store.close()
        big = Path(tmp) / "large.duckdb"
        info = data.generate(big, units=100 if quick else LARGE_UNITS)
        targets = [("demo", demo, None), ("large", big, info)]
        try:
            for name, path, made in targets:
                scores = score_count(path)  # before the pages open the file
                os.environ["REFORMDASH_DB"] = str(path)
                clear_caches()
                floor, floor_cold = open_app(None)
                try:
                    shell_app, _ = open_app("(shell)")
                    shell, shell_floor = time_against_floor(shell_app, floor, reruns)
                finally:
                    SHELL_FILE.unlink(missing_ok=True)
                db = {"scores": scores, "floor_cold_s": floor_cold, "shell_s": shell, "shell_floor_s": shell_floor,
                      "pages": {}}
                if made:
                    db["generated_s"] = made["seconds"]
                floors = [shell_floor]
                for page in PAGES:
                    at, cold = open_app(page)
                    warm, base = time_against_floor(at, floor, reruns)
                    floors.append(base)
                    charts = len(at.get("plotly_chart"))
                    with as_served() as routed:
                        served_app, _ = open_app(page)
                        routed["done"] = True
                        served, served_base = time_against_floor(served_app, floor, reruns)
                        # the same page, not an empty one: served runs must draw what the strict runs drew
                        assert len(served_app.get("plotly_chart")) == charts, (page, charts)
                        assert len(served_app.main.children) == len(at.main.children), page
                    db["pages"][page] = {"cold_s": cold, "warm_s": warm, "floor_s": base, "ratio": warm / base,
                                         "shell_ratio": warm / shell, "charts": charts, "served_s": served,
                                         "served_floor_s": served_base, "served_ratio": served / served_base}
                db["floor_s"] = statistics.median(floors)
                out["databases"][name] = db
                clear_caches()  # drops the cached store; its connection goes with the object
        finally:
            if saved is None:
                os.environ.pop("REFORMDASH_DB", None)
            else:
                os.environ["REFORMDASH_DB"] = saved
    out["worst_demo_ratio"] = max(p["ratio"] for p in out["databases"]["demo"]["pages"].values())
    out["worst_large_ratio"] = max(p["ratio"] for p in out["databases"]["large"]["pages"].values())
    out["worst_demo_served_ratio"] = max(p["served_ratio"] for p in out["databases"]["demo"]["pages"].values())
    return out


def score_count(path: Path) -> int:
    """Score rows in a database file (read-only peek)."""
    import duckdb

    with duckdb.connect(str(path), read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM score").fetchone()[0])


def detail(r: dict) -> str:
    """The per-page table: warm script time against the floor beside it, as AppTest runs it and as served."""
    demo, large = r["databases"]["demo"], r["databases"]["large"]
    lines = [f"Pages under AppTest: warm = median of {r['reruns']} reruns in blocks alternating with the floor's "
             f"(a bare one-line script, ~{demo['floor_s'] * 1000:.2f} ms); ×floor = warm / that floor. 'as is' = "
             f"AppTest's own way (it compiles the page file and routes the pages/ folder again on every run); "
             f"'served' = as `streamlit run` runs it (compiled once, folder routed once). Demo {demo['scores']:,} "
             f"scores; large {large['scores']:,} scores.",
             f"{'page':<12}{'demo cold':>10}{'as is':>9}{'×floor':>8}{'served':>9}{'×floor':>8}"
             f"{'large as is':>13}{'×floor':>8}{'served':>9}{'×floor':>8}",
             f"{'(shell)':<12}{'':>10}{demo['shell_s'] * 1000:7.2f}ms{demo['shell_s'] / demo['shell_floor_s']:8.2f}"
             f"{'':>17}{large['shell_s'] * 1000:11.2f}ms{large['shell_s'] / large['shell_floor_s']:8.2f}"]
    for page in PAGES:
        d, g = demo["pages"][page], large["pages"][page]
        lines.append(f"{page:<12}{d['cold_s']:9.3f}s{d['warm_s'] * 1000:7.2f}ms{d['ratio']:8.2f}"
                     f"{d['served_s'] * 1000:7.2f}ms{d['served_ratio']:8.2f}{g['warm_s'] * 1000:11.2f}ms"
                     f"{g['ratio']:8.2f}{g['served_s'] * 1000:7.2f}ms{g['served_ratio']:8.2f}")
    return "\n".join(lines)


def table(r: dict) -> list[tuple]:
    """Rows (figure, measured, baseline, ratio, goal) for the summary table: the slowest page of each database."""
    rows = []
    for name in ("demo", "large"):
        db = r["databases"][name]
        goal = f"≤ {GOAL:.0f}× (issue 3)" if name == "demo" else "— (watch)"
        for how, key, run, base in (("as AppTest runs it", "ratio", "warm_s", "floor_s"),
                                    ("as served", "served_ratio", "served_s", "served_floor_s")):
            page = max(db["pages"], key=lambda p: db["pages"][p][key])
            row = db["pages"][page]
            rows.append((f"slowest page, {name} data ({page}) vs bare page, {how}", f"{row[run]:.4f} s",
                         f"{row[base]:.4f} s", row[key], goal))
    return rows
