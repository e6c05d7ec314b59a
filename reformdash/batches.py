"""Import batches: the plan (what would change), the commit (all or nothing) and the revert."""

from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from reformdash.errors import NotFound, ReformdashError, Rejected, StoreBusy
from reformdash.ingest.importer import SCORE_COLUMNS, Analysis
from reformdash.store import Store, bump_version, query_text
from reformdash.words import t

VALUE_TOLERANCE = 1e-6  # published figures carry float noise; the demo CSV keeps 6 decimals


@dataclass
class Plan:
    """The difference a file would make: rows added, changed (old → new) and unchanged."""

    analysis: Analysis
    added: pd.DataFrame
    changed: pd.DataFrame  # SCORE_COLUMNS plus old_value, old_rank, old_rank_of, old_tier, old_batch_id
    unchanged: int

    @property
    def is_noop(self) -> bool:
        """True when committing would change nothing (the same file again)."""
        return not len(self.added) and not len(self.changed) and not self.analysis.new_units


def make_plan(store: Store, analysis: Analysis) -> Plan:
    """Compare a file's scores with the store: one status per row, old values only for the changed ones."""
    incoming = analysis.scores[SCORE_COLUMNS]  # a new frame (copy on write): the analysis keeps its own
    incoming["tolerance"] = analysis.scores["tolerance"] if "tolerance" in analysis.scores else VALUE_TOLERANCE
    incoming["rn"] = np.arange(len(incoming))
    cur = store.cursor()
    try:
        cur.register("incoming", incoming)
        params = {"tolerance": VALUE_TOLERANCE}
        found = cur.execute(query_text("plan_status"), params).fetchnumpy()
        if len(found["rn"]) != len(incoming):  # only if the store held a key twice, which commit never writes
            raise RuntimeError("score holds a key twice")
        status = np.empty(len(incoming), dtype=np.int8)
        status[np.asarray(found["rn"])] = np.asarray(found["status"])
        changed = cur.execute(query_text("plan_changed"), params).df() if (status == 1).any() else \
            pd.DataFrame(columns=SCORE_COLUMNS + ["old_value", "old_rank", "old_rank_of", "old_tier", "old_batch_id"])
        cur.unregister("incoming")
    finally:
        cur.close()
    added = incoming.loc[np.asarray(status) == 0, SCORE_COLUMNS].reset_index(drop=True)
    return Plan(analysis, added, changed, int((np.asarray(status) == 2).sum()))


def commit(store: Store, plan: Plan, user: str, is_sample: bool = False, aliases: dict[str, str] | None = None,
           lang: str = "vi") -> int | None:
    """Write a plan in one transaction; return the batch id (None if nothing changed).

    aliases (text in the file -> entity code: names matched by hand) are remembered in the same transaction, so a
    refused alias leaves the scores unwritten and a failed write leaves no alias. Raises ReformdashError for an
    alias that names an unknown entity or already means another one of the same kind (another unit of the same
    parent), StoreBusy when another writer holds the database.
    """
    if plan.is_noop and not aliases:
        return None
    a = plan.analysis
    try:
        with store.transaction() as tx:
            if plan.is_noop:  # only names to remember: no batch for a file that changes nothing
                save_aliases(tx, aliases, user, lang)
                bump_version(tx)
                return None
            batch_id = tx.execute(query_text("batch_insert"), {
                "file_name": a.file_name, "sha256": a.sha256, "sheet": a.sheets,
                "index_code": ",".join(a.index_codes), "years": ",".join(str(y) for y in a.years),
                "user_name": user, "added": len(plan.added), "changed": len(plan.changed),
                "unchanged": plan.unchanged, "is_sample": is_sample, "content": a.content,
                "unused": unused_json(a.unused),
            }).fetchone()[0]
            for unit in a.new_units:
                tx.execute(query_text("unit_insert"), unit)
                tx.execute(query_text("alias_insert"), {"entity_code": unit["code"], "alias": unit["name_vi"],
                                                        "alias_key": _key(unit["name_vi"])})
            save_aliases(tx, aliases or {}, user, lang)
            for (index_code, component_code), maximum in a.maxima.items():
                if component_code:
                    tx.execute(query_text("component_set_maximum"), {
                        "index_code": index_code, "component_code": component_code, "maximum": float(maximum)})
            # an empty part is left out: concatenating it would turn every column to Python objects (slow to insert)
            parts = [p for p in (plan.added, plan.changed[SCORE_COLUMNS]) if len(p)] or [plan.added]
            rows = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].copy()
            rows["batch_id"] = batch_id
            # Replace by key inside the transaction, not by the plan's view of the store: another session may
            # have written the same keys since the plan was made, and the key must stay unique (no index keeps it).
            tx.register("old_keys", rows[["index_code", "year", "entity_code", "component_code"]])
            tx.execute(query_text("score_save_replaced"), {"batch_id": batch_id})
            tx.execute(query_text("score_delete_keys"))
            tx.unregister("old_keys")
            tx.register("new_rows", rows)
            tx.execute(query_text("score_insert_rows"))
            tx.unregister("new_rows")
            bump_version(tx)
    except duckdb.TransactionException as e:
        raise StoreBusy.said("db_locked", "store.busy.title") from e
    return batch_id


