-- kpi_batch_rows: how many plan rows a batch wrote (all tables together), counted before a revert.
-- parameters: $batch_id
-- columns: written, replaced
SELECT (SELECT count(*) FROM indicator WHERE batch_id = $batch_id)
     + (SELECT count(*) FROM indicator_target WHERE batch_id = $batch_id)
     + (SELECT count(*) FROM indicator_value WHERE batch_id = $batch_id)
     + (SELECT count(*) FROM report_due WHERE batch_id = $batch_id)
     + (SELECT count(*) FROM task WHERE batch_id = $batch_id)
     + (SELECT count(*) FROM task_note WHERE batch_id = $batch_id) AS written,
       (SELECT count(*) FROM indicator_replaced WHERE replaced_by = $batch_id)
     + (SELECT count(*) FROM indicator_target_replaced WHERE replaced_by = $batch_id)
     + (SELECT count(*) FROM indicator_value_replaced WHERE replaced_by = $batch_id)
     + (SELECT count(*) FROM report_due_replaced WHERE replaced_by = $batch_id)
     + (SELECT count(*) FROM task_replaced WHERE replaced_by = $batch_id) AS replaced;
