"""The CLI contract of DESIGN.md §5: commands, columns, formats, exit codes."""

import io
import json
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from reformdash.cli import main


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "cli.duckdb")
    assert run("--db", path, "init", "--no-demo")[0] == 0
    return path


@pytest.fixture
def pci_files(tmp_path):
    a = tmp_path / "pci_2018.csv"
    a.write_text("Tỉnh,PCI,Xếp hạng\nHà Nội,65.0,3\nQuảng Ninh,70.0,2\nĐà Nẵng,71.0,1\n", encoding="utf-8")
    b = tmp_path / "pci_2019.csv"
    b.write_text("Tỉnh,PCI,Xếp hạng\nHà Nội,68.0,2\nQuảng Ninh,73.4,1\nBắc Ninh,60.0,3\n", encoding="utf-8")
    return a, b


def test_import_scores_changes_batches_revert(db, pci_files):
    code, out, _ = run("--db", db, "import", *map(str, pci_files))
    assert code == 0 and "pci_2019.csv" in out
    code, out, _ = run("--db", db, "scores", "--index", "pci", "--year", "2019", "--format", "csv")
    frame = pd.read_csv(io.StringIO(out), dtype={"entity_code": str})
    assert list(frame.columns) == ["index", "year", "entity_code", "entity_name", "component", "value", "rank",
                                   "rank_of"]
    assert frame.set_index("entity_code").loc["22", "rank"] == 1
    code, out, _ = run("--db", db, "changes", "--index", "PCI", "--from", "2018", "--to", "2019", "--format", "csv")
    ch = pd.read_csv(io.StringIO(out), dtype={"entity_code": str}).set_index("entity_code")
    assert list(ch.columns) == ["entity_name", "rank_from", "rank_to", "places_up", "value_from", "value_to"]
    assert ch.loc["22", "places_up"] == 1  # 2nd -> 1st
    assert pd.isna(ch.loc["48", "rank_to"]) and pd.isna(ch.loc["27", "rank_from"])  # rows kept, cells empty
    code, out, _ = run("--db", db, "batches", "--format", "json")
    batches = json.loads(out)
    assert [b["file_name"] for b in batches] == ["pci_2019.csv", "pci_2018.csv"]
    assert run("--db", db, "revert", str(batches[0]["id"]))[0] == 0
    code, out, _ = run("--db", db, "scores", "--index", "PCI", "--year", "2019", "--format", "csv")
    assert pd.read_csv(io.StringIO(out)).empty


def test_the_batch_lists_the_columns_it_did_not_use(db, tmp_path):
    path = tmp_path / "pci_2019.csv"
    path.write_text("STT,Tỉnh,PCI,Ghi chú\n1,Hà Nội,65.0,tăng 2 bậc\n2,Quảng Ninh,73.4,\n", encoding="utf-8")
    assert run("--db", db, "import", str(path))[0] == 0
    batch = json.loads(run("--db", db, "batches", "--format", "json")[1])[0]
    assert batch["unused"] == [
        {"sheet": "csv", "column": "A", "header": "STT", "reason": "số thứ tự"},
        {"sheet": "csv", "column": "D", "header": "Ghi chú", "reason": "ghi chú"}]


def test_dry_run_writes_nothing(db, pci_files):
    code, out, _ = run("--db", db, "import", str(pci_files[0]), "--dry-run")
    assert code == 0 and "Chạy thử" in out
    assert run("--db", db, "batches", "--format", "json")[1].strip() == "[]"


def test_rejected_input_exits_2_in_both_languages(db, tmp_path):
    bad = tmp_path / "pci_2019_bad.csv"
    bad.write_text("Tỉnh,PCI\nHà Nội,abc\nQuảng Ninh,70\n", encoding="utf-8")
    code, _, err = run("--db", db, "import", str(bad))
    assert code == 2 and "pci_2019_bad.csv" in err and "dòng 2" in err and "cột B" in err and "«abc»" in err
    code, _, err = run("--db", db, "--lang", "en", "import", str(bad))
    assert code == 2 and "row 2" in err and "column B" in err and "not a number" in err


def test_index_codes_ignore_case_and_spaces(db):
    assert run("--db", db, "scores", "--index", "par index", "--format", "csv")[0] == 0
    code, _, err = run("--db", db, "scores", "--index", "NOPE")
    assert code == 2 and "NOPE" in err


