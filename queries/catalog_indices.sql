-- catalog_indices: every index of the catalog.
-- parameters: (none)
-- columns: code, name_vi, name_en, unit, scale_min, scale_max, higher_is_better, entity_kind, first_year, aliases,
--          source
SELECT code, name_vi, name_en, unit, scale_min, scale_max, higher_is_better, entity_kind, first_year, aliases, source
FROM index_def
ORDER BY code;
