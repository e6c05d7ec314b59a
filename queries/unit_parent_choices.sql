-- unit_parent_choices: entities that have units under them (for the unit template and the registry page).
-- parameters: $lang ('vi' or 'en')
-- columns: code, name, kind
SELECT DISTINCT p.code, CASE WHEN $lang = 'en' THEN coalesce(p.name_en, p.name_vi) ELSE p.name_vi END AS name, p.kind
FROM entity u
JOIN entity p ON p.code = u.parent_code
WHERE u.kind = 'unit'
ORDER BY name COLLATE vi, p.code;
