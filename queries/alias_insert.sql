-- alias_insert: add a user alias of an entity.
-- parameters: $alias_key, $entity_code, $alias
-- columns: (none)
INSERT OR IGNORE INTO entity_alias (alias_key, entity_code, alias, source) VALUES ($alias_key, $entity_code, $alias, 'user');
