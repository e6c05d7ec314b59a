-- goal_field: every entity's value of an index (or component) in one year: the field a rank goal is read from.
-- parameters: $index_code, $component_code, $year
-- columns: entity_code, value
SELECT entity_code, value
FROM score
WHERE index_code = $index_code AND component_code = $component_code AND year = $year;
