-- meta_exists: whether the meta table exists yet (a brand-new database has no tables).
-- parameters: (none)
-- columns: n
SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'meta';
