-- batch_mark_reverted: stamp a batch as reverted.
-- parameters: $batch_id
-- columns: (none)
UPDATE batch SET reverted_at = current_timestamp WHERE id = $batch_id;
