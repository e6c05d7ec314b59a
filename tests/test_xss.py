"""Stored XSS (issue 15, hole 1): hostile names in every user-editable text never reach a page as markup.

Payloads go into unit names (through the catalog's rename, as an editor does), the unit index's names, component
names and goal notes; the presentation, overview and units pages are run with AppTest and every element is read:
no HTML sink at all on the presentation page, no payload as raw HTML or live markdown anywhere. The browser proof
(no script runs, no request leaves) is tests/browser/test_xss_in_browser.py.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from reformdash import catalog_admin, service
from reformdash.markup import JOINER, markdown_lines, markdown_text
from reformdash.store import bump_version
from tests.conftest import ROOT

MARK = "__pwned"  # what a payload that runs sets on window; the browser test checks it stays undefined
PAYLOADS = [
    f'<iframe srcdoc="<script>parent.window.{MARK}=1</script>"></iframe>',
    '<meta http-equiv="refresh" content="0;url=http://example.invalid/">',
    f'<img src=x onerror="window.{MARK}=1;alert(1)">',
    f"<script>window.{MARK}=1;alert(1)</script>",
    "[a](javascript:alert(1))",
    "![b](http://evil.invalid/pixel.png)",
    '<a href="http://evil.invalid/">c</a>',
    '<span style="cursor:url(http://evil.invalid/c.png),auto">d</span>',
    ":red[e] :material/warning: $x^2$",
    '=HYPERLINK("http://evil.invalid","x")',
]
# what must never be found verbatim where markup is read: a tag's start, a link's target, a directive
RAW = ["<iframe", "<meta", "<img", "<script", "](javascript:", "](http", "<a href", "<span style", ":red[",
       ":material/"]
UNIT_PARENT, UNIT_INDEX = "22-SYT", "SYT_CCHC"


def unescaped(text: str) -> list[str]:
    """The RAW markers found in text with their first character not escaped by a backslash."""
    return [r for r in RAW if re.search(r"(?<!\\)" + re.escape(r), text)]


def plant(store) -> dict[str, str]:
    """Payloads in every user-editable text of the demo data; returns unit code → its new name."""
    cur = store.cursor()
    try:
        units = [r[0] for r in cur.execute("SELECT code FROM entity WHERE parent_code = $p ORDER BY code",
                                           {"p": UNIT_PARENT}).fetchall()]
    finally:
        cur.close()
    names = {code: f"{PAYLOADS[i % len(PAYLOADS)]} {i}" for i, code in enumerate(units)}
    names[UNIT_PARENT] = PAYLOADS[0] + " SYT"
    for code, name in names.items():
        catalog_admin.rename_unit(store, code, name, user="tester")
    with store.transaction() as tx:
        for code, name in names.items():  # the rename sets the Vietnamese name; the English one is edited as well
            tx.execute("UPDATE entity SET name_en = $name WHERE code = $code", {"name": name, "code": code})
        tx.execute("UPDATE index_def SET name_vi = $vi, name_en = $en WHERE code = $code",
                   {"vi": PAYLOADS[2] + " vi", "en": PAYLOADS[3] + " en", "code": UNIT_INDEX})
        for i, (index, code) in enumerate(tx.execute("SELECT index_code, code FROM component_def "
                                                     "ORDER BY index_code, code").fetchall()):
            tx.execute("UPDATE component_def SET name_vi = $vi, name_en = $en WHERE index_code = $i AND code = $c",
                       {"vi": f"{PAYLOADS[i % len(PAYLOADS)]} {i}", "en": f"{PAYLOADS[(i + 1) % len(PAYLOADS)]} {i}",
                        "i": index, "c": code})
        tx.execute("UPDATE goal SET note = $note", {"note": PAYLOADS[1]})
        bump_version(tx)
    return names


@pytest.fixture(scope="module")
def hostile_db(demo_db, tmp_path_factory) -> str:
    """The demo database with the payloads planted."""
    path = str(tmp_path_factory.mktemp("xss") / "hostile.duckdb")
    shutil.copyfile(demo_db, path)
    store = service.open_store(path)
    try:
        plant(store)
    finally:
        store.close()
    return path


def open_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = params.pop("lang", "vi")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run() if page == "overview" else at.switch_page(f"pages/{page}.py").run()


def walk(node):
    """Every block and element of an AppTest tree, depth first."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def strings(message, path: str = ""):
    """(field path, text) of every string a proto holds, nested messages and repeated fields included."""
    for field, value in message.ListFields():
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, str):
                yield f"{path}{field.name}", item
            elif hasattr(item, "ListFields"):
                yield from strings(item, f"{path}{field.name}.")


