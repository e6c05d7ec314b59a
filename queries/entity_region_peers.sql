-- entity_region_peers: the other entities in force of the same kind and region as an entity, by code.
-- parameters: $entity_code
-- columns: code
SELECT o.code
FROM entity e
JOIN entity o ON o.region = e.region AND o.kind = e.kind AND o.code <> e.code
WHERE e.code = $entity_code AND e.region IS NOT NULL AND o.valid_to IS NULL
ORDER BY o.code;
