-- export_scores: scores of one index over a span of years, for some entities or all, with display names.
-- parameters: $index_code, $year_from, $year_to, $entity_codes (list of codes; NULL = every entity),
--             $lang ('vi' or 'en')
-- columns: index_code, year, entity_code, entity_name, component, value, rank, rank_of, tier, is_sample
SELECT s.index_code, s.year, s.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       CASE WHEN s.component_code = '' THEN ''
            WHEN $lang = 'en' THEN coalesce(c.name_en, c.name_vi, s.component_code)
            ELSE coalesce(c.name_vi, s.component_code) END AS component,
       s.value, s.rank, s.rank_of, s.tier, b.is_sample
FROM score s
JOIN entity e ON e.code = s.entity_code
JOIN batch b ON b.id = s.batch_id
LEFT JOIN component_def c ON c.index_code = s.index_code AND c.code = s.component_code
WHERE s.index_code = $index_code
  AND s.year BETWEEN $year_from AND $year_to
  AND ($entity_codes IS NULL OR list_contains($entity_codes, s.entity_code))
ORDER BY s.year, s.component_code = '' DESC, s.component_code, s.rank NULLS LAST, s.entity_code;
