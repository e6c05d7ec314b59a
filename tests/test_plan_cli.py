"""The plan's CLI contract (issue 12): plan import, results import, plan status, deadlines; exit 0 and 2."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

import pandas as pd

from reformdash.cli import main
from reformdash.store import Store, query_text
from tests.test_plan import PARENT, UNITS, plan_file, results_rows, xlsx


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def setup(tmp_path):
    db = str(tmp_path / "plan.duckdb")
    assert run("--db", db, "init", "--no-demo")[0] == 0
    store = Store(db)
    with store.transaction() as tx:
        tx.execute(query_text("unit_insert"), {"code": PARENT, "name_vi": "Sở Y tế Kon Tum", "parent_code": "62"})
        for i, unit in enumerate(UNITS):
            tx.execute(query_text("unit_insert"), {"code": f"KT-U{i + 1}", "name_vi": unit, "parent_code": PARENT})
    store.close()
    (tmp_path / "kh.xlsx").write_bytes(plan_file())
    (tmp_path / "kq.xlsx").write_bytes(xlsx({"Kết quả": results_rows()}))
    return db


def test_plan_import_results_status_deadlines(tmp_path):
    db = setup(tmp_path)
    code, out, err = run("--db", db, "plan", "import", str(tmp_path / "kh.xlsx"), "--parent", PARENT)
    assert code == 0, err
    assert "chỉ tiêu: thêm 12" in out and "Cột lạ" in out
    code, out, err = run("--db", db, "results", "import", str(tmp_path / "kq.xlsx"), "--parent", "Sở Y tế Kon Tum",
                         "--today", "2027-01-15")
    assert code == 0, err
    code, out, _ = run("--db", db, "plan", "status", "--period", "2026-Q4", "--format", "csv", "--today",
                       "2027-01-15")
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["indicator", "indicator_name", "entity_code", "entity_name", "period", "target",
                                   "actual", "status"]
    hl = frame[(frame.indicator == "HL") & (frame.entity_code == PARENT)].iloc[0]
    assert (hl.status, hl.actual, hl.target, hl.period) == ("not_met", 89.5, "≥ 90%", "2026-Q4")
    code, out, _ = run("--db", db, "plan", "status", "--period", "2026", "--format", "json", "--today", "2027-01-15")
    records = json.loads(out)
    assert records and {r["status"] for r in records} <= {"met", "not_met", "no_data"}
    code, out, _ = run("--db", db, "deadlines", "--period", "2026-Q1", "--format", "csv", "--today", "2027-01-15")
    dl = pd.read_csv(io.StringIO(out))
    assert list(dl.columns) == ["entity_code", "entity_name", "period", "due", "received", "days_late"]
    assert dl.set_index("entity_code").loc["KT-U3", ["due", "received", "days_late"]].tolist() == [
        "2026-03-02", "2026-03-05", 3]
    code, out, _ = run("--db", db, "--lang", "en", "deadlines", "--format", "json", "--today", "2027-01-15")
    assert code == 0 and json.loads(out)


def test_rejections_exit_2_and_change_nothing(tmp_path):
    db = setup(tmp_path)
    assert run("--db", db, "plan", "import", str(tmp_path / "kh.xlsx"), "--parent", PARENT)[0] == 0
    rows = results_rows()
    rows[5][1] = "Bệnh viện Không Có"
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(xlsx({"Kết quả": rows}))
    code, out, err = run("--db", db, "results", "import", str(bad), "--parent", PARENT)
    assert code == 2 and "Tệp «sai.xlsx», trang «Kết quả», dòng 6, cột B (Đơn vị)" in err
    code, out, err = run("--db", db, "--lang", "en", "results", "import", str(bad), "--parent", PARENT)
    assert code == 2 and "File 'sai.xlsx', sheet 'Kết quả', row 6, column B (Đơn vị)" in err
    code, out, err = run("--db", db, "plan", "status", "--period", "2026-Q5")
    assert code == 2 and "2026-Q5" in err
    store = Store(db)
    assert len(store.df("kpi_values", parent_code=None)) == 0
    store.close()
