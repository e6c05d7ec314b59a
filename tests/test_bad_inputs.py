"""Bad-input corpus: every file is rejected with exit 2, a message naming the place, and no change to the database.

The files are made by tests/bad_inputs/make_bad_inputs.py into a temporary folder. For each case a copy of a
template database (reference data plus one good PCI import) is used; the file is imported through the CLI in a
subprocess once in Vietnamese and once with --lang en (on a second copy, concurrently), and each copy's content
(scores and batches as the CLI prints them, the entity table, the score count, every table) must equal the
template's.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent / "bad_inputs"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import make_bad_inputs as make_corpus  # noqa: E402  (not "make_corpus": tests/import_corpus has one)

CASES = {c.name: c for c in make_corpus.CASES}
GOOD_CSV = "Tỉnh,PCI,Xếp hạng\nHà Nội,65.5,2\nQuảng Ninh,70.1,1\nĐà Nẵng,64.2,3\nCần Thơ,63.0,4\n"
TIMEOUT = 120

def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(REPO) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    for key in ("REFORMDASH_DB", "REFORMDASH_LANG"):
        e.pop(key, None)
    return e


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reformdash", *args], cwd=REPO, env=env(), capture_output=True,
                          text=True, timeout=TIMEOUT)


def cli_dump(db: Path) -> dict:
    """`scores --index PCI --format csv` and `batches --format csv`, run in this process (the CLI closes its store)."""
    from reformdash.cli import main

    dumps = {}
    for cmd in (["scores", "--index", "PCI", "--format", "csv"], ["batches", "--format", "csv"]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", str(db), *cmd])
        dumps[cmd[0]] = [code, out.getvalue(), err.getvalue()]
    return dumps


def snapshot(db: Path) -> dict:
    """The content of a database: CLI dumps of scores and batches, and every table through duckdb."""
    content: dict = {"cli": cli_dump(db)}
    con = duckdb.connect(str(db), read_only=True)
    try:
        content["entity"] = con.execute("SELECT * FROM entity ORDER BY code").fetchall()
        content["score_count"] = con.execute("SELECT count(*) FROM score").fetchone()[0]
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
        for table in tables:
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            content[f"table:{table}"] = sorted(map(repr, rows))
    finally:
        con.close()
    return content


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> tuple[Path, dict]:
    """A database with reference data and one good PCI 2018 import, and its content snapshot."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "template.duckdb"
    r = cli("--db", str(db), "init", "--no-demo")
    assert r.returncode == 0, r.stderr
    good = folder / "pci_2018_good.csv"
    good.write_text(GOOD_CSV, encoding="utf-8")
    r = cli("--db", str(db), "import", str(good))
    assert r.returncode == 0, r.stderr
    probe = folder / "probe.duckdb"  # snapshot a copy: the template itself is never opened by this process
    shutil.copyfile(db, probe)
    snap = snapshot(probe)
    assert snap["score_count"] == 4 and "Quảng Ninh" in snap["cli"]["scores"][1], snap["cli"]
    assert "pci_2018_good.csv" in snap["cli"]["batches"][1]
    return db, snap


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_corpus.build(tmp_path_factory.mktemp("corpus"))


def test_corpus_is_big_enough(corpus):
    assert len(CASES) >= 32
    assert len(set(corpus.values())) == len(CASES)
    bomb = corpus["zip_bomb_xlsx"]
    assert bomb.stat().st_size < 1024 * 1024
    import zipfile
    with zipfile.ZipFile(bomb) as z:
        assert sum(i.file_size for i in z.infolist()) > 300 * 1024 * 1024
    assert corpus["empty_0_bytes"].stat().st_size == 0


@pytest.mark.parametrize("name", list(CASES), ids=list(CASES))
def test_bad_input_rejected(name, template, corpus, tmp_path):
    case = CASES[name]
    path = corpus[name]
    template_db, before = template
    db_vi, db_en = tmp_path / "vi.duckdb", tmp_path / "en.duckdb"
    shutil.copyfile(template_db, db_vi)
    shutil.copyfile(template_db, db_en)

    base = [sys.executable, "-m", "reformdash"]
    tail = ["import", str(path), *case.args]
    procs = {
        "vi": subprocess.Popen(base + ["--db", str(db_vi), *tail], cwd=REPO, env=env(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE),
        "en": subprocess.Popen(base + ["--db", str(db_en), "--lang", "en", *tail], cwd=REPO, env=env(), text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE),
    }
    results = {}
    for lang, p in procs.items():
        out, err = p.communicate(timeout=TIMEOUT)
        results[lang] = (p.returncode, out, err)
    code, out, err = results["vi"]
    code_en, out_en, err_en = results["en"]
    command = " ".join(["python -m reformdash --db DB", *tail])
    report = f"\ncommand: {command}\nexit: {code}\nstderr: {err[:600]}\nstdout: {out[:300]}"

    problems = []
    if code != 2:
        problems.append(f"exit code {code}, expected 2")
    if "Tệp" not in err:
        problems.append("stderr is not a Vietnamese message (no 'Tệp')")
    for fragment in [path.name, *case.expect]:
        if fragment not in err:
            problems.append(f"stderr lacks {fragment!r}")
    for fragment in case.absent:
        if fragment in err:
            problems.append(f"stderr names a wrong place {fragment!r}")
    if code_en != 2:
        problems.append(f"--lang en: exit code {code_en}, expected 2")
    if "File" not in err_en or path.name not in err_en:
        problems.append(f"--lang en: stderr lacks 'File' or the file name: {err_en[:300]!r}")
    after_vi, after_en = snapshot(db_vi), snapshot(db_en)
    if after_vi != before:
        changed = sorted(k for k in before if before[k] != after_vi.get(k))
        problems.append(f"database content changed (vi run): {changed}")
    if after_en != before:
        changed = sorted(k for k in before if before[k] != after_en.get(k))
        problems.append(f"database content changed (en run): {changed}")
    assert not problems, "; ".join(problems) + report
