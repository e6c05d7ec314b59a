-- unit_insert: register a unit created during an import.
-- parameters: $code, $name_vi, $parent_code
-- columns: (none)
INSERT INTO entity (code, kind, name_vi, name_en, parent_code, source)
VALUES ($code, 'unit', $name_vi, $name_vi, $parent_code, 'user');
