-- entity_choices: provinces, ministries and units that have scores, for the focus selector.
-- parameters: $lang
-- columns: code, name, kind, parent_code
SELECT e.code, CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS name,
       e.kind, e.parent_code
FROM entity e
WHERE EXISTS (SELECT 1 FROM score s WHERE s.entity_code = e.code)
   OR EXISTS (SELECT 1 FROM entity u JOIN score s ON s.entity_code = u.code WHERE u.parent_code = e.code)
ORDER BY CASE e.kind WHEN 'province' THEN 0 WHEN 'unit' THEN 1 ELSE 2 END, name COLLATE vi, e.code;
