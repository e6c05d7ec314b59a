-- goal_scores: the scores of each goal's own entity, for the index/component pairs it names; '*' = all components.
-- parameters: (none)
-- columns: index_code, component_code, year, entity_code, value, rank, rank_of
SELECT s.index_code, s.component_code, s.year, s.entity_code, s.value, s.rank, s.rank_of
FROM score s
WHERE EXISTS (SELECT 1 FROM goal g
              WHERE g.index_code = s.index_code
                AND g.entity_code = s.entity_code
                AND (g.component_code = s.component_code OR g.component_code = '*'))
ORDER BY s.index_code, s.component_code, s.year, s.rank NULLS LAST, s.entity_code;
