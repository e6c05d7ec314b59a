-- kpi_commit: write a batch of plan rows. The caller registers `this_batch` (batch_id) and new_indicator,
-- new_target, new_value, new_due, new_task, new_note (the rows to write, each table's columns without batch_id,
-- possibly empty). Rows of the same key are saved to *_replaced with replaced_by = the batch, then replaced.
-- parameters: (none: registered frames)
-- columns: (none)
INSERT INTO indicator_replaced BY NAME
SELECT t.*, b.batch_id AS replaced_by FROM indicator t CROSS JOIN this_batch b
WHERE EXISTS (SELECT 1 FROM new_indicator n WHERE n.parent_code = t.parent_code AND n.code = t.code);
DELETE FROM indicator t
WHERE EXISTS (SELECT 1 FROM new_indicator n WHERE n.parent_code = t.parent_code AND n.code = t.code);
INSERT INTO indicator BY NAME SELECT n.*, b.batch_id FROM new_indicator n CROSS JOIN this_batch b;

INSERT INTO indicator_target_replaced BY NAME
SELECT t.*, b.batch_id AS replaced_by FROM indicator_target t CROSS JOIN this_batch b
WHERE EXISTS (SELECT 1 FROM new_target n WHERE n.parent_code = t.parent_code AND n.indicator_code = t.indicator_code
              AND n.entity_code = t.entity_code AND n.period = t.period);
DELETE FROM indicator_target t
WHERE EXISTS (SELECT 1 FROM new_target n WHERE n.parent_code = t.parent_code AND n.indicator_code = t.indicator_code
              AND n.entity_code = t.entity_code AND n.period = t.period);
INSERT INTO indicator_target BY NAME SELECT n.*, b.batch_id FROM new_target n CROSS JOIN this_batch b;

INSERT INTO indicator_value_replaced BY NAME
SELECT t.*, b.batch_id AS replaced_by FROM indicator_value t CROSS JOIN this_batch b
WHERE EXISTS (SELECT 1 FROM new_value n WHERE n.parent_code = t.parent_code AND n.indicator_code = t.indicator_code
              AND n.entity_code = t.entity_code AND n.period = t.period);
DELETE FROM indicator_value t
WHERE EXISTS (SELECT 1 FROM new_value n WHERE n.parent_code = t.parent_code AND n.indicator_code = t.indicator_code
              AND n.entity_code = t.entity_code AND n.period = t.period);
INSERT INTO indicator_value BY NAME SELECT n.*, b.batch_id FROM new_value n CROSS JOIN this_batch b;

INSERT INTO report_due_replaced BY NAME
SELECT t.*, b.batch_id AS replaced_by FROM report_due t CROSS JOIN this_batch b
WHERE EXISTS (SELECT 1 FROM new_due n WHERE n.parent_code = t.parent_code AND n.period_kind = t.period_kind);
DELETE FROM report_due t
WHERE EXISTS (SELECT 1 FROM new_due n WHERE n.parent_code = t.parent_code AND n.period_kind = t.period_kind);
INSERT INTO report_due BY NAME SELECT n.*, b.batch_id FROM new_due n CROSS JOIN this_batch b;

INSERT INTO task_replaced BY NAME
SELECT t.*, b.batch_id AS replaced_by FROM task t CROSS JOIN this_batch b
WHERE EXISTS (SELECT 1 FROM new_task n WHERE n.parent_code = t.parent_code AND n.year = t.year AND n.code = t.code);
DELETE FROM task t
WHERE EXISTS (SELECT 1 FROM new_task n WHERE n.parent_code = t.parent_code AND n.year = t.year AND n.code = t.code);
INSERT INTO task BY NAME SELECT n.*, b.batch_id FROM new_task n CROSS JOIN this_batch b;

INSERT INTO task_note BY NAME SELECT n.*, b.batch_id FROM new_note n CROSS JOIN this_batch b;
