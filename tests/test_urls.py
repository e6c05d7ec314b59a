"""Issue 15 hole 7: no URL produces a traceback, and switching the language keeps codes in the URL, never names."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as tree

from .conftest import ROOT

SIDEBAR_PAGES = ["overview", "trends", "ranks", "components", "compare"]  # the five pages of the focus sidebar


def navigation_pages() -> list[str]:
    """Every page file the navigation lists (pages/_common.app_pages), in its order."""
    return re.findall(r'st\.Page\("pages/(\w+)\.py"', (ROOT / "pages" / "_common.py").read_text(encoding="utf-8"))


# Every query parameter a page reads; test_every_parameter_a_page_reads_is_fuzzed keeps this list complete.
PARAMS = ["lang", "entity", "index", "from", "to", "year", "base", "now", "peers", "parent", "slide", "view",
          "unit_view", "component", "map", "plan_view", "plan", "period", "office", "unit", "indicator"]


def parameters_read() -> set[str]:
    """Names of the query parameters the pages' source reads (parsers, st.query_params, year pickers, bound tabs)."""
    found = set()
    for path in (ROOT / "pages").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'(?:_param|query_params\.get|query_params\[)\(?\s*"(\w+)"', text))
        found |= set(re.findall(r'year_picker\(L\("\w+", [\w.]+\), \w+, "(\w+)"', text))
        found |= set(re.findall(r'key="(\w+)",[^)]*bind="query-params"', text))
    return found


def test_every_parameter_a_page_reads_is_fuzzed():
    read = parameters_read()
    assert {"lang", "entity", "from", "year", "slide", "peers", "view"} <= read, "the scan finds the parameters"
    assert read <= set(PARAMS), f"parameters read but not fuzzed: {sorted(read - set(PARAMS))}"


def test_the_navigation_lists_every_page_file():
    listed = set(navigation_pages())
    files = {p.stem for p in (ROOT / "pages").glob("*.py") if not p.stem.startswith("_")}
    assert listed == files and "present" in listed and "admin" in listed


# Values a hand-edited link may hold: digits Python's isdigit() accepts but int() refuses, numbers too large to
# parse or to be a year, negative numbers, floats, NUL and control characters, long strings, names instead of
# codes, unknown codes, lists, markup.
HOSTILE = ["²", "٣", "１２", "2019²", "9" * 5000, "99999", "-1", "-2019", "0", "0000", "1.5", "2019.0", "1e3",
           " 2019", "2019\n", "\x00", "20\x0019", "x" * 10_000, "", " ", ",", ",,,", "22,22,22", "01,\x00,79",
           "Quảng Ninh", "Quang Ninh", "ZZ", "pci", "PCI\x00", "../../etc/passwd", "<script>alert(1)</script>",
           "%00", "NaN", "inf", "None", "[]", "{}", "en\x00", "EN", "vi", "en", "22", "2019", "2005", "1",
           "So sánh hai năm", "Tiêu chí"]
value = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40),
                  st.integers(min_value=-10**30, max_value=10**30).map(str))
# a list is a repeated parameter (?year=1&year=²); None leaves the parameter out
hostile = st.one_of(st.none(), value, st.lists(value, min_size=2, max_size=3))
links = st.fixed_dictionaries({name: hostile for name in PARAMS})


@pytest.fixture(scope="module")
def demo(demo_db):
    """The demo database for every AppTest of this module (hypothesis cannot use function-scoped fixtures)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("REFORMDASH_DB", demo_db)
    yield demo_db
    mp.undo()


def open_page(page: str, params: dict, admin: bool = False) -> AppTest:
    from pages._auth import User

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for name, v in params.items():
        if v is not None:
            at.query_params[name] = v
    if admin:  # staff pages then draw themselves, reading their parameters, instead of refusing
        at.session_state["user"] = User("fuzz-admin", "admin")
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    return at.run()


def assert_rendered(at: AppTest, page: str) -> None:
    assert not at.exception, [e.message[:300] for e in at.exception]
    if page == "present":  # the projector page: a slide's title and its counter «n / N», or a sentence why not
        counter = any(re.fullmatch(r"\d+ / \d+", m.value) for m in at.markdown)
        assert (at.title and counter) or at.error or at.info, "the slide is drawn"
    else:
        assert at.title, "the page draws its title"


@pytest.mark.parametrize("page", navigation_pages())
@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(params=links)
def test_no_link_shows_a_traceback(demo, page, params):
    at = open_page(page, params, admin=page in ("upload", "data", "admin"))
    assert_rendered(at, page)


@pytest.mark.parametrize("page", ["trends", "present", "components"])
@pytest.mark.parametrize("name,raw", [("from", "²"), ("to", "²"), ("year", "²"), ("slide", "²"),
                                      ("year", "9" * 5000), ("slide", "-3"), ("from", "1.5"), ("year", "\x00"),
                                      ("entity", "x" * 10_000), ("peers", "Quảng Ninh,\x00")])
def test_the_links_of_the_report_render(demo, page, name, raw):
    """The exact links of the review: the page falls back to its default instead of a traceback."""
    at = open_page(page, {"lang": "vi", name: raw})
    assert_rendered(at, page)


# --- the language switch -----------------------------------------------------------------------------------------

class BrowserLabels:
    """What the browser holds for each select: the label it showed when the widget appeared, or the one the server
    last set, and nothing newer. AppTest instead recomputes the label from the current run's names, which hides
    the bug: after a language switch the browser sends the other language's label back."""

    def __init__(self, monkeypatch):
        self.held: dict[str, object] = {}
        original_select, original_multi = tree.Selectbox._widget_state, tree.Multiselect._widget_state

        def select_state(element):
            if element.id not in self.held or not isinstance(element._value, tree.InitialValue):
                return original_select.fget(element)  # new to the browser, or chosen by the test
            ws = WidgetState(id=element.id)
            ws.string_value = self.held[element.id]
            return ws

        def multi_state(element):
            if element.id not in self.held or not isinstance(element._value, tree.InitialValue):
                return original_multi.fget(element)
            ws = WidgetState(id=element.id)
            ws.string_array_value.data[:] = self.held[element.id]
            return ws

        monkeypatch.setattr(tree.Selectbox, "_widget_state", property(select_state))
        monkeypatch.setattr(tree.Multiselect, "_widget_state", property(multi_state))

    def run(self, at: AppTest) -> AppTest:
        """Run, then take in the labels the browser would now hold."""
        at.run()
        for box in at.get("selectbox"):
            proto = box.proto
            if proto.set_value:
                self.held[box.id] = proto.raw_value
            elif box.id not in self.held and proto.HasField("default"):
                self.held[box.id] = proto.options[proto.default]
        for box in at.get("multiselect"):
            proto = box.proto
            if proto.set_value:
                self.held[box.id] = list(proto.raw_values)
            elif box.id not in self.held:
                self.held[box.id] = [proto.options[i] for i in proto.default]
        return at


