-- kpi_revert: undo the plan rows of a batch (registered as `this_batch`): remove what it wrote, restore what it
-- replaced (the caller checked that no later live batch replaced its rows).
-- parameters: (none: registered frame this_batch)
-- columns: (none)
DELETE FROM indicator WHERE batch_id = (SELECT batch_id FROM this_batch);
INSERT INTO indicator BY NAME SELECT * EXCLUDE (replaced_by) FROM indicator_replaced
WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM indicator_replaced WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM indicator_target WHERE batch_id = (SELECT batch_id FROM this_batch);
INSERT INTO indicator_target BY NAME SELECT * EXCLUDE (replaced_by) FROM indicator_target_replaced
WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM indicator_target_replaced WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM indicator_value WHERE batch_id = (SELECT batch_id FROM this_batch);
INSERT INTO indicator_value BY NAME SELECT * EXCLUDE (replaced_by) FROM indicator_value_replaced
WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM indicator_value_replaced WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM report_due WHERE batch_id = (SELECT batch_id FROM this_batch);
INSERT INTO report_due BY NAME SELECT * EXCLUDE (replaced_by) FROM report_due_replaced
WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM report_due_replaced WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM task WHERE batch_id = (SELECT batch_id FROM this_batch);
INSERT INTO task BY NAME SELECT * EXCLUDE (replaced_by) FROM task_replaced
WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM task_replaced WHERE replaced_by = (SELECT batch_id FROM this_batch);
DELETE FROM task_note WHERE batch_id = (SELECT batch_id FROM this_batch);