def test_unknown_entity_suggests(db):
    code, _, err = run("--db", db, "scores", "--index", "PCI", "--entity", "Quang Nimh")
    assert code == 2 and "Quảng Ninh" in err


def test_missing_file_is_an_error(db):
    code, _, err = run("--db", db, "import", "/nonexistent/x.xlsx")
    assert code == 1 and "x.xlsx" in err


def test_db_defaults_to_the_environment(tmp_path, monkeypatch, pci_files):
    monkeypatch.setenv("REFORMDASH_DB", str(tmp_path / "env.duckdb"))
    assert run("init", "--no-demo")[0] == 0
    assert (tmp_path / "env.duckdb").exists()


def test_names_said_on_the_command_line_are_imported_and_remembered_with_the_batch(db, tmp_path):
    path = tmp_path / "pci_2019.csv"
    path.write_text("Tỉnh,PCI\nHà Nội,65.5\nQuang Nimh,73.4\nGhi chú nhóm,50\n", encoding="utf-8")
    code, _, err = run("--db", db, "import", str(path))
    assert code == 2 and "Quang Nimh" in err
    code, out, err = run("--db", db, "import", str(path), "--name", "quang  nimh=22", "--name", "Ghi chú nhóm=-")
    assert code == 0, err
    code, out, _ = run("--db", db, "scores", "--index", "PCI", "--format", "csv")
    frame = pd.read_csv(io.StringIO(out), dtype={"entity_code": str})
    assert sorted(frame["entity_code"]) == ["01", "22"]
    again = tmp_path / "pci_2018.csv"
    again.write_text("Tỉnh,PCI\nQuang Nimh,70.0\n", encoding="utf-8")
    assert run("--db", db, "import", str(again))[0] == 0  # the alias came with the batch


def test_a_malformed_name_option_is_refused(db, pci_files):
    code, _, err = run("--db", db, "import", str(pci_files[0]), "--name", "Quảng Ninh")
    assert code == 2 and "TÊN=MÃ" in err


@pytest.mark.parametrize("args, words", [
    (["revert", "9999"], "9999"),
    (["changes", "--index", "PCI", "--from", "2018", "--to", "2019", "--component", "zzz"], "zzz"),
    (["--lang", "en", "changes", "--index", "PCI", "--from", "2018", "--to", "2019", "--component", "zzz"],
     "PCI has no component 'zzz'"),
    (["scores", "--index", "FOO"], "FOO"),
    (["scores", "--index", "PCI", "--entity", "Atlantis"], "Atlantis"),
])
def test_every_rejected_request_exits_2_whatever_module_refuses_it(db, args, words):
    code, out, err = run("--db", db, *args)
    assert code == 2 and out == "" and words in err and "Traceback" not in err


def test_reverting_a_batch_twice_is_refused_with_exit_2_and_changes_nothing(db, pci_files):
    assert run("--db", db, "import", str(pci_files[0]))[0] == 0
    [batch] = json.loads(run("--db", db, "batches", "--format", "json")[1])
    assert run("--db", db, "revert", str(batch["id"]))[0] == 0
    before = run("--db", db, "batches", "--format", "json")[1]
    code, _, err = run("--db", db, "revert", str(batch["id"]))
    assert code == 2 and str(batch["id"]) in err
    assert run("--db", db, "batches", "--format", "json")[1] == before


def _sample_rows(path):
    """Every row that is a sample (mẫu) or belongs to one, by kind, and the real PCI/PAPI rows."""
    import duckdb

    con = duckdb.connect(path, read_only=True)
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    sample_units = "SELECT code FROM entity WHERE parent_code = '22-SYT' OR code = '22-SYT' OR source = 'sample'"
    found = {
        "sample batches": one("SELECT count(*) FROM batch WHERE is_sample"),
        "sample scores": one("SELECT count(*) FROM score JOIN batch b ON b.id = score.batch_id WHERE b.is_sample"),
        "replaced sample rows": one("SELECT count(*) FROM score_replaced WHERE old_batch_id NOT IN "
                                    "(SELECT id FROM batch) OR batch_id NOT IN (SELECT id FROM batch)"),
        "sample goals": one("SELECT count(*) FROM goal WHERE is_sample OR note LIKE '%mẫu%'"),
        "goals of the sample's units": one(f"SELECT count(*) FROM goal WHERE entity_code IN ({sample_units})"),
        "sample department and units": one(f"SELECT count(*) FROM ({sample_units})"),
        "their aliases": one(f"SELECT count(*) FROM entity_alias WHERE entity_code IN ({sample_units})"),
        "sample index": one("SELECT count(*) FROM index_def WHERE code = 'SYT_CCHC' OR source = 'sample'"),
        "its components": one("SELECT count(*) FROM component_def WHERE index_code = 'SYT_CCHC' "
                              "OR source = 'sample'"),
        "scores of the sample index": one("SELECT count(*) FROM score WHERE index_code = 'SYT_CCHC'"),
    }
    real = {code: one(f"SELECT count(*) FROM score WHERE index_code = '{code}'") for code in ("PCI", "PAPI")}
    con.close()
    return found, real


