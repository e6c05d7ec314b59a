-- goal_insert_incoming: insert the rows registered as `incoming_goals` whose key is not stored yet among the goals
-- of the same kind (sample or own), keeping their id when they carry one, as the page's editor does.
-- parameters: (none)
-- columns: (none)
INSERT INTO goal (id, index_code, component_code, entity_code, kind, target, base_year, target_year, note, is_sample)
SELECT coalesce(i.id, nextval('goal_id_seq')), i.index_code, i.component_code, i.entity_code, i.kind, i.target,
       i.base_year, i.target_year, i.note, i.is_sample
FROM incoming_goals i
WHERE NOT EXISTS (
    SELECT 1 FROM goal g
    WHERE g.index_code = i.index_code AND g.component_code = i.component_code
      AND g.entity_code = i.entity_code AND g.kind = i.kind
      AND g.base_year IS NOT DISTINCT FROM i.base_year AND g.target_year = i.target_year
      AND g.is_sample = i.is_sample
);
