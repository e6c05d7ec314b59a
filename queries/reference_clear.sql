-- reference_clear: remove shipped reference rows before reloading them; user-added rows stay.
-- parameters: (none)
-- columns: (none)
DELETE FROM index_def WHERE source = 'reference';
DELETE FROM component_def WHERE source = 'reference';
DELETE FROM entity WHERE source = 'reference';
DELETE FROM entity_alias WHERE source = 'reference';
DELETE FROM entity_lineage;
