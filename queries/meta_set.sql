-- meta_set: set one meta value.
-- parameters: $key, $value
-- columns: (none)
INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value);