@pytest.mark.parametrize("page", SIDEBAR_PAGES)
def test_switching_the_language_keeps_codes(demo, monkeypatch, page):
    """Tiếng Việt → English → Tiếng Việt → English, as a browser sends it: codes in the URL, no KeyError."""
    browser = BrowserLabels(monkeypatch)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update({"lang": "vi", "entity": "22", "index": "PCI", "peers": "01,48"})
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    browser.run(at)
    assert_rendered(at, page)
    for lang in ("en", "vi", "en", "vi"):
        at.radio(key="lang_radio").set_value(lang)
        browser.run(at)
        assert_rendered(at, page)
        assert at.query_params["lang"] == lang
        assert at.query_params["entity"] == "22", f"{lang}: the URL keeps the code, not a name"
        assert at.query_params["index"] == "PCI"
        if page in ("ranks", "components", "compare"):
            assert set(at.query_params["peers"].split(",")) == {"01", "48"}, "the chosen peers stay, as codes"
        title = at.title[0].value
        assert ("Quảng Ninh" in title or "Quang Ninh" in title) if page == "overview" else title



@pytest.mark.parametrize("page", ["trends", "units", "present", "map"])
def test_the_menu_keeps_the_language_chosen(demo, page):
    """Issue 14 B1: Streamlit's menu opens a page with an empty query string; English must stay English."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params.update({"lang": "vi"})
    at.run()
    at.radio(key="lang_radio").set_value("en")
    at.run()
    assert at.query_params["lang"] == "en"
    at.query_params.clear()  # what a click in the menu sends
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert_rendered(at, page)
    assert at.query_params["lang"] == "en", "the page writes the session's language back into the URL"
    assert at.radio(key="lang_radio").value == "en"
    assert "Overview" in at.session_state["_menu"], "the menu is drawn in English"

# --- hole 10: one session's reruns are bounded (the load test, bench/load.py --flood-only, measures the server) -----

def simulate(run_seconds: float, click_every: float, until: float) -> tuple[float, float]:
    """A client clicking every `click_every` s on runs of `run_seconds`: (time spent running, time waited)."""
    from pages._common import pace, spent

    bucket, now, running, waited, next_click = None, 0.0, 0.0, 0.0, 0.0
    while now < until:
        now = max(now, next_click)
        wait = pace(bucket, now)
        now += wait
        waited += wait
        now += run_seconds  # clicks during the wait or the run are merged into the next run
        running += run_seconds
        bucket = spent(bucket, now, run_seconds)
        next_click += click_every
    return running, waited


def test_a_flooding_session_gets_its_share_of_the_time_and_no_more():
    from pages._common import RUN_BURST_S, RUN_SHARE

    running, waited = simulate(run_seconds=0.5, click_every=0.025, until=120.0)
    assert waited > 0
    assert running <= RUN_SHARE * (running + waited) + RUN_BURST_S + 0.5
    assert running >= 0.8 * RUN_SHARE * 120.0, "throttled, not stopped: its page still follows its clicks"


def test_a_reader_clicking_at_a_human_pace_never_waits():
    assert simulate(run_seconds=0.4, click_every=2.0, until=600.0)[1] == 0
    assert simulate(run_seconds=0.2, click_every=0.5, until=5.0)[1] == 0, "a few quick clicks in a row"


def test_one_long_run_delays_the_next_click_by_a_few_seconds_at_most():
    from pages._common import RUN_BURST_S, pace, spent

    full = (RUN_BURST_S, 200.0)  # a busy editor: as much running as a session may have without waiting
    assert pace(full, 200.0) == 0
    bucket = spent(full, 200.0, 30.0)  # then a 30-second import (counted as if the bucket had not drained meanwhile)
    assert 0 < pace(bucket, 200.0) <= 4.0


def test_the_server_reruns_in_the_same_script_thread():
    """runner.fastReruns started a new script thread from the event loop for every widget change (issue 15)."""
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["fastReruns"] is False
