-- kpi_units: the units under a parent (code and names), the rows of its plan's matrix.
-- parameters: $parent_code
-- columns: code, name_vi, name_en
SELECT code, name_vi, coalesce(name_en, name_vi) AS name_en
FROM entity
WHERE kind = 'unit' AND parent_code = $parent_code AND code <> $parent_code
ORDER BY name_vi COLLATE vi, code;
