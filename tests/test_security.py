"""Security checks: roles guard every data-changing action, values reach SQL only as parameters, exports
neutralise formulas, and oversized uploads are refused before any parser reads them.

Bounded: about 60 s (AppTest runs of the staff pages dominate). Related checks live elsewhere and are not repeated:
tests/test_auth.py (sign-in, a viewer refused on the upload page), tests/test_data_admin.py (neutralise_cell, a
viewer refused on the data page, an editor on the registry page, who may revert a batch).
"""

from __future__ import annotations

import ast
import contextlib
import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from pages._auth import User
from reformdash import catalog_admin, exports, goals, service
from reformdash.cli import main as cli_main
from reformdash.errors import ImportRejected, ReformdashError
from reformdash.ingest.importer import ImportOptions
from tests.conftest import ROOT
from tests.fuzz.harness import fingerprint

PAYLOADS = ["'; DROP TABLE score; --", "\" OR 1=1 --", "$x", "’ OR ‘1’=‘1", "1; DELETE FROM batch", "%s%s",
            "Robert'); DROP TABLE entity;--", "\\'", "?", ":name", "{index_code}"]
WRITING_PAGES = {"upload": "editor", "data": "editor", "admin": "admin", "goals": "editor", "plan": "editor"}
PUBLIC_PAGES = {"goals", "plan"}  # anyone reads them; only their editing tools need the role


def snapshot(store) -> dict:
    cur = store.cursor()
    try:
        return fingerprint(cur)
    finally:
        cur.close()


def db_snapshot(path: str) -> dict:
    store = service.open_store(path)
    try:
        return snapshot(store)
    finally:
        store.close()


@pytest.fixture
def demo_copy(demo_db, tmp_path, monkeypatch) -> str:
    """A writable copy of the demo database, used by the pages through REFORMDASH_DB."""
    path = str(tmp_path / "demo.duckdb")
    shutil.copyfile(demo_db, path)
    monkeypatch.setenv("REFORMDASH_DB", path)
    return path


# ---------------------------------------------------------------- (a) roles: which code writes, and who may reach it

def writer_functions() -> set[str]:
    """Names of functions in reformdash/ that open a write transaction, directly or through another such function."""
    calls: dict[str, set[str]] = {}
    writes: set[str] = set()
    for path in (ROOT / "reformdash").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                called = {c.func.attr if isinstance(c.func, ast.Attribute) else getattr(c.func, "id", "")
                          for c in ast.walk(node) if isinstance(c, ast.Call)}
                calls.setdefault(node.name, set()).update(called)
                if "transaction" in called:
                    writes.add(node.name)
    changed = True
    while changed:  # a function calling a writer writes too
        changed = False
        for name, called in calls.items():
            if name not in writes and called & writes:
                writes.add(name)
                changed = True
    return writes - {"transaction", "migrate", "refresh_reference", "init", "open_store", "_store", "get_store"}


def page_writes(path: Path, writers: set[str]) -> list[tuple[int, str]]:
    """(line, function) of every call in a page to a function that writes."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in writers:
                found.append((node.lineno, name))
    return sorted(found)


def guard_line(path: Path) -> tuple[int, str] | None:
    """(line, role) of the page's role check: require("role") or `if not has_role(user, "role"): st.stop()`."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        for call in (c for c in ast.walk(node) if isinstance(c, ast.Call)):
            name = getattr(call.func, "id", getattr(call.func, "attr", ""))
            if name in ("require", "has_role") and call.args:
                role = call.args[-1] if name == "has_role" else call.args[0]
                if isinstance(role, ast.Constant):
                    return node.lineno, role.value
    return None


def test_the_writer_list_is_found_and_holds_the_known_writes():
    writers = writer_functions()
    assert {"commit", "revert", "revert_batch", "add_unit", "rename_unit", "add_alias", "add_index", "save_goals",
            "import_goals", "add_user"} <= writers, sorted(writers)


