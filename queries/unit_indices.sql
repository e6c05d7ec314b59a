-- unit_indices: indices that hold results of the units under a parent, with their years.
-- parameters: $parent_code
-- columns: index_code, first_year, last_year
SELECT s.index_code, min(s.year) AS first_year, max(s.year) AS last_year
FROM score s
JOIN entity e ON e.code = s.entity_code AND e.parent_code = $parent_code
GROUP BY s.index_code
ORDER BY s.index_code;
