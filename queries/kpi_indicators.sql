-- kpi_indicators: the indicators (chỉ tiêu) of a parent's plan, in the plan's order ($parent_code NULL = every plan).
-- parameters: $parent_code
-- columns: parent_code, code, name_vi, name_en, unit, higher_is_better, aggregation, numerator_vi, denominator_vi,
--          owner, applies_to, report_kinds, index_code, component_code, sort_order, batch_id
SELECT parent_code, code, name_vi, name_en, unit, higher_is_better, aggregation, numerator_vi, denominator_vi,
       owner, applies_to, report_kinds, index_code, component_code, sort_order, batch_id
FROM indicator
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, sort_order, code;
