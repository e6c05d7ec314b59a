-- index_choices: indices that have scores, with the kind of entity they rank.
-- parameters: $lang
-- columns: code, name, unit, entity_kind
SELECT i.code, CASE WHEN $lang = 'en' THEN i.name_en ELSE i.name_vi END AS name, i.unit, i.entity_kind
FROM index_def i
WHERE EXISTS (SELECT 1 FROM score s WHERE s.index_code = i.code)
ORDER BY CASE i.code WHEN 'PAR_INDEX' THEN 0 WHEN 'SIPAS' THEN 1 WHEN 'PAPI' THEN 2 WHEN 'PCI' THEN 3 ELSE 4 END,
         i.code;
