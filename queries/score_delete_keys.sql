-- score_delete_keys: delete stored rows whose keys are registered as `old_keys`.
-- parameters: (none)
-- columns: (none)
DELETE FROM score s
USING old_keys k
WHERE s.index_code = k.index_code AND s.year = k.year AND s.entity_code = k.entity_code
  AND s.component_code = k.component_code;
