-- unit_parent_owners: the entities with scored units, each with its own parent and whether all its units' scores
-- are sample figures.
-- parameters: (none)
-- columns: code, parent_code, sample
SELECT p.code, p.parent_code, bool_and(b.is_sample) AS sample
FROM entity u
JOIN entity p ON p.code = u.parent_code
JOIN score s ON s.entity_code = u.code
JOIN batch b ON b.id = s.batch_id
WHERE u.kind = 'unit'
GROUP BY p.code, p.parent_code
ORDER BY p.code;
