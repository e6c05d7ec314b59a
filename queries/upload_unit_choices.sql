-- upload_unit_choices: the units in force under one parent, which a name in an uploaded unit sheet may be matched to
--   (never another parent's units), with the parent's name for the choice's label.
-- parameters: $parent_code
-- columns: code, name_vi, name_en, parent_name_vi, parent_name_en
SELECT u.code, u.name_vi, u.name_en, p.name_vi AS parent_name_vi, p.name_en AS parent_name_en
FROM entity u
JOIN entity p ON p.code = u.parent_code
WHERE u.kind = 'unit' AND u.parent_code = $parent_code AND u.valid_to IS NULL
ORDER BY u.name_vi COLLATE vi, u.code;
