"""Registry and catalog changes made by users: their own index (DDCI, a department's unit scoring), units and
aliases. Every change is validated with a clear message and recorded in registry_change, like import batches."""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from reformdash.errors import NotFound, ReformdashError
from reformdash.store import Store, bump_version, query_text
from reformdash.text import clean, name_key, words
from reformdash.words import t
from reformdash.words.headers import with_headers

CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")
COMPONENT_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]{0,39}$")
SYSTEM_USER = "reformdash"
ACTIONS = {  # action -> the words of its label
    "add_unit": "admin.action.add_unit", "rename_unit": "admin.action.rename_unit",
    "add_alias": "admin.action.add_alias", "add_index": "admin.action.add_index",
}


def _fail(key: str, title: str, lang: str, **params: object) -> ReformdashError:
    return ReformdashError(t(key, lang, **params), t(title, lang))


def _record(tx: duckdb.DuckDBPyConnection, user: str | None, action: str, detail: str, entity_code: str | None = None,
            index_code: str | None = None) -> None:
    tx.execute(query_text("registry_change_insert"), {
        "user_name": user or SYSTEM_USER, "action": action, "entity_code": entity_code, "index_code": index_code,
        "detail": detail})


def _entity(tx: duckdb.DuckDBPyConnection, code: str | None) -> tuple | None:
    """(code, kind, name_vi, name_en, parent_code, source) or None."""
    if not code:
        return None
    return tx.execute(query_text("entity_get"), {"code": code}).fetchone()


def component_code(name: str) -> str:
    """A component code from its name: 'Cải cách thể chế' -> 'cai_cach_the_che'."""
    return words(name).replace(" ", "_")[:40] or "tc"


