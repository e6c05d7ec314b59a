-- entity_trend: one entity's value and rank over the years for an index (component '' = overall).
-- parameters: $index_code, $entity_code, $component
-- columns: year, value, rank, rank_of, sample
SELECT s.year, s.value, s.rank, s.rank_of, b.is_sample AS sample
FROM score s
JOIN batch b ON b.id = s.batch_id
WHERE s.index_code = $index_code AND s.entity_code = $entity_code AND s.component_code = $component
ORDER BY s.year;
