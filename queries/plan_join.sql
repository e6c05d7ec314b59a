-- plan_join: incoming scores (registered as `incoming`) beside the stored ones with the same key.
-- parameters: (none; reads the registered frame `incoming`)
-- columns: index_code, year, entity_code, component_code, value, rank, rank_of, tier,
--          old_value, old_rank, old_rank_of, old_tier, old_batch_id
SELECT i.index_code, i.year, i.entity_code, i.component_code, i.value, i.rank, i.rank_of, i.tier,
       s.value AS old_value, s.rank AS old_rank, s.rank_of AS old_rank_of, s.tier AS old_tier,
       s.batch_id AS old_batch_id
FROM incoming i
LEFT JOIN score s USING (index_code, year, entity_code, component_code)
ORDER BY i.index_code, i.year, i.component_code, i.entity_code;