# Fields the browser shows as plain text (select box options, table cells), the plotly spec (checked on its own) and
# the ids of widgets: a payload there is a name, not markup.
PLAIN = ("options", "default", "value", "spec", "id", "form_id", "formatted_value", "raw_value", "data")


# Text written as it is in a page's code (the arrow-key script, an icon such as :material/login:) is not user text.
CODE = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "pages").glob("*.py")))


def sinks(at: AppTest):
    """What the page hands the browser: (element type, field, text) for every string outside the plain fields."""
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "ListFields"):
            continue
        for path, text in strings(proto):
            if path.split(".")[-1] not in PLAIN and text not in CODE:
                yield getattr(node, "type", type(node).__name__), path, text


def html_elements(at: AppTest) -> list[tuple[str, str]]:
    """Markdown allowed to carry HTML, st.html and inline iframes: (kind, text) of what is not the pages' code."""
    found = []
    for node in walk(at._tree):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if kind == "markdown" and getattr(proto, "allow_html", False):
            found.append(("markdown", proto.body))
        elif kind in ("html", "iframe"):
            found += [(kind, text) for _, text in strings(proto) if text not in CODE]
    return found


def assert_inert(at: AppTest, shown: list[str]) -> None:
    """No payload as raw markup in any sink, no user text in any HTML sink, and the planted names are shown."""
    assert not at.exception, [e.message for e in at.exception]
    raw = [(kind, path, text) for kind, path, text in sinks(at) if unescaped(text)]
    assert raw == [], "a payload reaches the page as markup"
    for kind, body in html_elements(at):
        assert not any(r in body for r in RAW) and "pwned" not in body, f"user text in an HTML sink ({kind})"
    text = "\n".join(t for _, _, t in sinks(at))
    for name in shown:
        assert markdown_text(name) in text, f"{name!r} is not shown (escaped) on the page"


def slide_keys(hostile_db) -> list[str]:
    """The keys of the 2025 briefing's slides, in order (slide n of the page is keys[n - 1])."""
    from reformdash.briefing import build_briefing

    store = service.open_store(hostile_db)
    try:
        return [s.key for s in build_briefing(store, "22", 2025).slides]
    finally:
        store.close()


