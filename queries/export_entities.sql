-- export_entities: the entities that have scores of one index, for the export selection.
-- parameters: $index_code, $lang ('vi' or 'en')
-- columns: code, name
SELECT e.code, CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS name
FROM entity e
WHERE EXISTS (SELECT 1 FROM score s WHERE s.entity_code = e.code AND s.index_code = $index_code)
ORDER BY name COLLATE vi, e.code;
