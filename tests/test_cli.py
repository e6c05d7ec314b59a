"""The CLI contract of DESIGN.md §5: commands, columns, formats, exit codes."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

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
