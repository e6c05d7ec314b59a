-- goal_list: every stored goal with its entity's name, the organisation's first, then the sample's, in the order
-- they were entered.
-- parameters: $lang ('vi' or 'en')
-- columns: id, index, component, entity_code, entity_name, kind, target, base_year, target_year, note, sample
SELECT g.id, g.index_code AS "index", g.component_code AS component, g.entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       g.kind, g.target, g.base_year, g.target_year, g.note, g.is_sample AS sample
FROM goal g
LEFT JOIN entity e ON e.code = g.entity_code
ORDER BY g.is_sample, g.id;
