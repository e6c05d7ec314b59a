-- score_insert_rows: insert the rows registered as `new_rows`.
-- parameters: (none)
-- columns: (none)
INSERT INTO score (index_code, year, entity_code, component_code, value, rank, rank_of, tier, batch_id)
SELECT index_code, year, entity_code, component_code, value, rank, rank_of, tier, batch_id FROM new_rows;
