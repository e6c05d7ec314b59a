-- export_choices: every index that has scores, with its years and the kind of entity it ranks.
-- parameters: $lang ('vi' or 'en')
-- columns: code, name, entity_kind, year_from, year_to
SELECT i.code, CASE WHEN $lang = 'en' THEN i.name_en ELSE i.name_vi END AS name, i.entity_kind,
       min(s.year) AS year_from, max(s.year) AS year_to
FROM index_def i
JOIN score s ON s.index_code = i.code
GROUP BY i.code, i.name_vi, i.name_en, i.entity_kind
ORDER BY CASE i.code WHEN 'PAR_INDEX' THEN 0 WHEN 'SIPAS' THEN 1 WHEN 'PAPI' THEN 2 WHEN 'PCI' THEN 3 ELSE 4 END,
         i.code;
