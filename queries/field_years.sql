-- field_years: every entity's rank and value for one index and component over a span of years (bump charts).
-- parameters: $index_code, $from_year, $to_year, $component, $lang
-- columns: year, entity_code, entity_name, value, rank, rank_of
SELECT s.year, s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       s.value, s.rank, s.rank_of
FROM score s
JOIN entity e ON e.code = s.entity_code
WHERE s.index_code = $index_code AND s.component_code = $component AND s.year BETWEEN $from_year AND $to_year
ORDER BY s.year, s.rank NULLS LAST, s.entity_code;
