-- plan_status: for each incoming row (registered as `incoming` with a row number `rn` and the half unit of its
-- printed precision `tolerance`), 0 = added, 1 = changed, 2 = unchanged compared with the stored score of the same
-- key; in no particular order (the caller places each status by its rn, cheaper than sorting 100,000 rows here).
-- A value equal at the file's own printed precision is unchanged (65.5 typed from a web page against the stored
-- 65.4837), and a rank, field or tier the file does not state changes nothing.
-- parameters: $tolerance
-- columns: rn, status
SELECT i.rn,
       CASE
         WHEN s.batch_id IS NULL THEN 0
         WHEN abs(i.value - s.value) <= greatest(i.tolerance, $tolerance)
              AND (i.rank IS NULL OR i.rank = s.rank)
              AND (i.rank IS NULL OR i.rank_of IS NULL OR i.rank_of = s.rank_of)
              AND (i.tier IS NULL OR i.tier = s.tier) THEN 2
         ELSE 1
       END::TINYINT AS status
FROM incoming i
LEFT JOIN score s USING (index_code, year, entity_code, component_code);