def test_remove_sample_removes_every_sample_row_of_every_kind_and_keeps_the_real_data(tmp_path):
    path = str(tmp_path / "demo.duckdb")
    assert run("--db", path, "init")[0] == 0
    before, real_before = _sample_rows(path)
    assert before["sample department and units"] == 15 and before["sample goals"] >= 5
    assert before["sample index"] == 1 and before["its components"] == 8
    # real PAR INDEX figures loaded over two sample rows first: the sample must still come out, the real rows stay
    par = tmp_path / "par_2023.csv"
    par.write_text("Tỉnh,PAR INDEX,Xếp hạng\nHà Nội,88.5,2\nQuảng Ninh,90.1,1\n", encoding="utf-8")
    assert run("--db", path, "import", str(par), "--index", "PAR_INDEX", "--year", "2023")[0] == 0
    code, out, err = run("--db", path, "remove-sample")
    assert (code, err) == (0, "")
    assert "6 lô" in out and "15 đơn vị" in out  # three of scores, three of the sample plan
    after, real_after = _sample_rows(path)
    assert after == {k: 0 for k in before}
    assert real_after == real_before  # PCI and PAPI untouched
    assert json.loads(run("--db", path, "scores", "--index", "PAR_INDEX", "--format", "json")[1]) != []
    # reverting the real batch later brings nothing of the sample back
    own = max(b["id"] for b in json.loads(run("--db", path, "batches", "--format", "json")[1]))  # the real one
    assert run("--db", path, "revert", str(own))[0] == 0
    assert json.loads(run("--db", path, "scores", "--index", "PAR_INDEX", "--format", "json")[1]) == []
    assert run("--db", path, "remove-sample")[0] == 0  # nothing left: still fine


def test_remove_sample_refuses_while_own_data_uses_the_sample_department(tmp_path):
    path = str(tmp_path / "demo.duckdb")
    assert run("--db", path, "init")[0] == 0
    units = tmp_path / "ket_qua_2024.csv"
    units.write_text("Đơn vị,Điểm\nBệnh viện Đa khoa tỉnh,80.5\n", encoding="utf-8")
    assert run("--db", path, "import", str(units), "--index", "PAR_INDEX", "--year", "2024", "--level", "unit",
               "--parent", "22-SYT")[0] == 0
    own = max(b["id"] for b in json.loads(run("--db", path, "batches", "--format", "json")[1]))
    before = _sample_rows(path)
    code, _out, err = run("--db", path, "remove-sample")
    assert code != 0 and f"{own} (ket_qua_2024.csv)" in err  # refused (exit codes of refusals: issue 14 B14)
    assert _sample_rows(path) == before


def test_the_readme_unit_import_example_works(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    parent = re.search(r'--parent "([^"]+)"', readme).group(1)
    path = str(tmp_path / "demo.duckdb")
    assert run("--db", path, "init")[0] == 0
    units = tmp_path / "ket_qua_2024.csv"
    units.write_text("Đơn vị,Điểm\nBệnh viện Đa khoa tỉnh,80.5\nPhòng khám mới,70\n", encoding="utf-8")
    code, out, err = run("--db", path, "import", str(units), "--index", "PAR_INDEX", "--year", "2024",
                         "--level", "unit", "--parent", parent, "--create-units")
    assert (code, err) == (0, "") and "đơn vị mới 1" in out
    rows = json.loads(run("--db", path, "scores", "--index", "PAR_INDEX", "--year", "2024", "--entity",
                          "Bệnh viện Đa khoa tỉnh", "--format", "json")[1])
    assert [r["value"] for r in rows] == [80.5]
