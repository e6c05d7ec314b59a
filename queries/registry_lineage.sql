-- registry_lineage: which entity absorbed which, and from when (mergers: Hà Tây 2008, the 1 July 2025 provinces).
-- parameters: (none)
-- columns: old_code, new_code, effective_date
SELECT old_code, new_code, effective_date FROM entity_lineage ORDER BY effective_date, old_code, new_code;
