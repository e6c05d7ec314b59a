"""Registry and catalog changes made by users: their own index (DDCI, a department's unit scoring) and units."""

from __future__ import annotations

import re

from reformdash.errors import ReformdashError
from reformdash.store import Store, bump_version, query_text
from reformdash.text import name_key

CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,31}$")


def add_index(store: Store, code: str, name_vi: str, name_en: str | None = None, unit: str = "%",
              scale_min: float = 0, scale_max: float = 100, entity_kind: str = "unit", first_year: int = 2000,
              components: list[tuple[str, str]] | None = None) -> str:
    """Register a user-defined index with its components (code, Vietnamese name); returns the code."""
    code = code.strip().upper().replace(" ", "_")
    if not CODE_RE.match(code):
        raise ReformdashError(f"Mã chỉ số «{code}» không hợp lệ (chữ in hoa, số, dấu _)", "Mã không hợp lệ")
    if scale_max <= scale_min:
        raise ReformdashError("Thang điểm không hợp lệ: cận trên phải lớn hơn cận dưới", "Thang điểm")
    if entity_kind not in ("province", "ministry", "unit"):
        raise ReformdashError(f"Cấp «{entity_kind}» không hợp lệ", "Cấp không hợp lệ")
    with store.transaction() as tx:
        if tx.execute(query_text("index_exists"), {"code": code}).fetchone()[0]:
            raise ReformdashError(f"Chỉ số {code} đã có", "Trùng mã")
        tx.execute(query_text("index_insert"), {
            "code": code, "name_vi": name_vi, "name_en": name_en or name_vi, "unit": unit, "scale_min": scale_min,
            "scale_max": scale_max, "entity_kind": entity_kind, "first_year": first_year})
        for comp_code, comp_name in components or []:
            tx.execute(query_text("component_insert"), {
                "index_code": code, "code": comp_code, "name_vi": comp_name, "name_en": comp_name,
                "scale_min": scale_min, "scale_max": scale_max})
        bump_version(tx)
    return code


def add_unit(store: Store, code: str, name_vi: str, parent_code: str | None) -> str:
    """Register a unit (department, hospital, health centre) under a parent."""
    with store.transaction() as tx:
        tx.execute(query_text("unit_insert"), {"code": code, "name_vi": name_vi, "parent_code": parent_code})
        tx.execute(query_text("alias_insert"), {"alias_key": name_key(name_vi), "entity_code": code, "alias": name_vi})
        bump_version(tx)
    return code
