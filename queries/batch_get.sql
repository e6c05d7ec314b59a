-- batch_get: one batch's id and revert time.
-- parameters: $batch_id
-- columns: id, reverted_at
SELECT id, reverted_at FROM batch WHERE id = $batch_id;
