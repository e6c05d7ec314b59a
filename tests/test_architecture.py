"""The house rules of DESIGN.md §2 hold: rooms, SQL in queries/, settings documented, CI runs README's command."""

import re
from pathlib import Path

import pytest

from reformdash import settings
from reformdash.store import QUERIES, Store, query_text

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reformdash"


def test_the_package_never_imports_streamlit():
    offenders = [p.name for p in PACKAGE.rglob("*.py") if re.search(r"^\s*(import|from)\s+streamlit",
                                                                       p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_sql_outside_queries():
    pattern = re.compile(r"SELECT\s.+\sFROM\s|INSERT\s+INTO\s|DELETE\s+FROM\s|UPDATE\s+\w+\s+SET\s|"
                         r"CREATE\s+(TABLE|VIEW|INDEX|SEQUENCE)\s", re.I)
    offenders = []
    for path in list(PACKAGE.rglob("*.py")) + list((ROOT / "pages").glob("*.py")) + [ROOT / "dashboard.py"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if pattern.search(line) and "noqa: S608" not in line:
                offenders.append(f"{path.name}: {line.strip()}")
    assert offenders == []


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.sql")), ids=lambda p: p.name)
def test_every_query_has_a_header_naming_parameters_and_columns(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"-- {path.stem}:"), "first line names the query"
    assert "-- parameters:" in text and "-- columns:" in text
    used = set(re.findall(r"\$([a-z_]+)", text.split("\n", 3)[-1]))
    header = text.split("-- columns:")[0]
    assert all(f"${p}" in header for p in used), f"undocumented parameters {used}"


READ_QUERIES = {
    "scores": dict(index_code="PCI", year=None, entity_code=None, lang="vi"),
    "changes": dict(index_code="PCI", from_year=2018, to_year=2019, component="", lang="vi"),
    "batches_list": {}, "index_coverage": dict(lang="vi"), "entity_latest": dict(entity_code="22", lang="en"),
    "catalog_indices": {}, "catalog_components": {}, "registry_entities": {}, "registry_aliases": {},
    "registry_lineage": {},
    "score_count": {}, "sample_counts": {}, "sample_check_used": {}, "meta_value": dict(key="schema"),
    "meta_exists": {},
    "batch_get": dict(batch_id=1), "batch_overwritten_by": dict(batch_id=1),
    "kpi_indicators": dict(parent_code=None), "kpi_targets": dict(parent_code=None),
    "kpi_values": dict(parent_code=None), "kpi_due_rules": dict(parent_code=None),
    "kpi_tasks": dict(parent_code=None), "kpi_task_notes": dict(parent_code=None), "kpi_parents": dict(lang="vi"),
    "kpi_units": dict(parent_code="22-SYT"), "kpi_batch_rows": dict(batch_id=1),
    "kpi_overwritten_by": dict(batch_id=1),
}


@pytest.mark.parametrize("name, params", READ_QUERIES.items(), ids=list(READ_QUERIES))
def test_every_read_query_runs_and_returns_its_documented_columns(tmp_path, name, params):
    store = Store(tmp_path / "q.duckdb")
    store.migrate()
    frame = store.df(name, **params)
    documented = query_text(name).split("-- columns:")[1].split("\n")
    cols = " ".join(line.lstrip("- ").strip() for line in documented if line.startswith("--") or line is
                    documented[0])
    expected = [c.strip() for c in cols.split(",") if c.strip()]
    assert list(frame.columns) == expected
    store.close()


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in settings.SETTINGS if name not in readme]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in (ROOT / "README.md").read_text(encoding="utf-8")


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert re.match(r"^[A-Za-z0-9_.\-\[\]]+==[0-9]", line), line
