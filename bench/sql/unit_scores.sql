-- unit_scores: every unit's overall and criteria scores for each year, ranked among the units of its department.
-- parameters: $batch_id, $index_code, $units, $parents, $first_year, $last_year, $components (list, '' = overall)
-- columns: (none)
INSERT INTO score (index_code, year, entity_code, component_code, value, rank, rank_of, tier, batch_id)
SELECT $index_code, year, 'BENCH-' || u, component_code, value,
       rank() OVER (PARTITION BY parent, year, component_code ORDER BY value DESC),
       count(*) OVER (PARTITION BY parent, year, component_code), NULL, $batch_id
FROM (
    SELECT y.year, t.u, t.u % $parents AS parent, c.component_code,
           round(50 + 50 * (hash(y.year, t.u, c.component_code) % 1000003) / 1000003.0, 2) AS value
    FROM range($first_year, $last_year + 1) y(year)
    CROSS JOIN range($units) t(u)
    CROSS JOIN (SELECT unnest($components) AS component_code) c
);