def unused_json(unused: list[tuple]) -> str:
    """The columns an import did not use, (sheet, letter, header, reason), as the batch keeps them."""
    return json.dumps([{"sheet": sheet, "column": letter, "header": header, "reason": why}
                       for sheet, letter, header, why in unused], ensure_ascii=False)


def save_aliases(tx: duckdb.DuckDBPyConnection, aliases: dict[str, str], user: str, lang: str = "vi") -> int:
    """Remember names matched by hand as aliases inside the caller's transaction; returns how many were new.

    A unit's alias is scoped to its parent: the same text may mean a unit of another parent (every department has
    a «Bệnh viện Đa khoa tỉnh»), never a second entity of the same kind and parent.
    """
    added = 0
    for text, code in aliases.items():
        alias = " ".join(str(text).split())
        key = _key(alias)
        if not key:
            continue
        entity = tx.execute(query_text("entity_get"), {"code": code}).fetchone()
        if entity is None:
            raise ReformdashError(t("alias_unknown_entity", lang, value=alias, code=code),
                                  t("alias_refused_title", lang))
        owners = tx.execute(query_text("alias_owners"), {"alias_key": key}).fetchall()
        if any(owner == code for owner, _ in owners):
            continue  # already known: nothing to remember
        for owner, owner_name in owners:
            other = tx.execute(query_text("entity_get"), {"code": owner}).fetchone()
            if other and other[1] == entity[1] and (entity[1] != "unit" or other[4] == entity[4]):
                raise ReformdashError(t("alias_taken", lang, value=alias, other=owner_name, code=owner),
                                      t("alias_refused_title", lang))
        tx.execute(query_text("alias_insert"), {"alias_key": key, "entity_code": code, "alias": alias})
        tx.execute(query_text("registry_change_insert"), {
            "user_name": user, "action": "add_alias", "entity_code": code, "index_code": None,
            "detail": f"{alias} → {entity[2]}"})
        added += 1
    return added


def revert(store: Store, batch_id: int, lang: str = "vi") -> dict:
    """Undo a batch: remove what it wrote, restore what it replaced."""
    with store.transaction() as tx:
        row = tx.execute(query_text("batch_get"), {"batch_id": batch_id}).fetchone()
        if row is None:
            raise NotFound(t("revert_unknown", lang, value=batch_id), t("not_found.title", lang))
        if row[1] is not None:
            raise Rejected(t("revert_done", lang, value=batch_id), t("revert_done.title", lang))
        from reformdash.plan.model import overwritten_by, revert_rows  # the plan's rows share the batch table

        later = tx.execute(query_text("batch_overwritten_by"), {"batch_id": batch_id}).fetchone() \
            or overwritten_by(tx, batch_id)
        if later is not None:
            raise Rejected(t("revert_blocked", lang, value=batch_id, later=later[0]),
                           t("revert_blocked.title", lang))
        removed = len(tx.execute(query_text("score_delete_batch"), {"batch_id": batch_id}).fetchall())
        restored = len(tx.execute(query_text("score_restore_replaced"), {"batch_id": batch_id}).fetchall())
        plan_removed, plan_restored = revert_rows(tx, batch_id)
        removed, restored = removed + plan_removed, restored + plan_restored
        tx.execute(query_text("batch_mark_reverted"), {"batch_id": batch_id})
        bump_version(tx)
    return {"batch_id": batch_id, "removed": removed, "restored": restored}


def _key(name: str) -> str:
    from reformdash.text import name_key

    return name_key(name)
