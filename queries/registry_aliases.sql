-- registry_aliases: alias keys of entities (names, codes, spellings seen in files).
-- parameters: (none)
-- columns: alias_key, entity_code
SELECT alias_key, entity_code FROM entity_alias ORDER BY alias_key, entity_code;
