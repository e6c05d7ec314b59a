-- goal_mergers: dates on which entities of a kind were merged (entity_lineage), to explain a change of field size.
-- parameters: (none)
-- columns: kind, effective_date
SELECT DISTINCT e.kind, l.effective_date
FROM entity_lineage l
JOIN entity e ON e.code = l.old_code
ORDER BY e.kind, l.effective_date;
