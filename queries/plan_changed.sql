-- plan_changed: incoming rows (registered as `incoming`) whose stored score differs, with the old values.
-- parameters: $tolerance
-- columns: index_code, year, entity_code, component_code, value, rank, rank_of, tier,
--          old_value, old_rank, old_rank_of, old_tier, old_batch_id
SELECT i.index_code, i.year, i.entity_code, i.component_code, i.value, i.rank, i.rank_of, i.tier,
       s.value AS old_value, s.rank AS old_rank, s.rank_of AS old_rank_of, s.tier AS old_tier,
       s.batch_id AS old_batch_id
FROM incoming i
JOIN score s USING (index_code, year, entity_code, component_code)
WHERE NOT (abs(i.value - s.value) <= $tolerance
           AND i.rank IS NOT DISTINCT FROM s.rank
           AND i.rank_of IS NOT DISTINCT FROM s.rank_of
           AND coalesce(i.tier, '') = coalesce(s.tier, ''))
ORDER BY i.index_code, i.year, i.component_code, i.entity_code;
