"""The import corpus (tests/import_corpus): every published value and rank lands as expected, refusals change nothing.

Each case of cases.csv imports its file through the CLI into a copy of one template database (reference data, the
departments of parents.csv, the custom indices of custom_indices.csv), after the files named in `before`, and then
compares the whole score table with expected/<case>.csv row for row: value, rank, rank_of and, on overall rows, the
tier (compared without diacritics or case). A unit is written «PARENT_CODE/name as printed» and found among that
parent's units by its name key. A refusal must exit 2, say every word of expected/<case>.refuse.txt and leave the
database as it was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shlex
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from reformdash.cli import main
from reformdash.text import name_key, words

CORPUS = Path(__file__).resolve().parent / "import_corpus"
sys.path.insert(0, str(CORPUS))

import make_corpus  # noqa: E402

assert Path(make_corpus.__file__).resolve().parent == CORPUS, "another tests/ folder's make_corpus was imported"


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


CASES = {row["case"]: row for row in read_csv(CORPUS / "cases.csv")}


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse: an option the CLI does not know yet
            code = e.code if isinstance(e.code, int) else 2
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory) -> dict[str, Path]:
    return make_corpus.build(tmp_path_factory.mktemp("import_corpus"))


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Path:
    """A database with the reference data, the corpus's departments and its custom indices, no scores."""
    from reformdash import catalog_admin, service

    path = tmp_path_factory.mktemp("corpus_template") / "template.duckdb"
    store = service.open_store(str(path))
    try:
        service.init(store, demo=False)
        for row in read_csv(CORPUS / "parents.csv"):
            catalog_admin.add_unit(store, row["code"], row["name_vi"], row["parent_code"], user="corpus")
        for row in read_csv(CORPUS / "custom_indices.csv"):
            comps = [tuple(part.split(";", 1)) for part in row["components"].split("|")]
            catalog_admin.add_index(store, row["code"], row["name_vi"], components=comps, user="corpus")
    finally:
        store.close()
    return path


def score_rows(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT s.index_code, s.year, s.entity_code, e.kind, e.parent_code, e.name_vi, s.component_code, "
            "s.value, s.rank, s.rank_of, s.tier FROM score s JOIN entity e ON e.code = s.entity_code").fetchall()
    finally:
        con.close()


def db_content(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def import_case(db: Path, case: dict, files: dict[str, Path]) -> tuple[int, str, str]:
    return run("--db", str(db), "import", str(files[case["file"]]), *shlex.split(case["options"]))


def key_of(row: tuple) -> tuple:
    """(index, year, entity as the expected files write it, component) of a stored row."""
    index, year, code, kind, parent, name, comp = row[:7]
    entity = f"{parent}/{name_key(name)}" if kind == "unit" else code
    return index, year, entity, comp


def expected_key(row: dict) -> tuple:
    entity = row["entity"]
    if "/" in entity:
        parent, name = entity.split("/", 1)
        entity = f"{parent}/{name_key(name)}"
    return row["index"], int(row["year"]), entity, row["component"]


def as_int(text: str) -> int | None:
    return int(text) if text else None


@pytest.mark.parametrize("case_id", list(CASES), ids=list(CASES))
def test_corpus_case(case_id, template, corpus_files, tmp_path):
    case = CASES[case_id]
    db = tmp_path / "corpus.duckdb"
    shutil.copyfile(template, db)
    for before in case["before"].split():
        code, out, err = import_case(db, CASES[before], corpus_files)
        assert code == 0, f"the file imported first ({CASES[before]['file']}) was refused: {err[:800]}"

    if case["result"] == "refuse":
        words_needed = (CORPUS / "expected" / f"{case_id}.refuse.txt").read_text(encoding="utf-8").split("\n")
        before_content = db_content(db)
        code, out, err = import_case(db, case, corpus_files)
        assert code == 2, f"exit {code}, expected a refusal (2)\nstdout: {out[:800]}\nstderr: {err[:800]}"
        missing = [w for w in words_needed if w and w.lower() not in err.lower()]
        assert not missing, f"the refusal does not say {missing}:\n{err[:1500]}"
        assert db_content(db) == before_content, "a refused import changed the database"
        return

    code, out, err = import_case(db, case, corpus_files)
    assert code == 0, f"exit {code}\nstdout: {out[:800]}\nstderr: {err[:1500]}"
    stored = {}
    for row in score_rows(db):
        stored.setdefault(key_of(row), []).append(row)
    expected = read_csv(CORPUS / "expected" / f"{case_id}.csv")
    problems = []
    for exp in expected:
        key = expected_key(exp)
        rows = stored.pop(key, [])
        if len(rows) != 1:
            problems.append(f"{key}: {'missing' if not rows else f'stored {len(rows)} times'}")
            continue
        value, rank, rank_of, tier = rows[0][7:]
        want = float(exp["value"])
        if value is None or abs(value - want) > 1e-6:
            problems.append(f"{key}: value {value}, expected {want}")
        if rank != as_int(exp["rank"]) or rank_of != as_int(exp["rank_of"]):
            problems.append(f"{key}: rank {rank}/{rank_of}, expected {exp['rank'] or None}/{exp['rank_of'] or None}")
        if not exp["component"] and words(tier or "") != words(exp["tier"]):
            problems.append(f"{key}: tier {tier!r}, expected {exp['tier']!r}")
    for key, rows in stored.items():
        problems.append(f"{key}: stored but not in the file's expectations (value {rows[0][7]})")
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:40])


def test_corpus_is_big_and_documented(corpus_files):
    assert len(corpus_files) >= 60
    real = {c["file"] for c in CASES.values() if c["source"] != "generated"}
    assert len(real) >= 20 and all(c["source"].startswith("http") for c in CASES.values()
                                   if c["source"] != "generated")
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in corpus_files)
    for case_id, case in CASES.items():
        suffix = ".refuse.txt" if case["result"] == "refuse" else ".csv"
        assert (CORPUS / "expected" / f"{case_id}{suffix}").is_file(), case_id
