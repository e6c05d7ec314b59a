-- registry_change_insert: record one change of the registry or catalog.
-- parameters: $user_name, $action (add_unit | rename_unit | add_alias | add_index), $entity_code, $index_code,
--             $detail
-- columns: id
INSERT INTO registry_change (user_name, action, entity_code, index_code, detail)
VALUES ($user_name, $action, $entity_code, $index_code, $detail)
RETURNING id;
