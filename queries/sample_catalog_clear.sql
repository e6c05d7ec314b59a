-- sample_catalog_clear: remove the sample department's catalog rows before (re)creating them.
-- parameters: (none)
-- columns: (none)
DELETE FROM component_def WHERE index_code = 'SYT_CCHC' AND source = 'sample';
DELETE FROM index_def WHERE code = 'SYT_CCHC' AND source = 'sample';
DELETE FROM entity WHERE code = '22-SYT' AND source = 'sample';
DELETE FROM entity_alias WHERE entity_code = '22-SYT';
