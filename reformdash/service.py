"""The operations the CLI and the pages share: open, initialise, import, revert, read scores."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from reformdash import settings
from reformdash.batches import Plan, commit, make_plan
from reformdash.catalog import Catalog
from reformdash.errors import NotFound, ReformdashError
from reformdash.ingest.importer import ImportOptions, analyse
from reformdash.registry import Registry
from reformdash.store import ROOT, Store, bump_version, query_text
from reformdash.words import t

DEMO = ROOT / "data" / "demo"
# Demo files and how to import them: (file, options, is_sample).
DEMO_FILES = [
    ("pci.csv", {}, False),
    ("papi.csv", {}, False),
    ("sample_par_index.csv", {}, True),
    ("sample_sipas.csv", {}, True),
    ("sample_units.csv", {"level": "unit", "parent": "22-SYT", "create_units": True}, True),
]


def db_path(db: str | None = None) -> str:
    """--db, else $REFORMDASH_DB, else data/reformdash.duckdb."""
    return db or settings.get("REFORMDASH_DB")


def open_store(db: str | None = None) -> Store:
    """Open (creating and migrating) the database."""
    store = Store(db_path(db))
    store.migrate()
    return store


def init(store: Store, demo: bool = True, user: str = "reformdash") -> list[int]:
    """Reference data is loaded by migrate(); the demo data too when the store holds no scores yet."""
    scores, batches = store.rows("score_count")[0]
    declined = store.rows("meta_value", key="demo") == [("declined",)]
    if not demo:
        # remember the choice: the dashboard's first start must not load the demo into this database later
        if not scores and not batches:
            with store.transaction() as tx:
                tx.execute(query_text("meta_set"), {"key": "demo", "value": "declined"})
        return []
    if declined or scores or batches:
        return []
    ensure_demo_catalog(store)
    ids = []
    for name, opts, is_sample in DEMO_FILES:
        path = DEMO / name
        if not path.is_file():
            continue
        plan = plan_file(store, path.read_bytes(), name, ImportOptions(**opts))
        batch_id = commit(store, plan, user, is_sample=is_sample)
        if batch_id:
            ids.append(batch_id)
    from reformdash.goals import load_demo_goals

    load_demo_goals(store)
    from reformdash.plan.demo import load_demo_plan  # the sample department's plan (MẪU), sample batches

    ids += load_demo_plan(store, user)
    return ids


def ensure_demo_catalog(store: Store) -> None:
    """The sample department, its custom index and components (user-defined rows, removable)."""
    path = DEMO / "sample_catalog.sql"
    if not path.is_file():
        return
    with store.transaction() as tx:
        tx.execute(query_text("sample_catalog_clear"))
        tx.execute(path.read_text(encoding="utf-8"))


def remove_sample(store: Store, lang: str = "vi") -> dict[str, int]:
    """Remove every sample row (batches and their scores, goals, the sample department and its units, the sample
    index and its components) in one transaction; returns how many of each were removed.

    Not a revert of each batch: a revert is refused once real data of the same years replaced sample rows, and
    the real batch's memory of those rows must go too (reverting it later must not bring the sample back).
    Raises ReformdashError (nothing removed) when a batch of the user's own holds scores of a sample unit or index.
    """
    from reformdash.words import t

    used = store.rows("sample_check_used")
    if used:
        batches = ", ".join(f"{batch_id} ({file_name})" for batch_id, file_name in used)
        raise ReformdashError(t("sample_in_use", lang, batches=batches), t("sample_in_use_title", lang))
    counts = dict(zip(("batches", "scores", "goals", "entities", "indices", "components"),
                      store.rows("sample_counts")[0], strict=True))
    with store.transaction() as tx:
        tx.execute(query_text("sample_remove"))
        bump_version(tx)
    return counts


def plan_file(store: Store, data: bytes, file_name: str, options: ImportOptions) -> Plan:
    """Analyse a file and compare it with the store (nothing is written)."""
    catalog = Catalog.load(store)
    registry = Registry.load(store)
    analysis = analyse(data, file_name, catalog, registry, options)
    return make_plan(store, analysis)


def scores(store: Store, index: str, year: int | None = None, entity: str | None = None,
           lang: str = "vi") -> pd.DataFrame:
    """Stored scores as the CLI contract's columns."""
    catalog = Catalog.load(store)
    index_code = catalog.index(index, lang).code
    entity_code = Registry.load(store).get(entity, lang=lang).code if entity else None
    return store.df("scores", index_code=index_code, year=year, entity_code=entity_code, lang=lang)


def changes(store: Store, index: str, from_year: int, to_year: int, component: str | None = None,
            lang: str = "vi") -> pd.DataFrame:
    """Rank changes between two years (places_up = rank_from - rank_to)."""
    catalog = Catalog.load(store)
    index_code = catalog.index(index, lang).code
    comp = ""
    if component:
        found = catalog.component(index_code, component)
        if found is None:
            message = t("unknown_component", lang, value=component, index=index_code)
            raise NotFound(message[0].upper() + message[1:], t("not_found.title", lang))
        comp = found.code
    return store.df("changes", index_code=index_code, from_year=from_year, to_year=to_year, component=comp,
                    lang=lang)


def read_file(path: str, lang: str = "vi") -> bytes:
    """File bytes, or a clear error."""
    p = Path(path)
    if not p.is_file():
        raise ReformdashError(t("no_such_file", lang, path=path), t("no_such_file.title", lang))
    return p.read_bytes()
