-- kpi_task_notes: progress notes (check-ins) of a parent's tasks, oldest first.
-- parameters: $parent_code
-- columns: parent_code, year, task_code, note_date, text, user_name, batch_id
SELECT parent_code, year, task_code, note_date, text, user_name, batch_id
FROM task_note
WHERE $parent_code IS NULL OR parent_code = $parent_code
ORDER BY parent_code, year, task_code, note_date, text;
