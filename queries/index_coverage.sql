-- index_coverage: per index, the years held, how many entities and whether any figure is a sample.
-- parameters: $lang
-- columns: index_code, index_name, first_year, last_year, entities, scores, sample
SELECT s.index_code,
       CASE WHEN $lang = 'en' THEN i.name_en ELSE i.name_vi END AS index_name,
       min(s.year) AS first_year, max(s.year) AS last_year,
       count(DISTINCT s.entity_code) AS entities, count(*) AS scores,
       bool_or(b.is_sample) AS sample
FROM score s
JOIN index_def i ON i.code = s.index_code
JOIN batch b ON b.id = s.batch_id
GROUP BY s.index_code, i.name_vi, i.name_en
ORDER BY s.index_code;
