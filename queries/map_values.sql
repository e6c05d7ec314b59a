-- map_values: every province's value and rank for one index, year and component ('' = overall), for the map.
-- parameters: $index_code, $year, $component, $lang
-- columns: entity_code, entity_name, value, rank, rank_of, sample
SELECT s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       s.value, s.rank, s.rank_of, b.is_sample AS sample
FROM score s
JOIN entity e ON e.code = s.entity_code
JOIN batch b ON b.id = s.batch_id
WHERE s.index_code = $index_code AND s.year = $year AND s.component_code = $component AND e.kind = 'province'
ORDER BY s.rank NULLS LAST, s.entity_code;
