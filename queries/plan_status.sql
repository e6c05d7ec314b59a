-- plan_status: for each incoming row (registered as `incoming` with a row number `rn`), 0 = added, 1 = changed,
-- 2 = unchanged compared with the stored score of the same key; in no particular order (the caller places each
-- status by its rn, which is cheaper than sorting 100,000 rows here).
-- parameters: $tolerance
-- columns: rn, status
SELECT i.rn,
       CASE
         WHEN s.batch_id IS NULL THEN 0
         WHEN abs(i.value - s.value) <= $tolerance
              AND i.rank IS NOT DISTINCT FROM s.rank
              AND i.rank_of IS NOT DISTINCT FROM s.rank_of
              AND coalesce(i.tier, '') = coalesce(s.tier, '') THEN 2
         ELSE 1
       END::TINYINT AS status
FROM incoming i
LEFT JOIN score s USING (index_code, year, entity_code, component_code);
