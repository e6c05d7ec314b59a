-- registry_unit_history: which units each index has scored, by parent (the field of a unit-level index is the
-- parent's units it scores, not every unit registered under the parent; see docs/decisions.md).
-- parameters: (none)
-- columns: index_code, parent_code, entity_code
SELECT DISTINCT s.index_code, e.parent_code, s.entity_code
FROM score s
JOIN entity e ON e.code = s.entity_code
WHERE e.kind = 'unit';
