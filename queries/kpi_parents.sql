-- kpi_parents: the entities that have a plan (indicators or tasks), with their names.
-- parameters: $lang
-- columns: code, name
SELECT p.code, CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS name
FROM (SELECT parent_code AS code FROM indicator UNION SELECT parent_code FROM task) p
LEFT JOIN entity e ON e.code = p.code
ORDER BY p.code;
