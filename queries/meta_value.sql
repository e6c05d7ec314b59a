-- meta_value: one value from the meta table.
-- parameters: $key
-- columns: value
SELECT value FROM meta WHERE key = $key;
