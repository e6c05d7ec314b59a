-- data_version_bump: increase the data version that caches are keyed by.
-- parameters: (none)
-- columns: (none)
INSERT OR REPLACE INTO meta (key, value)
SELECT 'data_version', CAST(coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'), 0) + 1 AS VARCHAR);