def parse_components(text: str) -> list[tuple[str, str]]:
    """Components typed one per line as 'code; name' or just 'name' (the code is made from the name)."""
    found = []
    for line in str(text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        code, sep, name = line.partition(";")
        if not sep:
            code, name = component_code(line), line
        found.append((code.strip(), clean(name)))
    return found


def add_index(store: Store, code: str, name_vi: str, name_en: str | None = None, unit: str = "%",
              scale_min: float = 0, scale_max: float = 100, entity_kind: str = "unit", first_year: int = 2000,
              components: list[tuple[str, str]] | None = None, user: str | None = None, lang: str = "vi") -> str:
    """Register a user-defined index with its components (code, Vietnamese name); returns the code.

    Raises ReformdashError for a bad or taken code or name, a bad scale or level, or duplicate components.
    """
    code = str(code).strip().upper().replace(" ", "_")
    name_vi = clean(name_vi or "")
    if not CODE_RE.match(code):
        raise _fail("admin.bad_index_code", "admin.bad_code.title", lang, code=code)
    if not name_vi:
        raise _fail("admin.no_index_name", "admin.no_name.title", lang)
    if scale_max <= scale_min:
        raise _fail("admin.bad_scale", "admin.bad_scale.title", lang)
    if entity_kind not in ("province", "ministry", "unit"):
        raise _fail("admin.bad_level", "admin.bad_level.title", lang, level=entity_kind)
    components = [(str(c).strip(), clean(n)) for c, n in components or []]
    seen_codes: set[str] = set()
    seen_names: set[str] = set()
    for comp_code, comp_name in components:
        if not COMPONENT_CODE_RE.match(comp_code):
            raise _fail("admin.bad_component_code", "admin.bad_code.title", lang, code=comp_code)
        if not comp_name:
            raise _fail("admin.no_component_name", "admin.no_name.title", lang, code=comp_code)
        if comp_code in seen_codes or words(comp_name) in seen_names:
            raise _fail("admin.duplicate_component", "admin.duplicate_component.title", lang, name=comp_name,
                        code=comp_code)
        seen_codes.add(comp_code)
        seen_names.add(words(comp_name))
    with store.transaction() as tx:
        if tx.execute(query_text("index_exists"), {"code": code}).fetchone()[0]:
            raise _fail("admin.index_code_taken", "admin.duplicate_code.title", lang, code=code)
        for row in tx.execute(query_text("catalog_indices")).fetchall():
            if words(row[1]) == words(name_vi):
                raise _fail("admin.index_name_taken", "admin.duplicate_name.title", lang, name=row[1], code=row[0])
        tx.execute(query_text("index_insert"), {
            "code": code, "name_vi": name_vi, "name_en": clean(name_en or "") or name_vi, "unit": unit,
            "scale_min": scale_min, "scale_max": scale_max, "entity_kind": entity_kind, "first_year": first_year})
        for comp_code, comp_name in components:
            tx.execute(query_text("component_insert"), {
                "index_code": code, "code": comp_code, "name_vi": comp_name, "name_en": comp_name,
                "scale_min": scale_min, "scale_max": scale_max})
        detail = t("admin.detail.index", "vi", name=name_vi, count=len(components))  # the record is kept in Vietnamese
        if components:
            detail += ": " + ", ".join(n for _, n in components)
        _record(tx, user, "add_index", detail, index_code=code)
        bump_version(tx)
    return code


def unit_code(tx: duckdb.DuckDBPyConnection, parent_code: str | None, name: str) -> str:
    """A readable, unused code for a new unit: parent code + name key (as the importer makes them)."""
    base = f"{parent_code or 'U'}-{name_key(name)[:24]}"
    code, n = base, 2
    while _entity(tx, code) is not None:
        code, n = f"{base}-{n}", n + 1
    return code


def add_unit(store: Store, code: str | None, name_vi: str, parent_code: str | None, user: str | None = None,
             lang: str = "vi") -> str:
    """Register a unit (department, hospital, health centre) under a parent; returns its code.

    code None makes one from the parent and the name. Raises ReformdashError for a blank or duplicate name, a taken
    code or an unknown parent.
    """
    name_vi = clean(name_vi or "")
    if not name_vi or not name_key(name_vi):
        raise _fail("admin.no_unit_name", "admin.no_name.title", lang)
    with store.transaction() as tx:
        parent = _entity(tx, parent_code)
        if parent_code and parent is None:
            raise _fail("admin.no_parent", "not_found.title", lang, code=parent_code)
        code = str(code).strip() if code else unit_code(tx, parent_code, name_vi)
        if _entity(tx, code) is not None:
            raise _fail("admin.unit_code_taken", "admin.duplicate_code.title", lang, code=code)
        _refuse_sibling_name(tx, parent_code, name_vi, None, parent, lang)
        tx.execute(query_text("unit_insert"), {"code": code, "name_vi": name_vi, "parent_code": parent_code})
        tx.execute(query_text("alias_insert"), {"alias_key": name_key(name_vi), "entity_code": code, "alias": name_vi})
        under = t("admin.under", "vi", parent=parent[2]) if parent else ""  # the record is kept in Vietnamese
        _record(tx, user, "add_unit", f"{name_vi}{under}", entity_code=code)
        bump_version(tx)
    return code


def _refuse_sibling_name(tx, parent_code: str | None, name_vi: str, own_code: str | None, parent: tuple | None,
                         lang: str) -> None:
    for sibling_code, sibling_name in tx.execute(query_text("unit_siblings"), {"parent_code": parent_code}).fetchall():
        if sibling_code != own_code and name_key(sibling_name) == name_key(name_vi):
            where = t("admin.under", lang, parent=parent[2]) if parent else ""
            raise _fail("admin.unit_name_taken", "admin.duplicate_name.title", lang, name=sibling_name, where=where,
                        code=sibling_code)


def rename_unit(store: Store, code: str, new_name: str, user: str | None = None, lang: str = "vi") -> str:
    """Give a unit a new name; the old name stays an alias, so files with it still match. Returns the old name."""
    new_name = clean(new_name or "")
    if not new_name or not name_key(new_name):
        raise _fail("admin.no_new_name", "admin.no_name.title", lang)
    with store.transaction() as tx:
        row = _entity_or_fail(tx, code, lang)
        if row[1] != "unit":
            raise _fail("admin.not_a_unit", "admin.not_a_unit.title", lang, name=row[2])
        old_name = row[2]
        if new_name == old_name:
            raise _fail("admin.same_name", "admin.same_name.title", lang)
        parent = _entity(tx, row[4])
        _refuse_sibling_name(tx, row[4], new_name, code, parent, lang)
        _refuse_alias_of_other(tx, name_key(new_name), code, new_name, lang)
        tx.execute(query_text("entity_rename"), {"code": code, "name_vi": new_name})
        tx.execute(query_text("alias_insert"), {"alias_key": name_key(new_name), "entity_code": code,
                                                "alias": new_name})
        _record(tx, user, "rename_unit", f"{old_name} → {new_name}", entity_code=code)
        bump_version(tx)
    return old_name


def _entity_or_fail(tx, code: str, lang: str) -> tuple:
    """The entity row of a code; NotFound naming the code otherwise."""
    row = _entity(tx, code)
    if row is None:
        raise NotFound(t("admin.no_entity", lang, code=code), t("not_found.title", lang))
    return row


def _refuse_alias_of_other(tx, key: str, code: str, alias: str, lang: str) -> None:
    """A name that already means another entity of the same kind would make matching ambiguous."""
    own = _entity(tx, code)
    for other_code, other_name in tx.execute(query_text("alias_owners"), {"alias_key": key}).fetchall():
        if other_code == code:
            continue
        other = _entity(tx, other_code)
        # units under different parents may share a name (every hospital has a "Phòng Tổ chức")
        if own and other and own[1] == other[1] == "unit" and own[4] != other[4]:
            continue
        raise _fail("admin.alias_of_other", "admin.alias_of_other.title", lang, alias=alias, name=other_name,
                    code=other_code)


def add_alias(store: Store, entity_code: str, alias: str, user: str | None = None, lang: str = "vi") -> str:
    """Teach the registry another spelling of an entity (e.g. 'Sở YT' for Sở Y tế); returns the alias key.

    Raises ReformdashError when the entity is unknown, the alias is blank or already names this or another entity.
    """
    alias = clean(alias or "")
    key = name_key(alias)
    if not key:
        raise _fail("admin.no_alias", "admin.no_name.title", lang)
    with store.transaction() as tx:
        row = _entity_or_fail(tx, entity_code, lang)
        owners = [r[0] for r in tx.execute(query_text("alias_owners"), {"alias_key": key}).fetchall()]
        if entity_code in owners:
            raise _fail("admin.alias_exists", "admin.alias_exists.title", lang, alias=alias, name=row[2])
        _refuse_alias_of_other(tx, key, entity_code, alias, lang)
        tx.execute(query_text("alias_insert"), {"alias_key": key, "entity_code": entity_code, "alias": alias})
        _record(tx, user, "add_alias", f"{alias} → {row[2]}", entity_code=entity_code)
        bump_version(tx)
    return key


def registry_changes(store: Store, lang: str = "vi") -> pd.DataFrame:
    """Recorded registry changes, newest first, with the action in words and headers in the reader's language."""
    frame = store.df("registry_changes_list", lang=lang)
    frame["action"] = frame["action"].map(lambda a: t(ACTIONS[a], lang) if a in ACTIONS else a)
    frame["subject"] = frame["entity_name"].where(frame["entity_name"].notna(), frame["index_code"])
    frame["subject"] = frame["subject"].where(frame["subject"].notna(), frame["entity_code"])
    out = frame[["id", "created_at", "user_name", "action", "subject", "detail"]]
    return with_headers(out, lang)


def entity_options(store: Store, kinds: tuple[str, ...] = ("province", "ministry", "unit")) -> dict[str, str]:
    """code -> 'name (code)' of the registry's entities of some kinds, for selectors."""
    order = {"province": 0, "ministry": 1, "unit": 2}
    rows = sorted((r for r in store.rows("registry_entities") if r[1] in kinds),
                  key=lambda r: (order.get(r[1], 3), words(r[2]), r[0]))
    return {r[0]: f"{r[2]} ({r[0]})" for r in rows}
