-- scores: stored scores of one index, optionally one year and one entity.
-- parameters: $index_code, $year (NULL = every year), $entity_code (NULL = every entity), $lang ('vi' or 'en')
-- columns: index, year, entity_code, entity_name, component, value, rank, rank_of
SELECT s.index_code AS "index", s.year, s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       s.component_code AS component, s.value, s.rank, s.rank_of
FROM score s
JOIN entity e ON e.code = s.entity_code
WHERE s.index_code = $index_code
  AND ($year IS NULL OR s.year = $year)
  AND ($entity_code IS NULL OR s.entity_code = $entity_code)
ORDER BY s.year, s.component_code, s.rank NULLS LAST, s.entity_code;
