-- kpi_values: units' (and the parent's own) values of a parent's plan indicators, every period.
-- parameters: $parent_code
-- columns: parent_code, indicator_code, entity_code, period, value, numerator, denominator, received_on, batch_id
SELECT parent_code, indicator_code, entity_code, period, value, numerator, denominator, received_on, batch_id
FROM indicator_value
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, indicator_code, entity_code, period;
