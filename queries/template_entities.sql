-- template_entities: entity names offered in a template's drop-down, by kind and (for units) parent.
-- parameters: $kinds (list of kinds), $parent_code (NULL = any parent)
-- columns: code, kind, name_vi
SELECT code, kind, name_vi
FROM entity
WHERE list_contains($kinds, kind)
  AND ($parent_code IS NULL OR parent_code = $parent_code)
ORDER BY CASE kind WHEN 'province' THEN 0 WHEN 'ministry' THEN 1 ELSE 2 END, valid_to IS NOT NULL, name_vi COLLATE vi,
         code;
