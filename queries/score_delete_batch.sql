-- score_delete_batch: remove the rows a batch wrote.
-- parameters: $batch_id
-- columns: one row per score (counted by the caller)
DELETE FROM score WHERE batch_id = $batch_id RETURNING 1;