def test_markdown_text_makes_every_payload_literal():
    assert markdown_text("[a](javascript:alert(1))") == r"\[a\](javascript\:alert(1))"
    assert markdown_text("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert(1)\>"
    # GFM would link http://…, www.… and a@b.c whatever the escapes: a word joiner breaks the pattern
    assert markdown_text("![b](http://evil.invalid/p.png)") == r"\!\[b\](http\:" + JOINER + "//evil.invalid/p.png)"
    assert markdown_text("a@b.invalid") == "a" + JOINER + r"\@b.invalid"
    assert markdown_text(":red[e] $x$") == r"\:red\[e\] \$x\$"
    assert markdown_text("- a\n# b") == r"\- a \# b"  # one line: no list, no heading
    assert markdown_text("1. first") == r"1\. first"
    assert markdown_text("www.evil.invalid") == "www" + JOINER + ".evil.invalid"
    assert markdown_text("Trung tâm Y tế TP. Hạ Long (mẫu)") == "Trung tâm Y tế TP. Hạ Long (mẫu)"
    assert markdown_lines("a\n\n<b>") == "a  \n\\<b\\>"


def test_the_presentation_page_has_no_html_sink_at_all():
    source = (ROOT / "pages" / "present.py").read_text(encoding="utf-8")
    assert "unsafe_allow_html" not in source
    assert "components.html" not in source


def test_no_page_lets_html_through_markdown():
    """Only constant text may be HTML: no page passes unsafe_allow_html, st.html is only given a constant."""
    for path in sorted((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]:
        source = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in source, path.name
        assert "components.html" not in source, path.name
        for call in re.finditer(r"st\.html\((\w*)", source):
            # a constant, or markup built by reformdash.markup's escaping builders
            assert call.group(1) in ("", "invisible_image"), f"{path.name}: st.html given a value, not a constant"
        assert not re.search(r"st\.html\(f[\"']", source), f"{path.name}: st.html given an f-string"


def test_every_slide_of_the_presentation_shows_the_payloads_as_text(monkeypatch, hostile_db):
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    seen = ""
    for number in range(1, len(slide_keys(hostile_db)) + 1):
        at = open_page("present", entity="22", year="2025", slide=str(number))
        assert_inert(at, [])
        assert html_elements(at) == [], "the style sheet and the arrow keys' script are the page's only HTML"
        seen += "\n".join(t for _, _, t in sinks(at))
    # the unit slides name the parent and the units in their titles and sentences, escaped
    assert markdown_text(PAYLOADS[0] + " SYT") in seen
    assert "\\<img" in seen and "\\!\\[b\\](http\\:" + JOINER + "//evil.invalid" in seen


def test_the_presentation_in_english_shows_the_english_names_as_text(monkeypatch, hostile_db):
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    keys = slide_keys(hostile_db)
    for number in [keys.index("components") + 1, keys.index("units") + 1, len(keys)]:
        assert_inert(open_page("present", entity="22", year="2025", slide=str(number), lang="en"), [])


def test_a_hostile_entity_in_the_link_is_named_as_text(monkeypatch, hostile_db):
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    at = open_page("present", entity=PAYLOADS[5], year="2025")
    assert at.error and markdown_text(PAYLOADS[5]) in at.error[0].value
    assert_inert(at, [])


def test_the_overview_shows_the_payloads_as_text(monkeypatch, hostile_db):
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    at = open_page("overview", entity="22")
    assert_inert(at, [])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_units_page_shows_the_payloads_as_text(monkeypatch, hostile_db, lang):
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    at = open_page("units", lang=lang)
    assert_inert(at, [PAYLOADS[0] + " SYT"])
    goals = [m.value for m in at.markdown if "\\<" in m.value and "- :" in m.value]
    assert goals, "the units' goals are listed with their (escaped) names"


def test_the_units_chart_draws_names_as_text_not_plotly_markup(monkeypatch, hostile_db):
    """Plotly reads <a href> and <span style> in its text: names reach it with < > & as entities."""
    monkeypatch.setenv("REFORMDASH_DB", hostile_db)
    units_slide = slide_keys(hostile_db).index("units") + 1
    for at in (open_page("units"), open_page("present", entity="22", year="2025", slide=str(units_slide))):
        specs = [c.proto.spec for c in at.get("plotly_chart")]
        assert specs
        for spec in specs:
            text = json.dumps(json.loads(spec)["data"]) + json.dumps(json.loads(spec)["layout"].get("title"))
            assert not any(r in text for r in RAW if r.startswith("<")), "a name reaches plotly as markup"


# Leftovers of the fix: error messages quoting an uploaded file, the PDF's slide text, the bump/slope/compare charts
IMAGE_PAYLOADS = ["<img src=http://evil.invalid/x.png>", "![x](http://evil.invalid/y.png)"]


@pytest.mark.parametrize("payload", IMAGE_PAYLOADS)
def test_a_goals_file_naming_a_hostile_unit_is_refused_with_the_name_as_text(monkeypatch, demo_db, tmp_path,
                                                                               payload):
    from pages._auth import User

    path = tmp_path / "goals.duckdb"
    shutil.copyfile(demo_db, path)
    monkeypatch.setenv("REFORMDASH_DB", str(path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["user"] = User("an", "editor")
    at.query_params["lang"] = "vi"
    at.switch_page("pages/goals.py").run()
    content = ("Chỉ số,Chỉ số thành phần,Đơn vị,Loại mục tiêu,Mục tiêu,Năm gốc,Năm mục tiêu\n"
               f"PCI,,{payload},top,5,,2019\n").encode()
    at.get("file_uploader")[0].upload("ke_hoach.csv", content, "text/csv")  # AppTest: one uploader on the page
    at.run()  # the file is previewed at once: its problems are listed before anything is saved
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert "ke\\_hoach.csv" in error and unescaped(error) == [], error
    assert markdown_text(payload) in error  # the name is shown, as text


def hostile_briefing(demo_db):
    """The Quảng Ninh 2025 briefing with the image payloads in a slide's title, subtitle, sentences and chart."""
    from dataclasses import replace

    from reformdash.briefing import Chart, Series, build_briefing

    store = service.open_store(demo_db)
    try:
        briefing = build_briefing(store, "22", 2025, "vi")
    finally:
        store.close()
    a, b = IMAGE_PAYLOADS
    slide = next(s for s in briefing.slides if s.key == "units")
    chart = Chart(kind="bar", title=f"{a} chart", categories=[a, b], series=[Series(name=b, values=[1.0, 2.0]),
                                                                               Series(name=a, values=[2.0, 1.0])])
    slide = replace(slide, title=f"{a} title", subtitle=f"{b} subtitle", sentences=[f"{a} one", f"{b} two"],
                    charts=[chart])
    return replace(briefing, slides=[slide], entity_name=a)


def test_the_pdf_slides_draw_hostile_names_as_plotly_text(demo_db):
    from reformdash.export_pdf import slide_figure

    briefing = hostile_briefing(demo_db)
    fig = slide_figure(briefing.slides[0], briefing, 1, 1)
    drawn = json.dumps(json.loads(fig.to_json()), ensure_ascii=False)
    assert "<img" not in drawn and "&lt;img src=http://evil.invalid/x.png&gt;" in drawn
    notes = [n.text for n in fig.layout.annotations]
    assert any("&lt;img src=http://evil.invalid/x.png&gt; title" in n for n in notes)
    assert any("![x](http://evil.invalid/y.png) two" in n for n in notes)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium to draw the PDF")
def test_the_pdf_shows_hostile_names_as_the_letters_typed(demo_db):
    import io

    from pypdf import PdfReader

    from reformdash import images
    from reformdash.export_pdf import pdf_bytes

    try:
        text = PdfReader(io.BytesIO(pdf_bytes(hostile_briefing(demo_db)))).pages[0].extract_text()
    finally:
        images.stop()
    for shown in ("<img src=http://evil.invalid/x.png> title", "![x](http://evil.invalid/y.png) subtitle",
                  "<img src=http://evil.invalid/x.png> one", "![x](http://evil.invalid/y.png) two"):
        assert shown in text, text


def test_bump_slope_and_compare_charts_draw_hostile_names_as_text():
    import pandas as pd

    from reformdash.charts import bump_figure, compare_figure, slope_figure

    a, b = IMAGE_PAYLOADS[0], '<a href="http://evil.invalid/">c</a>'
    ranks = pd.DataFrame({"entity_code": ["1", "1", "2", "2"], "entity_name": [a, a, b, b], "year": [2018, 2019] * 2,
                          "rank": [1, 2, 2, 1], "rank_of": [2] * 4, "percentile": [1.0, 0.0, 0.0, 1.0]})
    changes = pd.DataFrame({"entity_code": ["1", "2", "3"], "entity_name": [a, b, "Hà Nội"], "rank_from": [1, 2, 3],
                            "rank_to": [2, 1, 3]})
    bench = pd.DataFrame({"label": [a, b], "value": [1.0, 2.0], "kind": ["focus", "peer"]})
    figures = [bump_figure(ranks, ["1"], "t"), bump_figure(ranks, ["2"], "t"), slope_figure(changes, 2018, 2019,
               ["1", "2"], "t"), compare_figure(bench, "t", "điểm")]
    for fig in figures:
        drawn = json.dumps(json.loads(fig.to_json()), ensure_ascii=False)
        assert "<img" not in drawn and "<a href" not in drawn, drawn
        assert "&lt;img" in drawn or "&lt;a href" in drawn
