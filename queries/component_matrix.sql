-- component_matrix: each entity's component values in a year with the previous year's, for heatmaps and drivers.
-- parameters: $index_code, $year, $lang
-- columns: entity_code, entity_name, component_code, component_name, value, rank, rank_of, prev_value, prev_rank,
--          maximum (the criterion's maximum when the catalog knows it: a unit sheet's «(10 điểm)»)
SELECT s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       s.component_code,
       CASE WHEN $lang = 'en' THEN c.name_en ELSE c.name_vi END AS component_name,
       s.value, s.rank, s.rank_of, p.value AS prev_value, p.rank AS prev_rank, c.scale_max AS maximum
FROM score s
JOIN entity e ON e.code = s.entity_code
JOIN component_def c ON c.index_code = s.index_code AND c.code = s.component_code
LEFT JOIN score p ON p.index_code = s.index_code AND p.entity_code = s.entity_code
                 AND p.component_code = s.component_code AND p.year = s.year - 1
WHERE s.index_code = $index_code AND s.year = $year AND s.component_code <> ''
ORDER BY s.entity_code, s.component_code;
