-- unit_parents: entities that have units with scores under them (departments, health centres, provinces).
-- parameters: $lang
-- columns: code, name, kind
SELECT DISTINCT p.code, CASE WHEN $lang = 'en' THEN coalesce(p.name_en, p.name_vi) ELSE p.name_vi END AS name, p.kind
FROM entity u
JOIN entity p ON p.code = u.parent_code
WHERE u.kind = 'unit' AND EXISTS (SELECT 1 FROM score s WHERE s.entity_code = u.code)
ORDER BY name COLLATE vi, p.code;
