-- goal_update_incoming: set the target (and note) of stored goals with the same key as a row registered as
-- `incoming_goals`; the key is (index_code, component_code, entity_code, kind, base_year, target_year), within the
-- sample goals or within the organisation's own (an own goal never updates a sample one, so remove-sample keeps it).
-- parameters: (none)
-- columns: (none)
UPDATE goal
SET target = i.target,
    note = CASE WHEN i.note <> '' THEN i.note ELSE goal.note END,
    updated_at = current_timestamp
FROM incoming_goals i
WHERE goal.index_code = i.index_code AND goal.component_code = i.component_code
  AND goal.entity_code = i.entity_code AND goal.kind = i.kind
  AND goal.base_year IS NOT DISTINCT FROM i.base_year AND goal.target_year = i.target_year
  AND goal.is_sample = i.is_sample;
