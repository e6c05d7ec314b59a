-- alias_owners: the entities an alias key already points to.
-- parameters: $alias_key
-- columns: entity_code, name_vi
SELECT a.entity_code, e.name_vi
FROM entity_alias a
JOIN entity e ON e.code = a.entity_code
WHERE a.alias_key = $alias_key
ORDER BY a.entity_code;
