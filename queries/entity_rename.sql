-- entity_rename: give an entity a new Vietnamese name; an English name that only copied the old one follows it.
-- parameters: $code, $name_vi
-- columns: (none)
UPDATE entity
SET name_vi = $name_vi,
    name_en = CASE WHEN name_en IS NULL OR name_en = name_vi THEN $name_vi ELSE name_en END
WHERE code = $code;
