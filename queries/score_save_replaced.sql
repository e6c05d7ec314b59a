-- score_save_replaced: keep the stored rows a batch is about to replace (keys registered as `old_keys`).
-- parameters: $batch_id
-- columns: (none)
INSERT INTO score_replaced (batch_id, index_code, year, entity_code, component_code, value, rank, rank_of, tier, old_batch_id)
SELECT $batch_id, s.index_code, s.year, s.entity_code, s.component_code, s.value, s.rank, s.rank_of, s.tier, s.batch_id
FROM score s
JOIN old_keys k USING (index_code, year, entity_code, component_code);
