-- kpi_targets: the targets of a parent's plan (the parent's own, and units' where they differ).
-- parameters: $parent_code
-- columns: parent_code, indicator_code, entity_code, period, kind, target, target_high, strict, by_unit, base_year,
--          threshold, threshold_strict, text, batch_id
SELECT parent_code, indicator_code, entity_code, period, kind, target, target_high, strict, by_unit, base_year,
       threshold, threshold_strict, text, batch_id
FROM indicator_target
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, indicator_code, entity_code, period;
