-- catalog_components: every component of every index.
-- parameters: (none)
-- columns: index_code, code, name_vi, name_en, parent_code, valid_from_year, valid_to_year, scale_min, scale_max, aliases
SELECT index_code, code, name_vi, name_en, parent_code, valid_from_year, valid_to_year, scale_min, scale_max, aliases
FROM component_def
ORDER BY index_code, coalesce(parent_code, code), parent_code NULLS FIRST, code;
