-- score_restore_replaced: put back the rows a batch replaced.
-- parameters: $batch_id
-- columns: one row per score (counted by the caller)
INSERT INTO score (index_code, year, entity_code, component_code, value, rank, rank_of, tier, batch_id)
SELECT index_code, year, entity_code, component_code, value, rank, rank_of, tier, old_batch_id
FROM score_replaced WHERE batch_id = $batch_id
RETURNING 1;
