-- entity_years: the years in which an entity has any overall score.
-- parameters: $entity_code
-- columns: year
SELECT DISTINCT year FROM score WHERE entity_code = $entity_code AND component_code = '' ORDER BY year;
