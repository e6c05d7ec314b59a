-- registry_entities: every entity of the registry.
-- parameters: (none)
-- columns: code, kind, name_vi, name_en, parent_code, valid_from, valid_to, code_2025
SELECT code, kind, name_vi, name_en, parent_code, valid_from, valid_to, code_2025
FROM entity
ORDER BY kind, code;
