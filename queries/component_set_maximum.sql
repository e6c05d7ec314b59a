-- component_set_maximum: a unit index's criterion takes the maximum its sheet wrote («(10 điểm)», «Điểm tối đa»)
-- while its scale is unset or still the index's own (add_index gives each component the index's scale), so pages
-- can compare criteria by share of their maximum. Reference indices keep their published scales.
-- parameters: $index_code, $component_code, $maximum
-- columns: (none)
UPDATE component_def SET scale_max = $maximum
WHERE index_code = $index_code AND code = $component_code
  AND index_code IN (SELECT code FROM index_def WHERE entity_kind = 'unit')
  AND (scale_max IS NULL OR scale_max = (SELECT scale_max FROM index_def WHERE code = $index_code));
