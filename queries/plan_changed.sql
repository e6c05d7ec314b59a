-- plan_changed: incoming rows (registered as `incoming`, see plan_status) whose stored score differs, as they will
-- be written, with the old values. The stored value is kept when it equals the incoming one at the file's printed
-- precision; a published rank (with its field) and tier the file does not state are kept.
-- parameters: $tolerance
-- columns: index_code, year, entity_code, component_code, value, rank, rank_of, tier,
--          old_value, old_rank, old_rank_of, old_tier, old_batch_id
SELECT i.index_code, i.year, i.entity_code, i.component_code,
       CASE WHEN abs(i.value - s.value) <= greatest(i.tolerance, $tolerance) THEN s.value ELSE i.value END AS value,
       CASE WHEN i.rank IS NULL THEN s.rank ELSE i.rank END AS rank,
       CASE WHEN i.rank IS NULL THEN s.rank_of ELSE coalesce(i.rank_of, s.rank_of) END AS rank_of,
       coalesce(i.tier, s.tier) AS tier,
       s.value AS old_value, s.rank AS old_rank, s.rank_of AS old_rank_of, s.tier AS old_tier,
       s.batch_id AS old_batch_id
FROM incoming i
JOIN score s USING (index_code, year, entity_code, component_code)
WHERE NOT (abs(i.value - s.value) <= greatest(i.tolerance, $tolerance)
           AND (i.rank IS NULL OR i.rank = s.rank)
           AND (i.rank IS NULL OR i.rank_of IS NULL OR i.rank_of = s.rank_of)
           AND (i.tier IS NULL OR i.tier = s.tier))
ORDER BY i.index_code, i.year, i.component_code, i.entity_code;
