-- entity_get: one entity by code.
-- parameters: $code
-- columns: code, kind, name_vi, name_en, parent_code, source
SELECT code, kind, name_vi, name_en, parent_code, source FROM entity WHERE code = $code;
