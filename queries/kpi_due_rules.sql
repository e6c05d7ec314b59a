-- kpi_due_rules: the reporting calendar a parent set (rules not set here use the defaults of plan/deadlines.py).
-- parameters: $parent_code
-- columns: parent_code, period_kind, month_in_period, day, batch_id
SELECT parent_code, period_kind, month_in_period, day, batch_id
FROM report_due
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, period_kind;
