-- index_insert: register a user-defined index.
-- parameters: $code, $name_vi, $name_en, $unit, $scale_min, $scale_max, $entity_kind, $first_year
-- columns: (none)
INSERT INTO index_def (code, name_vi, name_en, unit, scale_min, scale_max, higher_is_better, publisher, entity_kind,
                       first_year, aliases, source)
VALUES ($code, $name_vi, $name_en, $unit, $scale_min, $scale_max, true, NULL, $entity_kind, $first_year, '', 'user');
