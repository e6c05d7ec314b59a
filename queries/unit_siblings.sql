-- unit_siblings: the units under one parent (NULL = units without a parent), to refuse duplicate names.
-- parameters: $parent_code
-- columns: code, name_vi
SELECT code, name_vi
FROM entity
WHERE kind = 'unit' AND parent_code IS NOT DISTINCT FROM $parent_code
ORDER BY code;
