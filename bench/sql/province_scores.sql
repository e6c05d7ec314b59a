-- province_scores: generated scores of every province in its field, for each (index, year, component) of `combos`.
-- parameters: $batch_id; registered frames: combos(index_code, year, component_code, lo, hi),
--             field(entity_code, first_year, last_year, open) — open = still a province after the 2025 merger
-- columns: (none); values are a hash of the key (deterministic), ranked within (index, year, component)
INSERT INTO score (index_code, year, entity_code, component_code, value, rank, rank_of, tier, batch_id)
SELECT index_code, year, entity_code, component_code, value,
       rank() OVER (PARTITION BY index_code, year, component_code ORDER BY value DESC),
       count(*) OVER (PARTITION BY index_code, year, component_code), NULL, $batch_id
FROM (
    SELECT c.index_code, c.year, f.entity_code, c.component_code,
           round(c.lo + (c.hi - c.lo) * (hash(c.index_code, c.year, f.entity_code, c.component_code) % 1000003)
                 / 1000003.0, 2) AS value
    FROM combos c
    JOIN field f ON c.year BETWEEN f.first_year AND f.last_year AND (c.year < 2025 OR f.open)
);
