-- backup_tables: every table of the current database, from the catalog (so a new table is never left out).
-- parameters: (none)
-- columns: table_name
SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name;
