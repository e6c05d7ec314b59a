-- backup_catalog: every object of the current database's catalog, one row each, to compare a backup's schema with
-- the one the migrations build (restore refuses anything extra or different: a VIEW where a table belongs, a macro).
-- parameters: (none)
-- columns: kind, name, detail
-- A sequence's start value is left out: COPY FROM DATABASE starts the copy where the original had got to.
SELECT 'schema' AS kind, schema_name AS name, '' AS detail
FROM duckdb_schemas() WHERE database_name = current_database()
UNION ALL
SELECT 'table', schema_name || '.' || table_name, coalesce(sql, '')
FROM duckdb_tables() WHERE database_name = current_database()
UNION ALL
SELECT 'column', schema_name || '.' || table_name || '.' || column_name,
       concat_ws(' | ', column_index, data_type, coalesce(column_default, '(no default)'), is_nullable)
FROM duckdb_columns() WHERE database_name = current_database()
UNION ALL
SELECT 'constraint', schema_name || '.' || table_name || ': ' || constraint_text,
       concat_ws(' | ', constraint_type, coalesce(expression, ''), array_to_string(constraint_column_names, ','))
FROM duckdb_constraints() WHERE database_name = current_database()
UNION ALL
SELECT 'view', schema_name || '.' || view_name, coalesce(sql, '')
FROM duckdb_views() WHERE database_name = current_database()
UNION ALL
SELECT 'function', schema_name || '.' || function_name,
       concat_ws(' | ', function_type, coalesce(macro_definition, ''), coalesce(array_to_string(parameters, ','), ''))
FROM duckdb_functions() WHERE database_name = current_database()
UNION ALL
SELECT 'sequence', schema_name || '.' || sequence_name,
       concat_ws(' | ', min_value, max_value, increment_by, cycle)
FROM duckdb_sequences() WHERE database_name = current_database()
UNION ALL
SELECT 'type', schema_name || '.' || type_name, coalesce(logical_type, '')
FROM duckdb_types() WHERE database_name = current_database()  -- built-in types too: the same on both sides
UNION ALL
SELECT 'index', schema_name || '.' || table_name || '.' || index_name, coalesce(sql, '')
FROM duckdb_indexes() WHERE database_name = current_database()
ORDER BY kind, name;
