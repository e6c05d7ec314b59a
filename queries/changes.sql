-- changes: rank and value of every entity in two years for one component ('' = overall); a missing year gives NULLs.
-- parameters: $index_code, $from_year, $to_year, $component, $lang
-- columns: entity_code, entity_name, rank_from, rank_to, places_up, value_from, value_to
WITH a AS (
    SELECT entity_code, rank, value FROM score
    WHERE index_code = $index_code AND year = $from_year AND component_code = $component
), b AS (
    SELECT entity_code, rank, value FROM score
    WHERE index_code = $index_code AND year = $to_year AND component_code = $component
)
SELECT coalesce(a.entity_code, b.entity_code) AS entity_code,
       CASE WHEN $lang = 'en' THEN coalesce(e.name_en, e.name_vi) ELSE e.name_vi END AS entity_name,
       a.rank AS rank_from, b.rank AS rank_to, a.rank - b.rank AS places_up,
       a.value AS value_from, b.value AS value_to
FROM a
FULL OUTER JOIN b ON a.entity_code = b.entity_code
JOIN entity e ON e.code = coalesce(a.entity_code, b.entity_code)
ORDER BY places_up DESC NULLS LAST, rank_to NULLS LAST, entity_code;
