-- map_components: the components an index has province scores for in a year, in the catalog's order.
-- parameters: $index_code, $year, $lang
-- columns: code, name
SELECT c.code, CASE WHEN $lang = 'en' THEN c.name_en ELSE c.name_vi END AS name
FROM component_def c
WHERE c.index_code = $index_code
  AND EXISTS (SELECT 1 FROM score s JOIN entity e ON e.code = s.entity_code
              WHERE s.index_code = $index_code AND s.year = $year AND s.component_code = c.code
                AND e.kind = 'province')
ORDER BY c.code;
