-- sample_remove: remove every sample (mẫu) row: the sample batches, their scores and what they or later batches
-- replaced of them, the sample plan, the sample goals, the sample department's units and aliases, and the sample catalog
-- (sample_check_used has made sure no batch of the user's own still uses a sample unit or index).
-- parameters: (none)
-- columns: (none)
-- the sample plan (MẪU) of the sample department: its indicators, targets, results, calendar, tasks and notes
DELETE FROM indicator WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM indicator_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR replaced_by IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM indicator_target WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM indicator_target_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR replaced_by IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM indicator_value WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM indicator_value_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR replaced_by IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM report_due WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM report_due_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR replaced_by IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM task WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM task_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR replaced_by IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM task_note WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM score WHERE batch_id IN (SELECT id FROM batch WHERE is_sample);
DELETE FROM score_replaced
WHERE batch_id IN (SELECT id FROM batch WHERE is_sample) OR old_batch_id IN (SELECT id FROM batch WHERE is_sample);
DELETE FROM batch WHERE is_sample;
DELETE FROM goal
WHERE is_sample
   OR index_code IN (SELECT code FROM index_def WHERE source = 'sample')
   OR entity_code IN (SELECT code FROM entity WHERE source = 'sample')
   OR entity_code IN (SELECT code FROM entity WHERE parent_code IN (SELECT code FROM entity WHERE source = 'sample'));
DELETE FROM entity_alias
WHERE entity_code IN (SELECT code FROM entity WHERE source = 'sample')
   OR entity_code IN (SELECT code FROM entity WHERE parent_code IN (SELECT code FROM entity WHERE source = 'sample'));
DELETE FROM entity WHERE parent_code IN (SELECT code FROM entity WHERE source = 'sample');
DELETE FROM entity WHERE source = 'sample';
DELETE FROM component_def WHERE index_code IN (SELECT code FROM index_def WHERE source = 'sample');
DELETE FROM index_def WHERE source = 'sample';
