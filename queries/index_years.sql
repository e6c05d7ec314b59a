-- index_years: the years an index has overall scores, with the field size and whether they are a sample.
-- parameters: $index_code
-- columns: year, entities, sample
SELECT s.year, count(*) AS entities, bool_or(b.is_sample) AS sample
FROM score s
JOIN batch b ON b.id = s.batch_id
WHERE s.index_code = $index_code AND s.component_code = ''
GROUP BY s.year
ORDER BY s.year;
