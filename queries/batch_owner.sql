-- batch_owner: who made a batch and whether it is reverted (the revert permission rule).
-- parameters: $batch_id
-- columns: id, user_name, file_name, reverted_at
SELECT id, user_name, file_name, reverted_at FROM batch WHERE id = $batch_id;