def test_every_page_that_writes_checks_the_role_before_its_first_write():
    writers = writer_functions()
    pages = {p.stem: p for p in (ROOT / "pages").glob("*.py") if not p.stem.startswith("_")}
    writing = {name: page_writes(path, writers) for name, path in pages.items()}
    writing = {name: calls for name, calls in writing.items() if calls}
    # a new page that writes must be added to WRITING_PAGES (and to PAGE_ROLES if it is a staff page)
    assert set(writing) == set(WRITING_PAGES), writing
    from pages._common import PAGE_ROLES

    for name, calls in writing.items():
        guard = guard_line(pages[name])
        assert guard is not None, f"pages/{name}.py writes ({calls}) without a role check"
        line, role = guard
        assert role == WRITING_PAGES[name], f"pages/{name}.py checks {role}, expected {WRITING_PAGES[name]}"
        assert line < calls[0][0], f"pages/{name}.py checks the role on line {line}, after a write on {calls[0]}"
        if name in PAGE_ROLES:
            assert PAGE_ROLES[name] == role, f"the sidebar shows {name} to {PAGE_ROLES[name]}, the page needs {role}"


def open_page(page: str, user: User | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    if page == "plan":  # the editing tools live in the «Cập nhật» tab, asked for by the link
        at.query_params["plan_view"] = "Cập nhật"
    if user is not None:
        at.session_state["user"] = user
    return at.switch_page(f"pages/{page}.py").run()


STAFF_WIDGETS = {  # a widget each page shows only to its role (the positive control: the names are right)
    "upload": "upload_files", "data": "batch_pick", "admin": "unit_add_submit", "goals": "goal_save",
    "plan": "plan_upload",
}
BELOW = {"editor": [None, User("xem", "viewer")], "admin": [None, User("xem", "viewer"), User("an", "editor")]}


@pytest.mark.parametrize("page", sorted(WRITING_PAGES))
def test_a_staff_action_is_refused_below_its_role_and_offered_at_it(page, demo_copy):
    role = WRITING_PAGES[page]
    before = db_snapshot(demo_copy)
    for user in BELOW[role]:
        at = open_page(page, user)
        assert not at.exception, (page, user, [e.message for e in at.exception])
        keys = [w.key for kind in ("button", "file_uploader", "text_input", "text_area", "selectbox")
                for w in at.get(kind) if getattr(w, "key", None)]
        staff = [k for k in keys if not k.startswith(("auth_", "lang_", "focus_", "index_code", "year_range",
                                                      "pick_", "plan_period", "plan_office", "plan_unit",
                                                      "plan_parent", "plan_indicator"))]  # readers' filters
        assert not staff, f"{page} offers {staff} to {user}"
        assert not at.get("arrow_data_frame_editor") and not at.get("file_uploader")
        if page not in PUBLIC_PAGES:  # goals and the plan are public to read; the staff pages say why they refuse
            assert any("quyền phù hợp" in e.value for e in at.error), (page, user, [e.value for e in at.error])
    assert db_snapshot(demo_copy) == before
    at = open_page(page, User("root" if role == "admin" else "an", role))
    assert not at.exception, [e.message for e in at.exception]
    keys = [w.key for kind in ("button", "file_uploader", "selectbox") for w in at.get(kind)]
    assert STAFF_WIDGETS[page] in keys, (page, keys)


# ---------------------------------------------------------------- (b) SQL takes values only as parameters

ALLOWED_SPLICES = {  # SQL text built from names, never from values: what may be formatted in, and why
    "table", "cols",  # store.refresh_reference: fixed table names from load_reference_tables
    "alias", "name",  # backup: a generated attach alias and catalog names of attached databases
}
QUOTING = {"_sql_path"}  # the one quoting function for a path in ATTACH (DuckDB takes no parameter there)


def spliced_sql(path: Path, root: Path = ROOT) -> list[str]:
    """Calls to execute/sql/query whose SQL is an f-string, a format() or a % / + expression over values."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("execute", "executemany", "sql", "query") and node.args):
            continue
        sql = node.args[0]
        where = f"{path.relative_to(root)}:{node.lineno}"
        if isinstance(sql, ast.JoinedStr):
            for part in sql.values:
                if isinstance(part, ast.FormattedValue):
                    value = part.value
                    ok = (isinstance(value, ast.Name) and value.id in ALLOWED_SPLICES) or (
                        isinstance(value, ast.Call) and getattr(value.func, "id", "") in QUOTING)
                    if not ok:
                        found.append(f"{where} formats {ast.unparse(value)} into SQL")
        elif isinstance(sql, ast.BinOp) and isinstance(sql.op, (ast.Mod, ast.Add)):
            found.append(f"{where} builds SQL with {type(sql.op).__name__}")
        elif isinstance(sql, ast.Call) and getattr(sql.func, "attr", "") == "format":
            found.append(f"{where} builds SQL with .format()")
    return found


def test_no_sql_is_built_from_values():
    files = [*(ROOT / "reformdash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "dashboard.py"]
    problems = [p for f in files for p in spliced_sql(f)]
    assert not problems, "\n".join(problems)


def test_the_static_check_catches_an_f_string_a_format_and_a_percent(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(cur, entity):\n    cur.execute(f\"SELECT * FROM score WHERE entity_code = '{entity}'\")\n"
                   "    cur.execute('SELECT %s' % entity)\n    cur.sql('SELECT {}'.format(entity))\n"
                   "    cur.execute('SELECT $entity', {'entity': entity})\n", encoding="utf-8")
    problems = spliced_sql(bad, tmp_path)
    assert [p.split(" ", 1)[0] for p in problems] == ["bad.py:2", "bad.py:3", "bad.py:4"], problems


def run_cli(db: str, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(["--db", db, *args])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_fragments_in_cli_filters_are_values_not_sql(payload, demo_copy):
    before = db_snapshot(demo_copy)
    all_pci = run_cli(demo_copy, "scores", "--index", "PCI", "--format", "csv")[1].count("\n")
    for args in (["scores", "--index", "PCI", "--entity", payload], ["scores", "--index", payload],
                 ["changes", "--index", "PCI", "--from", "2018", "--to", "2019", "--component", payload],
                 ["changes", "--index", payload, "--from", "2018", "--to", "2019"],
                 ["export", "xlsx", "--entity", payload, "--year", "2019", "--out", demo_copy + ".xlsx"],
                 ["import", demo_copy + "-missing.csv", "--index", "PCI", "--parent", payload, "--level", "unit"]):
        code, out, err = run_cli(demo_copy, *args, "--format", "csv") if args[0] in ("scores", "changes") else \
            run_cli(demo_copy, *args)
        assert code in (1, 2), (args, code, out[:200], err[:200])  # not found or refused, never a crash
        assert "Traceback" not in err and "Error" not in err.split(":")[0], err
        assert out.count("\n") < all_pci or all_pci == 0, f"{args} returned every row"
    assert db_snapshot(demo_copy) == before


@pytest.mark.parametrize("payload", PAYLOADS[:6])
def test_sql_fragments_as_names_are_stored_as_text(payload, store):
    before = snapshot(store)
    code = catalog_admin.add_unit(store, None, f"Sở {payload}", "22", "an")
    catalog_admin.add_alias(store, code, f"{payload} (viết tắt)", "an")
    after = snapshot(store)
    assert {t for t in after if after[t] != before[t]} <= {"entity", "entity_alias", "registry_change", "meta"}
    assert after["score"] == before["score"] and after["batch"] == before["batch"]
    reg = service.Registry.load(store)
    assert reg.get(f"Sở {payload}").code == code and reg.get(f"{payload} (viết tắt)").code == code
    # the same text through an import of unit results, as a person would type it in a file
    data = f"Tên đơn vị,Chỉ số CCHC\nSở {payload},85.5\nBan {payload},80\n".encode()
    plan = service.plan_file(store, data, f"{payload}.csv", ImportOptions(index="PAR_INDEX", year=2024, level="unit",
                                                                          parent="22", create_units=True))
    from reformdash.batches import commit

    assert commit(store, plan, payload) is not None
    rows = service.scores(store, "PAR_INDEX", 2024)
    assert sorted(rows["entity_name"]) == sorted([f"Sở {payload}", f"Ban {payload}"])
    history = exports.batch_history(store)
    assert history.iloc[0]["user_name"] == payload and history.iloc[0]["file_name"] == f"{payload}.csv"


def goals_csv(row: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerows([["Chỉ số", "Chỉ số thành phần", "Đơn vị", "Loại mục tiêu", "Mục tiêu", "Năm gốc",
                                "Năm mục tiêu"], row])
    return buf.getvalue().encode()


@pytest.mark.parametrize("payload", PAYLOADS[:4])
def test_sql_fragments_in_a_goals_file_are_refused_or_stored_as_text(payload, store):
    before = snapshot(store)
    data = goals_csv(["PCI", "", payload, "top 10", "", "2022", "2025"])
    with pytest.raises(ReformdashError) as refused:
        goals.import_goals(store, data, "muc_tieu.csv")
    assert "muc_tieu.csv" in refused.value.message and payload[:10] in refused.value.message
    assert snapshot(store) == before
    data = goals_csv(["PCI", "", "Quảng Ninh", f"top 10 {payload}", payload, "2022", "2025"])
    with contextlib.suppress(ReformdashError):
        goals.import_goals(store, data, "muc_tieu.csv")
    after = snapshot(store)
    assert {t for t in after if after[t] != before[t]} <= {"goal", "meta"}


@pytest.mark.parametrize("params", [
    {"entity": "'; DROP TABLE score; --", "index": "\" OR 1=1 --", "from": "2018", "to": "2019"},
    {"entity": "22", "index": "PCI", "year": "$x", "peers": "01,'; DROP TABLE entity; --"},
    {"entity": "22", "index": "PCI", "from": "1 OR 1=1", "to": "’"},
])
@pytest.mark.parametrize("page", ["overview", "trends", "ranks", "components", "compare", "units", "present"])
def test_sql_fragments_in_page_links_break_nothing(page, params, demo_copy):
    before = db_snapshot(demo_copy)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, (page, params, [e.message[:300] for e in at.exception])
    assert db_snapshot(demo_copy) == before


# ---------------------------------------------------------------- (c) exports neutralise formula cells

FORMULAS = ['=HYPERLINK("http://evil.example","bấm")', "+1", "-2+3", "@SUM(A1:A9)", "=cmd|' /C calc'!A0",
            "=1+1"]


@pytest.fixture
def formula_units(store):
    """Units whose names are formulas, with scores, imported as a person's file would bring them."""
    rows = "\n".join(f"\"{name.replace(chr(34), chr(34) * 2)}\",{80 + i}" for i, name in enumerate(FORMULAS))
    data = f"Tên đơn vị,Chỉ số CCHC\n{rows}\n".encode()
    plan = service.plan_file(store, data, "=1+1.csv", ImportOptions(index="PAR_INDEX", year=2024, level="unit",
                                                                     parent="22", create_units=True))
    from reformdash.batches import commit

    commit(store, plan, "@an")
    return store


def test_exported_xlsx_and_csv_neutralise_formula_names_and_keep_numbers(formula_units):
    store = formula_units
    wb = openpyxl.load_workbook(io.BytesIO(exports.export_bytes(store, "PAR_INDEX", 2024, 2024, (), "xlsx", "vi")))
    ws = wb.worksheets[0]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    texts = {c.value for c in cells if c.data_type == "s"}
    for name in FORMULAS:
        assert "'" + name in texts, (name, sorted(map(str, texts)))
    assert not any(c.data_type == "f" for c in cells)
    numbers = {c.value for c in cells if c.data_type == "n"}
    assert {80 + i for i in range(len(FORMULAS))} <= numbers, numbers  # the scores stay numbers
    text = exports.export_bytes(store, "PAR_INDEX", 2024, 2024, (), "csv", "vi").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert not any(cell[:1] in "=+-@\t\r" and cell not in ("", "-") and not is_number(cell)
                   for row in rows for cell in row), rows
    assert any(cell in ("80", "80.0") for row in rows for cell in row), rows  # numbers are written bare


def is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def test_history_and_unit_template_neutralise_formula_text(formula_units):
    store = formula_units
    wb = openpyxl.load_workbook(io.BytesIO(exports.template_units(store, "22")))
    values = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    for name in FORMULAS:
        assert not any(c.value == name for c in values), name
    history = exports.to_xlsx(exports.history_table(exports.batch_history(store), "vi"))
    ws = openpyxl.load_workbook(io.BytesIO(history)).active
    assert "'@an" in [c.value for row in ws.iter_rows() for c in row] and \
        "'=1+1.csv" in [c.value for row in ws.iter_rows() for c in row]


def test_the_briefing_workbook_neutralises_a_formula_entity_name_and_organisation(formula_units):
    from reformdash import export_xlsx
    from reformdash.briefing import build_briefing

    store = formula_units
    code = service.Registry.load(store).get(FORMULAS[0]).code
    briefing = build_briefing(store, code, 2024, "vi", organisation="=1+1", meeting="@SUM(A1)")
    wb = openpyxl.load_workbook(io.BytesIO(export_xlsx.xlsx_bytes(briefing)))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not any(t.startswith(("=", "+", "@")) for t in texts), [t for t in texts if t[:1] in "=+@"]
    assert any(FORMULAS[0] in t for t in texts), "the name is there, behind a quote"


# ---------------------------------------------------------------- (d) uploads above the size bound, before reading

@pytest.fixture
def readers_must_not_run(monkeypatch):
    """Every parser fails the test if it is called: a refusal must come before any of them reads a byte."""
    import python_calamine

    from reformdash.ingest import read

    def never(*a, **k):
        raise AssertionError("a parser was called on an oversized file")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", never)
    monkeypatch.setattr(read, "read_csv", never)
    monkeypatch.setattr(read, "read_sheet_openpyxl", never)
    monkeypatch.setattr(read, "sniff_kind", never)


def test_an_upload_over_the_size_bound_is_refused_before_reading(monkeypatch, readers_must_not_run, store):
    monkeypatch.setenv("REFORMDASH_MAX_UPLOAD_MB", "1")
    data = b"Tinh,PCI\n" + b"Ha Noi,65.5\n" * 100_000  # 1.2 MB
    before = snapshot(store)
    with pytest.raises(ImportRejected) as refused:
        service.plan_file(store, data, "lon.csv", ImportOptions())
    assert "lon.csv" in refused.value.message and "vượt giới hạn 1 MB" in refused.value.message
    with pytest.raises(ImportRejected):
        goals.import_goals(store, data, "muc_tieu_lon.csv")
    assert snapshot(store) == before


def test_an_archive_unpacking_over_the_bound_is_refused_before_reading(monkeypatch, store):
    import python_calamine

    monkeypatch.setenv("REFORMDASH_MAX_UNPACKED_MB", "1")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * 3_000_000 + "</worksheet>")

    def never(*a, **k):
        raise AssertionError("calamine was called on a zip bomb")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_filelike", never)
    with pytest.raises(ImportRejected) as refused:
        service.plan_file(store, buf.getvalue(), "bom.xlsx", ImportOptions())
    assert "bom.xlsx" in refused.value.message and "giới hạn 1 MB" in refused.value.message


def test_the_upload_page_refuses_an_oversized_file_without_reading_it(monkeypatch, demo_copy, readers_must_not_run):
    monkeypatch.setenv("REFORMDASH_MAX_UPLOAD_MB", "1")
    before = db_snapshot(demo_copy)
    at = open_page("upload", User("an", "editor"))
    at.get("file_uploader")[0].upload("pci_2019_lon.csv", b"Tinh,PCI\n" + b"Ha Noi,65.5\n" * 100_000, "text/csv").run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("vượt giới hạn 1 MB" in e.value for e in at.error), [e.value for e in at.error]
    assert not [b for b in at.button if b.key and b.key.startswith("commit_")]
    assert db_snapshot(demo_copy) == before
