-- kpi_tasks: the tasks (nhiệm vụ) of a parent's plan.
-- parameters: $parent_code
-- columns: parent_code, year, code, content, owner_code, owner_text, cooperating, due_date, due_period, recurring,
--          status, index_code, component_code, batch_id
SELECT parent_code, year, code, content, owner_code, owner_text, cooperating, due_date, due_period, recurring,
       status, index_code, component_code, batch_id
FROM task
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, year, code;
