-- unit_results: the units under a parent with their overall score in a year and the year before.
-- parameters: $parent_code, $index_code, $year, $lang
-- columns: entity_code, entity_name, value, rank, rank_of, prev_value, prev_rank, sample
SELECT s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       s.value, s.rank, s.rank_of, p.value AS prev_value, p.rank AS prev_rank, b.is_sample AS sample
FROM score s
JOIN entity e ON e.code = s.entity_code AND e.parent_code = $parent_code
JOIN batch b ON b.id = s.batch_id
LEFT JOIN score p ON p.index_code = s.index_code AND p.entity_code = s.entity_code
                 AND p.component_code = '' AND p.year = s.year - 1
WHERE s.index_code = $index_code AND s.year = $year AND s.component_code = ''
ORDER BY s.rank NULLS LAST, s.entity_code;
