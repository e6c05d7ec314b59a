-- entity_latest: an entity's latest overall score per index, with the previous year's rank.
-- parameters: $entity_code, $lang
-- columns: index_code, index_name, unit, year, value, rank, rank_of, prev_rank, prev_rank_of, sample
WITH overall AS (
    SELECT s.*, row_number() OVER (PARTITION BY s.index_code ORDER BY s.year DESC) AS recency
    FROM score s WHERE s.entity_code = $entity_code AND s.component_code = ''
)
SELECT o.index_code, CASE WHEN $lang = 'en' THEN i.name_en ELSE i.name_vi END AS index_name, i.unit,
       o.year, o.value, o.rank, o.rank_of, p.rank AS prev_rank, p.rank_of AS prev_rank_of,
       b.is_sample AS sample
FROM overall o
JOIN index_def i ON i.code = o.index_code
JOIN batch b ON b.id = o.batch_id
LEFT JOIN score p ON p.index_code = o.index_code AND p.entity_code = o.entity_code
                 AND p.component_code = '' AND p.year = o.year - 1
WHERE o.recency = 1
ORDER BY o.index_code;
