-- component_insert: add a component to a user-defined index.
-- parameters: $index_code, $code, $name_vi, $name_en, $scale_min, $scale_max
-- columns: (none)
INSERT INTO component_def (index_code, code, name_vi, name_en, parent_code, valid_from_year, valid_to_year,
                           scale_min, scale_max, aliases, source)
VALUES ($index_code, $code, $name_vi, $name_en, NULL, NULL, NULL, $scale_min, $scale_max, '', 'user');
