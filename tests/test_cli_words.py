"""The CLI and the core speak the reader's language (issue 14 A): `--lang en` says nothing in Vietnamese, the
default stays Vietnamese word for word, and a rejected input still exits 2."""


import pytest

from reformdash.cli import main
from reformdash.errors import ImportRejected
from reformdash.ingest.read import read_workbook
from tests.test_cli import run
from tests.test_words import VIETNAMESE


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "words.duckdb")
    assert run("--db", path, "init", "--no-demo")[0] == 0
    return path


@pytest.fixture
def pci_file(tmp_path):
    path = tmp_path / "pci_2018.csv"
    path.write_text("Tỉnh,PCI,Xếp hạng\nHà Nội,65.0,3\nQuảng Ninh,70.0,2\nĐà Nẵng,71.0,1\n", encoding="utf-8")
    return str(path)


UNKNOWN = {
    "index": (["scores", "--index", "FOO"], "Không có chỉ số «FOO» (có: ", "There is no index 'FOO' (known: "),
    "entity": (["scores", "--index", "PCI", "--entity", "Nowhere"], "Không tìm thấy «Nowhere»",
               "'Nowhere' was not found"),
    "component": (["changes", "--index", "PCI", "--from", "2018", "--to", "2019", "--component", "zzz"],
                  "Không có chỉ số thành phần «zzz» của PCI.", "PCI has no component 'zzz'."),
    "batch": (["revert", "9999"], "không có lô nhập số 9999.", "there is no batch 9999."),
}


@pytest.mark.parametrize("what", sorted(UNKNOWN))
def test_an_unknown_name_is_said_in_the_readers_language_and_exits_2(db, what):
    args, vi, en = UNKNOWN[what]
    code, _, err = run("--db", db, *args)
    assert code == 2 and vi in err
    code, _, err = run("--db", db, "--lang", "en", *args)
    assert code == 2 and en in err
    assert not VIETNAMESE.search(err.split(" — ")[0]), err  # entity names in a suggestion are names, not words


def test_a_suggestion_follows_the_language(db):
    _, _, vi = run("--db", db, "scores", "--index", "PCI", "--entity", "Quang Nimh")
    _, _, en = run("--db", db, "--lang", "en", "scores", "--index", "PCI", "--entity", "Quang Nimh")
    assert "— có phải là: Quảng Ninh" in vi
    assert "— did you mean: Quảng Ninh" in en and "có phải" not in en


def test_the_import_summary_and_dry_run_are_english_in_english(db, pci_file):
    code, out, _ = run("--db", db, "import", "--dry-run", pci_file)
    assert code == 0 and ": thêm 3, thay đổi 0, không đổi 0" in out and "Chạy thử: chưa ghi gì." in out
    code, out, _ = run("--db", db, "--lang", "en", "import", "--dry-run", pci_file)
    assert code == 0 and ": added 3, changed 0, unchanged 0" in out and "Dry run: nothing written." in out
    assert not VIETNAMESE.search(out.replace("Tỉnh", "")), out


def test_a_changed_figure_names_its_rank_in_the_language(db, pci_file, tmp_path):
    assert run("--db", db, "import", pci_file)[0] == 0
    changed = tmp_path / "pci_2018b.csv"
    changed.write_text("Tỉnh,PCI,Xếp hạng\nHà Nội,66.0,1\nQuảng Ninh,70.0,2\nĐà Nẵng,71.0,3\n", encoding="utf-8")
    _, vi, _ = run("--db", db, "import", "--dry-run", "--index", "PCI", "--year", "2018", str(changed))
    _, en, _ = run("--db", db, "--lang", "en", "import", "--dry-run", "--index", "PCI", "--year", "2018",
                   str(changed))
    assert "(hạng 3 → 1)" in vi and "(rank 3 → 1)" in en and "hạng" not in en


def test_a_missing_input_file_is_named_in_the_language(db):
    _, _, vi = run("--db", db, "import", "/nonexistent/x.xlsx")
    _, _, en = run("--db", db, "--lang", "en", "import", "/nonexistent/x.xlsx")
    assert vi.strip() == "Không có tệp «/nonexistent/x.xlsx»" and en.strip() == "There is no file '/nonexistent/x.xlsx'"


def test_a_bad_column_option_is_refused_in_the_language(db, pci_file, capsys):
    with pytest.raises(SystemExit) as vi:
        main(["--db", db, "import", "--column", "bad", pci_file])
    vi_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as en:
        main(["--db", db, "--lang", "en", "import", "--column", "bad", pci_file])
    en_err = capsys.readouterr().err
    assert vi.value.code == en.value.code == 2
    assert "cần dạng \"TIÊU ĐỀ=overall" in vi_err
    assert "«bad»: expected \"HEADER=overall|rank|tier|year|component:CODE|ignore\"" in en_err and "cần" not in en_err


@pytest.mark.parametrize(("data", "vi", "en"), [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "ảnh PNG", "a PNG image"),
    (b"<!DOCTYPE html><html></html>", "trang web (HTML)", "a web page (HTML)"),
    (b"%PDF-1.7\n", "PDF", "PDF"),
])
def test_a_file_that_is_not_a_spreadsheet_is_named_in_the_language(data, vi, en):
    with pytest.raises(ImportRejected) as caught:
        read_workbook(data, "x.bin")
    problem = caught.value.problems[0]
    assert problem.key == "wrong_type"
    assert f"nội dung là {vi}." in problem.render("vi")
    assert f"the content looks like {en}." in problem.render("en")


def test_the_stores_own_errors_are_said_in_the_readers_language(tmp_path):
    """The store does not know who reads its errors (it was always Vietnamese): a file that is no database, opened by
    an English command, is refused in English; the same in Vietnamese by default."""
    path = tmp_path / "not_a_database.duckdb"
    path.write_bytes(b"this is not a DuckDB file " * 100)
    code, _, err = run("--db", str(path), "--lang", "en", "scores", "--index", "PCI")
    assert code == 1 and "The database" in err and "cannot be opened" in err, err
    assert not VIETNAMESE.search(err), err
    code, _, err = run("--db", str(path), "scores", "--index", "PCI")
    assert code == 1 and "Không mở được cơ sở dữ liệu" in err, err


def test_an_error_made_from_the_catalogs_words_is_said_in_either_language():
    from reformdash.errors import Said, StoreBusy, StoreError

    busy = StoreBusy.said("db_locked", "store.busy.title")
    assert busy.message == busy.text("vi") and busy.title == busy.heading("vi") == "Cơ sở dữ liệu bận"
    assert busy.heading("en") == "Database busy" and not VIETNAMESE.search(busy.text("en"))
    failed = StoreError.said("store.error", "store.error.title", what=Said("store.what.read"), detail="IO Error")
    assert "IO Error" in failed.text("en") and not VIETNAMESE.search(failed.text("en"))
    assert VIETNAMESE.search(failed.text("vi"))
